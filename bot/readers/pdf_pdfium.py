"""PDF pages through PDFium: the characters with their boxes and the ruling lines, in the shape
pdfplumber gives them (top-down coordinates, one dict per character or edge).

pdfminer reads a page in Python at a few hundred milliseconds a report; PDFium parses it in C.
What pdfplumber adds on top (the table finder, the grouping of characters into lines and words)
works on these dicts unchanged, so both paths give the same text (``bench/pdfsame.py`` compares
them over the shared and many generated PDFs).
"""

import ctypes
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Box = tuple[float, float, float, float]
Obj = dict[str, Any]
#: Forms inside forms deeper than this are not looked into for ruling lines.
_MAX_FORM_DEPTH = 8
_LINE, _MOVE = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_MOVETO
_NEWLINES = frozenset("\r\n")
#: Widths closer than this (pt) are taken as equal.
_SLACK = 0.01
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class TextDroppedError(Exception):
    """PDFium's text page left out a text object of the page (it drops text it takes for a
    repeat of text just drawn); pdfminer reads such a page as it is drawn."""


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
    """Each page of an open document, in order (none is rotated: the caller checks)."""
    for index in range(len(document)):
        page = document[index]
        try:
            left, bottom, right, top = page.get_mediabox()
            textpage = page.get_textpage()
            try:
                chars, unmapped, sources = _chars(textpage.raw, top)
            finally:
                textpage.close()
            if _unread_text(page.raw, sources):
                raise TextDroppedError(index + 1)
            edges = _edges(page.raw, top)
        finally:
            page.close()
        bbox = (left, 0.0, right, top - bottom)
        yield PageView(chars, edges, bbox, index + 1, unmapped)


def rotated(document: pdfium.PdfDocument) -> bool:
    """Whether any page is shown turned (``/Rotate``): pdfminer turns its coordinates."""
    for index in range(len(document)):
        page = document[index]
        try:
            if page.get_rotation() % 360:
                return True
        finally:
            page.close()
    return False


def _chars(textpage: Any, top: float) -> tuple[list[Obj], int, set[int]]:
    """The page's characters as pdfminer boxes them: from the glyph's origin to its advance,
    the font's descent to one em above it; the spaces and line breaks PDFium adds between words
    and lines (not in the file) left out. Also the text objects the characters come from."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return [], 0, set()
    rect, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    box, size_of = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetFontSize
    matrix_of, object_of = pdfium_c.FPDFText_GetMatrix, pdfium_c.FPDFText_GetTextObject
    unicode_of = pdfium_c.FPDFText_GetUnicode
    out: list[Obj] = []
    unmapped = 0
    sources: set[int] = set()
    advance = _Advances()
    for index in range(count):
        text = chr(unicode_of(textpage, index) or 0xFFFD)
        if text in _NEWLINES or (
            text.isspace() and pdfium_c.FPDFText_IsGenerated(textpage, index)
        ):
            continue
        if pdfium_c.FPDFText_HasUnicodeMapError(textpage, index) == 1:
            unmapped += 1
        obj = object_of(textpage, index)
        sources.add(ctypes.cast(obj, ctypes.c_void_p).value or 0)
        box(textpage, index, rect)
        matrix_of(textpage, index, matrix)
        # pdfminer's size is the em in page units: the font size through the text matrix
        raw = size_of(textpage, index)
        size = raw * math.hypot(matrix.c, matrix.d)
        upright = matrix.b == 0 and matrix.c == 0 and matrix.a * matrix.d > 0
        if abs(rect.right - rect.left - raw) < _SLACK and abs(raw - size) > _SLACK:
            # vertical writing: PDFium's loose box is one unscaled em wide, not in page units;
            # an em square around the glyph's own box stands in for it
            _em_square(textpage, index, rect, size)
        bottom = top - rect.bottom
        x0, x1 = rect.left, rect.right
        width = advance(obj, text) if upright else 0.0
        if width > 0:  # the advance, as pdfminer boxes it (PDFium adds the character spacing)
            x1 = x0 + width * raw * matrix.a
        out.append(
            {
                "object_type": "char",
                "text": text,
                "x0": x0,
                "x1": x1,
                "top": bottom - size,
                "bottom": bottom,
                "doctop": bottom - size,
                "width": x1 - x0,
                "height": size,
                "size": size,
                "upright": upright,
            }
        )
    return out, unmapped, sources


class _Advances:
    """Glyph advances (in ems) by font and character, each asked of PDFium once a page."""

    def __init__(self) -> None:
        self._fonts: dict[int, Any] = {}
        self._widths: dict[tuple[int, str], float] = {}
        self._width = ctypes.c_float()

    def __call__(self, obj: Any, text: str) -> float:
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        font = self._fonts.get(key)
        if font is None:
            font = self._fonts[key] = pdfium_c.FPDFTextObj_GetFont(obj)
        font_key = (ctypes.cast(font, ctypes.c_void_p).value or 0, text)
        width = self._widths.get(font_key)
        if width is None:
            if not pdfium_c.FPDFFont_GetGlyphWidth(font, ord(text), 1.0, self._width):
                self._width.value = 0.0
            width = self._widths[font_key] = self._width.value
        return width


def _em_square(textpage: Any, index: int, rect: Any, size: float) -> None:
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    pdfium_c.FPDFText_GetCharBox(textpage, index, left, right, bottom, top)
    x, y = (left.value + right.value) / 2, (bottom.value + top.value) / 2
    rect.left, rect.right = x - size / 2, x + size / 2
    rect.bottom, rect.top = y - size / 2, y + size / 2


def _edges(page: Any, top: float) -> list[Obj]:
    """Every straight horizontal or vertical piece of a painted path (stroked or filled), as
    pdfplumber's edges: the sides of rectangles and the lines that draw table grids."""
    out: list[Obj] = []
    for obj, matrix in _objects(page, pdfium_c.FPDF_PAGEOBJ_PATH):
        fill, stroke = ctypes.c_int(), ctypes.c_int()
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


def _unread_text(page: Any, read: set[int]) -> bool:
    """Whether a text object of the page (or of its forms) may hold text PDFium left out.

    PDFium's text page skips every text object whose glyph boxes make no area. With an
    embedded font only blank glyphs (spaces) make none; a font that is not embedded may lack
    the glyph's box, and then a visible character is skipped (a wrapped cell's last line).
    """
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for obj, _matrix in _objects(page, pdfium_c.FPDF_PAGEOBJ_TEXT):
        if (ctypes.cast(obj, ctypes.c_void_p).value or 0) in read:
            continue
        pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        embedded = pdfium_c.FPDFFont_GetIsEmbedded(pdfium_c.FPDFTextObj_GetFont(obj)) == 1
        blank = min(right.value - left.value, top.value - bottom.value) < _SLACK
        if not (blank and embedded):
            return True
    return False


def _objects(page: Any, wanted: int) -> Iterator[tuple[Any, Matrix]]:
    """The page's objects of one kind with their matrices, those inside forms included."""
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
            if kind == wanted:
                yield obj, _then(_matrix(obj), outer)
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
                stack.append((obj, False, _then(_matrix(obj), outer), depth + 1))


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
