"""Answering a question: understand it, find what it names, and build the kind of answer it
wants. The chat, the console and ``ask`` all come here.

A number answers only the agency, year and figure the question names: an agency that is
not indexed, a name typed wrong, a figure the words leave open are asked back, never
answered with a neighbour's number."""

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from bot.agencies import AgencyRecord, Found, NameIndex, Region
from bot.answers import compare as comparing
from bot.answers import naming, no_figure, rates, single
from bot.answers import region as regional
from bot.answers.answer import Answer
from bot.answers.deadlines import deadlines
from bot.answers.library import Library
from bot.answers.passages import passage
from bot.answers.series import trend
from bot.answers.subject import Subject
from bot.answers.which import FigureQuestion, figure_keys
from bot.catalogue.rates import asks_rate, named_rate
from bot.config import RemindersConfig
from bot.questions.fields import FieldMatch, match_fields
from bot.questions.intent import (
    Intent,
    IntentKind,
    compares,
    compares_with_another,
    detect_intent,
)
from bot.questions.language import detect_language
from bot.questions.leftovers import correct_spelling
from bot.questions.topics import asks_deadlines, topic_of
from bot.questions.years import YearMention, find_years
from bot.records import StoredReport
from bot.texts import Language

# A breakdown with no figure named lists the applicants of the applications received
_BREAKDOWN_DEFAULT = "applications.new.total"
_NEEDS_FIGURE = frozenset(
    {IntentKind.TREND, IntentKind.COMPARE, IntentKind.TOTAL, IntentKind.RANKING}
)


@dataclass(frozen=True)
class Parsed:
    """A question taken apart: what it names, which years, which figures, what it wants.
    ``named`` is the text the names were found in (years blanked); ``rest`` the text left
    for figures (names blanked too)."""

    text: str
    lang: Language
    found: Found
    years: YearMention | None
    matches: list[FieldMatch]
    intent: Intent
    named: str
    rest: str

    @property
    def keys(self) -> list[str]:
        """The figures the question may ask for, best first."""
        return [m.key for m in self.matches]


def answer_question(
    library: Library,
    question: str,
    *,
    today: date,
    agency_id: int | None = None,
    key: str | None = None,
    language: Language | None = None,
    reminders: RemindersConfig | None = None,
) -> Answer:
    """The answer to ``question``; ``agency_id`` and ``key`` settle the agency and the figure
    (a choice picked after "which one?" or "which figure?")."""
    text = " ".join(question.split())
    lang = language or detect_language(text)
    if not re.search(r"[\u4e00-\u9fff]{2,}|[A-Za-z]{2,}|\d{4}", text):
        return no_figure.help_answer(library, lang)
    library = _Pinned(library)  # one name index for the whole question
    index = library.agency_index()
    parsed = parse_question(index, text, lang, today, forced=agency_id is not None)
    if key is not None:
        parsed = replace(parsed, matches=[FieldMatch(key, 100.0, True)])
    forced_key = key is not None
    answer = _beside_agencies(
        library, parsed, today, reminders, agency_id=agency_id, forced_key=forced_key
    )
    if answer is not None:
        return answer
    if agency_id is not None and agency_id in index.entries:
        return _about(library, [index.entries[agency_id]], parsed, forced_key=forced_key)
    if not parsed.found.agencies:
        understood = bool(parsed.years or parsed.matches)
        return no_figure.no_agency(library, text, lang, understood=understood)
    settled = naming.settle(library, parsed.found, parsed.named, lang)
    if isinstance(settled, Answer):
        return settled
    spans = [(m.start, m.end) for m in parsed.found.agencies]
    if len(settled.entries) > 1 and not compares(parsed.named, spans):
        return naming.choose_among(settled.entries, lang)  # two names, no comparison asked
    year_spans = parsed.years.spans if parsed.years else ()
    if len(settled.entries) == 1 and compares_with_another(parsed.named, year_spans):
        return naming.compared_alone(settled.entries[0], lang)  # the other is not indexed
    return _about(library, settled.entries, parsed, forced_key=forced_key)


