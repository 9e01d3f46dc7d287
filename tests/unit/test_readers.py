"""File readers: every real report reads into tab-separated rows with the gold's numbers.

Expected values come from the shared gold (typed by reading the reports), never from the
reader's own output. Small files that exercise one feature are built here, by hand.
"""

import io
import re
import struct
import unicodedata
import zipfile
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from conftest import REPORTS, gold
from docx_parts import CONTENT_TYPES, MC_NS, PACKAGE_RELS, W_NS
from pdf_parts import assemble_pdf

from bot.errors import UnreadableFileError, UnsupportedFormatError
from bot.readers.document import READABLE, Document, read_document

COLUMNS = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_service",
    "other_org",
    "total",
)
# Row keys of section 三 in template order, with a phrase that the row's printed label holds
# (searched in the label with spaces and punctuation removed).
APPLICATION_ROWS = (
    ("new", "本年新收"),
    ("carried_over", "上年结转"),
    ("outcome.disclosed", "予以公开$"),
    ("outcome.partly_disclosed", "部分公开"),
    ("outcome.withheld.state_secret", "国家秘密"),
    ("outcome.withheld.prohibited_by_law", "其他法律行政"),
    ("outcome.withheld.security_stability", "三安全一稳定"),
    ("outcome.withheld.third_party", "第三方合法权益"),
    ("outcome.withheld.internal_affairs", "三类内部事务"),
    ("outcome.withheld.process_info", "四类过程性"),
    ("outcome.withheld.enforcement_file", "行政执法案卷"),
    ("outcome.withheld.inquiry", "行政查询事项"),
    ("outcome.unavailable.not_held", "不掌握"),
    ("outcome.unavailable.needs_creation", "另行制作"),
    ("outcome.unavailable.unclear", "仍不明确"),
    ("outcome.not_processed.petition", "信访举报投诉"),
    ("outcome.not_processed.duplicate", "重复申请"),
    ("outcome.not_processed.publication", "公开出版物"),
    ("outcome.not_processed.excessive", "大量反复申请"),
    ("outcome.not_processed.confirmation", "重新出具"),
    ("outcome.other.no_correction", "逾期不补正"),
    ("outcome.other.fee_unpaid", "缴纳费用"),
    ("outcome.other.other", "(其他处理|3其他)$"),
    ("outcome.total", "总计$"),
    ("carried_forward", "结转下年度"),
)
REVIEW_KEYS = tuple(
    f"{group}.{outcome}"
    for group in ("review", "litigation.direct", "litigation.after_review")
    for outcome in ("upheld", "corrected", "other", "pending", "total")
)
BLANKS = {"", "/", "／", "—", "-", "无"}
REAL_FILES = (
    ("004_pingtan_2019.html", "html"),
    ("008_pingtan_2023.html", "html"),
    ("010_pingtan_2025.html", "html"),
    ("018_shanghai_bgt_2019.html", "html"),
    ("020_shuyang_fgj_2023.html", "html"),
    ("004_pingtan_2019.docx", "docx"),
    ("008_pingtan_2023.docx", "docx"),
    ("001_hongzequ_2023.pdf", "pdf"),
    ("003_huaianshi_2024.pdf", "pdf"),
    ("008_pingtan_2023.pdf", "pdf"),
)
FILE_NAMES = [name for name, _ in REAL_FILES]


@cache
def read_fixture(name: str) -> Document:
    return read_document(name, (REPORTS / name).read_bytes())


def gold_of(name: str) -> dict[str, Any]:
    return gold(name.rsplit(".", 1)[0])


