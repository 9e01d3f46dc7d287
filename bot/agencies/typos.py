"""Typos in the department words of a name whose place was named right.

"Mouding County Market Regylation Administration" names 牟定县 exactly, so the misspelt
search (which runs only where nothing is named) never ran, and the county's government was
answered. Here the agencies of the named place that miss exactly one required part, a
department, are tried against the question's other Latin words, one to three at a time: a
word or two an edit or two away is read as that department, and the answer says it read so.
"""

import re
from collections.abc import Iterable
from itertools import pairwise

from rapidfuzz.distance import DamerauLevenshtein

from bot.agencies.occurrences import Occurrence
from bot.agencies.profiles import Part, profile

_WORD = re.compile(r"[A-Za-z]+")
_MIN = 5  # shorter department forms (ju, ban) are too easily one edit from anything
_WIDEST = 6  # words a department is written in: "Culture, Radio, Television and Tourism"


def department_typos(
    question: str, exact: list[Occurrence], names: Iterable[str], known: frozenset[str]
) -> list[Occurrence]:
    """Occurrences of the department forms that ``names`` miss, typed wrong in ``question``."""
    covered = {i for o in exact if o.form.isascii() for i in range(o.start, o.end)}
    words = [
        m for m in _WORD.finditer(question) if not any(i in covered for i in range(*m.span()))
    ]
    if not words:
        return []
    found = {o.form for o in exact}
    missing = {part for name in names if (part := _missing_department(name, found))}
    if not missing:
        return []
    return [
        occurrence
        for start in range(len(words))
        for stop in range(start + 1, min(start + _WIDEST, len(words)) + 1)
        if _contiguous(question, words[start:stop])
        and not all(w.group(0).lower() in known for w in words[start:stop])
        for occurrence in _closest(question, words[start].start(), words[stop - 1].end(), missing)
    ]


def _missing_department(name: str, found: set[str]) -> Part | None:
    """The one required part of the name not found, when it is a department's."""
    absent = [p for p in profile(name).required if not any(f in found for f in p.forms)]
    if len(absent) == 1 and not absent[0].proper:
        return absent[0]
    return None


def _contiguous(question: str, words: list[re.Match[str]]) -> bool:
    return all(not question[a.end() : b.start()].strip(" -,&") for a, b in pairwise(words))


def _closest(question: str, start: int, end: int, parts: set[Part]) -> list[Occurrence]:
    typed = re.sub(r"[^a-z]", "", question[start:end].lower())
    edits = 1 if len(typed) < 10 else 2
    for part in parts:
        for form in part.forms:
            if len(form) < _MIN or not form.isascii() or abs(len(form) - len(typed)) > edits:
                continue
            if DamerauLevenshtein.distance(typed, form, score_cutoff=edits) <= edits:
                return [Occurrence(form, start, end, "fuzzy")]
    return []
