"""Legacy Word files (.doc, and .wps from WPS Office, which writes the same binary format).

The text of a Word 97-2003 file lies in the ``WordDocument`` stream of an OLE compound file,
in pieces listed by the piece table (the ``Clx`` in the table stream): each piece is either
UTF-16 or, "compressed", one byte a character. Tables are not marked up apart from the text:
each cell ends with the cell mark ``\\x07``, and so does each row, and only the paragraph
properties (``bot.readers.doc_tables``) tell a row's end from an empty cell's. Word 6
and 95 files, and encrypted ones, are refused with a reason.
"""

import struct
from bisect import bisect_right
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePath

import olefile

from bot.errors import UnreadableFileError
from bot.readers.doc_tables import ParagraphProperties, TableBuilder
from bot.readers.lines import LineSink, TableTooLargeError
from bot.readers.sniff import unsupported

_WORD_MAGIC = 0xA5EC
_WORD97 = 0xC1  # nFib of Word 97; Word 6 and 95 wrote less, in another layout
_ENCRYPTED, _OBFUSCATED, _WHICH_TABLE = 0x0100, 0x8000, 0x0200
#: More characters than this in the body is no report, and not worth reading.
MAX_CHARS = 5_000_000
MAX_PIECES = 100_000
_CLX, _PLCF_BTE_PAPX = 33, 13  # indexes of (fc, lcb) pairs in the FIB's FibRgFcLcb
_OLE_ERRORS = (OSError, ValueError, IndexError, KeyError, struct.error, TypeError)


@dataclass(frozen=True)
class _Piece:
    cp: int  # first character position of the piece
    fc: int  # byte offset of its first character in the WordDocument stream
    compressed: bool  # one byte a character (cp1252), else UTF-16LE


def read_doc(source: str, data: bytes) -> str:
    """The body's text: paragraphs as lines, table rows as tab-separated lines."""
    word, table, extra = _streams(source, data)
    fib = _Fib.read(source, word)
    pieces = _pieces(source, fib.pair(table, _CLX), len(word))
    text = _text(word, pieces, fib.ccp_text)
    properties = ParagraphProperties(word, fib.pair(table, _PLCF_BTE_PAPX), extra)
    sink = LineSink()
    try:
        _lines(text, pieces, properties, sink)
    except TableTooLargeError as error:
        raise UnreadableFileError(source, f"the DOC is too large to read: {error}") from error
    if not sink:
        raise UnreadableFileError(
            source, "the DOC holds no text (only pictures?): a scanned report needs OCR first"
        )
    return sink.text()


def _streams(source: str, data: bytes) -> tuple[bytes, bytes, bytes]:
    """The WordDocument stream, the table stream it names, and the Data stream (or b"")."""
    try:
        ole = olefile.OleFileIO(BytesIO(data))
        if not ole.exists("WordDocument"):
            shown = PurePath(source).suffix or "(no extension)"
            raise unsupported(source, f"{shown} (an Office file that is not a Word document)")
        word = ole.openstream("WordDocument").read()
        flags = struct.unpack_from("<H", word, 10)[0] if len(word) >= 12 else 0
        name = "1Table" if flags & _WHICH_TABLE else "0Table"
        table = ole.openstream(name).read() if ole.exists(name) else b""
        extra = ole.openstream("Data").read() if ole.exists("Data") else b""
    except _OLE_ERRORS as error:
        raise UnreadableFileError(
            source, "not a valid Word file: the package (OLE compound file) is damaged"
        ) from error
    return word, table, extra


@dataclass(frozen=True)
class _Fib:
    """What the File Information Block at the start of WordDocument says."""

    ccp_text: int
    pairs_at: int
    pairs: int
    word: bytes

    @classmethod
    def read(cls, source: str, word: bytes) -> "_Fib":
        if len(word) < 154 or struct.unpack_from("<H", word, 0)[0] != _WORD_MAGIC:
            raise UnreadableFileError(source, "not a valid Word file: no Word document inside")
        n_fib, flags = struct.unpack_from("<H", word, 2)[0], struct.unpack_from("<H", word, 10)[0]
        if flags & (_ENCRYPTED | _OBFUSCATED):
            raise UnreadableFileError(
                source, "the file is protected with a password: send a copy without the password"
            )
        if n_fib < _WORD97:
            shown = PurePath(source).suffix or "(no extension)"
            raise unsupported(source, f"{shown} (Word 6.0/95 format)", "save it as DOCX or PDF")
        csw = struct.unpack_from("<H", word, 32)[0]
        at = 34 + 2 * csw  # cslw, then FibRgLw97 (ccpText is its fourth field)
        cslw = struct.unpack_from("<H", word, at)[0]
        pairs_at = at + 2 + 4 * cslw + 2
        if pairs_at > len(word):
            raise UnreadableFileError(source, "not a valid Word file: its header is cut short")
        ccp_text = struct.unpack_from("<i", word, at + 2 + 12)[0]
        pairs = struct.unpack_from("<H", word, pairs_at - 2)[0]
        if not 0 <= ccp_text <= MAX_CHARS:
            raise UnreadableFileError(source, f"the DOC claims {ccp_text:,} characters of text")
        return cls(ccp_text, pairs_at, pairs, word)

    def pair(self, table: bytes, index: int) -> bytes:
        """The bytes of the table-stream structure at FibRgFcLcb pair ``index`` (b"" if none)."""
        if index >= self.pairs:
            return b""
        at = self.pairs_at + 8 * index
        if at + 8 > len(self.word):
            return b""
        fc, lcb = struct.unpack_from("<II", self.word, at)
        return table[fc : fc + lcb] if fc + lcb <= len(table) else b""


