"""Agency names: their forms in Chinese, pinyin and English, and finding them in questions."""

from bot.names.aliases import latin_key, name_forms, pinyin
from bot.names.entries import AgencyEntry, AgencyInfo, Region
from bot.names.index import Found, Hit, Mention, NameIndex

__all__ = [
    "AgencyEntry",
    "AgencyInfo",
    "Found",
    "Hit",
    "Mention",
    "NameIndex",
    "Region",
    "latin_key",
    "name_forms",
    "pinyin",
]
