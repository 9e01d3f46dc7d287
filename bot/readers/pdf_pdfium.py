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
from pypdfium2_raw import bindings

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


def _handle_function(name: str, restype: Any, *argtypes: Any) -> Any:
    """A PDFium function that takes and gives handles as plain addresses (ints): the bindings'
    pointer objects cost a cast each to compare, and these are called once a character."""
    function = bindings._libs["pdfium"][name]  # a new function object, its own types
    function.restype, function.argtypes = restype, argtypes
    return function


_TEXT_OBJECT = _handle_function(
    "FPDFText_GetTextObject", ctypes.c_void_p, pdfium_c.FPDF_TEXTPAGE, ctypes.c_int
)
_FONT = _handle_function("FPDFTextObj_GetFont", ctypes.c_void_p, ctypes.c_void_p)
_GLYPH_WIDTH = _handle_function(
    "FPDFFont_GetGlyphWidth",
    ctypes.c_int,
    ctypes.c_void_p,
    ctypes.c_uint32,
    ctypes.c_float,
    ctypes.POINTER(ctypes.c_float),
)


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
                chars, unmapped, sources = _chars(textpage.raw, top)
            finally:
                textpage.close()
            texts, paths = _walk(page.raw)
            if _unread_text(texts, sources):
                raise NotForPdfium(f"PDFium leaves out text on page {index + 1}")
            edges = _edges(paths, top)
        finally:
            page.close()
        bbox = (left, 0.0, right, top - bottom)
        yield PageView(chars, edges, bbox, index + 1, unmapped)


def _chars(textpage: Any, top: float) -> tuple[list[Obj], int, set[int]]:
    """The page's characters as pdfminer boxes them: from the glyph's origin to its advance,
    the font's descent to one em above it; the spaces and line breaks PDFium adds between words
    and lines (not in the file) left out. Also the text objects the characters come from."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    out: list[Obj] = []
    unmapped = 0
    runs = _Runs()
    rect = pdfium_c.FS_RECTF()
    unicode_of, loose_box = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetLooseCharBox
    for index in range(max(count, 0)):
        text = chr(unicode_of(textpage, index) or 0xFFFD)
        if text in _NEWLINES or (
            text.isspace() and pdfium_c.FPDFText_IsGenerated(textpage, index)
        ):
            continue
        run = runs.of(textpage, index)
        if run.unmapped:
            unmapped += 1
        loose_box(textpage, index, rect)
        size = run.size
        if abs(rect.right - rect.left - run.raw) < _SLACK and abs(run.raw - size) > _SLACK:
            # vertical writing: PDFium's loose box is one unscaled em wide, not in page units;
            # an em square around the glyph's own box stands in for it
            _em_square(textpage, index, rect, size)
        bottom = top - rect.bottom
        x0, x1 = rect.left, rect.right
        width = runs.advance(run, text) if run.upright else 0.0
        if width > 0:  # the advance, as pdfminer boxes it (PDFium adds the character spacing)
            x1 = x0 + width * run.raw * run.scale
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
                "upright": run.upright,
            }
        )
    return out, unmapped, set(runs.seen)


@dataclass(frozen=True)
class _Run:
    """What the characters of one text object share."""

    font: int
    raw: float  # the font size as set (Tf)
    size: float  # pdfminer's size: the em in page units, through the text matrix
    scale: float  # the text matrix's horizontal scale
    upright: bool
    #: Its font maps its first character to no Unicode (a font maps all or none, in practice).
    unmapped: bool


class _Runs:
    """The text object of each character, and what it shares with the object's other
    characters, asked of PDFium once an object (the per-character calls are the cost)."""

    def __init__(self) -> None:
        self.seen: dict[int, _Run] = {}
        self._widths: dict[tuple[int, str], float] = {}
        self._width = ctypes.c_float()
        self._matrix = pdfium_c.FS_MATRIX()

    def of(self, textpage: Any, index: int) -> _Run:
        """The run of the character at ``index``."""
        obj = _TEXT_OBJECT(textpage, index) or 0
        run = self.seen.get(obj)
        if run is None:
            m = self._matrix
            pdfium_c.FPDFText_GetMatrix(textpage, index, m)
            raw = pdfium_c.FPDFText_GetFontSize(textpage, index)
            upright = m.b == 0 and m.c == 0 and m.a * m.d > 0
            font = _FONT(obj) or 0 if obj else 0
            unmapped = pdfium_c.FPDFText_HasUnicodeMapError(textpage, index) == 1
            run = _Run(font, raw, raw * math.hypot(m.c, m.d), m.a, upright, unmapped)
            self.seen[obj] = run
        return run

    def advance(self, run: _Run, text: str) -> float:
        """The glyph's advance in ems (0 where PDFium does not know it)."""
        key = (run.font, text)
        width = self._widths.get(key)
        if width is None:
            ok = run.font and _GLYPH_WIDTH(run.font, ord(text), 1.0, ctypes.byref(self._width))
            width = self._widths[key] = self._width.value if ok else 0.0
        return width


def _em_square(textpage: Any, index: int, rect: Any, size: float) -> None:
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    pdfium_c.FPDFText_GetCharBox(textpage, index, left, right, bottom, top)
    x, y = (left.value + right.value) / 2, (bottom.value + top.value) / 2
    rect.left, rect.right = x - size / 2, x + size / 2
    rect.bottom, rect.top = y - size / 2, y + size / 2


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
        if (ctypes.cast(obj, ctypes.c_void_p).value or 0) in read:
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
