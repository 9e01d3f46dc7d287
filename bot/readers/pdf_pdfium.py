"""PDF pages through PDFium: the characters with their boxes and the ruling lines, in the shape
pdfplumber gives them (top-down coordinates, one dict per character or edge).

pdfminer reads a page in Python at a few hundred milliseconds a report; PDFium parses it in C
(the characters: ``pdf_chars``; the text objects and ruling lines: ``pdf_objects``). What comes
after (the table finder, the grouping of characters into lines and words) works on these dicts
whichever reads the page, so both paths give the same text (``bench/pdfsame.py`` compares them
over the shared and many generated PDFs).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium

from bot.readers.pdf_chars import address, chars
from bot.readers.pdf_objects import edges, unread_text, walk

Box = tuple[float, float, float, float]
Obj = dict[str, Any]


class NotForPdfium(Exception):  # noqa: N818 (a signal, not an error)
    """A page PDFium would read otherwise than pdfminer (text its text page leaves out, a page
    shown turned): pdfminer reads the file."""


@dataclass
class PageView:
    """What the reader needs of a page (pdfplumber's ``Page`` has the same attributes)."""

    chars: list[Obj]
    edges: list[Obj]
    bbox: Box
    page_number: int
    #: Characters PDFium could not map to Unicode (pdfminer writes them "(cid:N)").
    unmapped: int = 0


def pages(document: pdfium.PdfDocument) -> Iterator[PageView]:
    """Each page of an open document, in order; raises ``NotForPdfium`` for a page PDFium
    would read differently from pdfminer."""
    for index in range(len(document)):
        page = document[index]
        try:
            if page.get_rotation() % 360:  # pdfminer turns the coordinates of a turned page
                raise NotForPdfium(f"page {index + 1} is turned")
            left, bottom, right, top = page.get_mediabox()
            textpage = page.get_textpage()
            try:
                found, unmapped, sources = chars(textpage.raw, top)
            finally:
                textpage.close()
            texts, paths = walk(address(page.raw))
            if unread_text(texts, sources):
                raise NotForPdfium(f"PDFium leaves out text on page {index + 1}")
            lines = edges(paths, top)
        finally:
            page.close()
        bbox = (left, 0.0, right, top - bottom)
        yield PageView(found, lines, bbox, index + 1, unmapped)
