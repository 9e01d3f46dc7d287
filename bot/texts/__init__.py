"""The chat's words, one module per language (``en``, ``zh``), and the languages themselves."""

from enum import StrEnum


class Language(StrEnum):
    """A language the bot speaks: its code, as Telegram and the tables key it."""

    EN = "en"
    ZH = "zh"

    @classmethod
    def of(cls, code: str | None, default: "Language | None" = None) -> "Language":
        """The language a code names (``zh-hans`` is Chinese), else ``default`` (English)."""
        if code and code.lower().startswith("zh"):
            return cls.ZH
        if code and code.lower().startswith("en"):
            return cls.EN
        return default or cls.EN
