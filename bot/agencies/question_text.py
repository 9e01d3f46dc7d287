"""Normalising a question for matching, keeping the way back to the original positions."""

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class NormalizedText:
    """Chinese characters and lower-case ASCII letters and digits, with original positions."""

    original: str
    value: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``value[start:end]``."""
        return self.origin[start], self.origin[end - 1] + 1

    def on_word_boundaries(self, start: int, end: int) -> bool:
        """True if ``value[start:end]`` starts and ends between words in the original."""
        first, last = self.span(start, end)
        before = self.original[first - 1] if first > 0 else " "
        after = self.original[last] if last < len(self.original) else " "
        return not _is_latin(before) and not _is_latin(after)


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def is_cjk(ch: str) -> bool:
    """True for a CJK unified ideograph."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def normalize_question(question: str) -> NormalizedText:
    """Keep CJK, ASCII letters (lower-cased, accents dropped) and digits; map positions back."""
    chars: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(question):
        for part in unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", ch)):
            if is_cjk(part) or (part.isascii() and part.isalnum()):
                chars.append(part.lower())
                origin.append(index)
    return NormalizedText(question, "".join(chars), tuple(origin))
