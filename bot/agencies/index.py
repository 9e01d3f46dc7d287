"""Finding the agencies and regions a question names.

Names are matched by their parts (profiles): a question names an agency when it names every
required part (沭阳 and 发展和改革 for 沭阳县发展和改革局), in any order and any language; the
other parts add to the match or, missing, cost a little. Each place in the question that names
something is a *mention* with its candidates, best first. "No match" is a normal outcome.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from bot.agencies.entries import Found, Hit, Members, Region
from bot.agencies.occurrences import Occurrence, Vocabulary, key_of
from bot.agencies.profiles import Part, Profile, profile, region_profile
from bot.agencies.question_text import normalize_question
from bot.agencies.resolve import resolve
from bot.agencies.typos import department_typos
from bot.questions.words import figure_pairs, known_words
from bot.records import AgencyRecord

PENALTY = {"exact": 0.0, "fuzzy": 12.0, "homophone": 15.0}


class NameIndex:
    """All indexed agencies and the regions they lie in, by the parts of their names."""

    def __init__(self, agencies: Iterable[AgencyRecord]) -> None:
        self.entries: dict[int, AgencyRecord] = {}
        self.regions: dict[str, Region] = {}
        self._ids_by_name: dict[str, list[int]] = defaultdict(list)
        self._by_key: dict[str, list[str]] = defaultdict(list)
        self._region_postings: dict[str, list[str]] = defaultdict(list)
        members: dict[str, set[int]] = defaultdict(set)
        forms: set[str] = set()
        distinctive: set[str] = set()
        proper: set[str] = set()  # place and body names: another name between a name's parts
        seen_parts: set[int] = set()
        # one string object per region name: 100,000 agencies share a few thousand of them
        # (in memory, and in the snapshot, which pickles a shared object once)
        shared: dict[str | None, str | None] = {}
        for info in agencies:
            entry = AgencyRecord(
                info.id,
                info.name,
                shared.setdefault(info.parent, info.parent),
                shared.setdefault(info.city, info.city),
                shared.setdefault(info.province, info.province),
                shared.setdefault(info.level, info.level),
            )
            self.entries[info.id] = entry
            if info.name not in self._ids_by_name:  # namesakes share a profile
                shape = profile(info.name)
                for part in shape.parts:
                    if id(part) not in seen_parts:
                        seen_parts.add(id(part))
                        forms |= part.forms
                        if part.required:
                            distinctive |= part.forms
                        if part.proper:
                            proper |= part.forms
                for form in shape.key.forms:
                    self._by_key[form].append(info.name)
            self._ids_by_name[info.name].append(info.id)
            for region in (*entry.regions, *_own_region(info.name)):
                members[region].add(info.id)
        for name, ids in members.items():
            shape = region_profile(name)
            self.regions[name] = Region(name, shape.english, Members(ids))
            for part in shape.parts:
                forms |= part.forms
                if part.required:
                    distinctive |= part.forms
                    for form in part.forms:
                        self._region_postings[form].append(name)
        self._vocabulary = Vocabulary(forms, distinctive)
        self._proper = frozenset(proper)
        # orders the replies need at once, made here (and kept in the snapshot) rather than
        # by sorting 100,000 agencies while someone waits
        self.by_id = sorted(self.entries.values(), key=lambda e: e.id)
        self.by_name = sorted(self.entries.values(), key=lambda e: (e.name, e.id))
        self._key_forms = list(self._by_key)
        self._ids_by_name = dict(self._ids_by_name)
        self._by_key = dict(self._by_key)
        self._region_postings = dict(self._region_postings)

    def __getstate__(self) -> dict[str, Any]:
        # the agencies as plain tuples and the orders as ids: unpickling 100,000 named tuples
        # calls Python for each, and took 40 % of loading the snapshot at start-up
        state = dict(self.__dict__)
        state["entries"] = [tuple(e) for e in self.entries.values()]
        state["by_id"] = [e.id for e in self.by_id]
        state["by_name"] = [e.id for e in self.by_name]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        entries = {row[0]: AgencyRecord._make(row) for row in state["entries"]}
        state["entries"] = entries
        state["by_id"] = [entries[i] for i in state["by_id"]]
        state["by_name"] = [entries[i] for i in state["by_name"]]
        self.__dict__.update(state)

    def __len__(self) -> int:
        return len(self.entries)

    def namesakes(self, name: str) -> list[int]:
        """The ids of every agency of this name (one, unless namesakes in other regions)."""
        return self._ids_by_name.get(name, [])

    def find(self, question: str) -> Found:
        """The agencies and regions ``question`` names."""
        if not self.entries:
            return Found()
        text = normalize_question(question)
        pairs = figure_pairs()
        exact = [
            o
            for o in self._vocabulary.find(text)
            if o.form.isascii() or question[o.end - 1 : o.end + 1] not in pairs
        ]
        hits = self._hits(exact, question)
        if not any(h.agency for h in hits):  # typos only where nothing is named exactly
            misspelt = self._vocabulary.find_misspelt(text, exact, known_words())
            if misspelt:
                hits = self._hits(exact + misspelt, question)
        elif question.isascii():  # a place named right, its department typed wrong
            named = {name for o in exact for name in self._by_key.get(o.form, ())}
            typos = department_typos(question, exact, named, known_words())
            if typos:
                hits = self._hits(exact + typos, question)
        return resolve(hits, question)

    def _hits(self, occurrences: list[Occurrence], question: str) -> list[Hit]:
        by_form: dict[str, list[Occurrence]] = defaultdict(list)
        for occurrence in occurrences:
            by_form[occurrence.form].append(occurrence)
        blockers = tuple(o for o in occurrences if o.form in self._proper)
        return [
            *self._agency_hits(by_form, question, blockers),
            *self._region_hits(by_form, question),
        ]

    def _agency_hits(
        self,
        found: dict[str, list[Occurrence]],
        question: str,
        blockers: tuple[Occurrence, ...],
    ) -> list[Hit]:
        names = {name for form in found for name in self._by_key.get(form, ())}
        hits: list[Hit] = []
        for name in sorted(names):  # sets iterate in hash order: answers must not
            shape = profile(name)
            if not all(any(f in found for f in part.forms) for part in shape.required):
                continue
            match = _score(shape, found, question, blockers)
            if match is not None:
                hits.extend(_hit(match, agency=self.entries[i]) for i in self._ids_by_name[name])
        return hits

    def _region_hits(self, found: dict[str, list[Occurrence]], question: str) -> list[Hit]:
        names = {name for form in found for name in self._region_postings.get(form, ())}
        hits = []
        for name in sorted(names):  # sets iterate in hash order: answers must not
            match = _score(region_profile(name), found, question)
            if match is not None:
                hits.append(_hit(match, region=self.regions[name]))
        return hits

    def nearest(self, text: str, limit: int = 3) -> list[AgencyRecord]:
        """Agencies whose key names come closest to the question's words."""
        words = [key_of(w) for w in re.split(r"[\s,，。?？!！]+", text) if len(key_of(w)) >= 3]
        choices = self._key_forms
        names: list[str] = []
        for word in words:
            # plain edit similarity: WRatio's partial matching takes ten times as long over
            # 100,000 names, and a near miss of a whole word is what is wanted here
            best = process.extract(word, choices, scorer=fuzz.ratio, limit=2, score_cutoff=70)
            for form, _similarity, _ in best:
                names.extend(self._by_key[form][:limit])
        ids = [self._ids_by_name[n][0] for n in dict.fromkeys(names)]
        return [self.entries[i] for i in ids][:limit]


