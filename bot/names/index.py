"""Finding the agencies and regions a question names, by any of their forms, in one pass.

Aho-Corasick over every alias finds whole-alias occurrences in the question; Latin aliases
must start and end on word boundaries, so "Essen" never matches inside "Hessen". Chinese
typos are caught by comparing pinyin (homophones), English and pinyin typos by a scored fuzzy
comparison with a cut-off. Each place in the question that names something is a *mention*
with its candidates, best first; "no match" is a normal outcome.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

import ahocorasick
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from bot.names.aliases import latin_key, name_forms, pinyin, region_english, region_forms
from bot.names.entries import AgencyEntry, AgencyInfo, Region
from bot.names.text import NormalizedText, normalize_question

SCORES = {
    "full": 100.0,
    "zh": 96.0,
    "latin": 94.0,
    "part": 91.0,
    "region": 93.0,
    "fuzzy": 88.0,
    "homophone": 85.0,
}
_FUZZY_MIN = 6


@dataclass(frozen=True)
class Hit:
    """An agency or a region named in the question: where, by which form, how sure."""

    score: float
    alias: str
    start: int
    end: int
    how: str
    typed: str = ""
    agency: AgencyEntry | None = None
    region: Region | None = None


@dataclass(frozen=True)
class Mention:
    """One place in the question naming an agency: its candidates, best first."""

    start: int
    end: int
    typed: str
    candidates: tuple[Hit, ...]

    @property
    def best(self) -> Hit:
        """The best candidate."""
        return self.candidates[0]


@dataclass(frozen=True)
class Found:
    """What a question names: agency mentions in order, and regions."""

    agencies: tuple[Mention, ...] = ()
    regions: tuple[Hit, ...] = field(default=())
    qualifiers: tuple[tuple[int, int], ...] = ()  # spans that only placed an agency

    def spans(self) -> tuple[tuple[int, int], ...]:
        """Every span of the question that named something."""
        named = [(m.start, m.end) for m in self.agencies] + [
            (r.start, r.end) for r in self.regions
        ]
        return (*named, *self.qualifiers)


class NameIndex:
    """All indexed agencies, the regions they lie in, and every form of their names."""

    def __init__(self, agencies: Iterable[AgencyInfo]) -> None:
        self.entries: dict[int, AgencyEntry] = {}
        self.regions: dict[str, Region] = {}
        self._automaton = ahocorasick.Automaton()
        self._latin: dict[str, set[int]] = {}
        members: dict[str, set[int]] = {}
        for info in agencies:
            self._add_agency(info)
            for region in (*self.entries[info.id].regions, *_own_region(info.name)):
                members.setdefault(region, set()).add(info.id)
        for name, ids in members.items():
            self.regions[name] = Region(name, region_english(name), frozenset(ids))
            for alias in region_forms(name):
                self._add(alias, ("region", name))
        if len(self._automaton):
            self._automaton.make_automaton()
        self._latin_by_length: dict[int, list[str]] = {}
        for alias in self._latin:
            self._latin_by_length.setdefault(len(alias), []).append(alias)

    def _add_agency(self, info: AgencyInfo) -> None:
        forms = name_forms(info.name)
        self.entries[info.id] = AgencyEntry(
            info.id, info.name, info.parent, forms.english, info.city, info.province, info.level
        )
        for alias in forms.zh:
            self._add(alias, ("full" if alias == info.name else "zh", info.id))
        for alias in forms.latin:
            self._add(alias, ("latin", info.id))
            self._latin.setdefault(alias, set()).add(info.id)
        for alias in forms.parts - forms.zh - forms.latin:
            self._add(alias, ("part", info.id))

    def _add(self, alias: str, target: tuple[str, int | str]) -> None:
        existing = self._automaton.get(alias, None)
        targets = existing[1] if existing else []
        if target not in targets:
            targets.append(target)
        self._automaton.add_word(alias, (alias, targets))

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, question: str) -> Found:
        """The agencies and regions ``question`` names."""
        if not self.entries:
            return Found()
        hits = self._exact(normalize_question(question))
        if not any(h.agency for h in hits):
            hits += self._homophones(question) or self._fuzzy(question)
        hits = [replace(h, typed=question[h.start : h.end].strip()) for h in _drop_nested(hits)]
        return _resolve(hits, question)

    def _hit(
        self,
        target: tuple[str, int | str],
        alias: str,
        span: tuple[int, int],
        how: str | None = None,
    ) -> Hit:
        kind, key = target
        score = SCORES[how or kind]
        if kind == "region":
            return Hit(score, alias, *span, how or kind, region=self.regions[str(key)])
        return Hit(score, alias, *span, how or kind, agency=self.entries[int(key)])

    def _exact(self, text: NormalizedText) -> list[Hit]:
        hits: list[Hit] = []
        for end, (alias, targets) in self._automaton.iter(text.value):
            start = end - len(alias) + 1
            if alias.isascii() and not text.on_word_boundaries(start, end + 1):
                continue
            span = text.span(start, end + 1)
            hits.extend(self._hit(t, alias, span) for t in targets)
        return hits

    def _homophones(self, question: str) -> list[Hit]:
        """Chinese typed with the wrong character of the same sound: 汉豚路 for 汉屯路."""
        hits: list[Hit] = []
        for match in re.finditer(r"[\u4e00-\u9fff]{2,}", question):
            syllables = [pinyin(ch) for ch in match.group(0)]
            bounds = [0]
            for syllable in syllables:
                bounds.append(bounds[-1] + len(syllable))
            joined = "".join(syllables)
            for end, (alias, targets) in self._automaton.iter(joined):
                start = end - len(alias) + 1
                if not alias.isascii() or start not in bounds or end + 1 not in bounds:
                    continue
                span = (match.start() + bounds.index(start), match.start() + bounds.index(end + 1))
                hits.extend(
                    self._hit(t, alias, span, "homophone") for t in targets if t[0] != "region"
                )
        return hits

    def _fuzzy(self, question: str) -> list[Hit]:
        """English or pinyin with a typo: "Hamtun Road". Word windows against Latin aliases.

        Edits are counted (a swap of two letters is one), and few are allowed: one in a name
        shorter than ten letters, two in a longer one; names under six letters never match
        fuzzily, so "Hessen" does not become "Essen".
        """
        words = list(re.finditer(r"[A-Za-z][A-Za-z'’-]*", question))
        hits: list[Hit] = []
        for size in (4, 3, 2, 1):
            for i in range(len(words) - size + 1):
                window = words[i : i + size]
                key = latin_key(" ".join(w.group(0) for w in window))
                if len(key) < _FUZZY_MIN:
                    continue
                found = self._closest_latin(key)
                if found is None:
                    continue
                alias, distance = found
                score = SCORES["fuzzy"] - 3.0 * distance
                span = (window[0].start(), window[-1].end())
                hits.extend(
                    Hit(score, alias, *span, "fuzzy", agency=self.entries[agency_id])
                    for agency_id in self._latin[alias]
                )
        return hits

    def _closest_latin(self, key: str) -> tuple[str, float] | None:
        """The Latin alias within the allowed edits of ``key``, comparing only lengths that
        could be that close."""
        edits = 1 if len(key) < 10 else 2
        best: tuple[str, float] | None = None
        for length in range(len(key) - edits, len(key) + edits + 1):
            choices = self._latin_by_length.get(length)
            if length < _FUZZY_MIN or not choices:
                continue
            found = process.extractOne(
                key, choices, scorer=DamerauLevenshtein.distance, score_cutoff=edits
            )
            if found is not None and (best is None or found[1] < best[1]):
                best = (found[0], float(found[1]))
        return best

    def nearest(self, text: str, limit: int = 3) -> list[AgencyEntry]:
        """The agencies whose names come closest to ``text`` at all (for "did you mean")."""
        key = latin_key(text) or pinyin(text)
        if not key:
            return []
        found = process.extract(key, list(self._latin), limit=limit * 3)
        seen: dict[int, AgencyEntry] = {}
        for alias, _score, _ in found:
            for agency_id in sorted(self._latin[alias]):
                seen.setdefault(agency_id, self.entries[agency_id])
        return list(seen.values())[:limit]


def _own_region(name: str) -> tuple[str, ...]:
    """The region a government governs: 淮安市人民政府 → 淮安市; 平潭综合实验区 → itself."""
    region = re.sub(r"(人民政府|管理委员会|管委会)$", "", name)
    if region != name or re.search(r"(省|市|区|县|旗|州|盟)$", name):
        return (region,) if re.search(r"(省|市|区|县|旗|州|盟)$", region) else ()
    return ()


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


def _resolve(hits: list[Hit], question: str) -> Found:
    """Group agency hits into mentions; let adjacent regions and parents qualify them
    (西工区汉屯路, "Hantun Road in Xigong"), but not across "and" or "vs"."""
    # A chain of qualifiers (江苏省淮安市洪泽区) is adjacent through the names between them.
    question = _blank_spans(question, [h for h in hits if h.region is not None])
    all_mentions = _mentions([h for h in hits if h.agency is not None])
    mentions = _drop_parent_mentions(all_mentions, question)
    qualifiers = [(m.start, m.end) for m in all_mentions if m not in mentions]
    kept_regions = []
    for region in [h for h in hits if h.region is not None]:
        qualified = False
        for index, mention in enumerate(mentions):
            if _same_span(region, mention) or not _adjacent(region, mention, question):
                continue
            inside = [
                h
                for h in mention.candidates
                if h.agency and region.region and h.agency.id in region.region.members
            ]
            if inside:
                mentions[index] = replace(mention, candidates=tuple(inside))
                qualified = True
        if qualified or _narrows(region, mentions):
            qualifiers.append((region.start, region.end))
        else:
            kept_regions.append(region)
    return Found(tuple(mentions), tuple(_best_regions(kept_regions)), tuple(qualifiers))


_QUALIFYING_GAP = re.compile(r"^[\s,，、·的之]*(?:(?:in|of|at)\b[\s,]*)?$", re.IGNORECASE)


def _adjacent(first: Hit | Mention, second: Hit | Mention, question: str) -> bool:
    """True when only a qualifying gap (nothing, a comma, 的, "in") separates the two."""
    left, right = sorted((first, second), key=lambda x: x.start)
    gap = question[left.end : right.start]
    return left.end <= right.start and bool(_QUALIFYING_GAP.match(gap))


def _blank_spans(question: str, hits: list[Hit]) -> str:
    chars = list(question)
    for hit in hits:
        chars[hit.start : hit.end] = "、" * (hit.end - hit.start)
    return "".join(chars)


def _narrows(region: Hit, mentions: list[Mention]) -> bool:
    """A region named elsewhere in the question (汉屯路…西工区) still settles which of several
    namesakes is meant; the mention keeps only the candidates in the region."""
    narrowed = False
    for index, mention in enumerate(mentions):
        if len({h.agency.id for h in mention.candidates if h.agency}) < 2 or region.region is None:
            continue
        members = region.region.members
        inside = [h for h in mention.candidates if h.agency and h.agency.id in members]
        if 0 < len(inside) < len(mention.candidates):
            mentions[index] = replace(mention, candidates=tuple(inside))
            narrowed = True
    return narrowed


def _same_span(hit: Hit, mention: Mention) -> bool:
    return hit.start == mention.start and hit.end == mention.end


def _mentions(hits: list[Hit]) -> list[Mention]:
    """Overlapping hits are candidates for one mention; mentions in question order."""
    groups: list[list[Hit]] = []
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if groups and hit.start < max(h.end for h in groups[-1]):
            groups[-1].append(hit)
        else:
            groups.append([hit])
    mentions = []
    for group in groups:
        best: dict[int, Hit] = {}
        for hit in group:
            assert hit.agency is not None
            current = best.get(hit.agency.id)
            if current is None or hit.score > current.score:
                best[hit.agency.id] = hit
        ordered = sorted(
            best.values(), key=lambda h: (-h.score, h.agency.name if h.agency else "")
        )
        start, end = min(h.start for h in group), max(h.end for h in group)
        mentions.append(Mention(start, end, ordered[0].typed, tuple(ordered)))
    return mentions


def _drop_parent_mentions(mentions: list[Mention], question: str) -> list[Mention]:
    """In 淮安市洪泽区, 淮安市 (a city government) qualifies 洪泽区: keep only the child."""
    kept = []
    for mention in mentions:
        qualifies = any(
            h.agency
            and h.agency.parent
            and mention.best.alias in _parent_forms(h.agency.parent)
            and _adjacent(mention, other, question)
            for other in mentions
            if other is not mention
            for h in other.candidates
        )
        if not qualifies:
            kept.append(mention)
    return kept


@lru_cache(maxsize=4096)
def _parent_forms(parent: str) -> frozenset[str]:
    return region_forms(parent)


def _best_regions(hits: list[Hit]) -> list[Hit]:
    best: dict[str, Hit] = {}
    for hit in hits:
        assert hit.region is not None
        if hit.region.name not in best or hit.score > best[hit.region.name].score:
            best[hit.region.name] = hit
    return sorted(best.values(), key=lambda h: h.start)
