"""Legacy Word (.doc) and WPS files: text, tables on their grid, refusals with reasons.

The fixtures were made with LibreOffice ("MS Word 97" export): ``doc/shapes.doc`` from
``doc/shapes.html`` (written for this test: blank cells, merged cells, a nested table), and the
.doc versions of a real report (reports/008_pingtan_2023.doc, checked cell by cell against its
gold file in test_gold.py) and of two generated ones (checked in test_roundtrip.py).
"""

import io
import struct
from collections.abc import Callable
from pathlib import Path

import olefile
import pytest
from conftest import REPORTS
from hypothesis import example, given
from hypothesis import strategies as st
from test_hostile_files import (
    GENERATED,
    Mutation,
    assert_clear,
    assert_sane,
    fuzz,
    fuzz_timeout,
    mutate,
    mutations,
    outcome,
)

from bot.errors import UnreadableFileError, UnsupportedFormatError
from bot.readers import Kind, sniff
from bot.readers.doc import _FieldFilter, _Piece, _text, read_doc
from bot.readers.doc_tables import ParagraphProperties
from bot.readers.document import read_document

DOC = Path(__file__).parents[1] / "fixtures" / "doc"
SHAPES = DOC / "shapes.doc"
# What shapes.html holds, as every reader writes it: paragraphs as lines, table rows with
# tabs, blank cells empty, a colspan's and a rowspan's text in every position they cover.
SHAPES_TEXT = (
    "Plain English paragraph one.\n"
    "Second paragraph with a line\n"
    "break inside.\n"
    "Label\tA\tB\tC\n"
    "first\t1\t\t3\n"
    "second\t\t\t\n"
    "wide\twide\t7\t8\n"
    "tall\t9\t10\t11\n"
    "tall\t12\t\t14\n"
    "After the table.\n"
)


def with_stream(data: bytes, name: str, change: Callable[[bytearray], None]) -> bytes:
    """``data`` with the OLE stream ``name`` changed in place (same length)."""
    buffer = io.BytesIO(data)
    ole = olefile.OleFileIO(buffer, write_mode=True)
    stream = bytearray(ole.openstream(name).read())
    change(stream)
    ole.write_stream(name, bytes(stream))
    ole.close()
    return buffer.getvalue()


def test_paragraphs_and_tables_with_blank_and_merged_cells() -> None:
    text = read_doc("shapes.doc", SHAPES.read_bytes())
    assert text.startswith(SHAPES_TEXT)
    # the nested table's cells join the outer cell they sit in; the next row stays whole
    assert text.endswith("x\ty\nThe end.\n")
    assert "in1 in2" in text


def test_a_real_report_reads_as_its_docx_does() -> None:
    doc = read_document("008.doc", (REPORTS / "008_pingtan_2023.doc").read_bytes())
    docx = read_document("008.docx", (REPORTS / "008_pingtan_2023.docx").read_bytes())
    assert doc.format == "doc"
    assert doc.text == docx.text


def test_generated_report_with_blank_cells_reads_as_its_docx_does() -> None:
    stem = GENERATED / "g04_department_2021_blanks"
    doc = read_document("g04.doc", stem.with_suffix(".doc").read_bytes())
    assert doc.text == read_document("g04.docx", stem.with_suffix(".docx").read_bytes()).text


def test_wps_files_are_read_by_what_they_hold() -> None:
    ole = SHAPES.read_bytes()
    zipped = (REPORTS / "008_pingtan_2023.docx").read_bytes()
    assert sniff("report.wps", ole) is Kind.DOC
    assert sniff("report.wps", zipped) is Kind.DOCX
    assert read_document("report.wps", ole).text.startswith(SHAPES_TEXT)
    assert "平潭综合实验区" in read_document("report.wps", zipped).text


def test_word_95_files_are_refused_with_advice() -> None:
    data = with_stream(
        SHAPES.read_bytes(), "WordDocument", lambda w: struct.pack_into("<H", w, 2, 104)
    )
    with pytest.raises(UnsupportedFormatError) as error:
        read_document("old.doc", data)
    assert "Word 6.0/95" in error.value.reason
    assert "DOCX" in error.value.reason


def test_encrypted_files_are_refused() -> None:
    def encrypt(word: bytearray) -> None:
        flags = struct.unpack_from("<H", word, 10)[0]
        struct.pack_into("<H", word, 10, flags | 0x0100)

    with pytest.raises(UnreadableFileError, match="password"):
        read_document("secret.doc", with_stream(SHAPES.read_bytes(), "WordDocument", encrypt))


def test_a_file_cut_short_is_unreadable() -> None:
    data = SHAPES.read_bytes()[:3000]
    with pytest.raises(UnreadableFileError) as error:
        read_document("cut.doc", data)
    assert_clear(error.value, "cut.doc")


