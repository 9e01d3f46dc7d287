"""Scans and photos of the shared PDF reports, read by OCR, against the shared gold.

The fixtures (tests/fixtures/scans, made by make_scans.py) are the shared PDFs rendered to
images: whole reports scanned at 150 and 300 dpi, and single pages turned 90° and 180°, skewed,
JPEG-compressed, and photographed on coloured paper in perspective. A single page is a fragment:
it is scored on the cells the same page of the text PDF yields (checked against the gold too).
OCR may leave a cell out (with a finding); it may never get one wrong.

Each file is read in a parsing worker, under the worker's memory limit, as the bot reads it.
"""

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from conftest import FIXTURES, REPORTS, gold

from bot.parser import ParsedReport, parse_report
from bot.parser.report import READ_BY_OCR
from bot.parser.workers import parse_bytes_limited

SCANS = FIXTURES / "scans"
#: The issue's target for a scanned report; a photo of one page must reach the photo bar.
SCAN_SHARE, PHOTO_SHARE = 0.97, 0.8
# (fixture, report it shows, page of the report or None for all, share of cells right)
CASES = [
    ("001_hongzequ_2023_scan150.pdf", "001_hongzequ_2023", None, SCAN_SHARE),
    ("003_huaianshi_2024_scan300.pdf", "003_huaianshi_2024", None, SCAN_SHARE),
    ("001_p3_rot90.jpg", "001_hongzequ_2023", 3, SCAN_SHARE),
    ("008_p4_rot180.jpg", "008_pingtan_2023", 4, SCAN_SHARE),
    ("003_p4_skew3.jpg", "003_huaianshi_2024", 4, SCAN_SHARE),
    ("008_p4_photo.webp", "008_pingtan_2023", 4, PHOTO_SHARE),
    ("001_p3_photo.jpg", "001_hongzequ_2023", 3, PHOTO_SHARE),
]


def _one_page(stem: str, page: int) -> bytes:
    """Page ``page`` of a shared PDF (with its text layer) as a PDF of its own."""
    source = pdfium.PdfDocument(REPORTS / f"{stem}.pdf")
    single = pdfium.PdfDocument.new()
    single.import_pages(source, [page - 1])
    buffer = io.BytesIO()
    single.save(buffer)
    single.close()
    source.close()
    return buffer.getvalue()


def _expected(stem: str, page: int | None) -> dict[str, Decimal]:
    """The gold cells the scanned pages hold."""
    expected = gold(stem)
    skip = set(expected.get("ambiguous", []))
    figures = {k: Decimal(str(v)) for k, v in expected["figures"].items() if k not in skip}
    if page is None:
        return figures
    text = parse_report(f"{stem}_p{page}.pdf", _one_page(stem, page))
    assert all(figures[k] == v for k, v in text.figures.items() if k in figures)
    return {k: v for k, v in figures.items() if k in text.figures}


@pytest.fixture(scope="module", params=CASES, ids=[c[0] for c in CASES])
def case(request: pytest.FixtureRequest) -> tuple[ParsedReport, dict[str, Any], str, float]:
    name, stem, page, share = request.param
    path: Path = SCANS / name
    outcome = parse_bytes_limited(path.name, path.read_bytes(), seconds=900)
    assert isinstance(outcome, ParsedReport), outcome
    return outcome, {"stem": stem, "page": page}, name, share


@pytest.mark.timeout(900)
def test_no_cell_is_wrong(case: tuple[ParsedReport, dict[str, Any], str, float]) -> None:
    report, where, _name, _share = case
    expected = gold(where["stem"])
    figures = {k: Decimal(str(v)) for k, v in expected["figures"].items()}
    wrong = {
        k: (v, figures.get(k, "not reported"))
        for k, v in report.figures.items()
        if k not in expected.get("ambiguous", []) and figures.get(k) != v
    }
    assert wrong == {}


@pytest.mark.timeout(900)
def test_enough_cells_are_read(case: tuple[ParsedReport, dict[str, Any], str, float]) -> None:
    report, where, _name, share = case
    wanted = _expected(where["stem"], where["page"])
    right = [k for k, v in wanted.items() if report.figures.get(k) == v]
    assert len(right) >= share * len(wanted), sorted(set(wanted) - set(right))


@pytest.mark.timeout(900)
def test_every_figure_says_it_was_read_by_ocr(
    case: tuple[ParsedReport, dict[str, Any], str, float],
) -> None:
    report, _where, _name, _share = case
    marked = {c for f in report.findings if f.rule == READ_BY_OCR for c in f.cells}
    assert report.figures
    assert set(report.figures) <= marked


@pytest.mark.timeout(900)
def test_a_whole_scan_names_its_agency_and_year(
    case: tuple[ParsedReport, dict[str, Any], str, float],
) -> None:
    report, where, _name, _share = case
    if where["page"] is not None:
        assert any(f.rule == "incomplete" for f in report.findings)  # a fragment, said so
        return
    expected = gold(where["stem"])
    assert (report.agency.name, report.year) == (expected["agency"], expected["year"])
