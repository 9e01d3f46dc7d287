"""PDF tables as grids, stitched together where a table runs on over a page break.

pdfplumber gives each drawn cell's box. A grid position not starting a cell lies inside the box
of a merged cell, whose text it repeats. A table that ends one page and starts the next, with
the same left and right edges, is one table: both pages' segments share their columns, a row
cut by the page break is joined again, and a merged label cell (三、本年度办理结果) that the
break left blank on the new page gets its text back.
"""

import re
from dataclasses import dataclass, field
from itertools import pairwise

from bot.readers.lines import LineSink

_EPS = 1.0
#: How far apart (pt) two segments' left and right edges may be and still be one table.
_ALIGN = 3.0
_NUMBER = re.compile(r"[+\-－]?\d[\d,，.]*(?:万?元|%)?")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")

Box = tuple[float, float, float, float]


@dataclass(eq=False)
class Cell:
    """One drawn cell: its box (x0, top, x1, bottom) and its text (mutable, for stitching)."""

    bbox: Box
    text: str


@dataclass
class Segment:
    """The part of a table drawn on one page."""

    cells: list[Cell]

    @property
    def left(self) -> float:
        return min(cell.bbox[0] for cell in self.cells)

    @property
    def right(self) -> float:
        return max(cell.bbox[2] for cell in self.cells)

    def scale_to(self, other: "Segment") -> tuple[float, float]:
        """``(a, b)`` mapping this segment's x onto ``other``'s as ``a + b * x``.

        Pages of one table are sometimes drawn a few points wider or shifted.
        """
        width = self.right - self.left
        b = (other.right - other.left) / width if width > 0 else 1.0
        return other.left - b * self.left, b


@dataclass
class Row:
    """One grid row: the cell covering each column (``None`` where nothing is drawn)."""

    cells: list[Cell | None]
    top: float
    band: bool = field(default=False)  # a single cell across the whole table


def is_number(text: str) -> bool:
    """Whether a cell's text is a count or an amount (not a label)."""
    return bool(_NUMBER.fullmatch(text.replace(" ", "")))


def starts(values: list[float], tolerance: float = _EPS) -> list[float]:
    """Sorted values with those within ``tolerance`` of the previous one merged."""
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > tolerance:
            out.append(value)
    return out


def grid(segment: Segment, xs: list[float], scale: tuple[float, float] = (0.0, 1.0)) -> list[Row]:
    """Lay the segment's cells on the columns ``xs``; merged cells fill every position."""
    tops = starts([cell.bbox[1] for cell in segment.cells])
    rows = [Row([None] * len(xs), top) for top in tops]
    a, b = scale
    for cell in segment.cells:
        x0, top, x1, bottom = cell.bbox
        x0, x1 = a + b * x0, a + b * x1
        columns = [c for c, x in enumerate(xs) if x0 - _ALIGN <= x < x1 - _ALIGN]
        for row in rows:
            if top - _EPS <= row.top < bottom - _EPS:
                for c in columns:
                    row.cells[c] = cell
    for row in rows:
        first = row.cells[0] if row.cells else None
        row.band = (
            len(xs) > 1
            and first is not None
            and all(cell is first for cell in row.cells)
            and abs(first.bbox[1] - row.top) <= _EPS
        )
    return rows


def glue(head: str, tail: str) -> str:
    """Join two pieces of wrapped text: no space next to CJK text, else one space."""
    if not head or not tail:
        return head or tail
    joined = _CJK.match(head[-1]) or _CJK.match(tail[0])
    return f"{head}{'' if joined else ' '}{tail}"


def _join_cut_row(last: Row, rows: list[Row]) -> None:
    """A first row holding only the cut-off ends of the previous page's last row's labels."""
    first = rows[0].cells
    own = {id(c): (i, c) for i, c in enumerate(first) if c is not None and c.text}
    if not own or not any(c is not None and is_number(c.text) for c in last.cells):
        return
    for i, cell in own.values():
        above = last.cells[i]
        if is_number(cell.text) or above is None or not above.text or is_number(above.text):
            return
    for i, cell in own.values():
        above = last.cells[i]
        if above is not None:
            above.text = glue(above.text, cell.text)
        cell.text = ""
    rows.pop(0)


def _refill_labels(last: Row, first: Row) -> None:
    """Blank label cells at the top of a continued table repeat the label above the break."""
    numbers = [i for i, c in enumerate(first.cells) if c is not None and is_number(c.text)]
    for i in range(numbers[0] if numbers else 0):
        cell, above = first.cells[i], last.cells[i]
        if cell is None or cell.text or above is None or not above.text:
            continue
        if not is_number(above.text):
            cell.text = above.text


class Stitcher:
    """Writes a PDF's pages in order, holding back a table that may go on on the next page."""

    def __init__(self) -> None:
        self.sink = LineSink()
        self._chain: list[Segment] = []

    def page(self, items: list[str | Segment]) -> None:
        """Add one page's items (text lines and table segments), top to bottom."""
        first = items[0] if items else None
        if not (isinstance(first, Segment) and self._continues(first)):
            self.flush()
        for item in items:
            if isinstance(item, str):
                self.flush()
                self.sink.paragraph(item, gaps=True)
            else:
                if self._chain and item is not first:
                    self.flush()
                self._chain.append(item)

    def _continues(self, segment: Segment) -> bool:
        if not self._chain:
            return False
        last = self._chain[-1]
        return (
            abs(last.left - segment.left) <= _ALIGN and abs(last.right - segment.right) <= _ALIGN
        )

    def flush(self) -> None:
        """Write the held-back table (all its segments) as rows."""
        if not self._chain:
            return
        head = self._chain[0]
        scales = [segment.scale_to(head) for segment in self._chain]
        pairs = zip(self._chain, scales, strict=True)
        lefts = [a + b * c.bbox[0] for s, (a, b) in pairs for c in s.cells]
        xs = starts(lefts, _ALIGN)
        grids = [grid(s, xs, scale) for s, scale in zip(self._chain, scales, strict=True)]
        for before, after in pairwise(grids):
            if before and after:
                _join_cut_row(before[-1], after)  # may leave ``after`` empty
            if before and after:
                _refill_labels(before[-1], after[0])
        for row in (row for rows in grids for row in rows):
            if row.band and row.cells[0] is not None:
                self.sink.paragraph(row.cells[0].text)
            else:
                self.sink.row([cell.text if cell else "" for cell in row.cells])
        self._chain = []

    def text(self) -> str:
        """Everything written, after writing what is still held back."""
        self.flush()
        return self.sink.text()
