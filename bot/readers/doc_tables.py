"""Tables of legacy Word files: paragraph properties, and rows laid out on their grid.

A .doc keeps each paragraph's properties in PAPX pages (FKPs) keyed by the byte offset of the
paragraph's end mark. Three matter here: whether the paragraph is in a table (and how deeply
nested), whether its mark ends a table row (``fTtp``: a row's end, not an empty cell), and, on
that row-end mark, the row's cell edges and merge flags (``sprmTDefTable``). Cells are laid out
on the columns that all rows' edges make, so a merged cell spans the columns it covers and the
parser sees every row of a table equally wide, as from the DOCX and HTML readers.
"""

import struct
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from bot.readers.lines import LineSink, SpanCell, span_grid

_PAGE = 512
_SIZES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # operand size by the sprm's spra bits
_IN_TABLE, _TTP, _ITAP = 0x2416, 0x2417, 0x6649
_INNER_CELL, _INNER_TTP = 0x244B, 0x244C
_DEF_TABLE, _VERT_MERGE, _HUGE_PAPX, _CHANGE_TABS = 0xD608, 0xD62B, 0x6646, 0xC615
_SNAP = 20  # twips: cell edges this close in different rows are the same column edge
_MERGED_LEFT, _CONTINUES_ABOVE = 2, 1  # TC80 horzMerge and vertMerge values


@dataclass(frozen=True)
class Row:
    """A row's cell edges (twips, one more than cells) and, per cell, its merge flags."""

    edges: tuple[int, ...] = ()
    horizontal: tuple[int, ...] = ()
    vertical: tuple[int, ...] = ()


@dataclass(frozen=True)
class Props:
    """The paragraph properties that shape tables."""

    depth: int = 0  # 0 outside tables, 1 in a table, 2 in a table nested in a cell…
    row_end: bool = False  # the mark ends a row (of a table at ``depth``)
    row: Row = field(default_factory=Row)


