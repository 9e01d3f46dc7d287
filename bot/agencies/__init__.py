"""Agency names: their parts and forms in Chinese, pinyin and English, found in questions."""

from bot.agencies.aliases import latin_key, name_forms, pinyin
from bot.agencies.entries import Found, Hit, Members, Mention, Region
from bot.agencies.index import NameIndex
from bot.records import AgencyRecord

__all__ = [
    "AgencyRecord",
    "Found",
    "Hit",
    "Members",
    "Mention",
    "NameIndex",
    "Region",
    "latin_key",
    "name_forms",
    "pinyin",
]
