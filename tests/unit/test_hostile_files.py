"""Hostile input: whatever the bytes, every reader and the parser answer with a report or a
``ReportError`` whose message names the problem, in bounded time and memory; never another
exception, a hang or a crash.

Fuzz families (hypothesis) mutate the real and generated reports (truncate, overwrite, delete,
duplicate, zero, insert bytes; and inside a DOCX, its ``document.xml``), throw random bytes
and text at every reader, and put number-like text in table cells. Explicit examples pin each
named hostile case; the crashes and hangs these tests found are kept as regressions (marked
"found:"). docs/reliability-input.md lists every case with the command that reproduces it.
"""

import codecs
import io
import json
import os
import re
import struct
import tracemalloc
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from decimal import Decimal
from encodings.aliases import aliases
from functools import cache
from pathlib import Path, PurePath
from typing import Literal

import pytest
from conftest import FIXTURES, REPORTS, SEED
from docx_parts import CONTENT_TYPES, PACKAGE_RELS, W_NS
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pdf_parts import assemble_pdf

from bot.errors import NotAReportError, ReportError, UnreadableFileError
from bot.parser import ParsedReport, parse_report
from bot.parser.json_output import report_to_json
from bot.parser.workers import parse_file
from bot.readers import decode_text, read_docx, read_html, read_pdf
from bot.readers.document import MAX_TEXT_CHARS, read_document

GENERATED = FIXTURES / "generated"
# Python's own words: a message holding one of them explains nothing to a user.
PYTHON_WORDS = (
    "index out of range",
    "NoneType",
    "has no attribute",
    "object is not",
    "unexpected keyword",
    "Traceback",
    "invalid literal for",
    "not subscriptable",
    "KeyError",
    "recursion",
    "codec can't",
    "seek value",
    "argument must be",
    "<_io.",
    "PDFObjRef",
)
FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# HOSTILE_FUZZ_SCALE=20 runs every fuzz family twenty times as long (not in CI).
SCALE = int(os.environ.get("HOSTILE_FUZZ_SCALE", "1"))


def fuzz(examples: int) -> settings:
    return settings(FUZZ, max_examples=examples * SCALE)


def fuzz_timeout(seconds: int) -> pytest.MarkDecorator:
    return pytest.mark.timeout(seconds * SCALE)


SERVICE_LIMIT = 20 * 1024 * 1024  # the service's default telegram.max_file_mb


@cache
def seed_bytes(path: Path) -> bytes:
    return path.read_bytes()


def outcome(name: str, data: bytes) -> ParsedReport | ReportError:
    """The parse of ``data``; any exception but a ``ReportError`` fails the test."""
    try:
        return parse_report(name, data)
    except ReportError as error:
        return error


def assert_clear(error: BaseException, name: str) -> None:
    """A ``ReportError`` for the file, whose reason says what is wrong in a user's words."""
    assert isinstance(error, ReportError), f"{type(error).__name__}: {error}"
    assert str(error) == f"{PurePath(name).name}: {error.reason}"
    assert len(error.reason) >= 15, error.reason
    assert not any(word in error.reason for word in PYTHON_WORDS), error.reason


def assert_exact(report: ParsedReport) -> None:
    """Every figure an exact, finite Decimal of a size a report can hold; JSON without inf."""
    for key, value in report.figures.items():
        assert type(value) is Decimal and value.is_finite(), (key, value)
        assert abs(value) < Decimal(10) ** 12, (key, value)
    json.dumps(report_to_json(report), allow_nan=False)


def assert_sane(result: ParsedReport | ReportError, name: str) -> None:
    if isinstance(result, ReportError):
        assert_clear(result, name)
    else:
        assert_exact(result)


# -- fuzz: mutated reports ---------------------------------------------------------------

MUTATIONS = ("truncate", "overwrite", "delete", "duplicate", "zero", "insert")
# One mutation: its kind, where (a fraction of the length), how many bytes, and new bytes.
Mutation = tuple[str, float, int, bytes]
mutations = st.lists(
    st.tuples(
        st.sampled_from(MUTATIONS),
        st.floats(0, 1),
        st.integers(1, 4096),
        st.binary(min_size=1, max_size=32),
    ),
    min_size=1,
    max_size=3,
)