def compact(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


def rows_of(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines()]


def expected_cells(figures: dict[str, Any], keys: list[str]) -> list[str | None]:
    """The printed form of each cell: its number, or None for a not-reported (blank) cell."""
    return [str(figures[key]) if key in figures else None for key in keys]


def cells_match(cells: list[str], expected: list[str | None]) -> bool:
    return len(cells) == len(expected) and all(
        cell in BLANKS if want is None else cell == want
        for cell, want in zip(cells, expected, strict=True)
    )


def find_row(lines: list[list[str]], start: int, phrase: str, expected: list[str | None]) -> int:
    """The index of the first line at or after ``start`` with the label and the cells."""
    for index in range(start, len(lines)):
        cells = lines[index]
        labelled = len(cells) > len(expected) and re.search(phrase, compact("".join(cells[:-7])))
        if labelled and cells_match(cells[-len(expected) :], expected):
            return index
    candidates = ["\t".join(c) for c in lines if re.search(phrase, compact("".join(c)))]
    raise AssertionError(f"no row {phrase} with {expected}; lines with the label: {candidates}")


def application_rows(data: dict[str, Any]) -> Iterator[tuple[str, str, list[str | None]]]:
    """Section 三 rows that the report prints (at least one number), in template order."""
    figures = data["figures"]
    for row, phrase in APPLICATION_ROWS:
        keys = [f"applications.{row}.{column}" for column in COLUMNS]
        if any(key in figures for key in keys):
            yield row, phrase, expected_cells(figures, keys)


@pytest.mark.parametrize(("name", "kind"), REAL_FILES)
def test_real_file_reads_as_its_format(name: str, kind: str) -> None:
    document = read_fixture(name)
    assert document.format == kind
    assert document.name == name
    assert re.search("政府信息公开(工作)?年度报告", document.text)


@pytest.mark.parametrize("name", FILE_NAMES)
def test_application_table_rows_carry_the_gold_numbers_in_order(name: str) -> None:
    lines = rows_of(read_fixture(name).text)
    position = 0
    for _row, phrase, expected in application_rows(gold_of(name)):
        position = find_row(lines, position, phrase, expected) + 1


@pytest.mark.parametrize("name", FILE_NAMES)
def test_review_row_has_fifteen_cells_in_order(name: str) -> None:
    expected = expected_cells(gold_of(name)["figures"], [*REVIEW_KEYS])
    lines = rows_of(read_fixture(name).text)
    assert any(cells_match(cells, expected) for cells in lines), expected


def _numbers(cells: list[str]) -> list[float]:
    out = []
    for cell in cells:
        try:
            out.append(float(cell.replace("+", "")))
        except ValueError:
            continue
    return out


def _is_subsequence(wanted: list[float], cells: list[float]) -> bool:
    it = iter(cells)
    return all(any(value == cell for cell in it) for value in wanted)


@pytest.mark.parametrize("name", FILE_NAMES)
def test_proactive_rows_are_table_rows(name: str) -> None:
    data = gold_of(name)
    columns = ("created", "published", "total_published")
    if data["layout"] == "2021":
        columns = ("issued", "repealed", "in_force")
    lines = rows_of(read_fixture(name).text)
    for row, label in (("rules", "规章"), ("normative_docs", "规范性文件")):
        wanted = [float(data["figures"][f"proactive.{row}.{column}"]) for column in columns]
        found = [c for c in lines if len(c) > 1 and compact(c[0]).endswith(label)]
        assert any(_is_subsequence(wanted, _numbers(c[1:])) for c in found), (label, found)


@pytest.mark.parametrize("name", FILE_NAMES)
def test_sections_and_tables_keep_document_order(name: str) -> None:
    lines = read_fixture(name).text.splitlines()
    headings = ("一总体情况", "二主动公开", "三收到和处理", "四", "五", "六其他需要报告")
    found: list[int] = []
    for heading in headings:
        start = found[-1] + 1 if found else 0
        index = next(
            i
            for i in range(start, len(lines))
            if "\t" not in lines[i]
            and compact(lines[i]).startswith(heading)
            and (heading != "四" or "行政复议" in lines[i])
            and (heading != "五" or "问题" in lines[i])
        )
        found.append(index)
    first_rule_row = next(i for i, line in enumerate(lines) if line.startswith("规章\t"))
    first_application_row = next(i for i, line in enumerate(lines) if "本年新收" in line)
    assert found[1] < first_rule_row < found[2] < first_application_row < found[3]


def test_blank_cells_stay_in_place() -> None:
    """018 leaves cells blank (not reported): they stay empty cells, numbers do not shift."""
    data = gold("018_shanghai_bgt_2019")
    keys = [f"applications.outcome.withheld.state_secret.{column}" for column in COLUMNS]
    expected = [str(data["figures"].get(key, "")) for key in keys]
    assert expected.count("") >= 5  # the gold says most of this row is blank
    lines = rows_of(read_fixture("018_shanghai_bgt_2019.html").text)
    row = next(cells for cells in lines if "属于国家秘密" in "".join(cells))
    assert row[-7:] == expected


def test_merged_label_cells_repeat_in_word_tables() -> None:
    """The report's vertical label 三、本年度办理结果 (merged over many rows) starts each row."""
    lines = rows_of(read_fixture("008_pingtan_2023.docx").text)
    first = next(i for i, cells in enumerate(lines) if "属于国家秘密" in "".join(cells))
    last = next(i for i, cells in enumerate(lines) if "属于行政查询事项" in "".join(cells))
    outcome_rows = lines[first : last + 1]
    assert len(outcome_rows) == 8
    assert all(compact(cells[0]) == "三本年度办理结果" for cells in outcome_rows)
    assert all(compact(cells[1]) == "三不予公开" for cells in outcome_rows)


def test_pdf_page_footers_are_dropped() -> None:
    text = read_fixture("003_huaianshi_2024.pdf").text
    assert not [line for line in text.splitlines() if re.fullmatch(r"-\s*\d+\s*-", line)]


# -- HTML --------------------------------------------------------------------------------


def html_text(body: str, name: str = "page.html") -> str:
    return read_document(name, f"<html><body>{body}</body></html>".encode()).text


def test_html_rowspan_and_colspan_repeat_text() -> None:
    table = (
        "<table><tr><td rowspan='2'>A</td><td colspan='2'>B</td></tr>"
        "<tr><td>1</td><td>&nbsp;</td></tr>"
        "<tr><td>C</td><td><p class=MsoNormal><o:p>&nbsp;</o:p></p></td><td>3</td></tr></table>"
    )
    assert html_text(table).splitlines() == ["A\tB\tB", "A\t1\t", "C\t\t3"]


def test_html_nested_table_follows_its_row() -> None:
    table = (
        "<table><tr><td>外<table><tr><td>x</td><td>y</td></tr></table></td><td>z</td></tr>"
        "<tr><td>p</td><td>q</td></tr></table>"
    )
    assert html_text(table).splitlines() == ["外\tz", "x\ty", "p\tq"]


def test_html_blocks_order_and_cleaning() -> None:
    body = (
        "<script>var x = 1;</script><style>p {}</style><noscript>no</noscript><!-- note -->"
        "<h1>标题</h1><div>一、总体情况<br>正文\t第二行 <span lang=EN-US>2023</span>年</div>"
        "<table><tr><td> 规章 </td><td>\n 1 \n</td></tr></table><p>after</p>"
    )
    assert html_text(body).splitlines() == [
        "标题",
        "一、总体情况",
        "正文 第二行 2023年",
        "规章\t1",
        "after",
    ]


def test_html_full_width_band_and_layout_table_are_plain_lines() -> None:
    band = "<table><tr><td colspan='2'>第二十条第（一）项</td></tr><tr><td>a</td><td>1</td></tr>"
    layout = "<table><tr><td><p>一、总体情况</p><p>正文</p></td></tr></table>"
    assert html_text(band + "</table>" + layout).splitlines() == [
        "第二十条第（一）项",
        "a\t1",
        "一、总体情况",
        "正文",
    ]


def test_gbk_html_with_meta_charset_decodes() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "</head><body><p>二、主动公开政府信息情况（堃）</p>"
        "<table><tr><td>规章</td><td>0</td></tr></table></body></html>"
    )
    document = read_document("report.htm", page.encode("gbk"))
    assert document.format == "html"
    assert document.text.splitlines() == ["二、主动公开政府信息情况（堃）", "规章\t0"]


