"""Normalising report text: full-width forms, stray spaces, line ends."""

import re
import unicodedata

_SPACES = re.compile(r"[ \u3000\u00a0]+")


def normalize_line(line: str) -> str:
    """NFKC, unify spaces (tabs kept: they separate cells), strip the ends."""
    out = unicodedata.normalize("NFKC", line)
    return _SPACES.sub(" ", out).strip(" ")


_NOT_LABEL = re.compile(r"[^\w“”\"]|_")


def compact(text: str) -> str:
    """The text with every space, tab and punctuation mark removed, for comparing labels."""
    return _NOT_LABEL.sub("", unicodedata.normalize("NFKC", text))


_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十]+\)|\d+[.、)])"
)


def strip_numbering(label: str) -> str:
    """``（一）予以公开`` → ``予以公开``; ``1. 属于国家秘密`` → ``属于国家秘密``."""
    out = unicodedata.normalize("NFKC", label).strip()
    while True:
        stripped = _NUMBERING.sub("", out).strip()
        if stripped == out:
            return out
        out = stripped
