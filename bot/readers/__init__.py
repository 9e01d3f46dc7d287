"""Readers for each file format the bot reads, and the sniffing that picks one.

The HTML, DOCX, DOC, PDF and image readers are imported when first used: lxml, python-docx,
pdfplumber and the OCR engine take a quarter of a second and more to import, which the bot need
not pay at start-up to answer questions.
"""

from collections.abc import Callable
from importlib import import_module
from typing import Any

from bot.readers.sniff import READABLE, Kind, sniff
from bot.readers.text import decode_text

__all__ = [
    "READABLE",
    "READER_MODULES",
    "Kind",
    "decode_text",
    "read_doc",
    "read_docx",
    "read_html",
    "read_image",
    "read_pdf",
    "reader_for",
    "sniff",
]

_MODULES = {
    Kind.HTML: "html",
    Kind.DOCX: "docx",
    Kind.DOC: "doc",
    Kind.PDF: "pdf",
    Kind.IMAGE: "image",
}
#: The modules of the readers imported on first use (worker processes import them at once).
READER_MODULES = (
    *(f"bot.readers.{module}" for module in _MODULES.values()),
    "bot.readers.scan",
)


def reader_for(kind: Kind) -> Callable[[str, bytes], str]:
    """The function that turns a file of this kind into text."""
    if kind is Kind.TEXT:
        return decode_text
    module = import_module(f"bot.readers.{_MODULES[kind]}")
    reader: Callable[[str, bytes], str] = getattr(module, f"read_{_MODULES[kind]}")
    return reader


def __getattr__(name: str) -> Any:
    for kind, module in _MODULES.items():
        if name == f"read_{module}":
            return reader_for(kind)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
