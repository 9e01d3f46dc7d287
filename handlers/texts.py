"""Words of the chat interface (buttons, refusals, prompts) in both languages."""

from bot.answers.texts import localized
from bot.texts import Language, en, zh

CHAT = {"en": en.CHAT, "zh": zh.CHAT}


def chat_text(lang: Language, key: str, **values: object) -> str:
    """The interface text ``key`` in ``lang`` (English when unknown)."""
    return localized(CHAT, lang, key, **values)
