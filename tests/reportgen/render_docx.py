"""A Word file: paragraphs and real tables whose merged cells are merged with ``cell.merge``."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable
from docx.text.run import Run

from .document import Block, Paragraph, Table, document, grid
from .model import GeneratedReport

_BODY_FONT = "仿宋_GB2312"
_HEADING_FONT = "黑体"
_TABLE_FONT = "宋体"
_TEXT_WIDTH_CM = 15.9  # A4 less Word's default margins


def _east_asian(run: Run, font: str) -> None:
    """Name the East Asian font of a run (Word picks CJK glyphs from w:eastAsia)."""
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def _paragraph(doc: DocxDocument, block: Paragraph) -> None:
    p = doc.add_paragraph()
    run = p.add_run(block.text)
    if block.kind == "title":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run.bold = True
        run.font.size = Pt(18)
        _east_asian(run, _HEADING_FONT)
    elif block.kind == "heading":
        run.font.size = Pt(16)
        _east_asian(run, _HEADING_FONT)
    else:
        p.paragraph_format.first_line_indent = Pt(32)
        run.font.size = Pt(14)
        _east_asian(run, _BODY_FONT)


def _table(doc: DocxDocument, table: Table) -> None:
    out: DocxTable = doc.add_table(rows=len(table.rows), cols=table.columns)
    out.style = "Table Grid"
    slots = [list(row.cells) for row in out.rows]  # fetched once: table.cell() is O(n)
    scale = _TEXT_WIDTH_CM / sum(table.widths)
    for row in slots:
        for slot, width in zip(row, table.widths, strict=True):
            slot.width = Cm(width * scale)
    for i, row in enumerate(grid(table)):
        for j, cell in enumerate(row):
            if cell is None:
                continue
            target = slots[i][j]
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(slots[i + cell.rowspan - 1][j + cell.colspan - 1])
            target.text = cell.text
            paragraph = target.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if cell.key or cell.header else None
            for run in paragraph.runs:
                run.font.size = Pt(9)
                _east_asian(run, _TABLE_FONT)
            if cell.vertical:
                direction = OxmlElement("w:textDirection")
                direction.set(qn("w:val"), "tbRlV")
                target._tc.get_or_add_tcPr().append(direction)


def _block(doc: DocxDocument, block: Block) -> None:
    if isinstance(block, Table):
        _table(doc, block)
    else:
        _paragraph(doc, block)


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with fixed timestamps, so that the same report gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def render_docx(report: GeneratedReport) -> bytes:
    """The report as a .docx file."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), _BODY_FONT)
    published = datetime(report.year + 1, 1, 20, 9, 0)  # noqa: DTZ001 (docx stores naive UTC)
    props = doc.core_properties
    props.title = report.title
    props.author = report.agency
    props.last_modified_by = report.agency
    props.created = published
    props.modified = published
    props.revision = 1
    for block in document(report):
        _block(doc, block)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _fixed_zip(buffer.getvalue())
