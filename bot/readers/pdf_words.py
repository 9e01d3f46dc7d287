"""PDF characters grouped into words and lines exactly as pdfplumber groups them (its default
3 pt tolerances), in plain loops: pdfplumber's general code (any direction, layout mode)
costs about ten times as much, and a report has some 3,000 characters in 300 cells.

Only upright characters of one letter each are grouped here; anything else (text turned on
the page, pdfminer's "(cid:N)" for unmapped glyphs, ligatures that pdfplumber expands) goes to
pdfplumber itself. ``tests/unit/test_pdf_words.py`` checks both give the same on random
characters.
"""

from collections.abc import Sequence
from typing import Any

from pdfplumber.utils.text import LIGATURES, chars_to_textmap, extract_text

Obj = dict[str, Any]
#: pdfplumber's default ``x_tolerance`` and ``y_tolerance``.
TOLERANCE = 3.0


def is_plain(chars: Sequence[Obj]) -> bool:
    """Whether every character is upright and one letter (no ligature): what is grouped here."""
    return all(c["upright"] and len(c["text"]) == 1 and c["text"] not in LIGATURES for c in chars)


def cell_text(chars: list[Obj]) -> str:
    """pdfplumber's ``extract_text(chars)``: words joined by a space, lines by a newline."""
    if not is_plain(chars):
        return str(extract_text(chars))
    lines = _lines(_words(chars), by_top=True)
    return "\n".join(" ".join("".join(c["text"] for c in word) for word in line) for line in lines)


def text_lines(chars: list[Obj]) -> list[tuple[float, list[Obj]]]:
    """Each line's top and characters, as pdfplumber's
    ``chars_to_textmap(chars).extract_text_lines(strip=True, return_chars=True)`` gives them."""
    if not chars:
        return []
    if not is_plain(chars):
        found = chars_to_textmap(chars).extract_text_lines(strip=True, return_chars=True)
        return [(float(line["top"]), list(line["chars"])) for line in found]
    out: list[tuple[float, list[Obj]]] = []
    for line in _lines(_words(chars), by_top=False):
        line_chars = [c for word in line for c in word]
        out.append((min(_top(word) for word in line), line_chars))
    return out


def _lines(words: list[list[Obj]], *, by_top: bool) -> list[list[list[Obj]]]:
    """The words in lines, their tops clustered: pdfplumber's ``extract_text`` sorts the words
    by cluster (``by_top``), its text maps take each run of words of one cluster as a line."""
    ids = _cluster_ids([_top(word) for word in words])
    keyed = [(ids[_top(word)], word) for word in words]
    if by_top:
        keyed.sort(key=lambda pair: pair[0])  # stable: in a line, the words stay in order
    out: list[list[list[Obj]]] = []
    previous = None
    for key, word in keyed:
        if key == previous:
            out[-1].append(word)
        else:
            out.append([word])
        previous = key
    return out


def _top(word: list[Obj]) -> float:
    return min(c["top"] for c in word)  # type: ignore[no-any-return]


def _cluster_ids(values: list[float]) -> dict[float, int]:
    """pdfplumber's ``make_cluster_dict``: the distinct values in order, a new cluster where one
    is more than ``TOLERANCE`` above the one before."""
    ids: dict[float, int] = {}
    current = -1
    last: float | None = None
    for value in sorted(set(values)):
        if last is None or value > last + TOLERANCE:
            current += 1
        ids[value] = current
        last = value
    return ids


def _words(chars: list[Obj]) -> list[list[Obj]]:
    """pdfplumber's words: the characters in lines (tops clustered), each line left to right,
    cut at blanks and at gaps."""
    ids = _cluster_ids([c["top"] for c in chars])
    ordered = sorted(chars, key=lambda c: (ids[c["top"]], c["x0"]))  # stable, as pdfplumber's
    words: list[list[Obj]] = []
    word: list[Obj] = []
    for char in ordered:
        if char["text"].isspace():
            word = _close(words, word, [])
        elif word and _apart(word[-1], char):
            word = _close(words, word, [char])
        else:
            word.append(char)
    _close(words, word, [])
    return words


def _close(words: list[list[Obj]], word: list[Obj], start: list[Obj]) -> list[Obj]:
    if word:
        words.append(word)
    return start


def _apart(previous: Obj, char: Obj) -> bool:
    """pdfplumber's ``char_begins_new_word`` for upright left-to-right text. Its test for a
    character left of the one before never holds within a line sorted left to right; a line's
    first character lies more than the tolerance below the last line's (clusters are apart)."""
    return bool(
        char["x0"] > previous["x1"] + TOLERANCE or abs(char["top"] - previous["top"]) > TOLERANCE
    )