class _Pinned:
    """The library with its name index read once: every part of an answer asks for it, and
    each time the store is asked whether it changed."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._index = library.agency_index()

    def agency_index(self) -> NameIndex:
        return self._index

    def years(self, agency_id: int) -> list[int]:
        return self._library.years(agency_id)

    def report(self, agency_id: int, year: int) -> StoredReport | None:
        return self._library.report(agency_id, year)

    def values(
        self, *, keys: list[str], year: int, agency_ids: list[int]
    ) -> dict[int, dict[str, Decimal | None]]:
        return self._library.values(keys=keys, year=year, agency_ids=agency_ids)

    def flagged(self, *, keys: list[str], year: int, agency_ids: list[int]) -> set[int]:
        return self._library.flagged(keys=keys, year=year, agency_ids=agency_ids)

    def lacking(self, *, keys: list[str], year: int, agency_ids: list[int]) -> set[int]:
        return self._library.lacking(keys=keys, year=year, agency_ids=agency_ids)


def _beside_agencies(
    library: Library,
    parsed: Parsed,
    today: date,
    reminders: RemindersConfig | None,
    *,
    agency_id: int | None,
    forced_key: bool,
) -> Answer | None:
    """Answers that are about no one agency: the index, the deadlines, a body that is not
    indexed in a region named, a region's total or ranking."""
    lang = parsed.lang
    if parsed.intent.kind == IntentKind.INDEXED:
        return no_figure.indexed(library, lang)
    if asks_deadlines(parsed.text) and not parsed.found.agencies and not parsed.matches:
        return deadlines(library, reminders or RemindersConfig(), today, lang)
    if agency_id is None and (
        unknown := naming.body_in_region(library, parsed.found, parsed.named, lang)
    ):
        return unknown
    if parsed.intent.kind in {IntentKind.TOTAL, IntentKind.RANKING}:
        return _regional(library, library.agency_index(), parsed, forced_key)
    return None


def parse_question(
    index: NameIndex, text: str, lang: Language, today: date, *, forced: bool = False
) -> Parsed:
    """Names, years, figures and the kind of answer, from the question's text."""
    years = find_years(text, today)
    named = _blank(text, years.spans if years else ())
    found = index.find(named)
    # names, and the bodies named beside them (平潭|交通局), are no figure's words
    rest = correct_spelling(_blank(named, (*found.spans(), *naming.body_spans(found, named))))
    if forced:  # the agency is settled (a "which one?" pick); its name is still not a figure
        found = Found()
    matches = match_fields(rest)
    agencies = len({m.best.agency.id for m in found.agencies if m.best.agency}) + int(forced)
    # the words that ask for a kind of answer are read outside the names (万全区 is no 全区)
    unnamed = _blank(text, found.spans())
    intent = detect_intent(
        unnamed,
        agencies=agencies,
        regions=len(found.regions),
        years=len(years.years) if years else 0,
    )
    if intent.kind == IntentKind.CHANGE and matches and matches[0].key.endswith(".items_change"):
        intent = Intent(
            IntentKind.FIGURE
        )  # 本年增/减 is a figure, not a comparison with last year
    return Parsed(text, lang, found, years, matches, intent, named, rest)


def _about(
    library: Library, entries: list[AgencyRecord], parsed: Parsed, *, forced_key: bool
) -> Answer:
    lang, intent = parsed.lang, parsed.intent
    years = list(parsed.years.years) if parsed.years else []
    entry = entries[0]
    topic = topic_of(parsed.text) if not forced_key else None
    wants_rate = not forced_key and asks_rate(parsed.rest)
    # a figure picked later settles the agency too, unless several are compared
    settled = entry if len(entries) == 1 else None
    keys = _keys(parsed, settled, forced_key=forced_key or bool(topic) or wants_rate)
    if isinstance(keys, Answer):
        return keys
    if intent.kind == IntentKind.COMPARE and len(entries) > 1:
        return comparing.compare(library, entries, keys, years[-1] if years else None, lang)
    if intent.kind == IntentKind.TREND and not topic and not wants_rate:
        return trend(library, entry, keys, years, lang)
    subject = _subject(library, entry, years, lang)
    if isinstance(subject, Answer):
        return subject
    if topic is not None:
        return passage(subject, topic)
    if wants_rate:
        declared = named_rate(parsed.rest)
        if declared is None:
            return rates.no_rate(_rate_words(parsed.rest), lang, entry.name)
        return rates.rate(subject, declared)
    return _single(library, subject, keys, intent)


