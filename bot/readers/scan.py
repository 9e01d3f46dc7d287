"""Scanned PDFs (pages that are pictures, no text layer): each page rendered by PDFium and read
by OCR, as a photo is."""

from collections.abc import Iterator

import numpy as np
import pypdfium2 as pdfium

from bot.errors import UnreadableFileError
from bot.readers.image import SETTINGS, read_pages
from bot.readers.ocr_engine import Image

#: Render no finer than this: a scan holds no more detail, and OCR time grows with pixels.
_MAX_DPI = 200


def read_scanned_pdf(source: str, data: bytes) -> str:
    """The text of a PDF whose pages are pictures; refuses more than ``max_pages`` pages."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise UnreadableFileError(
            source, "not a valid PDF file (damaged or incomplete)"
        ) from error
    try:
        if len(document) > SETTINGS.max_pages:
            raise UnreadableFileError(
                source,
                f"the PDF is a scan of {len(document)} pages; the bot reads scans of up to"
                f" {SETTINGS.max_pages} pages by OCR (a few seconds a page): send the report"
                " as a PDF with text, or only its pages with the tables",
            )
        return read_pages(source, _rendered(document))
    finally:
        document.close()


def _rendered(document: pdfium.PdfDocument) -> Iterator[Image]:
    for index in range(len(document)):
        page = document[index]
        try:
            width, height = page.get_size()
            scale = min(SETTINGS.page_side / max(width, height, 1.0), _MAX_DPI / 72)
            bitmap = page.render(scale=scale, rev_byteorder=True)
            try:
                pixels = np.asarray(bitmap.to_numpy()[:, :, :3], dtype=np.uint8).copy()
            finally:
                bitmap.close()
        finally:
            page.close()
        yield pixels
