"""PDF characters grouped into words and lines: the reader's own loops give what pdfplumber's
general code gives, on random characters and on every page of the shared PDFs."""

from typing import Any

import pypdfium2 as pdfium
import pytest
from conftest import REPORTS
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.utils.text import chars_to_textmap, extract_text

from bot.readers.pdf_pdfium import pages
from bot.readers.pdf_words import cell_text, text_lines

Obj = dict[str, Any]


def _char(text: str, x0: float, top: float, width: float = 10.0, size: float = 10.0) -> Obj:
    return {
        "object_type": "char",
        "text": text,
        "x0": x0,
        "x1": x0 + width,
        "top": top,
        "bottom": top + size,
        "doctop": top,
        "width": width,
        "height": size,
        "size": size,
        "upright": True,
    }


# half-points, so that tops and gaps fall on pdfplumber's 3 pt tolerance and either side of it
_HALVES = st.integers(min_value=0, max_value=16).map(lambda n: n / 2)
_CHARS = st.builds(
    _char,
    st.sampled_from(["年", "度", "1", "2", ".", "a", " ", "\u3000", "ﬁ", "(cid:3)"]),
    st.integers(min_value=0, max_value=10).map(lambda n: 5.5 * n),
    _HALVES,
    st.sampled_from([0.0, 2.5, 3.0]),
)


def _plumber_lines(chars: list[Obj]) -> list[tuple[float, list[Obj]]]:
    if not chars:
        return []
    found = chars_to_textmap(chars).extract_text_lines(strip=True, return_chars=True)
    return [(float(line["top"]), list(line["chars"])) for line in found]


@settings(max_examples=500)
@given(st.lists(_CHARS, max_size=14), st.booleans())
def test_grouping_is_pdfplumbers(chars: list[Obj], turned: bool) -> None:
    if turned and chars:
        chars[0]["upright"] = False  # pdfplumber's own code groups this list
    assert cell_text(chars) == extract_text(chars)
    assert text_lines(chars) == _plumber_lines(chars)


def test_a_cell_of_two_lines_and_a_number() -> None:
    # 一般公共预算 over 财政拨款 (wrapped), then 12.5 in a second cell-like run to the right
    chars = [_char(t, 10 * i, 0.0) for i, t in enumerate("一般公共预算")]
    chars += [_char(t, 10 * i, 12.0) for i, t in enumerate("财政拨款")]
    chars += [_char(t, 100 + 5 * i, 1.0, width=5.0) for i, t in enumerate("12.5")]
    assert cell_text(chars) == "一般公共预算 12.5\n财政拨款"
    assert [(top, "".join(c["text"] for c in line)) for top, line in text_lines(chars)] == [
        (0.0, "一般公共预算12.5"),
        (12.0, "财政拨款"),
    ]


@pytest.mark.parametrize("stem", ["001_hongzequ_2023", "003_huaianshi_2024", "008_pingtan_2023"])
def test_shared_pages_group_as_pdfplumber(stem: str) -> None:
    document = pdfium.PdfDocument((REPORTS / f"{stem}.pdf").read_bytes())
    try:
        for view in pages(document):
            assert text_lines(view.chars) == _plumber_lines(view.chars)
            half = [c for c in view.chars if c["x0"] < view.bbox[2] / 2]
            assert cell_text(half) == extract_text(half)
    finally:
        document.close()
