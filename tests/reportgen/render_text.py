"""Plain text like the seed report: paragraphs between blank lines, table rows tab-separated."""

from __future__ import annotations

from .document import Block, Paragraph, Table, document, grid
from .model import GeneratedReport


def table_lines(table: Table) -> list[str]:
    """One line per table row; a merged cell's text in its first slot, the others empty."""
    return ["\t".join(cell.text if cell else "" for cell in row) for row in grid(table)]


def _block(block: Block) -> str:
    if isinstance(block, Table):
        return "\n".join(table_lines(block))
    if isinstance(block, Paragraph) and block.kind == "title":
        return f"\n{block.text}"
    return block.text


def render_text(report: GeneratedReport) -> bytes:
    """The report as UTF-8 text."""
    return ("\n\n".join(_block(b) for b in document(report)) + "\n").encode("utf-8")