def _single(library: Library, subject: Subject, keys: list[str], intent: Intent) -> Answer:
    if intent.kind == IntentKind.STATUS:
        return single.status(subject)
    if intent.kind == IntentKind.BREAKDOWN:
        return single.breakdown(subject, keys or [_BREAKDOWN_DEFAULT], intent.by)
    if not keys:
        return single.summary(subject)
    if intent.kind == IntentKind.CHANGE:
        return single.change(subject, keys, library)
    return single.figure(subject, keys)


def _keys(parsed: Parsed, entry: AgencyRecord | None, *, forced_key: bool) -> list[str] | Answer:
    """The figures to answer with, or "which figure?" when the question leaves it open."""
    if forced_key:
        return parsed.keys
    kind = parsed.intent.kind
    if kind in {IntentKind.STATUS, IntentKind.BREAKDOWN} and not parsed.matches:
        return []
    needs = kind in _NEEDS_FIGURE
    found = figure_keys(parsed.rest, parsed.matches, needs_figure=needs)
    if isinstance(found, FigureQuestion):
        return no_figure.choose_figure(found, parsed.lang, entry)
    return found


def _subject(
    library: Library, entry: AgencyRecord, years: list[int], lang: Language
) -> Subject | Answer:
    available = library.years(entry.id)
    year = years[-1] if years else available[-1]
    if year not in available:
        return no_figure.no_year(entry, year, available, lang)
    report = library.report(entry.id, year)
    assert report is not None  # the year is listed as available
    # a namesake's answer says which one it is, also once forwarded out of the chat
    place = entry.place if len(library.agency_index().namesakes(entry.name)) > 1 else ""
    return Subject(entry, report, lang, latest=not years, place=place)


def _regional(library: Library, index: NameIndex, parsed: Parsed, forced: bool) -> Answer | None:
    """A total or ranking over the region the question names (a ranking may cover all)."""
    region = _region(index, parsed.found, parsed.lang)
    if isinstance(region, Region):
        region = regional.settle_region(library, region, parsed.named, parsed.lang)
    if isinstance(region, Answer):
        return region
    if region is None and parsed.intent.kind == IntentKind.TOTAL:
        return None
    keys = _keys(parsed, None, forced_key=forced)
    if isinstance(keys, Answer):
        return keys
    year = parsed.years.years[-1] if parsed.years else None
    if parsed.intent.kind == IntentKind.RANKING:
        return regional.ranking(
            library,
            index,
            region=region,
            keys=keys,
            year=year,
            lang=parsed.lang,
            top=parsed.intent.top,
            descending=parsed.intent.descending,
        )
    assert region is not None
    return regional.total(library, index, region=region, keys=keys, year=year, lang=parsed.lang)


def _region(index: NameIndex, found: Found, lang: Language) -> Region | Answer | None:
    if found.regions:
        first = found.regions[0]
        alike = [h.region for h in found.regions if (h.start, h.end) == (first.start, first.end)]
        if len(alike) > 1:  # "Yushu City": 榆树市 or 玉树市
            return regional.which_region(index, [r for r in alike if r is not None], lang)
        return first.region
    for mention in found.agencies:  # 淮安市各部门: the city names both a government and a region
        name = mention.typed
        for candidate in (name, f"{name}市", f"{name}区", f"{name}县", f"{name}省"):
            if candidate in index.regions:
                return index.regions[candidate]
    return None


def _rate_words(text: str) -> str:
    found = re.search(
        r"[\u4e00-\u9fff]{0,6}(?:率|比例|占比)|[A-Za-z ]{0,30}\b(?:rate|percentage)", text
    )
    return " ".join((found.group(0) if found else text).split()).lstrip("的之")


def _blank(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``text`` with each span replaced by spaces, so positions stay valid."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
