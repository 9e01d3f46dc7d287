"""Answering a question: understand it, find what it names, and build the kind of answer it
wants. The chat, the console and ``ask`` all come here."""

import re
from dataclasses import dataclass
from datetime import date

from bot.agencies import AgencyEntry, Found, Hit, Mention, NameIndex, Region
from bot.answers import compare as comparing
from bot.answers import region as regional
from bot.answers import replies, single
from bot.answers.library import Library
from bot.answers.model import Answer
from bot.answers.series import trend
from bot.answers.subject import Subject
from bot.questions.fields import match_fields
from bot.questions.intent import Intent, detect_intent, without_intent_words
from bot.questions.language import detect_language
from bot.questions.leftovers import closest_fields, correct_spelling, leftover_words
from bot.questions.years import YearMention, find_years

# A name hit this sure is taken without asking; below it the answer says how it read the name.
SURE = 90.0
_CLOSE = 2.0  # candidates within this score of the best are asked about
DEFAULT_KEY = "applications.new.total"


@dataclass(frozen=True)
class Parsed:
    """A question taken apart: what it names, which years, which figures, what it wants."""

    text: str
    lang: str
    found: Found
    years: YearMention | None
    keys: list[str]
    intent: Intent
    leftover: str


def answer_question(
    library: Library,
    question: str,
    *,
    today: date,
    agency_id: int | None = None,
    language: str | None = None,
) -> Answer:
    """The answer to ``question``; ``agency_id`` settles the agency (after a "which one?")."""
    text = " ".join(question.split())
    lang = language or detect_language(text)
    if not re.search(r"[\u4e00-\u9fff]{2,}|[A-Za-z]{2,}|\d{4}", text):
        return replies.help_answer(library, lang)
    index = library.agency_index()
    parsed = parse_question(index, text, lang, today, forced=agency_id is not None)
    if parsed.intent.kind == "indexed":
        return replies.indexed(library, lang)
    if parsed.intent.kind in {"total", "ranking"}:
        answer = _regional(library, index, parsed)
        if answer is not None:
            return answer
    if agency_id is not None and agency_id in index.entries:
        return _about(library, [index.entries[agency_id]], parsed, None)
    if not parsed.found.agencies:
        understood = bool(parsed.years or parsed.keys)
        return replies.no_agency(library, text, lang, understood=understood)
    entries: list[AgencyEntry] = []
    for mention in parsed.found.agencies:
        rivals = _rivals(mention)
        if len(rivals) > 1:
            return replies.choose_agency(rivals, lang)
        assert mention.best.agency is not None
        entries.append(mention.best.agency)
    fuzzy = parsed.found.agencies[0].best
    return _about(library, entries, parsed, fuzzy if fuzzy.score < SURE else None)


def parse_question(
    index: NameIndex, text: str, lang: str, today: date, *, forced: bool = False
) -> Parsed:
    """Names, years, figures and the kind of answer, from the question's text."""
    years = find_years(text, today)
    rest = _blank(text, years.spans if years else ())
    found = index.find(rest)
    rest = correct_spelling(_blank(rest, found.spans()))
    if forced:  # the agency is settled (a "which one?" pick); its name is still not a figure
        found = Found()
    matches = match_fields(rest)
    keys = [m.key for m in matches]
    agencies = len({m.best.agency.id for m in found.agencies if m.best.agency}) + int(forced)
    intent = detect_intent(
        text, agencies=agencies, regions=len(found.regions), years=len(years.years) if years else 0
    )
    leftover = leftover_words(without_intent_words(rest)) if not matches or matches[0].weak else ""
    if leftover and matches and matches[0].weak:
        keys = []  # "applications" alone does not say which: "deny", unknown, leaves it open
    if intent.kind == "change" and keys and keys[0].endswith(".items_change"):
        intent = Intent("figure")  # 本年增/减 is a figure, not a comparison with last year
    return Parsed(text, lang, found, years, keys, intent, leftover)


def _rivals(mention: Mention) -> list[Hit]:
    best = mention.best.score
    return [h for h in mention.candidates if h.score >= best - _CLOSE]


def _about(
    library: Library, entries: list[AgencyEntry], parsed: Parsed, fuzzy: Hit | None
) -> Answer:
    lang, keys, intent = parsed.lang, parsed.keys, parsed.intent
    if parsed.leftover and not keys and intent.kind in {"figure", "change", "compare"}:
        return replies.unknown_field(
            parsed.leftover, closest_fields(parsed.leftover), lang, entries[0].name
        )
    figure_keys = keys or [DEFAULT_KEY]
    years = list(parsed.years.years) if parsed.years else []
    if intent.kind == "compare" and len(entries) > 1:
        return comparing.compare(library, entries, figure_keys, years[-1] if years else None, lang)
    entry = entries[0]
    if intent.kind == "trend":
        return trend(library, entry, figure_keys, years, lang)
    subject = _subject(library, entry, years, lang, fuzzy)
    if isinstance(subject, Answer):
        return subject
    if intent.kind == "status":
        return single.status(subject)
    if intent.kind == "breakdown":
        return single.breakdown(subject, figure_keys, intent.by)
    if intent.kind == "change":
        return single.change(subject, figure_keys, library)
    if not keys:
        return single.summary(subject)
    return single.figure(subject, keys)


def _subject(
    library: Library, entry: AgencyEntry, years: list[int], lang: str, fuzzy: Hit | None
) -> Subject | Answer:
    available = library.years(entry.id)
    year = years[-1] if years else available[-1]
    if year not in available:
        return replies.no_year(entry, year, available, lang)
    report = library.report(entry.id, year)
    assert report is not None  # the year is listed as available
    # a namesake's answer says which one it is, also once forwarded out of the chat
    place = entry.place if len(library.agency_index().namesakes(entry.name)) > 1 else ""
    return Subject(entry, report, lang, latest=not years, fuzzy=fuzzy, place=place)


def _regional(library: Library, index: NameIndex, parsed: Parsed) -> Answer | None:
    """A total or ranking over the region the question names (a ranking may cover all)."""
    region = _region(index, parsed.found)
    keys = parsed.keys or [DEFAULT_KEY]
    year = parsed.years.years[-1] if parsed.years else None
    if parsed.intent.kind == "ranking":
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
    if region is None:
        return None
    return regional.total(library, index, region=region, keys=keys, year=year, lang=parsed.lang)


def _region(index: NameIndex, found: Found) -> Region | None:
    if found.regions:
        return found.regions[0].region
    for mention in found.agencies:  # 淮安市各部门: the city names both a government and a region
        name = mention.typed
        for candidate in (name, f"{name}市", f"{name}区", f"{name}县", f"{name}省"):
            if candidate in index.regions:
                return index.regions[candidate]
    return None


def _blank(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``text`` with each span replaced by spaces, so positions stay valid."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
