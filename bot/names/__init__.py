"""Agency names: their forms in Chinese, pinyin and English, and finding them in questions."""

from bot.names.aliases import latin_key, name_forms, pinyin
from bot.names.index import AgencyEntry, AgencyIndex, Hit

__all__ = ["AgencyEntry", "AgencyIndex", "Hit", "latin_key", "name_forms", "pinyin"]