def _pieces(source: str, clx: bytes, stream_size: int) -> list[_Piece]:
    """The piece table: the Pcdt after any property-modifier (Prc) entries of the Clx."""
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # a Prc: skip its grpprl
        at += 3 + struct.unpack_from("<H", clx, at + 1)[0]
    if at + 5 > len(clx) or clx[at] != 0x02:
        raise UnreadableFileError(source, "not a valid Word file: the piece table is missing")
    size = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5 : at + 5 + size]
    count = (len(plc) - 4) // 12
    if count <= 0 or count > MAX_PIECES or len(plc) != size:
        raise UnreadableFileError(source, "not a valid Word file: the piece table is damaged")
    cps = struct.unpack_from(f"<{count + 1}i", plc, 0)
    pieces = []
    for i in range(count):
        fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * i + 2)[0]
        compressed = bool(fc & 0x40000000)
        start = (fc & 0x3FFFFFFF) // 2 if compressed else fc & 0x3FFFFFFF
        length = (cps[i + 1] - cps[i]) * (1 if compressed else 2)
        if cps[i + 1] < cps[i] or start + length > stream_size:
            raise UnreadableFileError(source, "not a valid Word file: a text piece is damaged")
        pieces.append(_Piece(cps[i], start, compressed))
    return pieces


def _text(word: bytes, pieces: list[_Piece], ccp_text: int) -> str:
    """The main document's characters (footnotes, headers and text boxes follow it)."""
    parts = []
    ends = [piece.cp for piece in pieces[1:]] + [ccp_text]
    for piece, end in zip(pieces, ends, strict=True):
        count = min(end, ccp_text) - piece.cp
        if count <= 0:
            continue
        if piece.compressed:
            parts.append(word[piece.fc : piece.fc + count].decode("cp1252", errors="replace"))
        else:
            raw = word[piece.fc : piece.fc + 2 * count]
            parts.append(raw.decode("utf-16-le", errors="replace"))
    return "".join(parts)


def _lines(text: str, pieces: list[_Piece], props: ParagraphProperties, sink: LineSink) -> None:
    """Walk the paragraphs (each ends with ``\\r`` or a cell mark ``\\x07``) in order."""
    starts = [piece.cp for piece in pieces]
    tables = TableBuilder(sink)
    fields = _FieldFilter()
    begin = 0
    for end, char in enumerate(text):
        if char not in "\r\x07":
            continue
        piece = pieces[max(0, bisect_right(starts, end) - 1)]
        fc = piece.fc + (end - piece.cp) * (1 if piece.compressed else 2)
        tables.paragraph(fields.visible(text[begin:end]), char == "\x07", props.at(fc))
        begin = end + 1
    if begin < len(text):
        tables.paragraph(fields.visible(text[begin:]), False, props.at(-1))
    tables.finish()


class _FieldFilter:
    """Keeps a field's result and drops its code (``\\x13 code \\x14 result \\x15``), across
    paragraphs; maps Word's special characters to text."""

    _DROP = dict.fromkeys(range(32), None) | {9: " ", 11: "\n", 12: "\n", 14: "\n", 30: "-"}

    def __init__(self) -> None:
        self._stack: list[bool] = []  # per open field: whether its result has begun

    def visible(self, text: str) -> str:
        out = []
        for char in text:
            if char == "\x13":
                self._stack.append(False)
            elif char == "\x14" and self._stack:
                self._stack[-1] = True
            elif char == "\x15" and self._stack:
                self._stack.pop()
            elif all(self._stack):
                out.append(char)
        return "".join(out).translate(self._DROP).replace("\u00ad", "")
