"""PDF pages through PDFium: the characters with their boxes and the ruling lines, in the shape
pdfplumber gives them (top-down coordinates, one dict per character or edge).

pdfminer reads a page in Python at a few hundred milliseconds a report; PDFium parses it in C.
What pdfplumber adds on top (the table finder, the grouping of characters into lines and words)
works on these dicts unchanged, so both paths give the same text (``bench/pdfsame.py`` compares
them over the shared and many generated PDFs).
"""

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from bot.readers.pdf_chars import address, chars

Box = tuple[float, float, float, float]
Obj = dict[str, Any]
#: Forms inside forms deeper than this are not looked into for ruling lines.
_MAX_FORM_DEPTH = 8
_LINE, _MOVE = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_MOVETO
#: Widths closer than this (pt) are taken as equal.
_SLACK = 0.01
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class NotForPdfium(Exception):  # noqa: N818 (a signal, not an error)
    """A page PDFium would read otherwise than pdfminer (text its text page leaves out, a page
    shown turned): pdfminer reads the file."""


@dataclass
class PageView:
    """What the reader needs of a page (pdfplumber's ``Page`` has the same attributes)."""

    chars: list[Obj]
    edges: list[Obj]
    bbox: Box
    page_number: int
    #: Characters PDFium could not map to Unicode (pdfminer writes them "(cid:N)").
    unmapped: int = 0


def pages(document: pdfium.PdfDocument) -> Iterator[PageView]:
    """Each page of an open document, in order; raises ``NotForPdfium`` for a page PDFium
    would read differently from pdfminer."""
    for index in range(len(document)):
        page = document[index]
        try:
            if page.get_rotation() % 360:  # pdfminer turns the coordinates of a turned page
                raise NotForPdfium(f"page {index + 1} is turned")
            left, bottom, right, top = page.get_mediabox()
            textpage = page.get_textpage()
            try:
                found, unmapped, sources = chars(textpage.raw, top)
            finally:
                textpage.close()
            texts, paths = _walk(page.raw)
            if _unread_text(texts, sources):
                raise NotForPdfium(f"PDFium leaves out text on page {index + 1}")
            edges = _edges(paths, top)
        finally:
            page.close()
        bbox = (left, 0.0, right, top - bottom)
        yield PageView(found, edges, bbox, index + 1, unmapped)


def _edges(paths: list[tuple[Any, Matrix]], top: float) -> list[Obj]:
    """Every straight horizontal or vertical piece of a painted path (stroked or filled), as
    pdfplumber's edges: the sides of rectangles and the lines that draw table grids."""
    out: list[Obj] = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for obj, matrix in paths:
        pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke)
        if not fill.value and not stroke.value:
            continue
        for (x0, y0), (x1, y1) in _segments(obj, matrix):
            if x0 == x1 or y0 == y1:
                out.append(_edge(x0, top - y0, x1, top - y1))
    return out


def _edge(xa: float, ya: float, xb: float, yb: float) -> Obj:
    x0, x1, t, b = min(xa, xb), max(xa, xb), min(ya, yb), max(ya, yb)
    return {
        "object_type": "line",
        "x0": x0,
        "x1": x1,
        "top": t,
        "bottom": b,
        "doctop": t,
        "width": x1 - x0,
        "height": b - t,
        "orientation": "v" if xa == xb else "h",
    }


def _unread_text(texts: list[Any], read: set[int]) -> bool:
    """Whether a text object of the page (or of its forms) may hold text PDFium left out.

    PDFium's text page skips every text object whose glyph boxes make no area. With an
    embedded font only blank glyphs (spaces) make none; a font that is not embedded may lack
    the glyph's box, and then a visible character is skipped (a wrapped cell's last line).
    """
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for obj in texts:
        if address(obj) in read:
            continue
        pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        embedded = pdfium_c.FPDFFont_GetIsEmbedded(pdfium_c.FPDFTextObj_GetFont(obj)) == 1
        blank = min(right.value - left.value, top.value - bottom.value) < _SLACK
        if not (blank and embedded):
            return True
    return False


def _walk(page: Any) -> tuple[list[Any], list[tuple[Any, Matrix]]]:
    """The page's text objects, and its path objects with their matrices; those inside forms
    included."""
    texts: list[Any] = []
    paths: list[tuple[Any, Matrix]] = []
    stack: list[tuple[Any, bool, Matrix, int]] = [(page, True, _IDENTITY, 0)]
    while stack:
        holder, is_page, outer, depth = stack.pop()
        count = (
            pdfium_c.FPDFPage_CountObjects(holder)
            if is_page
            else pdfium_c.FPDFFormObj_CountObjects(holder)
        )
        for index in range(max(count, 0)):
            obj = (
                pdfium_c.FPDFPage_GetObject(holder, index)
                if is_page
                else pdfium_c.FPDFFormObj_GetObject(holder, index)
            )
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                texts.append(obj)
            elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                paths.append((obj, _then(_matrix(obj), outer)))
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
                stack.append((obj, False, _then(_matrix(obj), outer), depth + 1))
    return texts, paths


def _matrix(obj: Any) -> Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _then(inner: Matrix, outer: Matrix) -> Matrix:
    """``inner`` applied first, then ``outer``."""
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _segments(
    obj: Any, matrix: Matrix
) -> Iterator[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight pieces of a path, in page coordinates; curves are not table lines."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    start = current = None
    for index in range(max(pdfium_c.FPDFPath_CountSegments(obj), 0)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == _MOVE:
            start = point
        elif kind == _LINE and current is not None:
            yield current, point
        current = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            if point != start:
                yield point, start
            current = start
