"""Readers for each file format the bot reads, and the sniffing that picks one.

The HTML, DOCX and PDF readers are imported when first used: lxml, python-docx and
pdfplumber take a quarter of a second and some 20 MB to import, which the bot need not pay
at start-up to answer questions.
"""

from collections.abc import Callable
from importlib import import_module
from typing import Any

from bot.reports.formats.sniff import READABLE, Kind, sniff
from bot.reports.formats.text import decode_text

__all__ = [
    "READABLE",
    "READER_MODULES",
    "Kind",
    "decode_text",
    "read_docx",
    "read_html",
    "read_image",
    "read_pdf",
    "reader_for",
    "sniff",
]

_MODULES = {Kind.HTML: "html", Kind.DOCX: "docx", Kind.PDF: "pdf", Kind.IMAGE: "image"}
#: The modules of the readers imported on first use (worker processes import them at once).
READER_MODULES = (
    *(f"bot.reports.formats.{module}" for module in _MODULES.values()),
    "bot.reports.formats.scan",
)


def reader_for(kind: Kind) -> Callable[[str, bytes], str]:
    """The function that turns a file of this kind into text."""
    if kind is Kind.TEXT:
        return decode_text
    module = import_module(f"bot.reports.formats.{_MODULES[kind]}")
    reader: Callable[[str, bytes], str] = getattr(module, f"read_{_MODULES[kind]}")
    return reader


def __getattr__(name: str) -> Any:
    for kind, module in _MODULES.items():
        if name == f"read_{module}":
            return reader_for(kind)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
