"""A PDF page's objects through PDFium: its text objects (to tell whether PDFium's text page
left text out) and the straight pieces of its painted paths, the ruling lines of table grids,
as pdfplumber's edges (top-down coordinates). Forms inside the page are looked into.

A report page has hundreds of paths of a few segments each: the calls take and give plain
addresses (ints), as the character calls do.
"""

import ctypes
from collections.abc import Iterator
from typing import Any

import pypdfium2.raw as pdfium_c

from bot.readers.pdf_chars import handle_function

Obj = dict[str, Any]
Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
#: Forms inside forms deeper than this are not looked into for ruling lines.
_MAX_FORM_DEPTH = 8
_LINE, _MOVE = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_MOVETO
_TEXT, _PATH, _FORM = (
    pdfium_c.FPDF_PAGEOBJ_TEXT,
    pdfium_c.FPDF_PAGEOBJ_PATH,
    pdfium_c.FPDF_PAGEOBJ_FORM,
)
#: Widths closer than this (pt) are taken as equal.
_SLACK = 0.01
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

_VOID, _INT = ctypes.c_void_p, ctypes.c_int
_PAGE_COUNT = handle_function("FPDFPage_CountObjects", _INT, _VOID)
_PAGE_OBJECT = handle_function("FPDFPage_GetObject", _VOID, _VOID, _INT)
_FORM_COUNT = handle_function("FPDFFormObj_CountObjects", _INT, _VOID)
_FORM_OBJECT = handle_function("FPDFFormObj_GetObject", _VOID, _VOID, ctypes.c_ulong)
_TYPE = handle_function("FPDFPageObj_GetType", _INT, _VOID)
_MATRIX = handle_function("FPDFPageObj_GetMatrix", _INT, _VOID, _VOID)
_BOUNDS = handle_function("FPDFPageObj_GetBounds", _INT, _VOID, _VOID, _VOID, _VOID, _VOID)
_FONT = handle_function("FPDFTextObj_GetFont", _VOID, _VOID)
_EMBEDDED = handle_function("FPDFFont_GetIsEmbedded", _INT, _VOID)
_DRAW_MODE = handle_function("FPDFPath_GetDrawMode", _INT, _VOID, _VOID, _VOID)
_SEGMENTS = handle_function("FPDFPath_CountSegments", _INT, _VOID)
_SEGMENT = handle_function("FPDFPath_GetPathSegment", _VOID, _VOID, _INT)
_POINT = handle_function("FPDFPathSegment_GetPoint", _INT, _VOID, _VOID, _VOID)
_KIND = handle_function("FPDFPathSegment_GetType", _INT, _VOID)
_CLOSE = handle_function("FPDFPathSegment_GetClose", _INT, _VOID)


def walk(page: int) -> tuple[list[int], list[tuple[int, Matrix]]]:
    """The page's text objects, and its path objects with their matrices; those inside forms
    included."""
    texts: list[int] = []
    paths: list[tuple[int, Matrix]] = []
    stack: list[tuple[int, bool, Matrix, int]] = [(page, True, _IDENTITY, 0)]
    while stack:
        holder, is_page, outer, depth = stack.pop()
        count, get = (_PAGE_COUNT, _PAGE_OBJECT) if is_page else (_FORM_COUNT, _FORM_OBJECT)
        for index in range(max(count(holder), 0)):
            obj = get(holder, index) or 0
            kind = _TYPE(obj)
            if kind == _TEXT:
                texts.append(obj)
            elif kind == _PATH:
                paths.append((obj, _then(_matrix(obj), outer)))
            elif kind == _FORM and depth < _MAX_FORM_DEPTH:
                stack.append((obj, False, _then(_matrix(obj), outer), depth + 1))
    return texts, paths


def unread_text(texts: list[int], read: set[int]) -> bool:
    """Whether a text object of the page (or of its forms) may hold text PDFium left out.

    PDFium's text page skips every text object whose glyph boxes make no area. With an
    embedded font only blank glyphs (spaces) make none; a font that is not embedded may lack
    the glyph's box, and then a visible character is skipped (a wrapped cell's last line).
    """
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    corners = [ctypes.addressof(value) for value in (left, bottom, right, top)]
    for obj in texts:
        if obj in read:
            continue
        _BOUNDS(obj, *corners)
        embedded = _EMBEDDED(_FONT(obj)) == 1
        blank = min(right.value - left.value, top.value - bottom.value) < _SLACK
        if not (blank and embedded):
            return True
    return False


def edges(paths: list[tuple[int, Matrix]], top: float) -> list[Obj]:
    """Every straight horizontal or vertical piece of a painted path (stroked or filled), as
    pdfplumber's edges: the sides of rectangles and the lines that draw table grids."""
    out: list[Obj] = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    modes = ctypes.addressof(fill), ctypes.addressof(stroke)
    for obj, matrix in paths:
        _DRAW_MODE(obj, *modes)
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


_FS_MATRIX = pdfium_c.FS_MATRIX()


def _matrix(obj: int) -> Matrix:
    m = _FS_MATRIX
    if not _MATRIX(obj, ctypes.addressof(m)):
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


def _segments(obj: int, matrix: Matrix) -> Iterator[tuple[Point, Point]]:
    """The straight pieces of a path, in page coordinates; curves are not table lines."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    at = ctypes.addressof(x), ctypes.addressof(y)
    start = current = None
    for index in range(max(_SEGMENTS(obj), 0)):
        segment = _SEGMENT(obj, index)
        _POINT(segment, *at)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = _KIND(segment)
        if kind == _MOVE:
            start = point
        elif kind == _LINE and current is not None:
            yield current, point
        current = point
        if _CLOSE(segment) and start is not None:
            if point != start:
                yield point, start
            current = start
