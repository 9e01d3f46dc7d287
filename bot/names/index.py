"""Finding the agencies a question names, by any of their forms, in one pass.

Aho-Corasick over every alias finds whole-alias occurrences in the question; Latin aliases
must start and end on word boundaries, so "Essen" never matches inside "Hessen". Chinese
typos are caught by comparing pinyin (homophones), English and pinyin typos by a scored fuzzy
comparison with a cut-off. "No match" is a normal outcome.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import ahocorasick
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from bot.names.aliases import latin_key, name_forms, pinyin, region_forms
from bot.names.text import NormalizedText, normalize_question

_SCORES = {
    "full": 100.0,
    "zh": 96.0,
    "latin": 94.0,
    "part": 91.0,
    "fuzzy": 88.0,
    "homophone": 85.0,
}
_FUZZY_MIN = 6


@dataclass(frozen=True)
class AgencyEntry:
    """What the index knows of an agency."""

    id: int
    name: str
    parent: str | None
    english: str


@dataclass(frozen=True)
class Hit:
    """An agency named in the question: where, by which form, and how sure."""

    agency: AgencyEntry
    score: float
    alias: str
    start: int
    end: int
    how: str
    typed: str = ""


class AgencyIndex:
    """All indexed agencies and their forms, ready to be found in questions."""

    def __init__(self, agencies: Iterable[tuple[int, str, str | None]]) -> None:
        self.entries: dict[int, AgencyEntry] = {}
        self._automaton = ahocorasick.Automaton()
        self._latin: dict[str, set[int]] = {}
        for agency_id, name, parent in agencies:
            forms = name_forms(name)
            self.entries[agency_id] = AgencyEntry(agency_id, name, parent, forms.english)
            for alias in forms.zh:
                self._add(alias, agency_id, "full" if alias == name else "zh")
            for alias in forms.latin:
                self._add(alias, agency_id, "latin")
                self._latin.setdefault(alias, set()).add(agency_id)
            for alias in forms.parts - forms.zh - forms.latin:
                self._add(alias, agency_id, "part")
        if len(self._automaton):
            self._automaton.make_automaton()
        self._latin_keys = list(self._latin)

    def _add(self, alias: str, agency_id: int, kind: str) -> None:
        existing = self._automaton.get(alias, None)
        entries = existing[1] if existing else []
        entries.append((agency_id, kind))
        self._automaton.add_word(alias, (alias, entries))

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, question: str) -> list[Hit]:
        """Every agency the question names, best first; empty when none is close enough."""
        if not self.entries:
            return []
        text = normalize_question(question)
        hits = self._exact(text)
        if not hits:
            hits = self._homophones(question) or self._fuzzy(question)
        hits = [replace(h, typed=question[h.start : h.end].strip()) for h in hits]
        return _best_per_agency(self._drop_qualifiers(_drop_nested(hits)))

    def _drop_qualifiers(self, hits: list[Hit]) -> list[Hit]:
        """In 淮安市洪泽区, 淮安市 qualifies 洪泽区 (its parent): keep only the child."""
        parents = {h.agency.parent for h in hits if h.agency.parent}
        if not parents:
            return hits
        forms = {p: _parent_forms(p) for p in parents}
        qualifiers = {
            id(h) for h in hits for p in parents if h.alias in forms[p] and p != h.agency.parent
        }
        return [h for h in hits if id(h) not in qualifiers]

    def _exact(self, text: NormalizedText) -> list[Hit]:
        hits = []
        for end, (alias, entries) in self._automaton.iter(text.value):
            start = end - len(alias) + 1
            if alias.isascii() and not text.on_word_boundaries(start, end + 1):
                continue
            span = text.span(start, end + 1)
            for agency_id, kind in entries:
                hits.append(Hit(self.entries[agency_id], _SCORES[kind], alias, *span, kind))
        return hits

    def _homophones(self, question: str) -> list[Hit]:
        """Chinese typed with the wrong character of the same sound: 汉豚路 for 汉屯路."""
        hits = []
        for match in re.finditer(r"[\u4e00-\u9fff]{2,}", question):
            syllables = [pinyin(ch) for ch in match.group(0)]
            starts = {sum(len(s) for s in syllables[:i]) for i in range(len(syllables) + 1)}
            joined = "".join(syllables)
            for end, (alias, entries) in self._automaton.iter(joined):
                start = end - len(alias) + 1
                if not alias.isascii() or start not in starts or end + 1 not in starts:
                    continue
                for agency_id, _kind in entries:
                    entry = self.entries[agency_id]
                    hits.append(
                        Hit(
                            entry,
                            _SCORES["homophone"],
                            alias,
                            match.start(),
                            match.end(),
                            "homophone",
                        )
                    )
        return hits

    def _fuzzy(self, question: str) -> list[Hit]:
        """English or pinyin with a typo: "Hantun Raod". Word windows against Latin aliases.

        Edits are counted (a swap of two letters is one), and few are allowed: one in a name
        shorter than ten letters, two in a longer one; names under six letters never match
        fuzzily, so "Hessen" does not become "Essen".
        """
        words = list(re.finditer(r"[A-Za-z][A-Za-z'’-]*", question))
        hits = []
        for size in (4, 3, 2, 1):
            for i in range(len(words) - size + 1):
                window = words[i : i + size]
                key = latin_key(" ".join(w.group(0) for w in window))
                if len(key) < _FUZZY_MIN:
                    continue
                edits = 1 if len(key) < 10 else 2
                found = process.extractOne(
                    key,
                    self._latin_keys,
                    scorer=DamerauLevenshtein.distance,
                    score_cutoff=edits,
                )
                if found is None or len(found[0]) < _FUZZY_MIN:
                    continue
                alias, distance, _ = found
                score = _SCORES["fuzzy"] - 3.0 * float(distance)
                for agency_id in self._latin[alias]:
                    hits.append(
                        Hit(
                            self.entries[agency_id],
                            score,
                            alias,
                            window[0].start(),
                            window[-1].end(),
                            "fuzzy",
                        )
                    )
        return hits


@lru_cache(maxsize=4096)
def _parent_forms(parent: str) -> frozenset[str]:
    return region_forms(parent)


def _drop_nested(hits: list[Hit]) -> list[Hit]:
    """Drop a hit lying inside a longer hit's span (汉屯路 inside 汉屯路街道)."""
    return [
        h
        for h in hits
        if not any(
            o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
            for o in hits
        )
    ]


def _best_per_agency(hits: list[Hit]) -> list[Hit]:
    best: dict[int, Hit] = {}
    for hit in hits:
        current = best.get(hit.agency.id)
        if current is None or (hit.score, hit.end - hit.start) > (
            current.score,
            current.end - current.start,
        ):
            best[hit.agency.id] = hit
    return sorted(best.values(), key=lambda h: (-h.score, -(h.end - h.start), h.agency.name))