@dataclass(frozen=True)
class _Match:
    score: float
    alias: str
    start: int
    end: int
    how: str
    typed: str
    coverage: int
    partial: bool = False


def _score(
    shape: Profile,
    found: dict[str, list[Occurrence]],
    question: str,
    blockers: tuple[Occurrence, ...] = (),
) -> _Match | None:
    """How well the question names this profile: its required parts (nearest the anchor),
    then the optional parts that stand right next to them."""
    if not shape.required or not all(_options(p, found) for p in shape.required):
        return None
    # each place the last required part is named could anchor the name: the one that keeps
    # the required parts closest together wins (贵溪司法局和余江司法局: the first 司法)
    readings = [
        _required(shape, found, a, question, blockers) for a in _options(shape.required[-1], found)
    ]
    complete = [r for r in readings if r is not None]
    if not complete:
        return None
    # of the places it could be named, the one that names most of it (荔浦审批局和荔浦政府办:
    # the office is the second 荔浦, where 政府办 follows), then the most compact
    grown = [_grow(shape, dict(r), found, question) for r in complete]
    chosen, start, end = min(grown, key=lambda g: (-_covered(shape, g[0]), *_compactness(g[0])))
    score = 100.0 - sum(p.penalty for i, p in enumerate(shape.parts) if i not in chosen)
    score -= sum(PENALTY[o.how] for o in set(chosen.values()))
    coverage = sum(shape.parts[i].size for i in chosen)
    how = next((o.how for o in chosen.values() if o.how != "exact"), "exact")
    typed = question[start:end].strip()
    partial = any(p.office and i not in chosen for i, p in enumerate(shape.parts))
    return _Match(score, key_of(typed), start, end, how, typed, coverage, partial)


def _grow(
    shape: Profile,
    chosen: dict[int, Occurrence],
    found: dict[str, list[Occurrence]],
    question: str,
) -> tuple[dict[int, Occurrence], int, int]:
    """The reading with the optional parts that stand right next to it, and its span."""
    start = min(o.start for o in chosen.values())
    end = max(o.end for o in chosen.values())
    for _ in range(len(shape.parts)):  # grow the span by adjacent optional parts
        grown = False
        for index, part in enumerate(shape.parts):
            if index in chosen:
                continue
            near = [
                o
                for form in part.forms
                for o in found.get(form, ())
                if _touches(o, start, end, question)
            ]
            if near:
                chosen[index] = min(near, key=lambda o: (o.start - o.end, o.start, o.form))
                start, end = min(start, chosen[index].start), max(end, chosen[index].end)
                grown = True
        if not grown:
            break
    return chosen, start, end