def mutate(seed: bytes, steps: list[Mutation]) -> bytes:
    """``seed`` with each mutation applied in turn (drawn as small values, so that a failing
    example prints in a few lines, not as the whole file)."""
    data = bytearray(seed)
    for kind, where, size, patch in steps:
        at = int(len(data) * where)
        if kind == "truncate":
            del data[at:]
        elif kind == "overwrite":
            data[at : at + len(patch)] = patch
        elif kind == "delete":
            del data[at : at + size]
        elif kind == "duplicate":
            data[at:at] = data[at : at + size]
        elif kind == "zero":
            data[at : at + size] = bytes(len(data[at : at + size]))
        else:
            data[at:at] = patch
    return bytes(data)


TEXT_SEEDS = (SEED, REPORTS / "008_pingtan_2023.txt", GENERATED / "g05_township_2020_blanks.txt")
HTML_SEEDS = (REPORTS / "008_pingtan_2023.html", GENERATED / "g04_department_2021_blanks.html")
DOCX_SEEDS = (REPORTS / "008_pingtan_2023.docx", GENERATED / "g02_city_2021.docx")
PDF_SEEDS = (GENERATED / "g01_township_2021.pdf", REPORTS / "008_pingtan_2023.pdf")


def check_mutated(seed: Path, steps: list[Mutation]) -> None:
    assert_sane(outcome(seed.name, mutate(seed_bytes(seed), steps)), seed.name)


@fuzz_timeout(120)
@fuzz(150)
@given(seed=st.sampled_from(TEXT_SEEDS), steps=mutations)
def test_mutated_text_reports(seed: Path, steps: list[Mutation]) -> None:
    check_mutated(seed, steps)


@fuzz_timeout(120)
@fuzz(80)
@given(seed=st.sampled_from(HTML_SEEDS), steps=mutations)
def test_mutated_html_reports(seed: Path, steps: list[Mutation]) -> None:
    check_mutated(seed, steps)


@fuzz_timeout(120)
@fuzz(80)
@given(seed=st.sampled_from(DOCX_SEEDS), steps=mutations)
@example(seed=DOCX_SEEDS[0], steps=[("overwrite", 0.01, 1, b"\xff" * 32)])  # a damaged part
def test_mutated_docx_packages(seed: Path, steps: list[Mutation]) -> None:
    check_mutated(seed, steps)


def replace_part(docx: bytes, part: str, content: bytes) -> bytes:
    """The package with ``part`` holding ``content``, every part deflated again."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = content if info.filename == part else source.read(info.filename)
            archive.writestr(info.filename, data)
    return buffer.getvalue()


@cache
def document_xml(path: Path) -> bytes:
    return zipfile.ZipFile(path).read("word/document.xml")


@fuzz_timeout(120)
@fuzz(60)
@given(seed=st.sampled_from(DOCX_SEEDS), steps=mutations)
def test_mutated_word_xml_inside_a_sound_package(seed: Path, steps: list[Mutation]) -> None:
    xml = mutate(document_xml(seed), steps)
    data = replace_part(seed_bytes(seed), "word/document.xml", xml)
    assert_sane(outcome(seed.name, data), seed.name)


@fuzz_timeout(180)
@fuzz(25)
@given(seed=st.sampled_from(PDF_SEEDS), steps=mutations)
def test_mutated_pdf_files(seed: Path, steps: list[Mutation]) -> None:
    check_mutated(seed, steps)


# -- fuzz: random bytes and text at every reader -----------------------------------------

PREFIXES = (
    b"",
    b"%PDF-1.4\n",
    b"PK\x03\x04",
    b"<html><body>",
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF32_LE,
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
)
SUFFIXES = (".txt", ".md", ".html", ".docx", ".pdf", "", ".doc", ".png", ".xlsx")


@fuzz_timeout(120)
@fuzz(200)
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=4096),
    suffix=st.sampled_from(SUFFIXES),
)
@example(prefix=b"", body=b"\xff\xfe\x00\x00\x01", suffix=".txt")  # a UTF-32 BOM, one byte
def test_random_bytes_under_any_name(prefix: bytes, body: bytes, suffix: str) -> None:
    name = f"random{suffix}"
    assert_sane(outcome(name, prefix + body), name)


READERS: dict[str, Callable[[str, bytes], str]] = {
    "text": decode_text,
    "html": read_html,
    "docx": read_docx,
    "pdf": read_pdf,
}


@fuzz_timeout(120)
@fuzz(200)
@given(reader=st.sampled_from(sorted(READERS)), data=st.binary(max_size=2048))
def test_each_reader_on_random_bytes(reader: str, data: bytes) -> None:
    name = f"random.{reader}"
    try:
        text = READERS[reader](name, data)
    except ReportError as error:
        assert_clear(error, name)
    else:
        assert isinstance(text, str)


@fuzz_timeout(120)
@fuzz(150)
@given(
    text=st.text(
        st.one_of(
            st.characters(codec="utf-8"),
            st.sampled_from("\t\n 一二三四五六、（）年报告政府信息公开0123456789/—"),
        ),
        max_size=2000,
    ),
    suffix=st.sampled_from((".txt", ".html", "")),
)
def test_random_text(text: str, suffix: str) -> None:
    name = f"random{suffix}"
    assert_sane(outcome(name, text.encode("utf-8")), name)


# -- fuzz: number-like text in table cells -----------------------------------------------

NEW_ROW = "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t"
FEES_ROW = "行政事业性收费\t0"


def full_width(text: str) -> str:
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789,.-+"})


NUMBERISH = st.one_of(
    st.integers(-(10**500), 10**500).map(str),
    st.integers(0, 10**15).map(lambda n: f"{n:,}"),
    st.integers(0, 10**30).map(lambda n: full_width(str(n))),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(repr),
    st.text("0123456789０１２３４５６７８９,.+-eE元万/—无 ", max_size=40),
)


def seed_with(new_cells: list[str], fees: str = "0") -> bytes:
    """The seed report with its first application row's cells and its fees cell replaced."""
    text = SEED.read_text(encoding="utf-8")
    row = "\t".join(["一、本年新收政府信息公开申请数量", "", *new_cells, ""])
    return text.replace(NEW_ROW, row).replace(FEES_ROW, f"行政事业性收费\t{fees}").encode()


