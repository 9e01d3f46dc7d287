"""Text PDFs read through PDFium, and the files pdfminer still reads.

The shared PDFs (Word and WPS exports, fonts embedded) must take PDFium's path and still give
every gold figure; a page shown turned goes to pdfminer, which turns its coordinates.
"""

import io
from decimal import Decimal

import pypdfium2 as pdfium
import pytest
from conftest import REPORTS, gold

from bot.parser import parse_report
from bot.readers.pdf import read_pdf, read_pdf_pdfium

SHARED = ["001_hongzequ_2023", "003_huaianshi_2024", "008_pingtan_2023"]


@pytest.mark.parametrize("stem", SHARED)
def test_shared_pdfs_are_read_by_pdfium(stem: str) -> None:
    data = (REPORTS / f"{stem}.pdf").read_bytes()
    assert read_pdf_pdfium(f"{stem}.pdf", data) is not None


@pytest.mark.parametrize("stem", SHARED)
def test_shared_pdfs_give_every_gold_figure(stem: str) -> None:
    expected = gold(stem)
    skip = set(expected.get("ambiguous", []))
    figures = {k: Decimal(str(v)) for k, v in expected["figures"].items() if k not in skip}
    report = parse_report(f"{stem}.pdf", (REPORTS / f"{stem}.pdf").read_bytes())
    assert {k: report.figures.get(k) for k in figures} == figures


def _turned(stem: str, degrees: int) -> bytes:
    document = pdfium.PdfDocument((REPORTS / f"{stem}.pdf").read_bytes())
    for index in range(len(document)):
        document[index].set_rotation(degrees)
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return buffer.getvalue()


def test_a_turned_page_is_read_by_pdfminer() -> None:
    data = _turned("003_huaianshi_2024", 90)
    assert read_pdf_pdfium("turned.pdf", data) is None
    assert "政府信息公开工作年度报告" in read_pdf("turned.pdf", data).replace(" ", "")
