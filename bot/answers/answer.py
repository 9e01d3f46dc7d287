"""What an answer is: the text a user reads, and the data behind it for ``ask --json``."""

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from bot.answers.chart import Chart
from bot.catalogue import json_number
from bot.texts import Language


@dataclass(frozen=True)
class Source:
    """Where a figure comes from: the report file, the section, the row and column as printed."""

    report: str
    section: str
    section_title: str
    row: str
    column: str

    def to_json(self) -> dict[str, str]:
        """The source as a JSON object."""
        return {
            "report": self.report,
            "section": self.section,
            "section_title": self.section_title,
            "row": self.row,
            "column": self.column,
        }


@dataclass(frozen=True)
class Choice:
    """One answer to a question the bot asks back ("which one?", "which figure?", "what is
    indexed there"): its label, and what picking it settles — an agency, a figure, or both
    (a figure of the agency already settled)."""

    label: str
    agency_id: int | None = None
    key: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The choice as a JSON object: its label and what it settles."""
        out: dict[str, Any] = {"label": self.label}
        if self.agency_id is not None:
            out["agency_id"] = self.agency_id
        if self.key is not None:
            out["key"] = self.key
        return out


class AnswerKind(StrEnum):
    """What an answer is (``kind`` in ``ask --json``): a figure, a listing, a question back…"""

    FIGURE = "figure"
    SUMMARY = "summary"
    REPORT = "report"
    BREAKDOWN = "breakdown"
    CHANGE = "change"
    TREND = "trend"
    COMPARE = "compare"
    TOTAL = "total"
    RANKING = "ranking"
    RATE = "rate"
    NO_RATE = "no_rate"
    STATUS = "status"
    PASSAGE = "passage"
    PASSAGE_NONE = "passage_none"
    INDEXED = "indexed"
    DEADLINES = "deadlines"
    HELP = "help"
    CHOOSE_AGENCY = "choose_agency"
    CHOOSE_FIGURE = "choose_figure"
    UNKNOWN_FIELD = "unknown_field"
    CHOOSE_REGION = "choose_region"
    NOT_INDEXED = "not_indexed"
    NO_REPORT = "no_report"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Answer:
    """An answer: ``text`` for people; the other fields for programs and buttons."""

    text: str
    kind: AnswerKind
    language: Language
    agency: str | None = None
    agency_id: int | None = None  # the store's id of that agency, for buttons and exports
    year: int | None = None
    key: str | None = None
    value: Decimal | None = None
    unit: str | None = None
    source: Source | None = None
    choices: tuple[Choice, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    chart: Chart | None = None
    series: dict[int, float | None] = field(default_factory=dict)
    rows: tuple[dict[str, Any], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The JSON object ``ask --json`` prints (spec: at least ``answer``)."""
        out: dict[str, Any] = {"answer": self.text, "kind": self.kind, "language": self.language}
        if self.agency is not None:
            out["agency"] = self.agency
        if self.year is not None:
            out["year"] = self.year
        if self.key is not None:
            out["key"] = self.key
            out["value"] = json_number(self.key, self.value)
            out["unit"] = self.unit
        if self.source is not None:
            out["source"] = self.source.to_json()
        if self.choices:
            out["choices"] = [c.to_json() for c in self.choices]
        if self.warnings:
            out["warnings"] = list(self.warnings)
        if self.series:
            out["series"] = {str(year): value for year, value in self.series.items()}
        if self.rows:
            out["rows"] = list(self.rows)
        return out
