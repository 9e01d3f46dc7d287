"""A PDF with a text layer: CJK text and tables drawn with cell borders, as Word exports them.

The font is a TrueType CJK font when the machine has one (embedded as a subset), else
reportlab's built-in CID font STSong-Light (Adobe-GB1, not embedded: text extraction maps it
back to Unicode through the UniGB-UCS2-H CMap that pdfminer ships, so pdfplumber reads it).
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from .document import Block, Paragraph, Table, document, grid
from .model import GeneratedReport

CID_FONT = "STSong-Light"
TTF_CANDIDATES: tuple[str, ...] = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)
_MARGIN = 20 * mm


@cache
def pdf_font() -> str:
    """Register and name the CJK font: a TrueType one if present, else STSong-Light."""
    for candidate in TTF_CANDIDATES:
        path = Path(candidate)
        if path.is_file():
            name = f"CJK-{path.stem}"
            pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
            return name
    pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    return CID_FONT


@cache
def _styles() -> dict[str, ParagraphStyle]:
    font = pdf_font()

    def style(name: str, size: float, align: int = TA_LEFT, indent: float = 0) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=size * 1.35,
            alignment=align,
            firstLineIndent=indent,
            wordWrap="CJK",
            spaceAfter=size * 0.4,
        )

    return {
        "title": style("title", 15, TA_CENTER),
        "heading": style("heading", 12.5),
        "body": style("body", 10.5, indent=21),
        "cell": style("cell", 7.5, TA_CENTER),
        "label": style("label", 7.5),
    }


def _table(table: Table, width: float) -> RLTable:
    styles = _styles()
    data: list[list[object]] = []
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for i, row in enumerate(grid(table)):
        cells: list[object] = []
        for j, cell in enumerate(row):
            if cell is None:
                cells.append("")
                continue
            long_label = cell.header and not cell.key and len(cell.text) > 12
            style = styles["label" if long_label else "cell"]
            cells.append(RLParagraph(escape(cell.text), style))
            if cell.rowspan > 1 or cell.colspan > 1:
                end = (j + cell.colspan - 1, i + cell.rowspan - 1)
                commands.append(("SPAN", (j, i), end))
        data.append(cells)
    scale = width / sum(table.widths)
    out = RLTable(data, colWidths=[w * scale for w in table.widths])
    out.setStyle(TableStyle(commands))
    return out


def _footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont(pdf_font(), 9)
    canvas.drawCentredString(A4[0] / 2, 12 * mm, f"- {doc.page} -")
    canvas.restoreState()


def _flowables(blocks: list[Block], width: float) -> list[object]:
    styles = _styles()
    out: list[object] = []
    pending_heading: object | None = None
    for block in blocks:
        if isinstance(block, Table):
            table = _table(block, width)
            out.append(KeepTogether([pending_heading, table] if pending_heading else [table]))
            out.append(Spacer(1, 4 * mm))
            pending_heading = None
            continue
        if pending_heading is not None:
            out.append(pending_heading)
            pending_heading = None
        assert isinstance(block, Paragraph)
        flowable = RLParagraph(escape(block.text), styles[block.kind])
        if block.kind == "heading":
            pending_heading = flowable
        else:
            out.append(flowable)
    if pending_heading is not None:
        out.append(pending_heading)
    return out


def render_pdf(report: GeneratedReport) -> bytes:
    """The report as a PDF (A4, deterministic bytes for the same report)."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN,
        title=report.title,
        author=report.agency,
        invariant=1,
    )
    width = A4[0] - 2 * _MARGIN
    doc.build(_flowables(document(report), width), onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()
