"""Which language a question is in."""

from bot.agencies.question_text import is_cjk


def detect_language(text: str, default: str = "en") -> str:
    """``zh`` when the text has any Chinese character, ``en`` when it has Latin letters."""
    if any(is_cjk(ch) for ch in text):
        return "zh"
    if any(ch.isascii() and ch.isalpha() for ch in text):
        return "en"
    return default
