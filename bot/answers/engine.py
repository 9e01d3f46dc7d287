"""Answering a question: find the agency, the year and the figure, then say it with its source."""

import re
from datetime import date

from bot.answers import replies
from bot.answers.library import Library
from bot.answers.model import Answer
from bot.names import AgencyEntry, Hit
from bot.questions.fields import match_fields
from bot.questions.language import detect_language
from bot.questions.years import YearMention, find_years

# Hits this sure are taken without asking; below it a single hit is still taken, saying so.
_SURE = 90.0
_MAX_CHOICES = 5


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
    index = library.agency_index()
    if not _meaningful(text):
        return replies.help_answer(library, lang)
    years = find_years(text, today)
    rest = _blank(text, years.spans if years else ())
    hits = [] if agency_id is not None else index.find(rest)
    entry = index.entries.get(agency_id) if agency_id is not None else None
    fuzzy_note = None
    if entry is None:
        chosen = _choose(hits)
        if isinstance(chosen, list):
            return replies.choose_agency(chosen[:_MAX_CHOICES], lang)
        if chosen is None:
            return replies.no_agency(
                library, text, lang, understood=bool(years or match_fields(rest))
            )
        entry = chosen.agency
        fuzzy_note = chosen if chosen.score < _SURE else None
        rest = _blank(rest, ((chosen.start, chosen.end),))
    return _answer_for(library, entry, years, rest, lang=lang, fuzzy=fuzzy_note)


def _answer_for(
    library: Library,
    entry: AgencyEntry,
    years: YearMention | None,
    rest: str,
    *,
    lang: str,
    fuzzy: Hit | None,
) -> Answer:
    available = library.years(entry.id)
    if years is None:
        year, latest = available[-1], True
    else:
        year, latest = years.years[-1], False
        if year not in available:
            return replies.no_year(entry, year, available, lang)
    report = library.report(entry.id, year)
    assert report is not None  # the year is listed as available
    matches = match_fields(rest)
    if not matches:
        return replies.summary(entry, report, lang, latest=latest, fuzzy=fuzzy)
    return replies.figure(
        entry, report, [m.key for m in matches], lang, latest=latest, fuzzy=fuzzy
    )


def _choose(hits: list[Hit]) -> Hit | list[Hit] | None:
    """The one agency meant, several to choose from, or none."""
    if not hits:
        return None
    best = hits[0]
    rivals = [h for h in hits[1:] if h.score >= best.score - 2.0]
    if not rivals:
        return best
    return [best, *rivals]


def _meaningful(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]{2,}|[A-Za-z]{2,}|\d{4}", text))


def _blank(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``text`` with each span replaced by spaces, so positions stay valid."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
