"""Word files (.docx): paragraphs, tables and text boxes of the body, in document order."""

import re
import struct
import zipfile
import zlib
from io import BytesIO
from pathlib import PurePath

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from bot.errors import UnreadableFileError
from bot.readers.lines import (
    MAX_SPAN,
    LineSink,
    TableTooLargeError,
    holds_layout,
    span_grid,
)
from bot.readers.lines import SpanCell as _SpanCell
from bot.readers.sniff import ZIP_ERRORS, damaged_package, unsupported

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P, _TBL, _TR, _TC = f"{{{W}}}p", f"{{{W}}}tbl", f"{{{W}}}tr", f"{{{W}}}tc"
_SDT, _SDT_CONTENT, _CUSTOM_XML = f"{{{W}}}sdt", f"{{{W}}}sdtContent", f"{{{W}}}customXml"
_TXBX, _FALLBACK = f"{{{W}}}txbxContent", f"{{{MC}}}Fallback"
_VAL = f"{{{W}}}val"
# Run content that stands for text, and what it stands for (w:t is handled apart).
_RUN_TEXT = {
    f"{{{W}}}tab": "\t",
    f"{{{W}}}ptab": "\t",
    f"{{{W}}}br": "\n",
    f"{{{W}}}cr": "\n",
    f"{{{W}}}noBreakHyphen": "-",
}
# Subtrees whose text is not the paragraph's own: text boxes (read apart), fallbacks (copies),
# tracked deletions and the old place of moved text.
_NOT_OWN = frozenset({_TXBX, _FALLBACK, _TBL, f"{{{W}}}del", f"{{{W}}}moveFrom"})
_NOT_WORD = re.compile(r"content type is '([^']{1,200})'")
_WRAPPERS = frozenset({_SDT, _SDT_CONTENT, _CUSTOM_XML})

MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 200
_RATIO_FROM = 1024 * 1024
MAX_MEMBERS = 10_000
_MAX_DEPTH = 60
_STEP = 1024 * 1024  # bytes inflated at a time while checking a part's real size
_LOCAL_HEADER = struct.Struct("<4s5H3I2H")
_GRID_NUMBER = re.compile(r"[0-9]{1,9}")


def read_docx(source: str, data: bytes) -> str:
    """The document body's text: paragraphs as lines, table rows as tab-separated lines."""
    check_package(source, data)
    document = _open(source, data)
    sink = LineSink()
    try:
        _blocks(document.element.body, sink, 0)
    except TableTooLargeError as error:
        raise UnreadableFileError(source, f"the DOCX is too large to read: {error}") from error
    if not sink:
        raise UnreadableFileError(
            source, "the DOCX holds no text (only pictures?): a scanned report needs OCR first"
        )
    return sink.text()


def _open(source: str, data: bytes) -> DocxDocument:
    try:
        return docx.Document(BytesIO(data))
    except etree.XMLSyntaxError as error:
        detail = str(error).split(",")[0]  # without libxml2's position and advice
        raise UnreadableFileError(
            source, f"not a valid DOCX file: broken XML ({detail})"
        ) from error
    except ValueError as error:
        found = _NOT_WORD.search(str(error))
        if found is not None:  # a macro-enabled document or a template: Word reads it, we do not
            kind = "Word template" if "template" in found.group(1) else "macro-enabled Word file"
            raise unsupported(source, f"{PurePath(source).suffix} ({kind})") from error
        raise damaged_package(source, error) from error
    except KeyError as error:  # zipfile: "There is no item named '…' in the archive"
        missing = error.args[0] if error.args else error
        raise UnreadableFileError(
            source, f"not a valid DOCX file: a part is missing ({missing})"
        ) from error
    except PackageNotFoundError as error:
        raise UnreadableFileError(source, "not a valid DOCX file: no Word package") from error
    except (*ZIP_ERRORS, LookupError) as error:
        raise damaged_package(source, error) from error


