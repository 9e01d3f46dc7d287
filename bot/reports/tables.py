"""Reading the tables of sections 二, 三 and 四 into canonical figures."""

from dataclasses import dataclass, field
from decimal import Decimal

from bot.catalogue import COLUMNS, OUTCOMES, ROWS, Label, all_fields
from bot.catalogue.review import LITIGATION_AFTER_REVIEW, LITIGATION_DIRECT, REVIEW
from bot.reports.rows import Row, read_rows, split_cells
from bot.reports.text import compact, strip_numbering


@dataclass
class TableReading:
    """Cells read from one section: values, blanks, and the labels as printed."""

    figures: dict[str, Decimal] = field(default_factory=dict)
    not_reported: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)

    def put(self, key: str, value: Decimal | str) -> None:
        """Record one cell (a value or a not-reported mark)."""
        if isinstance(value, Decimal):
            self.figures[key] = value
        elif key not in self.not_reported:
            self.not_reported.append(key)

    def merge(self, other: "TableReading") -> None:
        """Add what ``other`` read."""
        self.figures.update(other.figures)
        self.not_reported.extend(k for k in other.not_reported if k not in self.not_reported)
        self.labels.update(other.labels)


def phrases(label: Label) -> tuple[str, ...]:
    """The compact forms a printed label is recognised by, longest first."""
    forms = {compact(strip_numbering(text)) for text in (label.zh, *label.zh_variants)}
    return tuple(sorted((f for f in forms if f), key=len, reverse=True))


def match_label(text: str, labels: tuple[Label, ...], start: int = 0) -> int | None:
    """The index of the label (at or after ``start``) whose longest phrase ``text`` contains."""
    target = compact(text)
    best: tuple[int, int] | None = None
    for index in range(start, len(labels)):
        for phrase in phrases(labels[index]):
            if phrase in target and (best is None or len(phrase) > best[1]):
                best = (index, len(phrase))
    return best[0] if best else None


def read_applications(text: str) -> TableReading:
    """Section 三: each outcome row, matched in template order, with its seven columns."""
    reading = TableReading()
    next_row = 0
    for row in read_rows(text):
        index = match_label(row.label, ROWS, next_row)
        if index is None or len(row.values) != len(COLUMNS):
            continue
        label = ROWS[index]
        reading.labels[f"applications.{label.key}"] = row.label
        for column, value in zip(COLUMNS, row.values, strict=True):
            reading.put(f"applications.{label.key}.{column.key}", value)
        next_row = index + 1
    return reading


_REVIEW_GROUPS = (REVIEW, LITIGATION_DIRECT, LITIGATION_AFTER_REVIEW)
_REVIEW_CELLS = len(_REVIEW_GROUPS) * len(OUTCOMES)


def read_review(text: str) -> TableReading:
    """Section 四: the single row of fifteen counts, in the template's order."""
    reading = TableReading()
    row = next((r for r in read_rows(text) if len(r.values) == _REVIEW_CELLS), None)
    if row is None:
        return reading
    keys = [f"{group.key}.{outcome.key}" for group in _REVIEW_GROUPS for outcome in OUTCOMES]
    for key, value in zip(keys, row.values, strict=True):
        reading.put(key, value)
    for group in _REVIEW_GROUPS:
        reading.labels[group.key] = group.zh
    return reading


def _proactive_labels(layout: str) -> tuple[tuple[Label, ...], tuple[Label, ...]]:
    fields = [f for f in all_fields() if f.section == "二" and layout in f.layouts]
    rows = tuple(dict.fromkeys(f.row for f in fields))
    columns = tuple(dict.fromkeys(f.column for f in fields))
    return rows, columns


def read_proactive(text: str, layout: str) -> TableReading:
    """Section 二: small tables, each a header of column labels and rows under it."""
    row_labels, column_labels = _proactive_labels(layout)
    known = {f.key for f in all_fields() if f.section == "二" and layout in f.layouts}
    reading = TableReading()
    header: list[Label] = []
    for line_no, line in enumerate(text.splitlines()):
        columns = _header_columns(line, column_labels)
        if columns:
            header = columns
            continue
        row = _row_on_line(line, line_no)
        if row is None or not header:
            continue
        index = match_label(row.label, row_labels)
        if index is None:
            continue
        label = row_labels[index]
        reading.labels[f"proactive.{label.key}"] = row.label
        for column, value in zip(header, row.values, strict=False):
            key = f"proactive.{label.key}.{column.key}"
            if key in known:
                reading.put(key, value)
    return reading


def _row_on_line(line: str, line_no: int) -> Row | None:
    rows = read_rows(line, line_no)
    return rows[0] if rows else None


def _header_columns(line: str, columns: tuple[Label, ...]) -> list[Label]:
    """The column labels of a header line, in order; empty if the line is not a header."""
    found = []
    for cell in split_cells(line):
        index = match_label(cell, columns) if cell else None
        if index is not None:
            found.append(columns[index])
    return found if found and not _row_on_line(line, 0) else []
