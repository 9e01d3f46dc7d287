"""Checks of a PDF's structure before its pages are read: the page count, and the unpacked size
of each page's drawing instructions, counted without unpacking more than the limit.

pdfminer reads the file's structure (the page tree, the streams' dictionaries) cheaply; a small
file whose page unpacks to gigabytes is refused here, before PDFium or pdfminer unpack it whole.
"""

import zlib
from collections.abc import Iterator
from io import BytesIO

from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import (
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_FLATE_DECODE,
    PDFStream,
    resolve1,
)
from pdfminer.psparser import LIT

from bot.errors import UnreadableFileError

MAX_PAGES = 500
#: Drawing instructions per page and per file, unpacked (real reports: under 50 KB a page).
#: A small file that unpacks to gigabytes would take the memory and the time of a gigabyte.
MAX_PAGE_CONTENT = 4 * 1024 * 1024
MAX_CONTENT = 32 * 1024 * 1024
_STEP = 1024 * 1024
_FORM = LIT("Form")


def check_structure(source: str, data: bytes) -> int:
    """The number of pages; raises ``UnreadableFileError`` for too many pages or too much
    drawing, and pdfminer's errors for a damaged file or a wrong password."""
    document = PDFDocument(PDFParser(BytesIO(data)))
    pages = list(PDFPage.create_pages(document))
    if len(pages) > MAX_PAGES:
        raise UnreadableFileError(
            source,
            f"the PDF has {len(pages)} pages; an annual report has far fewer than {MAX_PAGES}",
        )
    content = 0
    for number, page in enumerate(pages, start=1):
        content += content_size(source, page, number)
        if content > MAX_CONTENT:
            raise UnreadableFileError(
                source,
                f"the PDF's pages unpack to more than {MAX_CONTENT // 2**20} MB of drawing"
                " instructions; the file is damaged or not a report",
            )
    return len(pages)


def content_size(source: str, page: PDFPage, number: int) -> int:
    """The unpacked size of the page's drawing instructions (its own and its forms'), checked
    before anything unpacks them; refuses a page with more than ``MAX_PAGE_CONTENT``."""
    size = 0
    for stream in _content_streams(page):
        size += _unpacked_size(stream, MAX_PAGE_CONTENT - size)
        if size > MAX_PAGE_CONTENT:
            raise UnreadableFileError(
                source,
                f"page {number} of the PDF unpacks to more than"
                f" {MAX_PAGE_CONTENT // 2**20} MB of drawing instructions; the file is damaged"
                " or not a report",
            )
    return size


def _content_streams(page: PDFPage) -> Iterator[PDFStream]:
    """The page's content streams and the streams of the forms its resources name."""
    for item in page.contents:
        stream = resolve1(item)
        if isinstance(stream, PDFStream):
            yield stream
    resources = resolve1(page.resources)
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