def _covered(shape: Profile, chosen: dict[int, Occurrence]) -> int:
    return sum(shape.parts[i].size for i in chosen)


# what may stand between the parts of one name (not a comma: "Government, Pingdingshan
# City" is no 平顶山市人民政府 grown backwards)
_JOINERS = re.compile(r"^[\s·.'’-]*$")
# what never stands inside one name: it joins two (麟游县公安局和麟游县农业农村局)
_BETWEEN_NAMES = re.compile(r"和|与|及|、|,|，|\band\b|\bvs\b|\bversus\b|\bor\b", re.IGNORECASE)


def _touches(occurrence: Occurrence, start: int, end: int, question: str) -> bool:
    """True when the occurrence overlaps the span or only spaces or dots lie between."""
    if occurrence.end <= start:
        return bool(_JOINERS.match(question[occurrence.end : start]))
    if occurrence.start >= end:
        return bool(_JOINERS.match(question[end : occurrence.start]))
    return True


def _options(part: Part, found: dict[str, list[Occurrence]]) -> list[Occurrence]:
    # sorted: a part's forms are a set, iterated in hash order, and ties must not depend on it
    return sorted(
        (o for form in part.forms for o in found.get(form, ())),
        key=lambda o: (o.start, o.start - o.end, o.form),
    )


def _required(
    shape: Profile,
    found: dict[str, list[Occurrence]],
    anchor: Occurrence,
    question: str,
    blockers: tuple[Occurrence, ...],
) -> dict[int, Occurrence] | None:
    """The required parts, each where it is named nearest ``anchor``; one stretch of the
    question names one part (呼玛县公安局's 公安 is not both the county and the bureau of
    公安县公安局)."""
    chosen: dict[int, Occurrence] = {}
    for index, part in enumerate(shape.parts):
        if not part.required:
            continue
        options = [
            o
            for o in _options(part, found)
            if not any(o.start < c.end and c.start < o.end for c in chosen.values())
        ]
        if not options:
            return None
        # nearest the anchor; of forms starting there, the longest (交通运输, not 交通)
        chosen[index] = min(options, key=lambda o: _nearest_longest(o, anchor.start))
    start = min(o.start for o in chosen.values())
    end = max(o.end for o in chosen.values())
    if len(chosen) > 1 and _BETWEEN_NAMES.search(_gaps(question, chosen, start, end)):
        return None  # its parts read from two names joined by 和 or "and"
    if len(chosen) > 1 and _name_between(shape, chosen, blockers, start, end):
        return None  # 大理|云龙|自然资源局: 云龙's bureau, in 大理, not 大理市's
    return chosen


def _name_between(
    shape: Profile,
    chosen: dict[int, Occurrence],
    names: tuple[Occurrence, ...],
    start: int,
    end: int,
) -> bool:
    """True when another place or body name stands between the chosen parts (not a word
    of this name's own: xian is 县 as well as 西安)."""
    own = list(chosen.values())
    return any(
        start <= n.start
        and n.end <= end
        and not any(n.start < o.end and o.start < n.end for o in own)
        and not any(n.form in part.forms for part in shape.parts)
        for n in names
    )


def _gaps(question: str, chosen: dict[int, Occurrence], start: int, end: int) -> str:
    """The text between the chosen parts (what no part covers) within their span."""
    covered = {i for o in chosen.values() for i in range(o.start, o.end)}
    return "".join(
        ch if i not in covered else " " for i, ch in enumerate(question[start:end], start)
    )


def _compactness(chosen: dict[int, Occurrence]) -> tuple[int, int]:
    start = min(o.start for o in chosen.values())
    return (max(o.end for o in chosen.values()) - start, start)


def _nearest_longest(occurrence: Occurrence, at: int) -> tuple[int, int, int, str]:
    # every tie broken down to the form: parts' forms are sets, iterated in hash order
    o = occurrence
    return (abs(o.start - at), o.start, o.start - o.end, o.form)


def _hit(
    match: _Match, *, agency: AgencyRecord | None = None, region: Region | None = None
) -> Hit:
    return Hit(
        match.score,
        match.alias,
        match.start,
        match.end,
        match.how,
        match.typed,
        agency=agency,
        region=region,
        coverage=match.coverage,
        partial=match.partial,
    )


_GOVERNMENT_SUFFIX = re.compile(r"(人民政府|管理委员会|管委会)$")
_REGION_END = re.compile(r"(省|市|区|县|旗|州|盟)$")


def _own_region(name: str) -> tuple[str, ...]:
    """The region a government governs: 淮安市人民政府 → 淮安市; 平潭综合实验区 → itself."""
    region = _GOVERNMENT_SUFFIX.sub("", name)
    return (region,) if _REGION_END.search(region) else ()
