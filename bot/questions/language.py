"""Which language a question is in."""

from bot.agencies.question_text import is_cjk
from bot.texts import Language


def detect_language(text: str, default: Language = Language.EN) -> Language:
    """Chinese when the text has any Chinese character, English when it has Latin letters."""
    if any(is_cjk(ch) for ch in text):
        return Language.ZH
    if any(ch.isascii() and ch.isalpha() for ch in text):
        return Language.EN
    return default
