"""From a file's bytes to the report's text, whatever the format.

Every reader returns plain text in which paragraphs are lines and each table row is one line
whose cells are separated by tabs (merged cells repeated, blank cells kept as empty strings),
in document order, so that one parser reads every format. The format is told by the file's
content (magic bytes) first and its name second; see ``bot.readers.sniff``.
"""

from dataclasses import dataclass
from importlib import import_module
from pathlib import PurePath

from bot.errors import NoTextLayerError, UnreadableFileError
from bot.readers import READABLE, Kind, decode_text, reader_for, sniff
from bot.readers.sniff import TEXT_SUFFIXES

__all__ = [
    "MAX_TEXT_CHARS",
    "READABLE",
    "TEXT_SUFFIXES",
    "Document",
    "decode_text",
    "read_document",
]

#: More text than this is no annual report (the longest real ones hold some 20,000
#: characters), and parsing it would take minutes: such a file is refused, not read.
MAX_TEXT_CHARS = 500_000


@dataclass(frozen=True)
class Document:
    """The text of a report file, with where it came from and the format it was read as."""

    name: str
    text: str
    format: str
    #: Whether the text was read by OCR (a photo, or a scanned PDF): its figures say so.
    ocr: bool = False


def read_document(name: str, data: bytes) -> Document:
    """Read ``data`` (the content of a file called ``name``) into a ``Document``.

    ``format`` is ``"text"``, ``"html"``, ``"docx"``, ``"pdf"`` or ``"image"``; a PDF without
    a text layer and an image are read by OCR (``ocr``). Raises
    ``UnsupportedFormatError`` for formats the bot does not read (naming the ones it does) and
    ``UnreadableFileError`` for empty, broken or encrypted files, scans over the OCR page cap,
    and files holding more text than ``MAX_TEXT_CHARS``.
    """
    source = PurePath(name).name
    if not data.strip():
        raise UnreadableFileError(source, "the file is empty")
    kind = sniff(source, data)
    ocr = kind is Kind.IMAGE
    try:
        text = reader_for(kind)(source, data)
    except NoTextLayerError:
        # the OCR reader is imported when first needed, as the other readers are
        read_scanned_pdf = import_module("bot.readers.scan").read_scanned_pdf
        text, ocr = read_scanned_pdf(source, data), True
    if len(text) > MAX_TEXT_CHARS:
        raise UnreadableFileError(
            source,
            f"the file holds {len(text):,} characters of text; an annual report holds far"
            f" fewer than {MAX_TEXT_CHARS:,}",
        )
    return Document(source, text, kind.value, ocr)
