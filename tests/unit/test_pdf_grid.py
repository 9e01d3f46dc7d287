"""The cells between ruling lines: the reader's indexed search finds what pdfplumber's finds,
on random sets of lines and on every page of the shared PDFs."""

from typing import Any

import pypdfium2 as pdfium
import pytest
from conftest import REPORTS
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.table import TableFinder, edges_to_intersections, intersections_to_cells

from bot.readers.pdf_grid import GridFinder, cells
from bot.readers.pdf_pdfium import pages

Obj = dict[str, Any]


def _line(x0: float, top: float, length: float, across: bool) -> Obj:
    x1, bottom = (x0 + length, top) if across else (x0, top + length)
    return {
        "object_type": "line",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": "h" if across else "v",
    }


# lines on a coarse grid, some of them short, so that crossings and missing sides are common
_AT = st.integers(min_value=0, max_value=6).map(lambda n: 10.0 * n)
_LINES = st.builds(_line, _AT, _AT, st.sampled_from([10.0, 20.0, 40.0, 60.0]), st.booleans())


@settings(max_examples=300)
@given(st.lists(_LINES, max_size=16))
def test_cells_are_pdfplumbers(lines: list[Obj]) -> None:
    intersections = edges_to_intersections(lines, 1, 1)
    assert cells(intersections) == intersections_to_cells(intersections)


def test_a_two_by_two_grid_with_one_side_missing() -> None:
    # a 2 x 2 grid of 10 pt cells whose bottom right cell lacks its right side
    lines = [_line(0.0, y, 20.0, True) for y in (0.0, 10.0, 20.0)]
    lines += [_line(0.0, 0.0, 20.0, False), _line(10.0, 0.0, 20.0, False)]
    lines.append(_line(20.0, 0.0, 10.0, False))
    intersections = edges_to_intersections(lines, 1, 1)
    assert cells(intersections) == [
        (0.0, 0.0, 10.0, 10.0),
        (0.0, 10.0, 10.0, 20.0),
        (10.0, 0.0, 20.0, 10.0),
    ]


@pytest.mark.parametrize("stem", ["001_hongzequ_2023", "003_huaianshi_2024", "008_pingtan_2023"])
def test_shared_pages_give_pdfplumbers_tables(stem: str) -> None:
    document = pdfium.PdfDocument((REPORTS / f"{stem}.pdf").read_bytes())
    try:
        for view in pages(document):
            settings = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
            expected = TableFinder(view, settings).tables  # type: ignore[arg-type]
            found = GridFinder(view).tables
            assert [t.cells for t in found] == [t.cells for t in expected]
    finally:
        document.close()
