"""Reading one figure from a stored report: stored cells and derived group sums alike."""

from dataclasses import dataclass
from decimal import Decimal

from bot.catalogue import Field
from bot.records import StoredReport


@dataclass(frozen=True)
class FigureValue:
    """A figure's value in a report: ``None`` when not reported; ``in_layout`` false when the
    report's layout has no such cell."""

    value: Decimal | None
    in_layout: bool
    cells: tuple[str, ...]


def read_figure(report: StoredReport, field: Field) -> FigureValue:
    """The value of ``field`` in ``report``; a derived field sums its printed parts."""
    if field.derived:
        parts = [p for p in field.parts if p in report.figures]
        printed = [report.figures[p] for p in parts if report.figures[p] is not None]
        total = sum((v for v in printed if v is not None), Decimal(0)) if printed else None
        return FigureValue(total, bool(parts), tuple(parts))
    if report.layout not in field.layouts:
        return FigureValue(None, False, (field.key,))
    return FigureValue(report.figures.get(field.key), True, (field.key,))
