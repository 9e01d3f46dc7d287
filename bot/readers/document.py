"""From a file's bytes to the report's text, whatever the format.

Every reader returns plain text in which paragraphs are lines and each table row is one line
whose cells are separated by tabs (merged cells repeated, blank cells kept as empty strings),
in document order, so that one parser reads every format. The format is told by the file's
content (magic bytes) first and its name second; see ``bot.readers.sniff``.
"""

from dataclasses import dataclass
from pathlib import PurePath

from bot.errors import UnreadableFileError
from bot.readers import READABLE, decode_text, reader_for, sniff
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


def read_document(name: str, data: bytes) -> Document:
    """Read ``data`` (the content of a file called ``name``) into a ``Document``.

    ``format`` is ``"text"``, ``"html"``, ``"docx"`` or ``"pdf"``. Raises
    ``UnsupportedFormatError`` for formats the bot does not read (naming the ones it does) and
    ``UnreadableFileError`` for empty, broken, encrypted or scanned (no text layer) files, and
    for files holding more text than ``MAX_TEXT_CHARS``.
    """
    source = PurePath(name).name
    if not data.strip():
        raise UnreadableFileError(source, "the file is empty")
    kind = sniff(source, data)
    text = reader_for(kind)(source, data)
    if len(text) > MAX_TEXT_CHARS:
        raise UnreadableFileError(
            source,
            f"the file holds {len(text):,} characters of text; an annual report holds far"
            f" fewer than {MAX_TEXT_CHARS:,}",
        )
    return Document(source, text, kind.value)
