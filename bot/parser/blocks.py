"""Tables dumped in blocks: some rows row by row, some column by column.

``pdftotext`` in its default mode reads a drawn table in text blocks: a run of rows may come
out one row at a time, the next run one column at a time. With every number known to belong,
in order, to rows of seven cells, the reading that makes every row add up (row total = the
six applicant columns) is recovered by trying, from each row on, a block of k rows read row
by row or column by column.
"""

from decimal import Decimal
from functools import cache

from bot.parser.cells import Cell, Cells
from bot.parser.numbers import NOT_REPORTED, read_cell

WIDTH = 7
MAX_TABLES = 64
_SINGLE_OTHER = ("outcome.other.no_correction", "outcome.other.fee_unpaid")


def read_blocks(chunks: list[str], rows: list[str]) -> dict[str, list[Cells]] | None:
    """Row readings from a sequence of separate numbers, or ``None`` if no block reading fits.

    Tries the full row list and, for the 2021 layout, the variant printing （六）其他处理 as one
    row. Rows map to every distinct reading found (usually one).
    """
    values = [read_cell(c) for c in chunks if c]
    if any(v is None for v in values):
        return None
    cells: tuple[Cell, ...] = tuple(v for v in values if v is not None)
    for keys in (rows, [r for r in rows if r not in _SINGLE_OTHER]):
        if len(cells) != len(keys) * WIDTH:
            continue
        tables = _tables(cells, len(keys))
        if tables:
            return {key: sorted({t[i] for t in tables}, key=str) for i, key in enumerate(keys)}
    return None


def _tables(cells: tuple[Cell, ...], row_count: int) -> list[tuple[Cells, ...]]:
    @cache
    def from_row(start: int) -> tuple[tuple[Cells, ...], ...]:
        if start == row_count:
            return ((),)
        found: list[tuple[Cells, ...]] = []
        for size in range(1, row_count - start + 1):
            block = cells[start * WIDTH : (start + size) * WIDTH]
            for rows in _readings(block, size):
                if all(_adds_up(r) for r in rows):
                    found.extend(rows + rest for rest in from_row(start + size))
                    if len(found) >= MAX_TABLES:
                        return tuple(dict.fromkeys(found))
        return tuple(dict.fromkeys(found))

    return list(from_row(0))


def _readings(block: tuple[Cell, ...], size: int) -> list[tuple[Cells, ...]]:
    by_row = tuple(block[i * WIDTH : (i + 1) * WIDTH] for i in range(size))
    if size == 1:
        return [by_row]
    by_column = tuple(tuple(block[c * size + r] for c in range(WIDTH)) for r in range(size))
    return [by_row] if by_row == by_column else [by_row, by_column]


def _adds_up(row: Cells) -> bool:
    if any(c == NOT_REPORTED for c in row):
        return True
    numbers = [c for c in row if isinstance(c, Decimal)]
    return sum(numbers[:-1], Decimal(0)) == numbers[-1]
