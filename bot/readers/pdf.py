"""PDF files with a text layer: ruled tables as grids, the text around them as lines.

Per page, tables are found from their drawn cell borders; text outside the tables becomes lines;
both are written in their vertical order on the page. Page footers ("-3-", "第 3 页") go.
"""

import logging
import re
import warnings
import zlib
from collections.abc import Iterator, Sequence
from io import BytesIO
from typing import Any

import pdfplumber
from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException
from pdfminer.pdftypes import (
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_FLATE_DECODE,
    PDFStream,
    resolve1,
)
from pdfminer.psexceptions import PSException
from pdfminer.psparser import LIT
from pdfplumber.page import Page
from pdfplumber.table import Table
from pdfplumber.utils.text import extract_text

from bot.errors import NoTextLayerError, ReportError, UnreadableFileError
from bot.readers.lines import clean_cell
from bot.readers.pdf_tables import Box, Cell, Segment, Stitcher, glue, grid, starts

MAX_PAGES = 500
#: Pages with more ruling lines than this are drawings, not forms: no table search there.
MAX_EDGES = 3000
#: At most this many undrawn cells per table are looked into for text.
MAX_HOLES = 200
#: Drawing instructions per page and per file, unpacked (real reports: under 50 KB a page).
#: pdfminer unpacks a stream whole and reads it at a few seconds per MB: a small file that
#: unpacks to gigabytes would take the memory and the time of a gigabyte.
MAX_PAGE_CONTENT = 4 * 1024 * 1024
MAX_CONTENT = 32 * 1024 * 1024
_STEP = 1024 * 1024
_FORM = LIT("Form")
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
_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def read_pdf(source: str, data: bytes) -> str:
    """The text of every page; raises ``UnreadableFileError`` for scans and broken files."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with pdfplumber.open(BytesIO(data)) as pdf:
                return _read_pages(source, pdf.pages)
        except ReportError:
            raise
        except Exception as error:  # pdfminer raises many kinds on damaged files
            raise _explain(source, error) from error


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


def _read_pages(source: str, pages: Sequence[Page]) -> str:
    if len(pages) > MAX_PAGES:
        raise UnreadableFileError(
            source,
            f"the PDF has {len(pages)} pages; an annual report has far fewer than {MAX_PAGES}",
        )
    stitcher = Stitcher()
    chars = cid_chars = content = 0
    for page in pages:
        try:
            content += _content_size(source, page)
            if content > MAX_CONTENT:
                raise UnreadableFileError(
                    source,
                    f"the PDF's pages unpack to more than {MAX_CONTENT // 2**20} MB of drawing"
                    " instructions; the file is damaged or not a report",
                )
            page_chars = [str(c["text"]) for c in page.chars if not str(c["text"]).isspace()]
            chars += len(page_chars)
            cid_chars += sum(1 for text in page_chars if _CID.fullmatch(text))
            items = _page_items(page) if page_chars else []
        finally:
            page.close()
        stitcher.page(items)
    if chars == 0:
        raise NoTextLayerError(source, "no text layer: the file needs OCR")
    if cid_chars > chars / 2:
        raise NoTextLayerError(
            source, "the PDF's fonts have no Unicode map, so its text cannot be read: it needs OCR"
        )
    return stitcher.text()


def _content_size(source: str, page: Page) -> int:
    """The unpacked size of the page's drawing instructions (its own and its forms'), checked
    before pdfminer unpacks them; refuses a page with more than ``MAX_PAGE_CONTENT``."""
    size = 0
    for stream in _content_streams(page):
        size += _unpacked_size(stream, MAX_PAGE_CONTENT - size)
        if size > MAX_PAGE_CONTENT:
            raise UnreadableFileError(
                source,
                f"page {page.page_number} of the PDF unpacks to more than"
                f" {MAX_PAGE_CONTENT // 2**20} MB of drawing instructions; the file is damaged"
                " or not a report",
            )
    return size


def _content_streams(page: Page) -> Iterator[PDFStream]:
    """The page's content streams and the streams of the forms its resources name."""
    for item in page.page_obj.contents:
        stream = resolve1(item)
        if isinstance(stream, PDFStream):
            yield stream
    resources = resolve1(page.page_obj.resources)
    objects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
    for item in objects.values() if isinstance(objects, dict) else ():
        stream = resolve1(item)
        if isinstance(stream, PDFStream) and stream.get("Subtype") is _FORM:
            yield stream