@fuzz_timeout(120)
@fuzz(150)
@given(cells=st.lists(NUMBERISH, min_size=7, max_size=7), fees=NUMBERISH)
@example(cells=["1" + "0" * 400] * 7, fees="0")
@example(cells=["0"] * 7, fees="1e309")
def test_number_like_cells(cells: list[str], fees: str) -> None:
    assert_sane(outcome("cells.txt", seed_with(cells, fees)), "cells.txt")


@fuzz_timeout(120)
@fuzz(60)
@given(
    value=st.integers(0, 10**12 - 1),
    shape=st.sampled_from((str, lambda n: full_width(str(n)))),
)
def test_a_count_below_a_trillion_reads_exactly(value: int, shape: Callable[[int], str]) -> None:
    report = parse_report("exact.txt", seed_with([shape(value), "0", "0", "0", "0", "0", "0"]))
    assert report.figures["applications.new.natural_person"] == Decimal(value)
    assert_exact(report)


# -- zip bombs and damaged packages ------------------------------------------------------

GIGABYTE = 1024  # in MB


def word_xml(body: str) -> bytes:
    return (f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>').encode()


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def raw_package(parts: dict[str, tuple[bytes, int, int]]) -> bytes:
    """A ZIP written by hand: each part as (deflated bytes, declared size, CRC), so that a
    part may lie about its size."""
    out, central = bytearray(), bytearray()
    for name, (packed, size, crc) in parts.items():
        encoded, offset = name.encode(), len(out)
        head = (20, 0, 8, 0, 0, crc, len(packed), size, len(encoded))
        out += struct.pack("<4s5H3I2H", b"PK\x03\x04", *head, 0) + encoded + packed
        central += struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, *head, 0, 0, 0, 0, 0, offset)
        central += encoded
    count = len(parts)
    end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, count, count, len(central), len(out), 0)
    return bytes(out + central + end)


def deflated(data: bytes) -> tuple[bytes, int, int]:
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush(), len(data), zlib.crc32(data)


