"""What every reader shares: clean cell and paragraph text, tables as tab-separated lines.

The parser downstream reads lines: a paragraph is one line (never with a tab in it) and a table
row is one line whose cells are separated by tabs, every row of a table with the same number of
cells. Merged cells repeat their text in every grid position they cover; an empty cell stays an
empty string, because a blank cell means "not reported".
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

_GAP = re.compile(r"[ \t\u3000\u00a0]{2,}")
# Characters that take no room on the page and only get in the way of matching labels.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))

#: The most grid positions one table may expand to (rowspan and colspan included).
MAX_TABLE_CELLS = 500_000
#: The widest span a cell may claim (the HTML limit for colspan).
MAX_SPAN = 1000
#: A table row holding a nested table and more text than this besides is page layout.
LAYOUT_TEXT = 200


class TableTooLargeError(ValueError):
    """A table's merged cells expand to more grid positions than ``MAX_TABLE_CELLS``."""


def clean_cell(text: str) -> str:
    """A cell's text on one line: every run of whitespace (newlines, tabs, nbsp) one space."""
    return " ".join(text.translate(_INVISIBLE).split())


def paragraph_lines(text: str, *, gaps: bool = False) -> list[str]:
    """The non-blank lines of a paragraph, each with its whitespace runs made one space.

    With ``gaps``, a run of two or more spaces stays two spaces (a column gap on a PDF page,
    which the parser reads as a cell boundary, as in ``pdftotext -layout`` output).
    """
    out = []
    for line in text.translate(_INVISIBLE).splitlines():
        pieces = _GAP.split(line.strip()) if gaps else [line]
        cleaned = "  ".join(" ".join(piece.split()) for piece in pieces)
        if cleaned:
            out.append(cleaned)
    return out


@dataclass(frozen=True)
class SpanCell:
    """A table cell as written in the file: its text and how many rows and columns it covers.

    ``continued`` marks a cell that only continues a vertical merge from the row above (Word's
    ``vMerge``): it is not the row's own cell.
    """

    text: str
    rowspan: int = 1
    colspan: int = 1
    continued: bool = False


@dataclass
class Grid:
    """A table laid out on its grid: every row as wide as the widest."""

    rows: list[list[str]]
    #: Rows made of one cell across the whole table (a title band or framed prose).
    bands: list[bool]
    #: Rows with no cell of their own (every position spanned from above): nothing new.
    empty: list[bool]

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0


def span_grid(rows: Sequence[Sequence[SpanCell]]) -> Grid:
    """Lay cells with rowspan/colspan out on a grid, repeating a merged cell's text.

    A ``rowspan`` of 0 or one reaching past the last row stops at the last row. Rows with fewer
    cells than the widest row are padded with empty cells, so every row has the same width.
    """
    taken: dict[tuple[int, int], str] = {}
    width = 0
    spans: list[int] = []  # per row: the colspan of its one own cell starting at 0, else 0
    for r, row in enumerate(rows):
        c = 0
        own = [cell for cell in row if not cell.continued]
        spans.append(0)
        for cell in row:
            while (r, c) in taken:
                c += 1
            down = len(rows) - r if cell.rowspan <= 0 else min(cell.rowspan, len(rows) - r)
            across = max(1, min(cell.colspan, MAX_SPAN))
            if len(taken) + down * across > MAX_TABLE_CELLS:
                raise TableTooLargeError(f"a table has more than {MAX_TABLE_CELLS:,} cells")
            for dr in range(down):
                for dc in range(across):
                    taken[(r + dr, c + dc)] = cell.text
            if c == 0 and len(row) == 1 and own:
                spans[r] = across
            c += across
            width = max(width, c)
    if width * len(rows) > MAX_TABLE_CELLS:  # one wide row widens every row of the grid
        raise TableTooLargeError(f"a table has more than {MAX_TABLE_CELLS:,} cells")
    cells = [[taken.get((r, c), "") for c in range(width)] for r in range(len(rows))]
    bands = [width > 1 and span >= width for span in spans]
    empty = [all(cell.continued for cell in row) for row in rows]
    return Grid(cells, bands, empty)


def holds_layout(rows: Sequence[Sequence[SpanCell]], nested: Sequence[Sequence[object]]) -> bool:
    """Whether a row has a nested table and much text besides: page layout, not a data row."""
    return any(
        inner and sum(len(cell.text) for cell in row) > LAYOUT_TEXT
        for row, inner in zip(rows, nested, strict=True)
    )


class LineSink:
    """Collects a document's lines in order: paragraphs as plain lines, rows with tabs."""

    def __init__(self) -> None:
        self._lines: list[str] = []

    def paragraph(self, text: str, *, gaps: bool = False) -> None:
        """Add a paragraph (it may hold line breaks: each becomes a line; tabs become spaces)."""
        self._lines.extend(paragraph_lines(text, gaps=gaps))

    def row(self, cells: Sequence[str]) -> None:
        """Add a table row; a row whose cells are all empty carries nothing and is dropped."""
        if any(cells):
            self._lines.append("\t".join(clean_cell(cell) for cell in cells))

    def rows(self, grid: Sequence[Sequence[str]]) -> None:
        """Add every row of a table grid."""
        for cells in grid:
            self.row(cells)

    def grid_row(self, grid: Grid, index: int) -> None:
        """Add one row of ``grid``: a band as a plain line, a row with no cell of its own not."""
        if grid.bands[index]:
            self.paragraph(grid.rows[index][0])
        elif not grid.empty[index]:
            self.row(grid.rows[index])

    def text(self) -> str:
        """Everything added so far, one line each, ending with a newline."""
        return "".join(f"{line}\n" for line in self._lines)

    def __bool__(self) -> bool:
        return bool(self._lines)