def _unpacked_size(stream: PDFStream, limit: int) -> int:
    """What ``stream`` unpacks to, counted to just past ``limit``: Flate in bounded steps;
    the ASCII filters shrink their input; after any other filter the count stops."""
    data = stream.rawdata
    if data is None:  # already unpacked
        return len(stream.data or b"")
    if stream.decipher is not None and stream.objid is not None and stream.genno is not None:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    for name, _params in stream.get_filters():
        if name in LITERALS_FLATE_DECODE:
            data = _inflate(data, limit)
        elif name in LITERALS_ASCII85_DECODE:
            data = ascii85decode(data)
        elif name in LITERALS_ASCIIHEX_DECODE:
            data = asciihexdecode(data)
        else:
            break
        if len(data) > limit:
            break
    return len(data)


def _inflate(data: bytes, limit: int) -> bytes:
    """Flate data unpacked up to a little more than ``limit`` bytes (or up to its damage)."""
    inflater = zlib.decompressobj()
    out: list[bytes] = []
    size = 0
    pending = data
    try:
        while pending and not inflater.eof and size <= limit:
            out.append(inflater.decompress(pending, _STEP))
            size += len(out[-1])
            pending = inflater.unconsumed_tail
    except zlib.error:
        pass  # pdfminer reads what comes before the damage, no more
    return b"".join(out)


def _page_items(page: Page) -> list[str | Segment]:
    """The page's text lines (footers dropped) and tables, top to bottom."""
    tables = _find_tables(page)
    boxes = [table.bbox for table in tables]
    rest = page.filter(lambda obj: not _inside_any(obj, boxes)) if boxes else page
    items: list[tuple[float, int, str | Segment]] = [
        (top, 0, line) for top, line in _text_lines(rest) if not _FOOTER.fullmatch(line)
    ]
    items.extend((table.bbox[1], 1, segment(table)) for table in tables)
    items.sort(key=lambda item: (item[0], item[1]))
    return [content for _top, _order, content in items]


def _find_tables(page: Page) -> list[Table]:
    """Ruled tables with at least two columns (one-column boxes are framed prose)."""
    if len(page.edges) > MAX_EDGES:
        return []
    tables = page.find_tables(table_settings=_TABLE_SETTINGS)
    return [t for t in tables if max((len(r.cells) for r in t.rows), default=0) >= 2]


def _inside_any(obj: dict[str, Any], boxes: Sequence[Box]) -> bool:
    """Whether a character's midpoint lies in one of the table boxes (other objects: no)."""
    return obj.get("object_type") == "char" and any(_inside(obj, box) for box in boxes)


def _inside(char: dict[str, Any], box: Box) -> bool:
    x = (float(char["x0"]) + float(char["x1"])) / 2
    y = (float(char["top"]) + float(char["bottom"])) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _text_lines(page: Page) -> Iterator[tuple[float, str]]:
    """Each line of text with its top; wide gaps between words become two spaces."""
    for line in page.extract_text_lines(strip=True, return_chars=True):
        chars = [c for c in line["chars"] if not str(c["text"]).isspace()]
        if chars:
            yield float(line["top"]), _spaced(chars)


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


def segment(table: Table) -> Segment:
    """The drawn cells of one table on one page, with their text."""
    texts = table.extract()
    cells = [
        Cell(bbox, join_wrapped(texts[r][c] or ""))
        for r, row in enumerate(table.rows)
        for c, bbox in enumerate(row.cells)
        if bbox is not None
    ]
    found = Segment(cells)
    found.cells.extend(_undrawn_cells(found, table))
    return found


def _undrawn_cells(found: Segment, table: Table) -> list[Cell]:
    """Cells whose borders are partly missing (pdfplumber sees no cell) but hold text."""
    xs = starts([cell.bbox[0] for cell in found.cells])
    rows = grid(found, xs)
    bottom = max(cell.bbox[3] for cell in found.cells)
    holes: list[Box] = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row.cells):
            if cell is None:
                x1 = xs[c + 1] if c + 1 < len(xs) else found.right
                y1 = rows[r + 1].top if r + 1 < len(rows) else bottom
                holes.append((xs[c], row.top, x1, y1))
    if not holes or len(holes) > MAX_HOLES:
        return []
    chars: dict[Box, list[dict[str, Any]]] = {hole: [] for hole in holes}
    for char in table.page.chars:
        hole = next((h for h in holes if _inside(char, h)), None)
        if hole is not None:
            chars[hole].append(char)
    return [
        Cell(hole, join_wrapped(extract_text(found_chars)))
        for hole, found_chars in chars.items()
        if found_chars
    ]


def join_wrapped(text: str) -> str:
    """A cell's lines joined: no space where CJK text wraps, else one space.

    Two numbers stacked in a cell keep a space between them rather than run together.
    """
    out = ""
    for line in (clean_cell(line) for line in text.splitlines()):
        out = glue(out, line)
    return out