def test_a_piece_outside_the_stream_is_damage() -> None:
    word = olefile.OleFileIO(io.BytesIO(SHAPES.read_bytes())).openstream("WordDocument").read()
    flags = struct.unpack_from("<H", word, 10)[0]
    table_name = "1Table" if flags & 0x0200 else "0Table"
    clx_fc = struct.unpack_from("<I", word, 154 + 8 * 33)[0]

    def misplace_at_clx(table: bytearray) -> None:
        assert table[clx_fc] == 0x02
        struct.pack_into("<I", table, clx_fc + 5 + 8 + 2, 0x3FFFFFF0)

    data = with_stream(SHAPES.read_bytes(), table_name, misplace_at_clx)
    with pytest.raises(UnreadableFileError, match="piece"):
        read_document("moved.doc", data)


def test_compressed_pieces_are_one_byte_a_character() -> None:
    # Word's 8-bit pieces are Windows-1252: 0x93 and 0x94 are curly quotes
    word = b"\x00" * 16 + b"Caf\xe9 \x93quoted\x94\r" + "报告\r".encode("utf-16-le")
    pieces = [_Piece(0, 16, True), _Piece(14, 30, False)]
    assert _text(word, pieces, 17) == "Café “quoted”\r报告\r"


def test_field_codes_are_dropped_and_results_kept() -> None:
    fields = _FieldFilter()
    assert fields.visible('见\x13 HYPERLINK "http://x" \x14网站\x15。') == "见网站。"
    # a field may span paragraphs: its code hides text until the separator
    assert fields.visible("a\x13 PAGE ") == "a"
    assert fields.visible("still code\x143\x15b") == "3b"
    assert fields.visible("tab\there\x0bbreak\x1ehyphen\x01") == "tab here\nbreak-hyphen"


DOC_SEEDS = (SHAPES, GENERATED / "g04_department_2021_blanks.doc")


@fuzz_timeout(120)
@fuzz(80)
@given(seed=st.sampled_from(DOC_SEEDS), steps=mutations)
def test_mutated_doc_files(seed: Path, steps: list[Mutation]) -> None:
    assert_sane(outcome(seed.name, mutate(seed.read_bytes(), steps)), seed.name)


@fuzz_timeout(120)
@fuzz(80)
@given(
    seed=st.sampled_from(DOC_SEEDS),
    stream=st.sampled_from(["WordDocument", "1Table"]),
    patches=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=16)), max_size=4),
)
# found by this test: a paragraph page whose run count says 31 read past its 512 bytes
@example(
    seed=Path(__file__).parents[1] / "fixtures/generated/g04_department_2021_blanks.doc",
    stream="WordDocument",
    patches=[(0.5786774811113596, b"\x00\x1f")],
)
def test_mutated_streams_inside_a_sound_package(
    seed: Path, stream: str, patches: list[tuple[float, bytes]]
) -> None:
    def overwrite(data: bytearray) -> None:
        for where, patch in patches:
            at = int(len(data) * where)
            data[at : at + len(patch)] = patch[: len(data) - at]

    data = with_stream(seed.read_bytes(), stream, overwrite)
    assert_sane(outcome(seed.name, data), seed.name)


@pytest.mark.parametrize("name", ["report.doc", "report.wps", "report.dot"])
def test_a_word_file_whose_package_is_broken_says_so(name: str) -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le")
    with pytest.raises(UnreadableFileError) as error:
        read_document(name, data)
    assert_clear(error.value, name)
    assert "not a valid Word file" in error.value.reason


def test_paragraph_properties_kept_in_the_data_stream_are_read_once() -> None:
    # one PAPX page: a run of bytes 0-100 whose property list is sprmPHugePapx -> Data[0]
    page = bytearray(512)
    struct.pack_into("<II", page, 0, 0, 100)  # rgfc: the run's start and end
    page[8] = 100  # its BxPap: the PapxInFkp is at byte 200
    page[200:210] = bytes([0, 4]) + struct.pack("<HHI", 0, 0x6646, 0)  # istd 0, then the sprm
    page[511] = 1  # one run
    plcf = struct.pack("<III", 0, 100, 0)  # PlcBtePapx: that run is on page 0
    # in the Data stream: in a table, ending a row, and (hostile) a pointer back to itself
    grpprl = struct.pack("<HBHBHI", 0x2416, 1, 0x2417, 1, 0x6646, 0)
    data = struct.pack("<H", len(grpprl)) + grpprl
    props = ParagraphProperties(bytes(page), plcf, data)
    assert (props.at(50).depth, props.at(50).row_end) == (1, True)
    assert props.at(100).depth == 0  # past the run: default properties
