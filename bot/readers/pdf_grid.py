"""Ruled tables on a PDF page: pdfplumber's table finder, with its search for the cells between
the lines' crossings done over indexes instead of over every later crossing.

pdfplumber's ``intersections_to_cells`` compares each crossing with every later one and turns
the edges at both into sets at each comparison; a report page with 300 cells spent most of its
table finding there. ``cells`` here makes the same search in the same order over crossings
grouped by column and by row, with each crossing's edge sets made once: the same cells
(``tests/unit/test_pdf_grid.py`` checks it against pdfplumber's on random grids and on the
shared PDFs' pages).
"""

import math
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from pdfplumber.table import (
    Table,
    TableFinder,
    TableSettings,
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
)
from pdfplumber.utils.geometry import obj_to_bbox

Point = tuple[float, float]
Bbox = tuple[float, float, float, float]
Later = Callable[[Point], list[Point]]
_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


class GridFinder(TableFinder):
    """pdfplumber's ``TableFinder`` for tables drawn with lines (both ways), its cells found by
    ``cells``."""

    def __init__(self, page: Any) -> None:  # not TableFinder's: that one searches slowly
        self.page = page
        self.settings = TableSettings.resolve(_SETTINGS)
        self.edges = self.get_edges()
        self.intersections = edges_to_intersections(
            self.edges,
            self.settings.intersection_x_tolerance,
            self.settings.intersection_y_tolerance,
        )
        self.cells = cells(self.intersections)
        self.tables = [Table(self.page, group) for group in cells_to_tables(self.cells)]


def cells(intersections: dict[Point, dict[str, list[dict[str, Any]]]]) -> list[Bbox]:
    """pdfplumber's ``intersections_to_cells``: for each crossing (sorted), the smallest cell it
    is the top left corner of, its four sides drawn."""
    if not all(math.isfinite(x) and math.isfinite(y) for x, y in intersections):
        return list(intersections_to_cells(intersections))  # NaN: no order, no equality
    points = sorted(intersections)
    vertical = {p: {obj_to_bbox(e) for e in intersections[p]["v"]} for p in points}
    horizontal = {p: {obj_to_bbox(e) for e in intersections[p]["h"]} for p in points}
    later_in_column, later_in_row = _later(points)
    out: list[Bbox] = []
    for point in points:
        x, y = point
        # the crossings after this one in its row and in its column, joined to it by a line
        right = [r for r in later_in_row(point) if _joined(horizontal, point, r)]
        below = (b for b in later_in_column(point) if _joined(vertical, point, b))
        found = next(
            (
                (x, y, r[0], b[1])
                for b in below
                for r in right
                if (r[0], b[1]) in intersections
                and _joined(vertical, r, (r[0], b[1]))
                and _joined(horizontal, b, (r[0], b[1]))
            ),
            None,
        )
        if found is not None:
            out.append(found)
    return out


def _later(points: list[Point]) -> tuple[Later, Later]:
    """For sorted ``points``: the points after a point in its column (downwards, as
    pdfplumber's ``below``) and in its row (rightwards, its ``right``)."""
    columns: dict[float, list[Point]] = defaultdict(list)
    rows: dict[float, list[Point]] = defaultdict(list)
    for point in points:
        columns[point[0]].append(point)
        rows[point[1]].append(point)
    down = {p: i for line in columns.values() for i, p in enumerate(line)}
    across = {p: i for line in rows.values() for i, p in enumerate(line)}
    return (
        lambda p: columns[p[0]][down[p] + 1 :],
        lambda p: rows[p[1]][across[p] + 1 :],
    )


def _joined(lines: dict[Point, set[Bbox]], a: Point, b: Point) -> bool:
    """Whether one line (of ``lines``, the edges at each crossing) passes both crossings."""
    return not lines[a].isdisjoint(lines[b])
