"""What reading one section's table yields."""

from dataclasses import dataclass, field
from decimal import Decimal

from bot.parser.cells import Cell
from bot.parser.numbers import NOT_REPORTED, UNREADABLE


@dataclass
class SectionReading:
    """Cells read from a section: values, blanks, ambiguous and missing cells, printed labels."""

    figures: dict[str, Decimal] = field(default_factory=dict)
    not_reported: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)

    def put(self, key: str, value: Cell | None) -> None:
        """Record one cell: a value, a not-reported mark, or ``None`` (or an unreadable OCR
        number) for ambiguous."""
        if value is None or value == UNREADABLE:
            self.ambiguous.append(key)
        elif isinstance(value, Decimal):
            self.figures[key] = value
        elif value == NOT_REPORTED:
            self.not_reported.append(key)

    def merge(self, other: "SectionReading") -> None:
        """Add what ``other`` read."""
        self.figures.update(other.figures)
        self.not_reported.extend(other.not_reported)
        self.ambiguous.extend(other.ambiguous)
        self.missing.extend(other.missing)
        self.labels.update(other.labels)
