"""Every word the bot says, one module per language (``en``, ``zh``), and how to say one: the
replies (``say``), the chat's interface (``chat_text``), any other table (``localized``).
Replies are plain text, never markup."""

from collections.abc import Mapping
from enum import StrEnum

from bot.texts import en, zh


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


TEXTS = {"en": en.ANSWERS, "zh": zh.ANSWERS}
CHAT = {"en": en.CHAT, "zh": zh.CHAT}
#: the shapes of question /help offers
EXAMPLES = {"en": en.HELP_EXAMPLES, "zh": zh.HELP_EXAMPLES}

__all__ = ["CHAT", "EXAMPLES", "TEXTS", "Language", "chat_text", "join", "localized", "say"]


def localized(
    table: Mapping[str, Mapping[str, str]],
    language: Language,
    key: str,
    *args: object,
    **values: object,
) -> str:
    """``table[language][key]`` (English when the language is unknown), filled with the
    values: every bilingual text table of the bot is read through this."""
    return table.get(language, table[Language.EN])[key].format(*args, **values)


def say(language: Language, key: str, **values: object) -> str:
    """The reply text ``key`` in ``language`` (English when unknown), filled with ``values``."""
    return localized(TEXTS, language, key, **values)


def chat_text(lang: Language, key: str, **values: object) -> str:
    """The interface text ``key`` in ``lang`` (English when unknown)."""
    return localized(CHAT, lang, key, **values)


def join(language: Language, items: list[str]) -> str:
    """Items joined the way each language lists them."""
    return ("、" if language == Language.ZH else ", ").join(items)