class ParagraphProperties:
    """Looks up a paragraph's ``Props`` by the byte offset of its end mark."""

    def __init__(self, word: bytes, plcf_bte_papx: bytes, data: bytes) -> None:
        self._data = data
        self._starts: list[int] = []
        self._runs: list[tuple[int, bytes]] = []  # (end fc, grpprl), by start fc
        self._cache: dict[bytes, Props] = {}
        count = max(0, (len(plcf_bte_papx) - 4) // 8)
        pages = struct.unpack_from(f"<{count}I", plcf_bte_papx, 4 * (count + 1)) if count else ()
        for page in dict.fromkeys(pn & 0x3FFFFF for pn in pages):
            self._read_page(word[page * _PAGE : (page + 1) * _PAGE])
        order = sorted(range(len(self._starts)), key=self._starts.__getitem__)
        self._starts = [self._starts[i] for i in order]
        self._runs = [self._runs[i] for i in order]

    def _read_page(self, page: bytes) -> None:
        runs = page[-1] if len(page) == _PAGE else 0
        # a paragraph page holds its runs' 4-byte starts, then 13 bytes for each run, inside
        # its 511 bytes (at most 29 runs): a damaged count is no page
        if not runs > 0 or 4 * (runs + 1) + 13 * runs > _PAGE - 1:
            return
        fcs = struct.unpack_from(f"<{runs + 1}I", page, 0)
        for i in range(runs):
            offset = 2 * page[4 * (runs + 1) + 13 * i]
            self._starts.append(fcs[i])
            self._runs.append((fcs[i + 1], _papx(page, offset) if offset else b""))

    def at(self, fc: int) -> Props:
        """The properties of the paragraph whose end mark is at byte ``fc``."""
        index = bisect_right(self._starts, fc) - 1
        if index < 0 or fc >= self._runs[index][0]:
            return Props()
        grpprl = self._runs[index][1]
        if grpprl not in self._cache:
            self._cache[grpprl] = self._props(grpprl)
        return self._cache[grpprl]

    def _props(self, grpprl: bytes, *, huge: bool = False) -> Props:
        in_table = ttp = inner_ttp = False
        itap: int | None = None
        row = Row()
        vertical: dict[int, int] = {}
        for sprm, operand in _sprms(grpprl):
            if sprm == _HUGE_PAPX and len(operand) == 4 and not huge:  # the list is in Data
                at = struct.unpack("<I", operand)[0]
                size = (
                    struct.unpack_from("<H", self._data, at)[0] if at + 2 <= len(self._data) else 0
                )
                return self._props(self._data[at + 2 : at + 2 + size], huge=True)
            value = operand[0] if operand else 0
            if sprm == _IN_TABLE:
                in_table = bool(value)
            elif sprm == _TTP:
                ttp = bool(value)
            elif sprm == _INNER_TTP:
                inner_ttp = bool(value)
            elif sprm == _ITAP and len(operand) == 4:
                itap = max(0, min(struct.unpack("<i", operand)[0], 64))
            elif sprm == _DEF_TABLE:
                row = _def_table(operand)
            elif sprm == _VERT_MERGE and len(operand) >= 2:
                vertical[operand[0]] = operand[1]
        depth = itap if itap is not None else int(in_table)
        if vertical:
            merged = [vertical.get(i, v) for i, v in enumerate(row.vertical)]
            row = Row(row.edges, row.horizontal, tuple(merged))
        return Props(depth, ttp if depth <= 1 else inner_ttp, row)


def _papx(page: bytes, offset: int) -> bytes:
    """The grpprl of the PapxInFkp at ``offset`` (its style index skipped)."""
    if offset + 1 >= len(page):
        return b""
    size = page[offset]
    body = (
        page[offset + 2 : offset + 2 + 2 * page[offset + 1]]
        if size == 0
        else (page[offset + 1 : offset + 2 * size])
    )
    return body[2:]


def _sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """Each (sprm, operand) of a property list; stops at anything it cannot size."""
    at = 0
    while at + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        spra = sprm >> 13
        if spra != 6:
            size, start = _SIZES[spra], at
        elif sprm == _DEF_TABLE and at + 2 <= len(grpprl):
            size, start = struct.unpack_from("<H", grpprl, at)[0] - 1, at + 2
        elif sprm != _CHANGE_TABS and at < len(grpprl):
            size, start = grpprl[at], at + 1
        else:
            return
        if size < 0 or start + size > len(grpprl):
            return
        yield sprm, grpprl[start : start + size]
        at = start + size


def _def_table(operand: bytes) -> Row:
    """Cell edges and merge flags from a ``sprmTDefTable`` operand."""
    if not operand:
        return Row()
    cells = operand[0]
    if 1 + 2 * (cells + 1) > len(operand):
        return Row()
    edges = struct.unpack_from(f"<{cells + 1}h", operand, 1)
    at = 1 + 2 * (cells + 1)
    flags = [struct.unpack_from("<H", operand, at + 20 * i)[0] for i in range(cells)
             if at + 20 * i + 2 <= len(operand)]  # fmt: skip
    flags += [0] * (cells - len(flags))  # TC80s left out: cells with default flags
    return Row(edges, tuple(f & 0x3 for f in flags), tuple((f >> 5) & 0x3 for f in flags))


class TableBuilder:
    """Receives paragraphs in order and writes them, and the tables they make, to a sink."""

    def __init__(self, sink: LineSink) -> None:
        self._sink = sink
        self._cell: list[str] = []
        self._cells: list[str] = []
        self._rows: list[tuple[list[str], Row]] = []

    def paragraph(self, text: str, cell_mark: bool, props: Props) -> None:
        """One paragraph: ``cell_mark`` when it ends with ``\\x07`` (a cell's or row's end)."""
        depth = max(props.depth, 1) if cell_mark else props.depth
        if depth == 0:
            self.finish()
            self._sink.paragraph(text)
        elif depth > 1:  # a table nested in a cell: its text joins the outer cell's
            self._cell.append(text)
        elif cell_mark and props.row_end:
            self._rows.append((self._cells, props.row))
            self._cells = []
        elif cell_mark:
            self._cells.append(" ".join([*self._cell, text]))
            self._cell = []
        else:
            self._cell.append(text)

    def finish(self) -> None:
        """Write the table in progress, if any."""
        if self._cell or self._cells:  # a row cut short (a damaged file): keep what it has
            self._rows.append(([*self._cells, " ".join(self._cell)], Row()))
            self._cell, self._cells = [], []
        if self._rows:
            _write_table(self._rows, self._sink)
            self._rows = []


def _write_table(rows: list[tuple[list[str], Row]], sink: LineSink) -> None:
    columns = _columns([row.edges for _, row in rows])
    laid = [_span_cells(cells, row, columns) for cells, row in rows]
    grid = span_grid(laid)
    if grid.width <= 1:  # one column: framed text, not data
        for cells in laid:
            for cell in cells:
                sink.paragraph(cell.text)
        return
    _fill_vertical_merges(grid.rows, laid)
    for index in range(len(grid.rows)):
        sink.grid_row(grid, index)


def _columns(all_edges: list[tuple[int, ...]]) -> dict[int, int]:
    """Each edge position to the index of the column edge it is (edges a few twips apart are
    one: rows drawn by hand rarely line up exactly)."""
    index: dict[int, int] = {}
    column, previous = -1, None
    for edge in sorted({edge for edges in all_edges for edge in edges}):
        if previous is None or edge - previous > _SNAP:
            column += 1
        index[edge] = column
        previous = edge
    return index


def _span_cells(cells: list[str], row: Row, columns: dict[int, int]) -> list[SpanCell]:
    """The row's cells with the columns each spans, after empty ones for a left indent."""
    if len(row.edges) != len(cells) + 1:  # no usable cell edges: one column a cell
        return [SpanCell(text) for text in cells]
    laid = [SpanCell("")] * (columns[row.edges[0]] if columns else 0)
    for i, text in enumerate(cells):
        span = max(1, columns[row.edges[i + 1]] - columns[row.edges[i]])
        if row.horizontal[i] == _MERGED_LEFT and laid:  # an old-style merge into the left cell
            last = laid[-1]
            laid[-1] = SpanCell(f"{last.text} {text}".strip(), 1, last.colspan + span)
            continue
        laid.append(SpanCell(text, colspan=span, continued=row.vertical[i] == _CONTINUES_ABOVE))
    return laid


def _fill_vertical_merges(grid: list[list[str]], rows: list[list[SpanCell]]) -> None:
    """Give each position of a cell continuing a vertical merge the text above it."""
    for r in range(1, len(rows)):
        c = 0
        for cell in rows[r]:
            if cell.continued:
                for col in range(c, min(c + cell.colspan, len(grid[r - 1]))):
                    grid[r][col] = grid[r - 1][col]
            c += cell.colspan
