"""Reading one figure from a stored report: stored cells and derived group sums alike."""

from dataclasses import dataclass
from decimal import Decimal

from bot.catalogue import Field, field
from bot.parser.report import AMBIGUOUS_CELLS, INCOMPLETE, Finding
from bot.records import StoredReport

#: Findings naming the cells a copy lacks: cut off after them, or not read for certain.
LACKING_RULES = (INCOMPLETE, AMBIGUOUS_CELLS)


@dataclass(frozen=True)
class FigureValue:
    """A figure's value in a report: ``None`` when not reported, or when the copy lacks the
    cell (``lacking`` then holds the finding naming it: cut off, or not read for certain);
    ``in_layout`` false when the report's layout has no such cell."""

    value: Decimal | None
    in_layout: bool
    cells: tuple[str, ...]
    lacking: Finding | None = None

    @property
    def missing(self) -> bool:
        """True when the report has the cell but the indexed copy does not hold it."""
        return self.lacking is not None


def read_figure(report: StoredReport, spec: Field) -> FigureValue:
    """The value of ``spec`` in ``report``; a derived field sums its printed parts, and is
    unknown (never a partial sum) when the copy lacks any of them."""
    if spec.derived:
        parts = [p for p in spec.parts if report.layout in field(p).layouts]
        held = [p for p in parts if p in report.figures]
        if (
            lacking := _lacking(report, [p for p in parts if report.figures.get(p) is None])
        ) is not None:
            return FigureValue(None, bool(parts), tuple(parts), lacking)
        printed = [report.figures[p] for p in held if report.figures[p] is not None]
        total = sum((v for v in printed if v is not None), Decimal(0)) if printed else None
        return FigureValue(total, bool(held), tuple(held))
    if report.layout not in spec.layouts:
        return FigureValue(None, False, (spec.key,))
    value = report.figures.get(spec.key)
    if value is None:  # absent, or marked not reported where a finding says it is lacking
        return FigureValue(None, True, (spec.key,), _lacking(report, [spec.key]))
    return FigureValue(value, True, (spec.key,))


def _lacking(report: StoredReport, cells: list[str]) -> Finding | None:
    """The finding that names any of ``cells`` as lacking, the cut first."""
    wanted = set(cells)
    if not wanted:
        return None
    for rule in LACKING_RULES:
        for finding in report.findings:
            if finding.rule == rule and wanted & set(finding.cells):
                return finding
    return None