def check_package(source: str, data: bytes) -> None:
    """Refuse ZIP bombs before python-docx unpacks anything: the sizes the package declares,
    then each part's real unpacked size, which a hostile package may understate."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            members = archive.infolist()
    except ZIP_ERRORS as error:
        raise damaged_package(source, error) from error
    _check_declared(source, members)
    for member in members:
        _check_unpacked(source, data, member)


def _check_declared(source: str, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise UnreadableFileError(source, f"the DOCX has more than {MAX_MEMBERS:,} parts")
    if sum(member.file_size for member in members) > MAX_UNPACKED:
        raise UnreadableFileError(source, "the DOCX unpacks to more than 200 MB: refusing it")
    for member in members:
        packed = max(member.compress_size, 1)
        if member.file_size > _RATIO_FROM and member.file_size / packed > MAX_RATIO:
            raise UnreadableFileError(
                source,
                f"the DOCX part {member.filename} is compressed more than {MAX_RATIO}:1"
                " (a ZIP bomb?): refusing it",
            )


def _check_unpacked(source: str, data: bytes, member: zipfile.ZipInfo) -> None:
    """Unpack one part in bounded steps, counting: it must not exceed its declared size.

    zipfile trusts the declared size only to cut the output, after inflating all of it in
    one call, so a part that lies about its size would cost its real size in memory.
    """
    if member.flag_bits & 0x1:
        raise UnreadableFileError(
            source, "the DOCX is encrypted with a password: send a copy without the password"
        )
    if member.compress_type == zipfile.ZIP_STORED:
        return
    if member.compress_type != zipfile.ZIP_DEFLATED:  # Word and WPS only deflate
        raise UnreadableFileError(
            source,
            f"not a valid DOCX file: the part {member.filename} uses compression method"
            f" {member.compress_type}, which Word does not write",
        )
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    pending: bytes | memoryview = _packed_bytes(data, member)
    unpacked = 0
    try:
        while pending and not inflater.eof and unpacked <= member.file_size:
            unpacked += len(inflater.decompress(pending, _STEP))
            pending = inflater.unconsumed_tail
    except zlib.error as error:
        raise UnreadableFileError(
            source, f"not a valid DOCX file: the part {member.filename} is damaged ({error})"
        ) from error
    if unpacked > member.file_size:
        raise UnreadableFileError(
            source,
            f"the DOCX part {member.filename} unpacks to more than the {member.file_size:,}"
            " bytes it declares (a ZIP bomb?): refusing it",
        )


def _packed_bytes(data: bytes, member: zipfile.ZipInfo) -> memoryview:
    """The compressed bytes of ``member``: after its local header, as long as declared."""
    start = member.header_offset
    header = data[start : start + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or not header.startswith(b"PK\x03\x04"):
        return memoryview(b"")  # zipfile itself will call the package damaged
    *_, name_length, extra_length = _LOCAL_HEADER.unpack(header)
    begin = start + _LOCAL_HEADER.size + name_length + extra_length
    return memoryview(data)[begin : begin + member.compress_size]


def _blocks(parent: etree._Element, sink: LineSink, depth: int) -> None:
    """Paragraphs and tables under ``parent`` (the body, a cell, a text box), in order."""
    for child in parent:
        if child.tag == _P:
            sink.paragraph(paragraph_text(child))
            for box in _text_boxes(child):
                _blocks(box, sink, depth + 1)
        elif child.tag == _TBL and depth < _MAX_DEPTH:
            _table(child, sink, depth + 1)
        elif child.tag in _WRAPPERS:
            _blocks(child, sink, depth + 1)


def paragraph_text(paragraph: etree._Element) -> str:
    """The paragraph's own text (text boxes and field codes left out); breaks are newlines."""
    parts: list[str] = []
    _run_text(paragraph, parts, 0)
    return "".join(parts)


def _run_text(element: etree._Element, parts: list[str], depth: int) -> None:
    for child in element:
        tag = child.tag
        if tag == f"{{{W}}}t":
            parts.append(child.text or "")
        elif isinstance(tag, str) and tag in _RUN_TEXT:
            parts.append(_RUN_TEXT[tag])
        elif tag not in _NOT_OWN and depth < _MAX_DEPTH:
            _run_text(child, parts, depth + 1)


