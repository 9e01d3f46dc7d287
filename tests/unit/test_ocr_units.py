"""The parts of reading by OCR that need no OCR engine: unsure digits, the unreadable mark in
the parser, the one-digit check of the rules, sniffing images, the page cap, table cells from
ruling lines, and how figures read by OCR show in an export."""

import io
from decimal import Decimal

import cv2
import numpy as np
import pypdfium2 as pdfium
import pytest
from conftest import FIXTURES
from PIL import Image

from bot.errors import UnreadableFileError, UnsupportedFormatError
from bot.parser import parse_text
from bot.parser.numbers import UNREADABLE_MARK
from bot.parser.ocr_figures import mark_read_by_ocr, one_digit_readings
from bot.parser.report import READ_BY_OCR
from bot.readers import Kind, sniff
from bot.readers.document import read_document
from bot.readers.image import SETTINGS
from bot.readers.ocr_engine import Reading
from bot.readers.ocr_geometry import ruling_lines, skew
from bot.readers.ocr_layout import _cell_boxes, table_regions
from bot.readers.unsure import MIN_DIGIT_CONFIDENCE, cell_text

GENERATED = FIXTURES / "generated" / "g01_township_2021.txt"
NEW_ROW = "一、本年新收政府信息公开申请数量\t\t\t27\t0\t0\t0\t0\t0\t27"
SURE, UNSURE = 0.99, MIN_DIGIT_CONFIDENCE - 0.2


def test_a_sure_number_is_kept() -> None:
    assert cell_text(Reading("4119", (SURE,) * 4)) == "4119"
    assert cell_text(Reading("7730.28", (SURE,) * 7)) == "7730.28"


def test_one_unsure_digit_makes_the_number_unreadable() -> None:
    assert cell_text(Reading("4119", (SURE, SURE, UNSURE, SURE))) == UNREADABLE_MARK


def test_a_letter_shaped_like_a_digit_makes_the_number_unreadable() -> None:
    assert cell_text(Reading("1O5", (SURE,) * 3)) == UNREADABLE_MARK
    assert cell_text(Reading("l2", (SURE,) * 2)) == UNREADABLE_MARK


def test_labels_with_digits_are_text_however_sure() -> None:
    label = "1.属于国家秘密"
    assert cell_text(Reading(label, (UNSURE,) * len(label))) == label


def test_the_parser_leaves_an_unreadable_cell_out_and_says_so() -> None:
    text = GENERATED.read_text(encoding="utf-8")
    assert NEW_ROW in text
    report = parse_text(text.replace(NEW_ROW, NEW_ROW.replace("\t27\t", f"\t{UNREADABLE_MARK}\t")))
    key = "applications.new.natural_person"
    assert key not in report.figures
    assert report.figures["applications.new.total"] == Decimal(27)
    flagged = {c for f in report.findings if f.rule == "ambiguous_cells" for c in f.cells}
    assert key in flagged
    assert not any(key in f.cells for f in report.findings if f.rule == "applications.row_total")


def test_one_digit_readings() -> None:
    readings = set(one_digit_readings(Decimal(21)))
    assert {
        Decimal(20),
        Decimal(71),
        Decimal(1),
        Decimal(2),
        Decimal(121),
        Decimal(211),
    } <= readings
    assert Decimal(21) not in readings
    assert not any(str(r).startswith("0") and r != 0 for r in readings)
    assert list(one_digit_readings(Decimal("7730.28"))) == []


def _generated_with(old: str, new: str) -> str:
    text = GENERATED.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new)


def test_a_cell_a_misread_digit_may_explain_is_left_out() -> None:
    # 本年新收 printed as 28 in the 总计 column: 27 + 0… = 27 breaks the row total, and a
    # one-digit change of the total (or of one applicant column) mends it
    report = mark_read_by_ocr(parse_text(_generated_with(NEW_ROW, NEW_ROW[:-2] + "28")))
    assert "applications.new.total" not in report.figures
    assert "applications.new.natural_person" not in report.figures
    flagged = {c for f in report.findings if f.rule == "ambiguous_cells" for c in f.cells}
    assert {"applications.new.total", "applications.new.natural_person"} <= flagged
    # the report printed something there: an unsure cell is not "not reported" either
    assert "applications.new.total" not in report.not_reported


def test_a_break_no_single_digit_explains_stays_a_finding() -> None:
    # 27 read as 5000: no one-digit change of any cell of the row makes it add up
    report = mark_read_by_ocr(parse_text(_generated_with(NEW_ROW, NEW_ROW[:-2] + "5000")))
    assert report.figures["applications.new.total"] == Decimal(5000)
    assert any(f.rule == "applications.row_total" for f in report.findings)


def test_every_figure_read_by_ocr_is_named_in_a_finding() -> None:
    report = mark_read_by_ocr(parse_text(GENERATED.read_text(encoding="utf-8")))
    (finding,) = [f for f in report.findings if f.rule == READ_BY_OCR]
    assert set(finding.cells) == set(report.figures)
    assert "OCR" in finding.message


