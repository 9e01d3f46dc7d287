"""HTML pages (saved portal pages, Word's "save as web page"): text and tables, in order."""

import codecs
import re

import lxml.html
from charset_normalizer import from_bytes
from lxml import etree

from bot.errors import UnreadableFileError
from bot.readers.lines import (
    LineSink,
    SpanCell,
    TableTooLargeError,
    holds_layout,
    span_grid,
)
from bot.readers.text import decode_text

_META_CHARSET = re.compile(
    rb"<meta\b[^>]{0,512}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I
)
_GB = frozenset({"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "gb_2312-80", "euc-cn"})
_SKIP = frozenset({"script", "style", "noscript", "head", "template", "title", "svg", "math"})
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
        "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
_SPAN_DIGITS = re.compile(r"\d{1,6}")
#: Beyond this nesting depth an element's text is taken flat (no line structure).
_MAX_DEPTH = 300


def read_html(source: str, data: bytes) -> str:
    """The page's text: block elements as lines, table rows as tab-separated lines."""
    text = decode_html(source, data)
    parser = lxml.html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
    )
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise UnreadableFileError(source, f"the HTML page holds no content ({error})") from error
    walker = _Walker()
    try:
        walker.walk(root, 0)
    except TableTooLargeError as error:
        raise UnreadableFileError(
            source, f"the HTML page is too large to read: {error}"
        ) from error
    walker.flush()
    if not walker.sink:
        raise UnreadableFileError(source, _why_no_text(parser))
    return walker.sink.text()


def _why_no_text(parser: etree.HTMLParser) -> str:
    """libxml2 stops at its limits (2,048 nested elements) and keeps what it read before."""
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            detail = entry.message.split(",")[0]  # without libxml2's advice to programmers
            return f"the HTML page is nested too deeply or is too large to read ({detail})"
    return "the HTML page holds no text"


def decode_html(source: str, data: bytes) -> str:
    """Decode by BOM, then the page's ``<meta charset>``, then UTF-8, then GB18030.

    A page with a few broken bytes is still read: undecodable bytes become U+FFFD.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(source, data)
    declared = _declared_charset(data[:16384])
    # Text that decodes as UTF-8 is UTF-8 whatever the page declares: GBK or Latin-1 text is
    # never valid UTF-8 by chance, and a Latin-1 declaration would decode anything.
    for encoding in dict.fromkeys(e for e in ("utf-8", declared, "gb18030") if e):
        try:
            return data.decode(encoding)
        except UnicodeError:  # also codecs that refuse every input ("undefined")
            continue
    if declared is None:
        best = from_bytes(data).best()
        if best is not None:
            return str(best)
    try:
        return data.decode(declared or "utf-8", errors="replace")
    except UnicodeError:
        return data.decode("utf-8", errors="replace")


def _declared_charset(head: bytes) -> str | None:
    """The codec named by the first ``<meta charset>`` or ``http-equiv`` content charset."""
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    name = match.group(1).decode("ascii").lower()
    if name in _GB:
        return "gb18030"  # a superset: pages labelled GB2312 often use GBK characters
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not info._is_text_encoding:  # rot13, base64, zlib: bytes.decode() refuses them
        return None
    codec = info.name
    # A page read as bytes cannot really be UTF-16 without a BOM (the HTML standard says so too).
    return "utf-8" if codec.startswith("utf-16") else codec


def _tag(element: etree._Element) -> str | None:
    """The lower-case tag name, or ``None`` for comments, processing instructions, entities."""
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else None


def _span(element: etree._Element, attribute: str) -> int:
    """A rowspan/colspan value; missing or garbage means 1 (``rowspan="0"`` stays 0)."""
    match = _SPAN_DIGITS.match((element.get(attribute) or "1").strip())
    return int(match.group()) if match else 1


def _table_rows(table: etree._Element) -> list[etree._Element]:
    """The rows of this table (not of tables nested in its cells), in document order."""
    rows: list[etree._Element] = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(row for row in child if _tag(row) == "tr")
    return rows


def _flat_text(element: etree._Element) -> str:
    return " ".join(str(text) for text in element.itertext())


class _Walker:
    """Walks the element tree once, writing lines to ``sink`` as it goes."""

    def __init__(self) -> None:
        self.sink = LineSink()
        self._buffer: list[str] = []

    def flush(self) -> None:
        """End the current line of inline text."""
        if self._buffer:
            self.sink.paragraph(" ".join("".join(self._buffer).split()))
            self._buffer.clear()

    def walk(self, element: etree._Element, depth: int) -> None:
        """Write ``element``'s text and its children's, breaking lines at block elements."""
        tag = _tag(element)
        if tag is None or tag in _SKIP:
            return
        if tag == "br":
            self.flush()
            return
        if tag == "table":
            self.flush()
            self.table(element, depth)
            return
        if depth > _MAX_DEPTH:
            self._buffer.append(_flat_text(element))
            return
        block = tag in _BLOCKS
        if block:
            self.flush()
        if element.text:
            self._buffer.append(element.text)
        for child in element:
            self.walk(child, depth + 1)
            if child.tail:
                self._buffer.append(child.tail)
        if block:
            self.flush()

    def table(self, table: etree._Element, depth: int) -> None:
        """Write the table's caption, then each grid row, then (after it) its nested tables.

        A layout table (one column, or a cell holding a nested table amid much text) is not
        data: its cells are read as ordinary blocks, in order.
        """
        if depth > _MAX_DEPTH:  # tables nested in tables, each read after its row
            self.sink.paragraph(_flat_text(table))
            return
        for caption in (child for child in table if _tag(child) == "caption"):
            self.sink.paragraph(_cell_text(caption, [], depth))
        trs = [[td for td in tr if _tag(td) in ("td", "th")] for tr in _table_rows(table)]
        rows: list[list[SpanCell]] = []
        nested: list[list[etree._Element]] = []
        for tds in trs:
            inner: list[etree._Element] = []
            rows.append([_span_cell(td, inner, depth) for td in tds])
            nested.append(inner)
        grid = span_grid(rows)
        if grid.width <= 1 or holds_layout(rows, nested):
            for td in (td for tds in trs for td in tds):
                self.walk(td, depth + 1)
            return
        for index, inner in enumerate(nested):
            self.sink.grid_row(grid, index)
            for inner_table in inner:
                self.table(inner_table, depth + 1)


def _span_cell(td: etree._Element, nested: list[etree._Element], depth: int) -> SpanCell:
    return SpanCell(_cell_text(td, nested, depth), _span(td, "rowspan"), _span(td, "colspan"))


def _cell_text(cell: etree._Element, nested: list[etree._Element], depth: int) -> str:
    """A cell's text on one line; tables inside it go to ``nested`` instead."""
    parts: list[str] = []
    _collect(cell, parts, nested, depth)
    return " ".join("".join(parts).split())


def _collect(
    element: etree._Element, parts: list[str], nested: list[etree._Element], depth: int
) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        tag = _tag(child)
        if tag == "table":
            nested.append(child)
        elif tag is not None and tag not in _SKIP:
            separate = tag == "br" or tag in _BLOCKS
            if separate:
                parts.append(" ")
            if depth > _MAX_DEPTH:
                parts.append(_flat_text(child))
            else:
                _collect(child, parts, nested, depth + 1)
            if separate:
                parts.append(" ")
        if child.tail:
            parts.append(child.tail)
