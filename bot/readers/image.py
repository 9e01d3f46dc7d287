"""Photos and scans of a report (JPEG, PNG, WebP): read by OCR into the text shape every reader
writes, tables as rows of tab-separated cells.

Each page is turned upright, its perspective and skew undone, then read: tables from their
ruling lines, text around them as lines, a number the engine is unsure of as the unreadable
mark. A photo of one page is a fragment of a report, read for what it holds.
"""

import warnings
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from io import BytesIO

import numpy as np
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

from bot.errors import UnreadableFileError
from bot.readers.ocr_engine import PAGE_THREADS, EngineMissingError, Image, borrowed, warm
from bot.readers.ocr_geometry import straighten, upright
from bot.readers.ocr_layout import read_page
from bot.readers.pdf_tables import Segment, Stitcher


@dataclass(frozen=True)
class OcrSettings:
    """Limits of reading by OCR (the lead wires these into the config)."""

    #: A phone photo has 12–50 million pixels; more is no photo of a page.
    max_pixels: int = 80_000_000
    #: Pages are read at this many pixels on their long side (a page at about 170 dpi).
    page_side: int = 2000
    #: Scanned PDFs with more pages are refused: OCR takes seconds a page, and the parse of
    #: one file has a minute (``bot.parser.workers.PARSE_SECONDS``).
    max_pages: int = 15


SETTINGS = OcrSettings()
_FORMATS = {"JPEG", "PNG", "WEBP"}


def read_image(source: str, data: bytes) -> str:
    """The text of a photo or scan of a page; raises ``UnreadableFileError`` if it is broken
    or holds no text."""
    return read_pages(source, [decode_image(source, data)])


def read_pages(source: str, pages: Iterable[Image]) -> str:
    """The text of page images in order, tables running on over a page break stitched; the
    pages are read side by side (``PAGE_THREADS``)."""
    try:
        warm(1)
    except EngineMissingError as error:
        raise UnreadableFileError(source, f"the bot cannot read images here: {error}") from None
    stitcher = Stitcher()
    with ThreadPoolExecutor(PAGE_THREADS, thread_name_prefix="ocr") as pool:
        # map() takes every page now, here: a scan's pages are rendered in this thread only
        # (PDFium is not thread-safe), and read in order of the results
        for items in pool.map(_read_page, pages):
            stitcher.page(items)
    text = stitcher.text()
    if not text.strip():
        raise UnreadableFileError(source, "no text was found in the image")
    return text


def _read_page(page: Image) -> list[str | Segment]:
    with borrowed() as ocr:
        straight = straighten(ocr, *upright(ocr, page))
        return [item for _top, item in read_page(ocr, straight)]


def decode_image(source: str, data: bytes) -> Image:
    """The picture as RGB pixels, turned as its EXIF says, at most ``page_side`` long."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            picture = PILImage.open(BytesIO(data), formats=sorted(_FORMATS))
            width, height = picture.size
            if width * height > SETTINGS.max_pixels:
                raise UnreadableFileError(
                    source,
                    f"the image has {width}×{height} pixels; a photo of a page has fewer than"
                    f" {SETTINGS.max_pixels // 1_000_000} million",
                )
            picture.draft("RGB", _target(width, height))  # JPEG: decode at a smaller size
            upright = ImageOps.exif_transpose(picture).convert("RGB")
            upright.thumbnail((SETTINGS.page_side, SETTINGS.page_side))
            return np.asarray(upright, dtype=np.uint8).copy()
        except UnreadableFileError:
            raise
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
            raise UnreadableFileError(
                source, "not a valid image file (damaged or incomplete)"
            ) from error
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as error:
            raise UnreadableFileError(source, "the image is too large to be a page") from error


def _target(width: int, height: int) -> tuple[int, int]:
    scale = min(1.0, SETTINGS.page_side / max(width, height, 1))
    return max(1, int(width * scale)), max(1, int(height * scale))
