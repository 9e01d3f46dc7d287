"""PDF files with a text layer: ruled tables as grids, the text around them as lines.

Per page, tables are found from their drawn cell borders; text outside the tables becomes lines;
both are written in their vertical order on the page. Page footers ("-3-", "第 3 页") go.
"""

import logging
import re
import warnings
from collections.abc import Callable, Iterator, Sequence
from io import BytesIO
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException
from pdfminer.psexceptions import PSException
from pdfplumber.table import Table

from bot.errors import NoTextLayerError, ReportError, UnreadableFileError
from bot.readers.pdf_cells import Midpoints, segment
from bot.readers.pdf_grid import GridFinder
from bot.readers.pdf_guard import check_structure
from bot.readers.pdf_pdfium import NotForPdfium, PageView, pages
from bot.readers.pdf_tables import Segment, Stitcher
from bot.readers.pdf_words import text_lines

#: Pages with more ruling lines than this are drawings, not forms: no table search there.
MAX_EDGES = 3000
_DASH = "-－—–‐‑―~～"
FOOTER = _FOOTER = re.compile(
    rf"[{_DASH}]+ ?\d{{1,4}} ?[{_DASH}]+"
    r"|第 ?\d{1,4} ?页(?: ?[,，/]? ?共 ?\d{1,4} ?页)?"
    r"|共 ?\d{1,4} ?页 ?[,，/]? ?第 ?\d{1,4} ?页"
    r"|\d{1,4} ?/ ?\d{1,4}"
)
_CID = re.compile(r"\(cid:\d+\)")
_SHOWN = re.compile(r"[\w /!?:,.'-]{1,60}")
log = logging.getLogger(__name__)
# pdfminer logs a warning for every oddity of a damaged file (to stderr when nothing else is
# set up); what matters reaches the user as UnreadableFileError. An explicit level wins.
if logging.getLogger("pdfminer").level == logging.NOTSET:
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
Views = Callable[[str, bytes], str]


def read_pdf(source: str, data: bytes) -> str:
    """The text of every page; raises ``UnreadableFileError`` for scans and broken files.

    pdfminer checks the file's structure (cheaply: no page is drawn); PDFium reads the pages,
    unless it would leave text out or a page is shown turned: then pdfminer reads them too.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            check_structure(source, data)
        except ReportError:
            raise
        except Exception as error:  # pdfminer raises many kinds on damaged files
            raise _explain(source, error) from error
    text = read_pdf_pdfium(source, data)
    return read_pdf_pdfminer(source, data) if text is None else text


def read_pdf_pdfium(source: str, data: bytes) -> str | None:
    """The text of every page through PDFium, or None where pdfminer must read the file."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise _explain_pdfium(source, error) from error
    try:
        return read_views(source, pages(document))
    except NotForPdfium:
        return None
    except pdfium.PdfiumError as error:
        raise _explain_pdfium(source, error) from error
    finally:
        document.close()


