"""Deleting a report: which one a request names, and what to say when it names none.

The chat's /delete and the command line's ``delete`` both read "AGENCY YEAR" the way
questions are read, and refuse in the same words when the agency or the report is not
clear: deleting is not a place for a guess.
"""

import re
from dataclasses import dataclass
from typing import Protocol

from bot.agencies import AgencyRecord, NameIndex
from bot.records import DeleteOutcome, StoredReport
from bot.texts import Language, en, localized, zh

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_SHOWN = 5  # namesakes listed when a name is ambiguous


class Library(Protocol):
    """What finding a report to delete reads from the service."""

    def agency_index(self) -> NameIndex: ...
    def years(self, agency_id: int) -> list[int]: ...
    def report(self, agency_id: int, year: int) -> StoredReport | None: ...


@dataclass(frozen=True)
class Deletion:
    """The report a request names: the agency, the year and the stored report."""

    entry: AgencyRecord
    year: int
    report: StoredReport


def find_deletion(library: Library, request: str) -> Deletion | str:
    """The report ``request`` ("汉屯路街道 2023") names, or the key of why it names none:
    ``how`` (no year), ``unknown``, ``ambiguous:…`` (the candidates) or ``no_report:…``."""
    years = _YEAR.findall(request)
    if len(years) != 1:
        return "how"
    candidates = library.agency_index().find(_YEAR.sub(" ", request)).first_agencies()
    if not candidates:
        return "unknown"
    if len(candidates) > 1:
        return "ambiguous:" + "; ".join(_full_name(e) for e in candidates[:_SHOWN])
    entry, year = candidates[0], int(years[0])
    report = library.report(entry.id, year)
    if report is None:
        held = ", ".join(map(str, library.years(entry.id))) or "—"
        return f"no_report:{entry.name}|{year}|{held}"
    return Deletion(entry, year, report)


_TEXTS = {"en": en.DELETION, "zh": zh.DELETION}


def refusal_text(reason: str, lang: Language) -> str:
    """What to say for a reason ``find_deletion`` gave."""
    key, _, detail = reason.partition(":")
    return localized(_TEXTS, lang, key, *detail.split("|"))


def confirm_text(deletion: Deletion, lang: Language) -> str:
    """The question asked before deleting."""
    return localized(
        _TEXTS,
        lang,
        "confirm",
        agency=deletion.entry.name,
        year=deletion.year,
        source=deletion.report.source_name,
    )


def deleted_text(outcome: DeleteOutcome, lang: Language) -> str:
    """What was deleted."""
    key = "deleted_older" if outcome.replaced_sources else "deleted"
    return localized(
        _TEXTS,
        lang,
        key,
        agency=outcome.agency,
        year=outcome.year,
        source=outcome.source_name,
        older=", ".join(outcome.replaced_sources),
    )


def _full_name(entry: AgencyRecord) -> str:
    return f"{entry.name} ({entry.place})" if entry.place else entry.name
