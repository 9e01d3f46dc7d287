"""Table rows in report text: a label and the cells that follow it."""

import re
from dataclasses import dataclass
from decimal import Decimal

from bot.reports.numbers import NOT_REPORTED, read_cell
from bot.reports.text import compact, normalize_line

_CELL_SPLIT = re.compile(r"\t| {2,}")


@dataclass(frozen=True)
class Row:
    """One table row: its label as printed and its value cells (``Decimal`` or not reported)."""

    label: str
    values: tuple[Decimal | str, ...]
    line: int

    @property
    def compact_label(self) -> str:
        """The label without spaces or punctuation."""
        return compact(self.label)


def split_cells(line: str) -> list[str]:
    """Cells of a line: tab-separated, or separated by runs of two or more spaces."""
    text = normalize_line(line) if "\t" not in line else line.strip("\r\n")
    return [cell.strip() for cell in _CELL_SPLIT.split(text)]


def read_row(line: str, index: int) -> Row | None:
    """A row from one line of text, or ``None`` when the line holds no value cell.

    Label cells come first; value cells follow. Empty cells at either end of the values are
    layout padding; empty cells between values are blanks the report left.
    """
    cells = split_cells(line)
    last_label = max((i for i, c in enumerate(cells) if c and read_cell(c) is None), default=-1)
    label = " ".join(normalize_line(c) for c in cells[: last_label + 1] if c)
    raw = cells[last_label + 1 :]
    while raw and not raw[-1]:
        raw.pop()
    while raw and not raw[0]:
        raw.pop(0)
    values = tuple(_value(c) for c in raw)
    if not any(isinstance(v, Decimal) for v in values) and not (label and values):
        return None
    return Row(label, values, index)


def _value(cell: str) -> Decimal | str:
    value = read_cell(normalize_line(cell))
    return NOT_REPORTED if value is None else value


def read_rows(text: str, first_line: int = 0) -> list[Row]:
    """Every row with values in ``text``, in order."""
    rows = []
    for offset, line in enumerate(text.splitlines()):
        row = read_row(line, first_line + offset)
        if row is not None:
            rows.append(row)
    return rows