def deflated_spaces(megabytes: int) -> bytes:
    """Raw deflate of ``megabytes`` MB of spaces, built in milliseconds: after a full flush
    each megabyte compresses to the same bytes, so one block is repeated."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = packer.compress(b" " * 2**20) + packer.flush(zlib.Z_FULL_FLUSH)
    return block * megabytes + packer.flush()


def bomb_docx(declared: int) -> bytes:
    """A DOCX whose document.xml unpacks to 1 GB of spaces and declares ``declared`` bytes."""
    return raw_package(
        {
            "[Content_Types].xml": deflated(CONTENT_TYPES.encode()),
            "_rels/.rels": deflated(PACKAGE_RELS.encode()),
            "word/document.xml": (deflated_spaces(GIGABYTE), declared, 0),
        }
    )


def peak_memory(call: Callable[[], object]) -> int:
    """Peak bytes Python allocated during ``call`` (bytes objects included)."""
    tracemalloc.start()
    try:
        call()
    except ReportError:
        pass
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak


@pytest.mark.timeout(30)
def test_zip_bomb_that_understates_its_size_is_refused_without_unpacking() -> None:
    # found: the declared sizes were checked, but python-docx unpacked the part whole (1 GB,
    # 4 s) before zipfile cut it to the declared 100,000 bytes and failed on its CRC
    data = bomb_docx(declared=100_000)
    assert len(data) < 2 * 2**20
    with pytest.raises(UnreadableFileError) as error:
        read_document("bomb.docx", data)
    assert_clear(error.value, "bomb.docx")
    assert "word/document.xml unpacks to more than the 100,000 bytes it declares" in str(
        error.value
    )
    assert peak_memory(lambda: parse_report("bomb.docx", data)) < 64 * 2**20


@pytest.mark.timeout(30)
def test_zip_bomb_that_declares_its_size_is_refused_unopened() -> None:
    data = bomb_docx(declared=GIGABYTE * 2**20)
    with pytest.raises(UnreadableFileError, match="unpacks to more than 200 MB") as error:
        parse_report("bomb.docx", data)
    assert_clear(error.value, "bomb.docx")
    assert peak_memory(lambda: parse_report("bomb.docx", data)) < 64 * 2**20


def test_docx_part_in_a_compression_word_does_not_write_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("word/document.xml", word_xml(para("x")))
    with pytest.raises(UnreadableFileError, match="compression method 12") as error:
        parse_report("bz.docx", buffer.getvalue())
    assert_clear(error.value, "bz.docx")


def test_docx_part_marked_encrypted_is_refused() -> None:
    # found: zipfile raised RuntimeError ("password required") past every except clause
    parts = {
        "[Content_Types].xml": deflated(CONTENT_TYPES.encode()),
        "_rels/.rels": deflated(PACKAGE_RELS.encode()),
        "word/document.xml": deflated(word_xml(para("x"))),
    }
    data = bytearray(raw_package(parts))
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.rindex(signature)  # the last part: word/document.xml
        data[start + flags_at] |= 1
    with pytest.raises(UnreadableFileError, match="encrypted with a password") as error:
        parse_report("locked.docx", bytes(data))
    assert_clear(error.value, "locked.docx")


def test_password_protected_office_file_named_docx() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(UnreadableFileError, match="protected with a password") as error:
        parse_report("locked.docx", ole)
    assert_clear(error.value, "locked.docx")


def test_docx_without_its_central_directory() -> None:
    data = seed_bytes(REPORTS / "008_pingtan_2023.docx")
    cut = data[: data.index(b"PK\x01\x02")]
    with pytest.raises(UnreadableFileError, match="not a valid DOCX file") as error:
        parse_report("cut.docx", cut)
    assert_clear(error.value, "cut.docx")


@pytest.mark.parametrize("fraction", [0.01, 0.2, 0.5, 0.9, 0.999])
def test_truncated_docx(fraction: float) -> None:
    data = seed_bytes(REPORTS / "008_pingtan_2023.docx")
    with pytest.raises(UnreadableFileError, match="not a valid DOCX file") as error:
        parse_report("cut.docx", data[: int(len(data) * fraction)])
    assert_clear(error.value, "cut.docx")


def test_zip_named_docx_without_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/documentX.xml", "x")
    with pytest.raises(UnreadableFileError, match=r"has no word/document\.xml") as error:
        parse_report("odd.docx", buffer.getvalue())
    assert_clear(error.value, "odd.docx")


def test_docx_part_name_that_is_not_utf8() -> None:
    data = bytearray(seed_bytes(REPORTS / "008_pingtan_2023.docx"))
    entry = data.index(b"PK\x01\x02")
    data[entry + 9] |= 0x08  # bit 11 of the flags: names are UTF-8
    name_at = entry + 46
    data[name_at] = 0xFF
    with pytest.raises(UnreadableFileError, match="damaged or incomplete") as error:
        parse_report("names.docx", bytes(data))
    assert_clear(error.value, "names.docx")


@pytest.mark.parametrize(
    "value",
    ["999999999", "9" * 5000, "²", "-1"],
    ids=["huge", "5000 digits", "superscript", "neg"],
)
def test_docx_grid_numbers_of_any_size(value: str) -> None:
    # found: gridBefore="999999999" built a list of a billion cells (8 GB: killed); 5,000
    # digits passed str.isdigit() and int() refused them (ValueError); so did "²"
    cells = "".join(f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>" for t in "ab")
    row = f"<w:tr><w:trPr><w:gridBefore w:val='{value}'/></w:trPr>{cells}</w:tr>"
    body = f"<w:tbl>{row}{row}</w:tbl>"
    parts = {
        "[Content_Types].xml": deflated(CONTENT_TYPES.encode()),
        "_rels/.rels": deflated(PACKAGE_RELS.encode()),
        "word/document.xml": deflated(word_xml(body)),
    }
    text = read_document("grid.docx", raw_package(parts)).text
    assert text.splitlines()[-1].endswith("a\tb")


@pytest.mark.parametrize("depth", [300, 100_000])
def test_deeply_nested_word_xml(depth: int) -> None:
    body = "<w:sdt><w:sdtContent>" * depth + para("x") + "</w:sdtContent></w:sdt>" * depth
    parts = {
        "[Content_Types].xml": deflated(CONTENT_TYPES.encode()),
        "_rels/.rels": deflated(PACKAGE_RELS.encode()),
        "word/document.xml": deflated(word_xml(body)),
    }
    with pytest.raises(UnreadableFileError) as error:
        parse_report("deep.docx", raw_package(parts))
    assert_clear(error.value, "deep.docx")


# -- PDF -----------------------------------------------------------------------------------


def make_pdf(content: bytes, extra: tuple[bytes, ...] = (), resources: bytes = b"") -> bytes:
    """A one-page PDF whose content stream is ``content`` (already with its dictionary)."""
    objects = (
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> " + resources + b" >> >>",
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *extra,
    )
    return assemble_pdf(objects)


def stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), entries) + data + b"\nendstream"


def flate_bomb(megabytes: int) -> bytes:
    """zlib data (header included, as PDF wants) of text drawing, then ``megabytes`` MB of
    spaces."""
    packer = zlib.compressobj(9)
    head = packer.compress(b"BT /F1 10 Tf 20 150 Td (Hello) Tj ET\n")
    block = packer.compress(b" " * 2**20) + packer.flush(zlib.Z_FULL_FLUSH)
    return head + block * megabytes + packer.flush()


@pytest.mark.timeout(30)
def test_pdf_content_stream_bomb_is_refused_without_unpacking() -> None:
    # found: a 54 KB PDF whose page unpacks to 50 MB of spaces kept pdfminer busy for more
    # than five minutes (its reading is quadratic in a run of whitespace); 1 GB took 2 GB
    data = make_pdf(stream(flate_bomb(GIGABYTE), b"/Filter /FlateDecode"))
    with pytest.raises(UnreadableFileError, match="page 1 of the PDF unpacks to more") as error:
        parse_report("bomb.pdf", data)
    assert_clear(error.value, "bomb.pdf")
    assert peak_memory(lambda: parse_report("bomb.pdf", data)) < 64 * 2**20


@pytest.mark.timeout(30)
def test_pdf_form_bomb_is_refused_without_unpacking() -> None:
    form = stream(flate_bomb(GIGABYTE), b"/Type /XObject /Subtype /Form /BBox [0 0 200 200]")
    form = form.replace(b"/Length", b"/Filter /FlateDecode /Length")
    page = stream(b"/Fm1 Do")
    data = make_pdf(page, (form,), b"/XObject << /Fm1 6 0 R >>")
    with pytest.raises(UnreadableFileError, match="page 1 of the PDF unpacks to more") as error:
        parse_report("form.pdf", data)
    assert_clear(error.value, "form.pdf")


@pytest.mark.parametrize("fraction", [0.01, 0.3, 0.6, 0.95, 0.999])
def test_truncated_pdf(fraction: float) -> None:
    data = seed_bytes(REPORTS / "008_pingtan_2023.pdf")
    result = outcome("cut.pdf", data[: int(len(data) * fraction)])
    assert isinstance(result, ReportError)
    assert_clear(result, "cut.pdf")


HELLO = stream(b"BT /F1 10 Tf 20 150 Td (Hello) Tj ET")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"/Kids [3 0 R]", b"/Kids [2 0 R]"),  # the page tree holds itself
        (b"/Parent 2 0 R", b"/Parent 3 0 R"),
        (b"/Count 1", b"/Count 999999999999"),
        (b"/Contents 4 0 R", b"/Contents 3 0 R"),
        (b"/Type /Font /Subtype /Type1", b"/Type /Font /Subtype /Type0 /DescendantFonts [5 0 R]"),
        (b"trailer\n<< /Size", b"trailer\n<< /Prev 0 /Size"),
    ],
    ids=["kids cycle", "parent cycle", "huge count", "page as content", "font cycle", "prev"],
)
def test_pdf_with_cycles_and_lies(old: bytes, new: bytes) -> None:
    # found: a font whose descendant is itself: RecursionError inside pdfminer, shown to
    # the user as "maximum recursion depth exceeded"
    data = make_pdf(HELLO).replace(old, new)
    result = outcome("odd.pdf", data)
    assert isinstance(result, ReportError)
    assert_clear(result, "odd.pdf")


@pytest.mark.timeout(60)
def test_pdf_with_deeply_nested_arrays() -> None:
    result = outcome("deep.pdf", make_pdf(stream(b"[" * 100_000 + b"]" * 100_000)))
    assert isinstance(result, ReportError)
    assert_clear(result, "deep.pdf")


# -- HTML ----------------------------------------------------------------------------------


def test_100000_nested_divs() -> None:
    body = "<div>" * 100_000 + "三、收到和处理政府信息公开申请情况" + "</div>" * 100_000
    with pytest.raises(UnreadableFileError, match="nested too deeply") as error:
        parse_report("deep.html", f"<html><body>{body}</body></html>".encode())
    assert_clear(error.value, "deep.html")


def test_deep_nesting_after_the_report_keeps_the_report() -> None:
    page = seed_bytes(REPORTS / "008_pingtan_2023.html")
    hostile = page.replace(b"</body>", b"<div>" * 100_000 + b"</body>")
    assert hostile != page
    expected = parse_report("page.html", page)
    assert parse_report("page.html", hostile).figures == expected.figures


@pytest.mark.parametrize("depth", [300, 700, 5000])
def test_tables_nested_in_tables(depth: int) -> None:
    cell = "<table><tr><td>规章</td><td>"
    page = "<html><body>" + cell * depth + "0" + "</td></tr></table>" * depth
    result = outcome("tables.html", page.encode())
    assert isinstance(result, ReportError)
    assert_clear(result, "tables.html")


def test_html_with_a_huge_colspan_and_rowspan() -> None:
    row = "<tr>" + '<td colspan="999999" rowspan="999999">x</td>' * 3 + "</tr>"
    page = f"<html><body><table>{row * 50}</table></body></html>"
    with pytest.raises(UnreadableFileError, match="too large to read") as error:
        parse_report("spans.html", page.encode())
    assert_clear(error.value, "spans.html")


def test_one_wide_row_does_not_widen_the_whole_table() -> None:
    # found: a row of 1,000 empty cells over 200,000 rows of two made a grid of 200 million
    # positions (57 s, 1.6 GB for a 5 MB page); only the cells written were counted
    rows = "<tr>" + "<td></td>" * 1000 + "</tr>" + "<tr><td>1</td><td>2</td></tr>" * 600
    with pytest.raises(UnreadableFileError, match="more than 500,000 cells") as error:
        parse_report("wide.html", f"<html><body><table>{rows}</table></body></html>".encode())
    assert_clear(error.value, "wide.html")


@pytest.mark.parametrize(
    "charset", ["rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri", "undefined", "idna"]
)
def test_html_declaring_a_codec_that_is_not_a_text_encoding(charset: str) -> None:
    # found: bytes.decode() raised LookupError ("'rot-13' is not a text encoding") or, for
    # "undefined", UnicodeError, past the except clause for UnicodeDecodeError
    page = f'<html><head><meta charset="{charset}"></head><body>汉 \x80</body></html>'
    data = page.encode().replace("汉".encode(), b"\xba\xba\xff")  # not UTF-8 nor GB18030
    result = outcome("codec.html", data)
    assert isinstance(result, ReportError)
    assert_clear(result, "codec.html")


@fuzz_timeout(120)
@fuzz(150)
@given(charset=st.sampled_from(sorted(set(aliases) | set(aliases.values()))), body=st.binary())
def test_html_declaring_any_codec(charset: str, body: bytes) -> None:
    data = f'<html><head><meta charset="{charset}"></head><body>'.encode() + body
    assert_sane(outcome("codec.html", data), "codec.html")


# -- huge lines and many lines ------------------------------------------------------------


@pytest.mark.timeout(60)
def test_50_mb_line_is_over_the_services_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_bytes(b"x" * (50 * 2**20))
    result = parse_file(path, max_bytes=SERVICE_LIMIT)
    assert isinstance(result, UnreadableFileError)
    assert result.reason == "the file is 52,428,800 bytes; the limit is 20,971,520"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("unit", ["x", "1", "三、", "0\t"])
def test_5_mb_line_below_the_size_limit_is_refused_for_its_length(unit: str) -> None:
    data = (unit * (5 * 2**20 // len(unit.encode()))).encode()
    with pytest.raises(UnreadableFileError, match="characters of text; an annual report") as error:
        parse_report("line.txt", data)
    assert_clear(error.value, "line.txt")


@pytest.mark.timeout(60)
def test_a_line_just_below_the_text_limit_still_gets_an_answer() -> None:
    line = "2023年政府信息公开工作年度报告 三、收到和处理政府信息公开申请情况 本年新收 12 "
    text = line * ((MAX_TEXT_CHARS - 1000) // len(line))
    result = outcome("line.txt", text.encode())
    assert isinstance(result, ReportError)
    assert_clear(result, "line.txt")


@pytest.mark.timeout(60)
def test_many_short_lines() -> None:
    text = (
        "2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n" + "0\t0\n" * 60_000
    )
    result = outcome("lines.txt", text.encode())
    assert isinstance(result, ReportError)
    assert_clear(result, "lines.txt")


# -- wrong encodings -----------------------------------------------------------------------


@cache
def seed_figures() -> dict[str, Decimal]:
    return parse_report(SEED.name, SEED.read_bytes()).figures


@pytest.mark.parametrize(
    "encoding",
    ["gbk", "gb18030", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"],
)
def test_other_encodings_read_like_utf8(encoding: str) -> None:
    # found: UTF-32 (its BOM starts like UTF-16's) was read as UTF-16: no title found
    data = SEED.read_text(encoding="utf-8").encode(encoding)  # utf-16, utf-32: with a BOM
    assert parse_report("seed.txt", data).figures == seed_figures()


def test_utf8_with_a_few_broken_bytes_still_reads() -> None:
    # found: one broken byte made the whole file "in no encoding the bot recognises"
    data = bytearray(SEED.read_bytes())
    prose = data.index("具体做法如下".encode())
    for at in (prose, prose + 4, prose + 9):
        data[at] = 0xFF
    assert parse_report("seed.txt", bytes(data)).figures == seed_figures()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("latin1.txt", ("Rapport annuel, café, été " * 200).encode("latin-1")),
        ("big5.txt", SEED.read_text(encoding="utf-8").encode("big5", errors="replace")),
        (
            "mojibake.txt",
            SEED.read_text(encoding="utf-8").encode().decode("latin-1").encode("utf-8"),
        ),
        ("binary.txt", bytes(range(256)) * 64),
        ("cp037.txt", SEED.read_text(encoding="utf-8").encode("cp037", errors="replace")),
    ],
)
def test_text_in_a_foreign_or_no_encoding(name: str, data: bytes) -> None:
    result = outcome(name, data)
    assert isinstance(result, ReportError)
    assert_clear(result, name)


def test_html_declaring_latin1_but_holding_utf8() -> None:
    # found: a Latin-1 declaration decodes any bytes, so a UTF-8 page came out as mojibake
    page = seed_bytes(REPORTS / "008_pingtan_2023.html")
    declared = re.sub(rb"charset=[\"']?[\w-]+", b"charset=iso-8859-1", page, count=1)
    assert declared != page
    expected = parse_report("page.html", page).figures
    assert parse_report("page.html", declared).figures == expected


# -- blank and absurd cells ----------------------------------------------------------------


def _every_cell(mark: str) -> bytes:
    lines = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) > 1:
            cells = [mark if re.fullmatch(r"[\d.]+", c.strip()) else c for c in cells]
        lines.append("\t".join(cells))
    return "\n".join(lines).encode()


@pytest.mark.parametrize("mark", ["", "/", "—", "无"])
def test_report_with_every_cell_blank_is_refused(mark: str) -> None:
    with pytest.raises(NotAReportError, match="no cell of the report's tables holds a number"):
        parse_report("blank.txt", _every_cell(mark))


ABSURD = [
    ("1" + "0" * 400, "401 digits: no report counts that high"),
    ("9" * 13, "13 digits: no report counts that high"),
    (full_width("9" * 30), "30 digits: no report counts that high"),
    ("-" + "9" * 50, "50 digits: no report counts that high"),
]


@pytest.mark.parametrize(("cell", "problem"), ABSURD, ids=["10**400", "13 digits", "fw", "neg"])
def test_absurdly_large_count_is_refused_naming_the_cell(cell: str, problem: str) -> None:
    with pytest.raises(UnreadableFileError) as error:
        parse_report("big.txt", seed_with([cell, "0", "0", "0", "0", "0", cell]))
    assert_clear(error.value, "big.txt")
    assert "the cell applications.new.natural_person reads" in error.value.reason
    assert problem in error.value.reason


@pytest.mark.parametrize(
    ("fees", "problem"),
    [("1" + "0" * 400, "401 digits"), ("0.000000001", "9 decimal places")],
)
def test_absurd_amount_is_refused(fees: str, problem: str) -> None:
    with pytest.raises(UnreadableFileError, match=problem) as error:
        parse_report("fees.txt", seed_with(["0"] * 7, fees))
    assert "the cell proactive.fees.amount reads" in error.value.reason


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("999999999999", Decimal(999_999_999_999)),
        ("１２３", Decimal(123)),
        ("１２３４５６７８９０１２", Decimal(123_456_789_012)),
    ],
)
def test_large_but_possible_counts_read_exactly(cell: str, value: Decimal) -> None:
    report = parse_report("n.txt", seed_with([cell, "0", "0", "0", "0", "0", cell]))
    assert report.figures["applications.new.natural_person"] == value
    assert report.figures["applications.new.total"] == value
    assert_exact(report)


@pytest.mark.parametrize("fees", ["12.3456", "1234.5", "0.0001"])
def test_amounts_stay_exact_decimals(fees: str) -> None:
    report = parse_report("fees.txt", seed_with(["0"] * 7, fees))
    assert report.figures["proactive.fees.amount"] == Decimal(fees.replace(",", ""))
    assert report_to_json(report)["figures"]["proactive.fees.amount"] == float(
        fees.replace(",", "")
    )


@pytest.mark.parametrize(
    ("cell", "as_float"),
    [
        ("1e309", None),
        ("inf", None),
        ("NaN", None),
        ("1e5", 100000),
        ("0x10", 16),
        ("1_000", 1000),
    ],
)
def test_float_spellings_are_not_numbers(cell: str, as_float: int | None) -> None:
    # Read as text, not as Python would: the cell is left out as unsure, with a finding, and
    # its neighbours keep their own places (none is read one column early).
    report = parse_report("f.txt", seed_with([cell, "0", "0", "0", "0", "0", "0"]))
    assert_exact(report)
    assert as_float is None or Decimal(as_float) not in report.figures.values()
    assert "applications.new.natural_person" not in report.figures
    unsure = {c for f in report.findings if f.rule == "ambiguous_cells" for c in f.cells}
    assert "applications.new.natural_person" in unsure
    assert report.figures["applications.new.commercial"] == 0
    assert report.figures["applications.new.total"] == 0


def test_thousands_grouped_by_three_in_a_cell_are_one_number() -> None:
    report = parse_report("k.txt", seed_with(["1,234", "0", "0", "0", "0", "0", "1,234"]))
    assert report.figures["applications.new.natural_person"] == Decimal(1234)
    assert report.figures["applications.new.total"] == Decimal(1234)


def test_negative_count_is_read_and_flagged() -> None:
    report = parse_report("neg.txt", seed_with(["-5", "0", "0", "0", "0", "0", "-5"]))
    assert report.figures["applications.new.natural_person"] == Decimal(-5)
    messages = [f.message for f in report.findings if f.rule == "values.range"]
    assert "applications.new.natural_person: a count cannot be negative" in messages


@pytest.mark.timeout(60)
@pytest.mark.parametrize("digits", [20, 40, 400, 5000])
def test_long_run_of_digits_in_flattened_row(digits: int) -> None:
    # found: a row whose digits ran together into 40 or more was cut every possible way
    # (C(39, 6) = 3.3 million readings, C(399, 6) = 5.5 trillion: hung for ever)
    text = SEED.read_text(encoding="utf-8")
    data = text.replace(NEW_ROW, "一、本年新收政府信息公开申请数量" + "1" * digits).encode()
    report = parse_report("glued.txt", data)
    assert "applications.new.natural_person" not in report.figures
    assert any(f.rule == "incomplete" for f in report.findings)
    assert_exact(report)


@pytest.mark.parametrize("nfkc", ["NFKC", "NFD"])
def test_report_in_other_unicode_forms(nfkc: Literal["NFKC", "NFD"]) -> None:
    text = unicodedata.normalize(nfkc, SEED.read_text(encoding="utf-8"))
    assert_sane(outcome("seed.txt", text.encode()), "seed.txt")
