"""From a file's bytes to the report's text, whatever the format.

Every reader returns plain text in which table rows are lines and cells are separated by tabs,
so that one parser reads every format.
"""

import codecs
from dataclasses import dataclass
from pathlib import PurePath

from charset_normalizer import from_bytes

from bot.errors import UnreadableFileError, UnsupportedFormatError

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
READABLE = "plain text (.txt, .md)"


@dataclass(frozen=True)
class Document:
    """The text of a report file, with where it came from."""

    name: str
    text: str
    format: str


def read_document(name: str, data: bytes) -> Document:
    """Read ``data`` (the content of a file called ``name``) into a ``Document``.

    Raises ``UnsupportedFormatError`` for formats the bot does not read and
    ``UnreadableFileError`` for empty or undecodable files.
    """
    source = PurePath(name).name
    if not data.strip():
        raise UnreadableFileError(source, "the file is empty")
    suffix = PurePath(name).suffix.lower()
    if suffix in TEXT_SUFFIXES or (not suffix and _looks_like_text(data)):
        return Document(source, decode_text(source, data), "text")
    raise UnsupportedFormatError(
        source, f"unsupported file type {suffix or '(none)'}: the bot reads {READABLE}"
    )


def decode_text(source: str, data: bytes) -> str:
    """Decode text in UTF-8 (with or without BOM), GBK or GB18030, detected, not assumed."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableFileError(source, "the text is in no encoding the bot recognises")
    return str(best)


def _looks_like_text(data: bytes) -> bool:
    return b"\x00" not in data[:4096]