def _png(size: tuple[int, int] = (40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(20)),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(20)),
        ("photo.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 " + bytes(20)),
        ("no-name", b"\xff\xd8\xff\xe1" + bytes(20)),
    ],
)
def test_photos_are_told_by_their_bytes(name: str, data: bytes) -> None:
    assert sniff(name, data) is Kind.IMAGE


def test_other_images_stay_unsupported() -> None:
    with pytest.raises(UnsupportedFormatError, match="GIF image"):
        sniff("a.gif", b"GIF89a" + bytes(20))
    with pytest.raises(UnsupportedFormatError, match="JPEG, PNG or WebP"):
        sniff("a.tif", b"II*\x00" + bytes(20))


def test_a_damaged_image_is_unreadable() -> None:
    with pytest.raises(UnreadableFileError, match="not a valid image file"):
        read_document("scan.png", _png()[:60])


def test_an_image_larger_than_a_photo_is_refused_before_decoding() -> None:
    side = int((SETTINGS.max_pixels + 1) ** 0.5) + 1
    header = _png((side, side))  # white compresses to little; the size is in the header
    with pytest.raises(UnreadableFileError, match="pixels"):
        read_document("huge.png", header)


def _image_pdf(pages: int) -> bytes:
    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return buffer.getvalue()


def test_a_scan_over_the_page_cap_is_refused_clearly() -> None:
    pages = SETTINGS.max_pages + 1
    with pytest.raises(UnreadableFileError) as error:
        read_document("scan.pdf", _image_pdf(pages))
    assert f"a scan of {pages} pages" in str(error.value)
    assert f"up to {SETTINGS.max_pages} pages" in str(error.value)


def _drawn_table() -> np.ndarray:
    """A white page with a ruled table of 3 rows × 3 columns; row 1 is one merged band."""
    page = np.full((600, 800), 0, dtype=np.uint8)  # ink mask: black page
    for y in (100, 160, 220, 280):
        cv2.line(page, (100, y), (700, y), 255, 2)
    for x in (100, 700):
        cv2.line(page, (x, 100), (x, 280), 255, 2)
    for x in (300, 500):
        cv2.line(page, (x, 160), (x, 280), 255, 2)
    return page


def test_table_cells_come_from_the_ruling_lines() -> None:
    grid = ruling_lines(_drawn_table())
    (region,) = table_regions(grid)
    cells = _cell_boxes(grid, region)
    assert len(cells) == 7  # the band and 2 rows of 3
    tops = sorted({round(c[1]) for c in cells})
    assert len(tops) == 3
    band = [c for c in cells if c[2] - c[0] > 500]
    assert len(band) == 1
    row = [c for c in cells if abs(c[1] - tops[1]) < 1]
    assert len(row) == 3
    assert len({c[1] for c in row}) == 1  # one row, one top: snapped to the line


def test_skew_is_the_median_slope_of_wide_lines() -> None:
    def line(x: float, y: float, angle: float) -> np.ndarray:
        dx, dy = 300 * np.cos(np.radians(angle)), 300 * np.sin(np.radians(angle))
        return np.array([[x, y], [x + dx, y + dy], [x + dx, y + dy + 20], [x, y + 20]], np.float32)

    quads = [line(10, 10 * i, 3.0) for i in range(5)] + [line(0, 0, 40.0)]
    assert skew(quads) == pytest.approx(3.0, abs=0.01)
    assert skew(quads[:2]) == 0.0  # too few lines to tell


class _CountedEngine:
    """Stands in for the OCR engine where only its lending is tested."""

    made = 0

    def __init__(self, threads: int) -> None:
        type(self).made += 1


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> type[_CountedEngine]:
    import queue

    from bot.readers import ocr_engine

    _CountedEngine.made = 0
    monkeypatch.setattr(ocr_engine, "Engine", _CountedEngine)
    monkeypatch.setattr(ocr_engine, "_idle", queue.SimpleQueue())
    return _CountedEngine


def test_an_engine_is_lent_to_one_reader_at_a_time_and_kept(
    counted: type[_CountedEngine],
) -> None:
    from bot.readers.ocr_engine import borrowed, warm

    with borrowed() as first, borrowed() as second:
        assert first is not second  # two pages read at once: two engines
    with borrowed() as again:
        assert again in (first, second)  # loaded once, lent again
    assert counted.made == 2
    warm(3)
    assert counted.made == 3


def test_the_pages_of_a_scan_come_out_in_their_order(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from bot.readers import image

    # each page says its number; the first takes longest, so a pool that yielded pages as
    # they finish would put it last
    gate = threading.Event()

    def read(page: np.ndarray) -> list[str]:
        number = int(page[0, 0, 0])
        if number == 1:
            gate.wait(timeout=10)
        elif number == 3:
            gate.set()
        return [f"第{number}页"]

    monkeypatch.setattr(image, "_read_page", read)
    monkeypatch.setattr(image, "warm", lambda count=1: None)
    monkeypatch.setattr(image, "PAGE_THREADS", 3)
    pages = [np.full((4, 4, 3), n, dtype=np.uint8) for n in (1, 2, 3)]
    assert image.read_pages("scan.pdf", pages).split() == ["第1页", "第2页", "第3页"]
