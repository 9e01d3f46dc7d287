"""Plain data the store hands out: detached from sessions, safe to keep and share. A stored
finding is the parser's ``Finding``: one type from reading to answering."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from bot.parser.report import Finding


class AgencyRecord(NamedTuple):
    """An indexed agency, as the store hands it out and the name index keeps it: the one record
    of an agency with an id. A named tuple: 100,000 of them load from the index snapshot in a
    fraction of the time, and memory, that dataclass instances take."""

    id: int
    name: str
    parent: str | None
    city: str | None = None
    province: str | None = None
    level: str | None = None

    @property
    def english(self) -> str:
        """The agency's name in English (computed when first asked for)."""
        from bot.agencies.profiles import profile  # noqa: PLC0415  (profiles import entries)

        return profile(self.name).english

    @property
    def place(self) -> str:
        """The nearest region the agency lies in (its identity beside its name)."""
        return self.parent or self.city or self.province or ""

    @property
    def regions(self) -> frozenset[str]:
        """The regions the agency lies in (parent, city, province)."""
        return frozenset(r for r in (self.parent, self.city, self.province) if r)


@dataclass(frozen=True)
class StoredReport:
    """A current report with its figures (``None`` for not reported)."""

    id: int
    agency: AgencyRecord
    year: int
    layout: str
    source_name: str
    sha256: str
    ingested_at: datetime
    published: date | None
    figures: dict[str, Decimal | None]
    findings: tuple[Finding, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    text: dict[str, str] = field(default_factory=dict)


class IngestStatus(StrEnum):
    """What became of a file offered for indexing."""

    INDEXED = "indexed"  # the first report of its agency and year
    REPLACED = "replaced"  # a copy holding at least as many figures took the place of another
    UNCHANGED = "unchanged"  # the same file, or the same figures from another file
    KEPT = "kept"  # a fuller copy is already indexed: this cut one was not written
    REJECTED = "rejected"  # not indexed: no agency and year, no figure, or unreadable


@dataclass(frozen=True)
class IngestOutcome:
    """What saving a report did; ``current_source`` and ``current_figures`` name the indexed
    copy that stays (``unchanged``, ``kept``) or that was replaced (``replaced``)."""

    status: IngestStatus
    report_id: int
    agency: str
    year: int
    current_source: str | None = None
    current_figures: int = 0


@dataclass(frozen=True)
class DeleteOutcome:
    """What deleting an agency's report for a year removed: its file, and the files it had
    replaced (older versions of the same report)."""

    agency: str
    year: int
    source_name: str
    replaced_sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportDump:
    """One report as exported: everything needed to rebuild it in another store.

    ``figures`` keep the exact decimal text as stored (``None``: not reported); ``agency``
    holds name, identity and regions; ``current`` is false for a report later replaced.
    """

    agency: dict[str, str | None]
    year: int
    layout: str
    source_name: str
    sha256: str
    ingested_at: datetime
    published: date | None
    current: bool
    figures: dict[str, str | None]
    findings: tuple[Finding, ...]
    labels: dict[str, str]
    text: dict[str, str]
