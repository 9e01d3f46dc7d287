"""Where the forms of name parts occur in a question: exact (Chinese anywhere; Latin only as
whole words or chains of forms that cover whole words), and, where nothing is named exactly,
distinctive forms typed wrong: Latin words a few edits away, Chinese runs that sound alike."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from bot.agencies.aliases import latin_key, pinyin
from bot.agencies.question_text import NormalizedText

_FUZZY_MIN = 5


@dataclass(frozen=True)
class Occurrence:
    """A form found in the question: where (original positions) and how."""

    form: str
    start: int
    end: int
    how: str = "exact"  # exact, fuzzy or homophone


class Vocabulary:
    """Every form of every name part, ready to be found in questions. ``distinctive`` forms
    (proper names, departments) are the only ones looked for when misspelt."""

    def __init__(self, forms: Iterable[str], distinctive: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for form in set(forms):
            self._automaton.add_word(form, form)
        if len(self._automaton):
            self._automaton.make_automaton()
        self._distinctive = frozenset(distinctive)
        self._by_length: dict[int, list[str]] = {}
        for form in self._distinctive:
            if form.isascii() and len(form) >= _FUZZY_MIN:
                self._by_length.setdefault(len(form), []).append(form)

    def find(self, text: NormalizedText) -> list[Occurrence]:
        """Every form found exactly in the question."""
        if not len(self._automaton):
            return []
        raw = [(end - len(f) + 1, end + 1, f) for end, f in self._automaton.iter(text.value)]
        chinese = _not_inside([(s, e, f) for s, e, f in raw if not f.isascii()])
        found = [Occurrence(f, *text.span(s, e)) for s, e, f in chinese]
        latin = _whole_words([(s, e, f) for s, e, f in raw if f.isascii()], text)
        return found + [Occurrence(f, *text.span(s, e)) for s, e, f in latin]

    def find_misspelt(
        self, text: NormalizedText, exact: list[Occurrence], known_words: frozenset[str]
    ) -> list[Occurrence]:
        """Distinctive forms typed wrong: Latin words one or two edits away (not words of the
        catalogue), Chinese runs that sound the same and stand next to a generic part."""
        covered = {i for o in exact if o.form.isascii() for i in range(o.start, o.end)}
        return self._fuzzy(text, covered, known_words) + self._homophones(text.original, exact)

    def _fuzzy(
        self, text: NormalizedText, covered: set[int], known_words: frozenset[str]
    ) -> list[Occurrence]:
        found = []
        for match in re.finditer(r"[A-Za-z]+", text.original):
            word = match.group(0).lower()
            if (
                len(word) < _FUZZY_MIN
                or word in known_words
                or any(match.start() <= i < match.end() for i in covered)
            ):
                continue
            form = self._closest(word)
            if form is not None:
                found.append(Occurrence(form, match.start(), match.end(), "fuzzy"))
        return found

    def _closest(self, word: str) -> str | None:
        edits = 1 if len(word) < 10 else 2
        best: tuple[str, float] | None = None
        for length in range(len(word) - edits, len(word) + edits + 1):
            choices = self._by_length.get(length)
            if not choices:
                continue
            hit = process.extractOne(
                word, choices, scorer=DamerauLevenshtein.distance, score_cutoff=edits
            )
            if hit is not None and (best is None or hit[1] < best[1]):
                best = (hit[0], float(hit[1]))
        return best[0] if best else None

    def _homophones(self, question: str, exact: list[Occurrence]) -> list[Occurrence]:
        hits = []
        taken = {i for o in exact if not o.form.isascii() for i in range(o.start, o.end)}
        for run in re.finditer(r"[\u4e00-\u9fff]{2,}", question):
            syllables = [pinyin(ch) for ch in run.group(0)]
            bounds = [0]
            for syllable in syllables:
                bounds.append(bounds[-1] + len(syllable))
            for end, form in self._automaton.iter("".join(syllables)):
                start = end - len(form) + 1
                if form not in self._distinctive or start not in bounds or end + 1 not in bounds:
                    continue
                span = (run.start() + bounds.index(start), run.start() + bounds.index(end + 1))
                if not set(range(*span)) <= taken and _next_to_generic(span, exact):
                    hits.append(Occurrence(form, *span, "homophone"))
        return hits


def _next_to_generic(span: tuple[int, int], found: list[Occurrence]) -> bool:
    """True when a Chinese form begins right after the span (汉豚|路): it reads as a name."""
    return any(o.start == span[1] and not o.form.isascii() for o in found)


def _not_inside(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Leave out a form that lies strictly inside a longer one, touching neither of its ends:
    民政 in 人民政府 names no civil affairs bureau. (A form sharing an end, 汉屯 in 汉屯路 or
    交通运输 in 县交通运输, stays: it is the same word, shorter.)"""
    return [(s, e, f) for s, e, f in found if not any(s2 < s and e < e2 for s2, e2, _ in found)]


def _whole_words(
    hits: list[tuple[int, int, str]], text: NormalizedText
) -> list[tuple[int, int, str]]:
    """Latin forms that start and end on word boundaries, directly or through a chain of other
    forms (hantunlujiedao = hantun + lu + jiedao); "essen" inside "hessen" is left out."""
    reach = {s for s in range(len(text.value)) if _word_start(text, s)}
    for s, e, _f in sorted(hits):
        if s in reach:
            reach.add(e)
    back = {e for e in range(1, len(text.value) + 1) if _word_end(text, e)}
    for s, e, _f in sorted(hits, key=lambda h: -h[1]):
        if e in back:
            back.add(s)
    return [(s, e, f) for s, e, f in hits if s in reach and e in back]


def _word_start(text: NormalizedText, index: int) -> bool:
    first = text.origin[index]
    return first == 0 or not _is_latin(text.original[first - 1])


def _word_end(text: NormalizedText, index: int) -> bool:
    last = text.origin[index - 1] + 1
    return last >= len(text.original) or not _is_latin(text.original[last])


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def key_of(text: str) -> str:
    """The compact key of a piece of the question, as forms are keyed."""
    return latin_key(text) if text.isascii() else re.sub(r"[^\u4e00-\u9fff]", "", text)
