"""A PDF page's characters through PDFium's text page, boxed as pdfminer boxes them, one dict a
character in the shape pdfplumber gives (top-down coordinates).

A report has some 4,000 characters in some 1,700 text objects (Word places words and numbers
one by one), so every call here is made with plain addresses (ints) and what a text object's
characters share is asked once an object.
"""

import ctypes
import math
from typing import Any, NamedTuple

import pypdfium2.raw as pdfium_c
from pypdfium2_raw import bindings

Obj = dict[str, Any]
_NEWLINES = frozenset(map(ord, "\r\n"))
#: Widths closer than this (pt) are taken as equal.
_SLACK = 0.01


def handle_function(name: str, restype: Any, *argtypes: Any) -> Any:
    """A PDFium function that takes and gives handles as plain addresses (ints): the bindings'
    pointer objects cost a cast each to compare, and these are called once a character."""
    function = bindings._libs["pdfium"][name]  # a new function object, its own types
    function.restype, function.argtypes = restype, argtypes
    return function


def address(handle: Any) -> int:
    """A bindings' handle as a plain address."""
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


_VOID, _INT = ctypes.c_void_p, ctypes.c_int
_COUNT_CHARS = handle_function("FPDFText_CountChars", _INT, _VOID)
_UNICODE = handle_function("FPDFText_GetUnicode", ctypes.c_uint, _VOID, _INT)
_IS_GENERATED = handle_function("FPDFText_IsGenerated", _INT, _VOID, _INT)
_LOOSE_BOX = handle_function("FPDFText_GetLooseCharBox", _INT, _VOID, _INT, _VOID)
_TEXT_OBJECT = handle_function("FPDFText_GetTextObject", _VOID, _VOID, _INT)
_MATRIX = handle_function("FPDFText_GetMatrix", _INT, _VOID, _INT, _VOID)
_FONT_SIZE = handle_function("FPDFText_GetFontSize", ctypes.c_double, _VOID, _INT)
_MAP_ERROR = handle_function("FPDFText_HasUnicodeMapError", _INT, _VOID, _INT)
_FONT = handle_function("FPDFTextObj_GetFont", _VOID, _VOID)
_GLYPH_WIDTH = handle_function(
    "FPDFFont_GetGlyphWidth", _INT, _VOID, ctypes.c_uint32, ctypes.c_float, _VOID
)


class _Run(NamedTuple):
    """What the characters of one text object share."""

    font: int
    raw: float  # the font size as set (Tf)
    size: float  # pdfminer's size: the em in page units, through the text matrix
    scale: float  # the text matrix's horizontal scale
    upright: bool
    #: Its font maps its first character to no Unicode (a font maps all or none, in practice).
    unmapped: bool
    #: Its em in page units differs from the size set (the text matrix scales it).
    squeezed: bool
    #: The glyph advances (ems) of its font, by character, shared by the runs of its font
    #: and uprightness.
    widths: dict[str, float]


def chars(textpage: Any, top: float) -> tuple[list[Obj], int, set[int]]:
    """The page's characters as pdfminer boxes them: from the glyph's origin to its advance,
    the font's descent to one em above it; the spaces and line breaks PDFium adds between words
    and lines (not in the file) left out. Also the number of characters whose font maps them to
    no Unicode, and the text objects (addresses) the characters come from."""
    handle = address(textpage)
    out: list[Obj] = []
    unmapped = 0
    runs = _Runs(handle)
    seen = runs.seen
    rect = pdfium_c.FS_RECTF()
    box = ctypes.addressof(rect)
    for index in range(max(_COUNT_CHARS(handle), 0)):
        code = _UNICODE(handle, index)
        if code in _NEWLINES:
            continue
        text = chr(code or 0xFFFD)
        if text.isspace() and _IS_GENERATED(handle, index):
            continue
        obj = _TEXT_OBJECT(handle, index) or 0
        run = seen.get(obj) or runs.add(index, obj)
        _font, raw, size, scale, _upright, unknown, squeezed, widths = run
        unmapped += unknown
        _LOOSE_BOX(handle, index, box)
        if squeezed and abs(rect.right - rect.left - raw) < _SLACK:
            # vertical writing: PDFium's loose box is one unscaled em wide, not in page units;
            # an em square around the glyph's own box stands in for it
            _em_square(textpage, index, rect, size)
        width = widths.get(text)
        if width is None:
            width = runs.advance(run, text)
        x0 = rect.left
        # the advance, as pdfminer boxes it (PDFium adds the character spacing)
        x1 = x0 + width * raw * scale if width > 0 else rect.right
        out.append(_char(text, x0, x1, top - rect.bottom, run))
    return out, unmapped, set(seen)


def _char(text: str, x0: float, x1: float, bottom: float, run: _Run) -> Obj:
    """A character as pdfplumber gives it."""
    size = run.size
    return {
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


class _Runs:
    """The runs of a text page's text objects, asked of PDFium once an object."""

    def __init__(self, textpage: int) -> None:
        self.seen: dict[int, _Run] = {}
        self._textpage = textpage
        self._widths: dict[tuple[int, bool], dict[str, float]] = {}
        self._width = ctypes.c_float()
        self._matrix = pdfium_c.FS_MATRIX()

    def add(self, index: int, obj: int) -> _Run:
        """The run of the character at ``index``, the first seen of its text object ``obj``."""
        m = self._matrix
        _MATRIX(self._textpage, index, ctypes.addressof(m))
        raw = _FONT_SIZE(self._textpage, index)
        upright = m.b == 0 and m.c == 0 and m.a * m.d > 0
        font = _FONT(obj) or 0 if obj else 0
        unmapped = _MAP_ERROR(self._textpage, index) == 1
        widths = self._widths.setdefault((font, upright), {})
        size = raw * math.hypot(m.c, m.d)
        squeezed = abs(raw - size) > _SLACK
        run = _Run(font, raw, size, m.a, upright, unmapped, squeezed, widths)
        self.seen[obj] = run
        return run

    def advance(self, run: _Run, text: str) -> float:
        """The glyph's advance in ems (0 where PDFium does not know it, or the text is turned),
        remembered for the run's font."""
        known = run.upright and run.font
        if known and _GLYPH_WIDTH(run.font, ord(text), 1.0, ctypes.addressof(self._width)):
            width = self._width.value
        else:
            width = 0.0
        run.widths[text] = width
        return width


def _em_square(textpage: Any, index: int, rect: Any, size: float) -> None:
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    pdfium_c.FPDFText_GetCharBox(textpage, index, left, right, bottom, top)
    x, y = (left.value + right.value) / 2, (bottom.value + top.value) / 2
    rect.left, rect.right = x - size / 2, x + size / 2
    rect.bottom, rect.top = y - size / 2, y + size / 2
