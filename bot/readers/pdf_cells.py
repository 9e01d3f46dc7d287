"""The text of a ruled table's cells on one PDF page: a character belongs to the drawn cell
holding its midpoint (half-open, as pdfplumber's ``Table.extract`` puts it); a cell whose
borders are partly missing, which pdfplumber does not see, gets the text inside it too.

The characters' midpoints are worked out once a page (``Midpoints``) and kept sorted top down,
so a table row looks only at the characters at its height, not at every character of the page.
"""

from bisect import bisect_left
from typing import Any

from pdfplumber.table import Table

from bot.readers.lines import clean_cell
from bot.readers.pdf_tables import Box, Cell, Segment, glue, grid, starts
from bot.readers.pdf_words import cell_text

Obj = dict[str, Any]
#: At most this many undrawn cells per table are looked into for text.
MAX_HOLES = 200


class Midpoints:
    """A page's characters with their midpoints, in page order and sorted by height."""

    def __init__(self, chars: list[Obj]) -> None:
        self.chars = chars
        self.points = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2) for c in chars]
        # by height, ties in page order (the sort is stable)
        self._order = sorted(range(len(chars)), key=lambda i: self.points[i][1])
        self._heights = [self.points[i][1] for i in self._order]

    def outside(self, boxes: list[Box]) -> list[Obj]:
        """The characters whose midpoint lies in none of ``boxes`` (edges included)."""
        return [
            char
            for char, (x, y) in zip(self.chars, self.points, strict=True)
            if not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)
        ]

    def between(self, top: float, bottom: float) -> list[tuple[int, float, float]]:
        """(index, x, y) of the characters whose midpoint's height is in [top, bottom)."""
        start = bisect_left(self._heights, top)
        end = bisect_left(self._heights, bottom)
        return [(i, *self.points[i]) for i in self._order[start:end]]


def segment(table: Table, mids: Midpoints) -> Segment:
    """The drawn cells of one table on one page, with their text."""
    rows = table.rows
    texts = cell_texts(rows, mids)
    cells = [
        Cell(bbox, join_wrapped(texts[r][c] or ""))
        for r, row in enumerate(rows)
        for c, bbox in enumerate(row.cells)
        if bbox is not None
    ]
    found = Segment(cells)
    found.cells.extend(_undrawn_cells(found, mids))
    return found


def cell_texts(rows: list[Any], mids: Midpoints) -> list[list[str | None]]:
    """What pdfplumber's ``Table.extract`` gives for these rows of a table: each cell's
    characters (in page order) as pdfplumber's ``extract_text`` joins them."""
    out: list[list[str | None]] = []
    for row in rows:
        rx0, rtop, rx1, rbottom = row.bbox
        in_row = [m for m in mids.between(rtop, rbottom) if rx0 <= m[1] < rx1]
        texts: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            cx0, ctop, cx1, cbottom = cell
            found = sorted(i for i, x, y in in_row if cx0 <= x < cx1 and ctop <= y < cbottom)
            texts.append(cell_text([mids.chars[i] for i in found]) if found else "")
        out.append(texts)
    return out


def _undrawn_cells(found: Segment, mids: Midpoints) -> list[Cell]:
    """Cells whose borders are partly missing (pdfplumber sees no cell) but hold text."""
    xs = starts([cell.bbox[0] for cell in found.cells])
    rows = grid(found, xs)
    bottom = max(cell.bbox[3] for cell in found.cells)
    holes: list[Box] = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row.cells):
            if cell is None:
                x1 = xs[c + 1] if c + 1 < len(xs) else found.right
                y1 = rows[r + 1].top if r + 1 < len(rows) else bottom
                holes.append((xs[c], row.top, x1, y1))
    if not holes or len(holes) > MAX_HOLES:
        return []
    chars: dict[Box, list[Obj]] = {hole: [] for hole in holes}
    for char, (x, y) in zip(mids.chars, mids.points, strict=True):
        hole = next((h for h in holes if h[0] <= x <= h[2] and h[1] <= y <= h[3]), None)
        if hole is not None:
            chars[hole].append(char)
    return [
        Cell(hole, join_wrapped(cell_text(found_chars)))
        for hole, found_chars in chars.items()
        if found_chars
    ]


def join_wrapped(text: str) -> str:
    """A cell's lines joined: no space where CJK text wraps, else one space.

    Two numbers stacked in a cell keep a space between them rather than run together.
    """
    out = ""
    for line in (clean_cell(line) for line in text.splitlines()):
        out = glue(out, line)
    return out
