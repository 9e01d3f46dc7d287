"""Generated annual reports for tests: consistent figures, rendered as txt, html, docx and pdf.

from reportgen import reports, render

@given(reports("2021"))
def test_something(report):
    data = render(report, "pdf")
    ... report.expected() is what a parser should return ...
"""

from __future__ import annotations

from collections.abc import Callable

from .document import Cell, Paragraph, Table, document, grid, positions
from .figures import APPLICANTS, REVIEW_GROUPS, outcome_items
from .model import YEARS, GeneratedReport
from .render_docx import render_docx
from .render_html import render_html
from .render_pdf import pdf_font, render_pdf
from .render_text import render_text
from .strategies import LAYOUTS, reports

FORMATS: tuple[str, ...] = ("txt", "html", "docx", "pdf")

_RENDERERS: dict[str, Callable[[GeneratedReport], bytes]] = {
    "txt": render_text,
    "html": render_html,
    "docx": render_docx,
    "pdf": render_pdf,
}


def render(report: GeneratedReport, fmt: str) -> bytes:
    """The report as a file of format ``fmt``: txt, html, docx or pdf."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}") from None
    return renderer(report)


__all__ = [
    "APPLICANTS",
    "FORMATS",
    "LAYOUTS",
    "REVIEW_GROUPS",
    "YEARS",
    "Cell",
    "GeneratedReport",
    "Paragraph",
    "Table",
    "document",
    "grid",
    "outcome_items",
    "pdf_font",
    "positions",
    "render",
    "render_docx",
    "render_html",
    "render_pdf",
    "render_text",
    "reports",
]