def test_html_with_a_broken_byte_still_reads() -> None:
    page = '<meta charset="utf-8"><p>规章</p>'.encode() + b"<p>\xff</p>"
    assert read_document("p.html", page).text.splitlines() == ["规章", "\ufffd"]


def test_html_is_told_by_content_without_extension() -> None:
    document = read_document("download", b"\xef\xbb\xbf  <!DOCTYPE html><p>hi</p>")
    assert (document.format, document.text) == ("html", "hi\n")


# -- DOCX --------------------------------------------------------------------------------


def p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"


def tc(content: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def make_docx(
    body: str, extra: dict[str, bytes] | None = None, content_types: str = CONTENT_TYPES
) -> bytes:
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}" '
        f'xmlns:mc="{MC_NS}"><w:body>{body}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_docx_merges_nested_tables_and_text_boxes_in_order() -> None:
    span2 = "<w:gridSpan w:val='2'/>"
    restart, cont = "<w:vMerge w:val='restart'/>", "<w:vMerge/>"
    nested = f"<w:tbl><w:tr>{tc(p('x'))}{tc(p('y'))}</w:tr></w:tbl>"
    table = (
        "<w:tbl>"
        f"<w:tr>{tc(p('A'), restart)}{tc(p('B'), span2)}</w:tr>"
        f"<w:tr>{tc(p(''), cont)}{tc(p('1') + nested)}{tc(p(''))}</w:tr>"
        f"<w:tr>{tc(p('C'))}{tc(p('2'))}{tc(p('3'))}</w:tr>"
        "</w:tbl>"
    )
    box = (
        "<w:p><w:r><w:t>正文</w:t><w:tab/><w:t>续</w:t></w:r><w:r><mc:AlternateContent>"
        f"<mc:Choice Requires='wps'><w:drawing><w:txbxContent>{p('文本框')}</w:txbxContent>"
        f"</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{p('文本框')}"
        "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    document = read_document("t.docx", make_docx(p("标题") + table + box + p("完")))
    assert document.format == "docx"
    assert document.text.splitlines() == [
        "标题",
        "A\tB\tB",
        "A\t1\t",
        "x\ty",
        "C\t2\t3",
        "正文 续",
        "文本框",
        "完",
    ]


def test_docx_zip_bomb_is_refused() -> None:
    zeros = {"word/media/zeros.bin": bytes(3 * 1024 * 1024)}
    with pytest.raises(UnreadableFileError, match="compressed more than 200:1"):
        read_document("bomb.docx", make_docx(p("x"), zeros))


def test_docx_declaring_huge_unpacked_size_is_refused() -> None:
    data = bytearray(make_docx(p("x"), {"word/media/a.bin": b"abc"}))
    # Patch the central directory entry of the last member to claim 250 MB unpacked.
    entry = data.rindex(b"PK\x01\x02")
    struct.pack_into("<I", data, entry + 24, 250 * 1024 * 1024)
    with pytest.raises(UnreadableFileError, match="unpacks to more than 200 MB"):
        read_document("big.docx", bytes(data))


def test_truncated_docx_is_unreadable() -> None:
    data = (REPORTS / "008_pingtan_2023.docx").read_bytes()
    with pytest.raises(UnreadableFileError, match="not a valid DOCX"):
        read_document("cut.docx", data[: len(data) // 2])


def test_word_template_is_unsupported() -> None:
    data = make_docx(p("x"), content_types=CONTENT_TYPES.replace("document.main", "template.main"))
    with pytest.raises(UnsupportedFormatError, match=r"\.dotx \(Word template\)"):
        read_document("form.dotx", data)


def test_docx_named_doc_is_read_by_content() -> None:
    assert read_document("old-name.doc", make_docx(p("内容"))).text == "内容\n"


# -- PDF ---------------------------------------------------------------------------------


def make_pdf(content: bytes, resources: bytes = b"", extra: tuple[bytes, ...] = ()) -> bytes:
    """A one-page PDF (200 x 200 pt) with correct cross-reference offsets."""
    objects = (
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
        b"/Resources << " + resources + b" >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *extra,
    )
    return assemble_pdf(objects)


FONT = b"/Font << /F1 5 0 R >>"
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def text_at(x: int, y: int, text: str) -> bytes:
    return b"BT /F1 10 Tf %d %d Td (%s) Tj ET\n" % (x, y, text.encode())


def test_pdf_with_only_vector_lines_is_read_by_ocr_and_holds_no_text() -> None:
    data = make_pdf(b"10 10 m 190 190 l S 20 20 100 50 re f")
    with pytest.raises(UnreadableFileError, match="no text was found in the image"):
        read_document("scan.pdf", data)


def test_pdf_with_only_a_blank_image_is_read_by_ocr_and_holds_no_text() -> None:
    image = b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
    image += b"/BitsPerComponent 8 /Length 1 >>\nstream\n\xff\nendstream"
    data = make_pdf(b"q 100 0 0 100 50 50 cm /Im1 Do Q", b"/XObject << /Im1 5 0 R >>", (image,))
    with pytest.raises(UnreadableFileError, match="no text was found in the image"):
        read_document("scan.pdf", data)


def test_pdf_ruled_table_merged_cells_and_footer() -> None:
    # Columns at x = 20, 80, 140, 180; rows (top down) at y = 180, 160, 140, 120, 100.
    # Row 1 is one band across; in row 2 "A" spans two columns; "L" spans rows 3 and 4.
    lines = [b"20 %d m 180 %d l S" % (y, y) for y in (180, 160, 140, 100)]
    lines += [b"80 120 m 180 120 l S", b"20 180 m 20 100 l S", b"180 180 m 180 100 l S"]
    lines += [b"140 160 m 140 100 l S", b"80 140 m 80 100 l S"]
    content = b"\n".join(lines) + b"\n"
    content += text_at(25, 165, "Title") + text_at(25, 145, "A") + text_at(145, 145, "B")
    content += text_at(25, 115, "L") + text_at(85, 125, "1") + text_at(145, 125, "2")
    content += text_at(85, 105, "3") + text_at(145, 105, "4")
    content += text_at(25, 60, "After the table") + text_at(90, 20, "- 3 -")
    document = read_document("t.pdf", make_pdf(content, FONT, (HELVETICA,)))
    assert document.format == "pdf"
    assert document.text.splitlines() == [
        "Title",
        "A\tA\tB",
        "L\t1\t2",
        "L\t3\t4",
        "After the table",
    ]


def test_pdf_column_gap_outside_tables_stays_two_spaces() -> None:
    content = text_at(20, 150, "Label") + text_at(120, 150, "12") + text_at(20, 130, "a b")
    text = read_document("gap.pdf", make_pdf(content, FONT, (HELVETICA,))).text
    assert text.splitlines() == ["Label  12", "a b"]


def test_truncated_pdf_is_unreadable() -> None:
    data = (REPORTS / "008_pingtan_2023.pdf").read_bytes()
    with pytest.raises(UnreadableFileError, match="not a valid PDF"):
        read_document("cut.pdf", data[: len(data) // 2])


def test_pdf_header_without_a_pdf_is_unreadable() -> None:
    with pytest.raises(UnreadableFileError, match="not a valid PDF"):
        read_document("readme.pdf", b"%PDF-1.4 not really")


# -- formats the bot does not read -------------------------------------------------------


def zip_with(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "x")
    return buffer.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("table.xls", OLE, r"\.xls \(old Excel format\)"),
        ("scan.gif", b"GIF89a" + bytes(20), "GIF image"),
        ("scan.bmp", b"BM" + bytes(4) + bytes(4) + bytes(20), "BMP image"),
        ("files.zip", zip_with("a.txt"), "ZIP archive"),
        ("book.xlsx", zip_with("xl/workbook.xml"), "Excel workbook"),
        ("files.rar", b"Rar!\x1a\x07\x01\x00" + bytes(20), "RAR archive"),
        ("files.7z", b"7z\xbc\xaf\x27\x1c" + bytes(20), "7z archive"),
        ("data.csv", "规章,0\n".encode(), r"\.csv"),
    ],
)
def test_unsupported_formats_name_what_is_read(name: str, data: bytes, what: str) -> None:
    with pytest.raises(UnsupportedFormatError) as error:
        read_document(name, data)
    assert re.search(what, str(error.value))
    assert f"the bot reads {READABLE}" in str(error.value)
    assert error.value.source == name
    assert "PDF, DOCX, DOC, WPS, HTML, plain text (.txt, .md) and photos or scans" in READABLE


def test_empty_file_is_unreadable() -> None:
    with pytest.raises(UnreadableFileError, match="empty"):
        read_document("dir/empty.pdf", b" \n")


def test_plain_text_still_reads() -> None:
    text = "规章\t0\t0\t0\n".encode("gb18030")
    assert read_document("a.txt", text) == Document("a.txt", "规章\t0\t0\t0\n", "text")