def _text_boxes(paragraph: etree._Element) -> list[etree._Element]:
    """Outermost text boxes anchored in the paragraph (the ``mc:Fallback`` copies left out)."""
    boxes: list[etree._Element] = []
    for box in paragraph.iter(_TXBX):
        ancestors = {a.tag for a in box.iterancestors() if a is not paragraph}
        if _FALLBACK not in ancestors and _TXBX not in ancestors:
            boxes.append(box)
        if len(boxes) > 100:
            break
    return boxes


def _table(table: etree._Element, sink: LineSink, depth: int) -> None:
    """Each row of the grid as a line; tables nested in a row's cells come right after it.

    A layout table (one column framing text, or a nested table amid much text) is read as
    ordinary paragraphs and tables, cell by cell.
    """
    trs = _children(table, _TR)
    rows: list[list[_SpanCell]] = []
    nested: list[list[etree._Element]] = []
    for tr in trs:
        inner: list[etree._Element] = []
        cells = [_SpanCell("")] * min(_grid_value(tr, "trPr", "gridBefore", 0), MAX_SPAN)
        for tc in _children(tr, _TC):
            span = _grid_value(tc, "tcPr", "gridSpan", 1)
            continued = _continues_merge(tc)
            cells.append(_SpanCell(_cell_text(tc, inner), colspan=span, continued=continued))
        rows.append(cells)
        nested.append(inner)
    grid = span_grid(rows)
    if grid.width <= 1 or holds_layout(rows, nested):
        for tr in trs:
            for tc in _children(tr, _TC):
                _blocks(tc, sink, depth + 1)
        return
    _fill_vertical_merges(grid.rows, rows)
    for index, inner in enumerate(nested):
        sink.grid_row(grid, index)
        for inner_table in inner:
            _table(inner_table, sink, depth + 1)


def _fill_vertical_merges(grid: list[list[str]], rows: list[list[_SpanCell]]) -> None:
    """Give each ``vMerge="continue"`` position the text of the (filled) position above it."""
    for r in range(1, len(rows)):
        c = 0
        for cell in rows[r]:
            span = max(1, min(cell.colspan, MAX_SPAN))
            if cell.continued:
                for col in range(c, min(c + span, len(grid[r - 1]))):
                    grid[r][col] = grid[r - 1][col]
            c += span


def _children(parent: etree._Element, tag: str) -> list[etree._Element]:
    """Children with ``tag``, looking through content-control and custom-XML wrappers."""
    found: list[etree._Element] = []
    for child in parent:
        if child.tag == tag:
            found.append(child)
        elif child.tag in _WRAPPERS:
            found.extend(_children(child, tag))
    return found


def _grid_value(element: etree._Element, props: str, name: str, default: int) -> int:
    node = element.find(f"{{{W}}}{props}/{{{W}}}{name}")
    value = node.get(_VAL) if node is not None else None
    # ASCII digits, few: str.isdigit() admits "²", and int() refuses over 4,300 digits
    if value is None or _GRID_NUMBER.fullmatch(value) is None:
        return default
    return int(value)


def _continues_merge(tc: etree._Element) -> bool:
    """True for a cell continuing a vertical merge (``w:vMerge`` without ``restart``)."""
    node = tc.find(f"{{{W}}}tcPr/{{{W}}}vMerge")
    return node is not None and node.get(_VAL) != "restart"


def _cell_text(tc: etree._Element, nested: list[etree._Element]) -> str:
    """The cell's paragraphs (and their text boxes) on one line; nested tables go apart."""
    parts: list[str] = []
    for child in _cell_blocks(tc):
        if child.tag == _TBL:
            nested.append(child)
            continue
        parts.append(paragraph_text(child))
        parts.extend(paragraph_text(p) for box in _text_boxes(child) for p in box.iter(_P))
    return " ".join(" ".join(parts).split())


def _cell_blocks(tc: etree._Element) -> list[etree._Element]:
    blocks: list[etree._Element] = []
    for child in tc:
        if child.tag in (_P, _TBL):
            blocks.append(child)
        elif child.tag in _WRAPPERS:
            blocks.extend(_cell_blocks(child))
    return blocks
