"""Which reader a file needs, told by its content (magic bytes) first and its name second."""

import codecs
import struct
import zipfile
import zlib
from enum import StrEnum
from io import BytesIO
from pathlib import PurePath

from bot.errors import UnreadableFileError, UnsupportedFormatError
from bot.readers.text import looks_like_text

READABLE = (
    "PDF, DOCX, DOC, WPS, HTML, plain text (.txt, .md) and photos or scans (JPEG, PNG, WebP)"
)
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".htm", ".html", ".shtml", ".xhtml"})
_CONVERT = "save it as DOCX or PDF"
_OCR = "send a photo or scan as JPEG, PNG or WebP, or the report as PDF, DOCX or HTML"


class Kind(StrEnum):
    """The formats the bot reads; the value is ``Document.format``."""

    TEXT = "text"
    HTML = "html"
    DOCX = "docx"
    DOC = "doc"  # Word 97-2003, and WPS Office's .wps (the same binary format)
    IMAGE = "image"  # a photo or scan, read by OCR
    PDF = "pdf"


# Signatures of formats the bot does not read: (magic at offset 0, what it is, advice).
_FOREIGN: tuple[tuple[bytes, str, str], ...] = (
    (b"GIF87a", "GIF image", _OCR),
    (b"GIF89a", "GIF image", _OCR),
    (b"II*\x00", "TIFF image", _OCR),
    (b"MM\x00*", "TIFF image", _OCR),
    (b"Rar!\x1a\x07", "RAR archive", "unpack it and send the report itself"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive", "unpack it and send the report itself"),
    (b"\x1f\x8b", "gzip archive", "unpack it and send the report itself"),
    (b"\xfd7zXZ\x00", "xz archive", "unpack it and send the report itself"),
    (b"{\\rtf", "RTF document", _CONVERT),
    (b"MIME-Version:", "MHT web archive", "save the page as HTML or PDF"),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_WORD_SUFFIXES = frozenset({".doc", ".dot", ".wps"})
_OLE_OTHER = "old Microsoft Office format"
_OLE_KINDS = {
    ".doc": "old Word format",
    ".dot": "old Word format",
    ".wps": "WPS Writer format",
    ".xls": "old Excel format",
    ".et": "WPS Spreadsheets format",
    ".ppt": "old PowerPoint format",
    ".dps": "WPS Presentation format",
}
_ZIP_KINDS = (
    ("xl/workbook.xml", "Excel workbook"),
    ("ppt/presentation.xml", "PowerPoint presentation"),
    ("OFD.xml", "OFD document"),
    ("content.xml", "OpenDocument file"),
)
_HTML_STARTS = (b"<!doctype html", b"<html", b"<table")
_HTML_PREFIXES = (b"<?xml", b"<!--", b"<meta", b"<head", b"<body", b"<title", b"<div", b"<p")


#: What zipfile raises on a damaged package, besides its own BadZipFile.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    struct.error,
    OSError,
    ValueError,
    EOFError,
    NotImplementedError,
)


def damaged_package(source: str, error: Exception, what: str = "DOCX") -> UnreadableFileError:
    """The error for a broken ZIP package: zipfile's and zlib's own words are kept, Python's
    (a failed seek, a file name that is not UTF-8) are not: they name nothing a user can do."""
    detail = f" ({error})" if isinstance(error, zipfile.BadZipFile | zlib.error) else ""
    start = f"not a valid {what} file: the ZIP package" if what else "a ZIP archive that"
    return UnreadableFileError(source, f"{start} is damaged or incomplete{detail}")


def unsupported(source: str, what: str, advice: str = _CONVERT) -> UnsupportedFormatError:
    """The error for a format the bot does not read, naming it and the formats it does."""
    return UnsupportedFormatError(
        source, f"unsupported file type {what}: the bot reads {READABLE}; {advice}"
    )


def sniff(source: str, data: bytes) -> Kind:
    """The reader ``data`` needs; raises ``UnsupportedFormatError`` for other formats."""
    suffix = PurePath(source).suffix.lower()
    shown = suffix or "(no extension)"
    start = data.lstrip(b"\x00\t\n\r ")
    if start.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        return Kind.PDF
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _sniff_zip(source, data, suffix)
    if data.startswith(_OLE):
        if _ENCRYPTED_OOXML in data:  # Office keeps a password-protected DOCX in an OLE file
            raise UnreadableFileError(
                source,
                "the file is protected with a password: send a copy without the password",
            )
        kind = _ole_kind(data)
        if _WORD_STREAM in data or (suffix in _WORD_SUFFIXES and kind == _OLE_OTHER):
            return Kind.DOC  # .doc, .dot, and .wps as WPS Office writes it (or damaged ones)
        kind = _OLE_KINDS.get(suffix) or kind
        raise unsupported(source, f"{shown} ({kind})")
    if data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")) or _is_webp(data):
        return Kind.IMAGE
    for magic, what, advice in _FOREIGN:
        if data.startswith(magic):
            raise unsupported(source, f"{shown} ({what})", advice)
    if _is_bmp(data):
        raise unsupported(source, f"{shown} (BMP image)", _OCR)
    return _sniff_text(source, data, suffix)


def _sniff_text(source: str, data: bytes, suffix: str) -> Kind:
    shown = suffix or "(no extension)"
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(data)):
        return Kind.HTML
    if suffix in TEXT_SUFFIXES or (not suffix and looks_like_text(data)):
        return Kind.TEXT
    if suffix == ".pdf":
        raise UnreadableFileError(source, "not a valid PDF file: it does not start with %PDF")
    if suffix == ".docx":
        raise UnreadableFileError(source, "not a valid DOCX file: it is not a ZIP package")
    if suffix in _OLE_KINDS:
        raise unsupported(source, f"{suffix} ({_OLE_KINDS[suffix]})")
    raise unsupported(source, shown)


def _sniff_zip(source: str, data: bytes, suffix: str) -> Kind:
    """A ZIP is a DOCX when it holds ``word/document.xml``; any other ZIP is unsupported."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except ZIP_ERRORS as error:
        docx = suffix == ".docx" or b"word/document.xml" in data[:65536]
        raise damaged_package(source, error, "DOCX" if docx else "") from error
    if "word/document.xml" in names:
        return Kind.DOCX
    shown = suffix or "(no extension)"
    for member, what in _ZIP_KINDS:
        if member in names:
            raise unsupported(source, f"{shown} ({what})")
    if suffix == ".docx":
        raise UnreadableFileError(
            source, "not a valid DOCX file: the package has no word/document.xml"
        )
    raise unsupported(source, f"{shown} (ZIP archive)", "unpack it and send the report itself")


def _ole_kind(data: bytes) -> str:
    """Tell old Excel from other OLE files by the stream names in the OLE2 directory."""
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "old Excel format"
    return _OLE_OTHER


def _is_bmp(data: bytes) -> bool:
    return data.startswith(b"BM") and len(data) > 14 and data[6:10] == b"\x00\x00\x00\x00"


def _is_webp(data: bytes) -> bool:
    return data.startswith(b"RIFF") and data[8:12] == b"WEBP"


def _looks_like_html(data: bytes) -> bool:
    """``<html``, ``<!doctype html`` or ``<table`` at the start (after BOM and whitespace)."""
    head = data[:2048]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    elif head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    head = head.lstrip().lower()
    if head.startswith(_HTML_STARTS):
        return True
    return head.startswith(_HTML_PREFIXES) and any(tag in head for tag in _HTML_STARTS)