def read_pdf_pdfminer(source: str, data: bytes) -> str:
    """The text of every page through pdfminer (pages shown turned; a check on PDFium)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with pdfplumber.open(BytesIO(data)) as pdf:
                return read_views(source, _plumbed(pdf.pages))
        except ReportError:
            raise
        except Exception as error:  # pdfminer raises many kinds on damaged files
            raise _explain(source, error) from error


def _plumbed(plumber_pages: Sequence[Any]) -> Iterator[PageView]:
    for page in plumber_pages:
        try:
            chars = list(page.chars)
            unmapped = sum(1 for char in chars if _CID.fullmatch(str(char["text"])))
            view = PageView(chars, list(page.edges), page.bbox, page.page_number, unmapped)
        finally:
            page.close()
        yield view


def _explain_pdfium(source: str, error: pdfium.PdfiumError) -> UnreadableFileError:
    if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
        return UnreadableFileError(
            source, "the PDF is encrypted with a password: send a copy without the password"
        )
    if error.err_code == pdfium_c.FPDF_ERR_SECURITY:
        return UnreadableFileError(source, "the PDF is encrypted in a way the bot cannot open")
    return UnreadableFileError(source, "not a valid PDF file (damaged or incomplete)")


def _explain(source: str, error: Exception) -> UnreadableFileError:
    cause = error.args[0] if error.args and isinstance(error.args[0], Exception) else error
    if isinstance(cause, PDFPasswordIncorrect):
        return UnreadableFileError(
            source, "the PDF is encrypted with a password: send a copy without the password"
        )
    if isinstance(cause, PDFEncryptionError):
        return UnreadableFileError(
            source, f"the PDF is encrypted in a way the bot cannot open ({cause})"
        )
    detail = str(cause)
    # pdfminer's own words, when short ("Unexpected EOF"), help; Python's ("list index out of
    # range") and dumps of a broken dictionary do not: those are logged, not shown
    if isinstance(cause, PDFException | PSException) and _SHOWN.fullmatch(detail):
        return UnreadableFileError(
            source, f"not a valid PDF file (damaged or incomplete: {detail})"
        )
    log.info("%s: pdfminer failed with %s: %.200s", source, type(cause).__name__, detail)
    return UnreadableFileError(source, "not a valid PDF file (damaged or incomplete)")


def read_views(source: str, views: Iterator[PageView]) -> str:
    """The text of the pages, tables stitched over page breaks; raises ``NoTextLayerError``
    when the pages hold no text (or text whose fonts cannot be mapped to Unicode)."""
    stitcher = Stitcher()
    chars = unmapped = 0
    for view in views:
        count = sum(1 for c in view.chars if not str(c["text"]).isspace())
        chars += count
        unmapped += view.unmapped
        stitcher.page(_page_items(view) if count else [])
    if chars == 0:
        raise NoTextLayerError(source, "no text layer: the file needs OCR")
    if unmapped > chars / 2:
        raise NoTextLayerError(
            source, "the PDF's fonts have no Unicode map, so its text cannot be read: it needs OCR"
        )
    return stitcher.text()


def _page_items(page: PageView) -> list[str | Segment]:
    """The page's text lines (footers dropped) and tables, top to bottom."""
    tables = _find_tables(page)
    rest = page.chars
    items: list[tuple[float, int, str | Segment]] = []
    if tables:  # the midpoints serve the tables only: a page of prose needs none
        mids = Midpoints(page.chars)
        rest = mids.outside([table.bbox for table in tables])
        items.extend((table.bbox[1], 1, segment(table, mids)) for table in tables)
    items.extend((top, 0, line) for top, line in _text_lines(rest) if not _FOOTER.fullmatch(line))
    items.sort(key=lambda item: (item[0], item[1]))
    return [content for _top, _order, content in items]


def _find_tables(page: PageView) -> list[Table]:
    """Ruled tables with at least two columns (one-column boxes are framed prose)."""
    if len(page.edges) > MAX_EDGES:
        return []
    tables = GridFinder(page).tables
    return [t for t in tables if max((len(r.cells) for r in t.rows), default=0) >= 2]


def _text_lines(chars: list[dict[str, Any]]) -> Iterator[tuple[float, str]]:
    """Each line of text with its top; wide gaps between words become two spaces."""
    if not chars:
        return
    for top, line in text_lines(chars):
        chars = [c for c in line if not str(c["text"]).isspace()]
        if chars:
            yield top, _spaced(chars)


def _spaced(chars: list[dict[str, Any]]) -> str:
    """Join a line's characters, with one space for a word gap, two for a column gap."""
    out: list[str] = []
    previous: dict[str, Any] | None = None
    for char in chars:
        if previous is not None:
            gap = float(char["x0"]) - float(previous["x1"])
            size = max(float(previous["size"]), 1.0)
            if gap > 2 * size:
                out.append("  ")
            elif gap > 0.25 * size:
                out.append(" ")
        out.append(str(char["text"]))
        previous = char
    return "".join(out)
