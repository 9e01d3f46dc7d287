"""The words of every reply, in Chinese and English. Replies are plain text, never markup."""

from collections.abc import Mapping

from bot.texts import Language, en, zh

TEXTS = {"en": en.ANSWERS, "zh": zh.ANSWERS}
#: the shapes of question /help offers
EXAMPLES = {"en": en.HELP_EXAMPLES, "zh": zh.HELP_EXAMPLES}


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


def join(language: Language, items: list[str]) -> str:
    """Items joined the way each language lists them."""
    return ("、" if language == Language.ZH else ", ").join(items)
