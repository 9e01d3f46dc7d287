"""The report generator itself: consistent figures, and files that their own libraries read back.

These tests check the generator (tests/reportgen), not the project's parser. The arithmetic
check below is written independently of the generator's construction.
"""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html
from reportgen import YEARS, GeneratedReport, render, render_text, reports

from bot.catalogue import fields_by_key, layout_keys

GENERATED = Path(__file__).parents[1] / "fixtures" / "generated"
APPLICANTS: tuple[str, ...] = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_service",
    "other_org",
)
RESULTS = ("upheld", "corrected", "other", "pending")
NEW_LABEL = "一、本年新收政府信息公开申请数量"
TOTAL_LABEL = "（七）总计"
HEADINGS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况")
HEADINGS_END = ("六、其他需要报告的事项",)

FAST = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def rule_breaks(figures: dict[str, Decimal], layout: str) -> list[str]:
    """Every break of the spec's rules 1–5 in ``figures`` (empty for a consistent report)."""
    keys = layout_keys(layout)
    rows = list(dict.fromkeys(k[13:].rsplit(".", 1)[0] for k in keys if k.startswith("appl")))
    items = [r for r in rows if r.startswith("outcome.") and r != "outcome.total"]
    assert len(items) == (21 if layout == "2021" else 19)
    breaks: list[str] = []

    def v(row: str, column: str) -> Decimal:
        return figures[f"applications.{row}.{column}"]

    for c in (*APPLICANTS, "total"):
        if v("new", c) + v("carried_over", c) != v("outcome.total", c) + v("carried_forward", c):
            breaks.append(f"rule 1 in {c}")
        if v("outcome.total", c) != sum(v(item, c) for item in items):
            breaks.append(f"rule 2 in {c}")
    for row in rows:
        if v(row, "total") != sum(v(row, c) for c in APPLICANTS):
            breaks.append(f"rule 3 in {row}")
    for group in ("review", "litigation.direct", "litigation.after_review"):
        if figures[f"{group}.total"] != sum(figures[f"{group}.{r}"] for r in RESULTS):
            breaks.append(f"rule 4 in {group}")
    for key, value in figures.items():
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        if key in ("proactive.fees.amount", "proactive.procurement.amount"):
            if value < 0 or exponent < -6:
                breaks.append(f"rule 5 in {key}")
        elif value != value.to_integral_value() or (value < 0 and "items_change" not in key):
            breaks.append(f"rule 5 in {key}")
    return breaks


# --- the figures -----------------------------------------------------------------------------


@FAST
@given(reports())
def test_figures_cover_the_layout_and_keep_the_rules(report: GeneratedReport) -> None:
    assert list(report.figures) == list(layout_keys(report.layout))
    assert all(isinstance(v, Decimal) for v in report.figures.values())
    first, last = YEARS[report.layout]
    assert first <= report.year <= last
    assert rule_breaks(report.figures, report.layout) == []
    assert report.title == f"{report.agency}{report.year}年政府信息公开工作年度报告"
    assert report.agency.endswith(("街道办事处", "人民政府", "局", "委员会"))
    assert not report.not_reported


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_values_are_realistic(report: GeneratedReport) -> None:
    counts = [v for k, v in report.figures.items() if not fields_by_key()[k].decimal]
    assert max(counts) < 100_000
    assert all(report.figures[f"review.{r}"] <= 200 for r in RESULTS)
    assert f"申请{report.figures['applications.new.total']}件" in report.overview


@pytest.mark.parametrize("layout", ["2019", "2021"])
def test_layouts_differ_where_the_spec_says(layout: str) -> None:
    @settings(max_examples=5, deadline=None)
    @given(reports(layout))
    def check(report: GeneratedReport) -> None:
        assert report.layout == layout
        assert ("proactive.procurement.amount" in report.figures) == (layout == "2019")
        assert ("proactive.fees.amount" in report.figures) == (layout == "2021")
        no_correction = "applications.outcome.other.no_correction.total"
        assert (no_correction in report.figures) == (layout == "2021")

    check()


@FAST
@given(reports(blanks=True))
def test_blank_cells_are_zero_and_listed(report: GeneratedReport) -> None:
    assert report.not_reported
    assert report.not_reported <= set(report.figures)
    assert all(report.figures[k] == 0 for k in report.not_reported)
    assert rule_breaks(report.figures, report.layout) == []
    expected = report.expected(file="x.txt")
    assert set(expected["figures"]).isdisjoint(expected["not_reported"])
    assert set(expected["figures"]) | set(expected["not_reported"]) == set(report.figures)
    assert all(report.cell(k) == report.blank_mark for k in report.not_reported)


@FAST
@given(reports())
def test_expected_has_the_gold_shape(report: GeneratedReport) -> None:
    gold = json.loads(
        (Path(__file__).parents[1] / "fixtures/gold/000_hantunlu_2023.json").read_text()
    )
    expected = report.expected(file="x.txt")
    assert set(gold) <= set(expected)
    for key, value in expected["figures"].items():
        assert isinstance(value, float if fields_by_key()[key].decimal else int)
    again = GeneratedReport.from_expected(json.loads(json.dumps(expected, ensure_ascii=False)))
    assert again.figures == report.figures
    assert render_text(again) == render_text(report)


@given(st.sampled_from(["2019", "2021"]).flatmap(lambda lay: reports(lay, blanks=True)))
@settings(max_examples=10, deadline=None)
def test_cells_are_printed_as_reports_print_them(report: GeneratedReport) -> None:
    for key in report.figures:
        text = report.cell(key)
        if key in report.not_reported:
            assert text in ("", "/", "—")
        elif key == "proactive.procurement.amount":
            number = Decimal(text.removesuffix("万元").removesuffix("元"))
            scale = 1 if text.endswith("万元") else 10000
            assert number / scale == report.figures[key]
        else:
            assert Decimal(text) == report.figures[key]
            positive = key.endswith("items_change") and report.figures[key] > 0
            assert text.startswith("+") == positive


# --- reading the files back ------------------------------------------------------------------


def expand(rows: list[list[tuple[str, int, int]]]) -> list[list[str | None]]:
    """An HTML-like table (text, rowspan, colspan per cell) as a full matrix, spans as None."""
    width = sum(cs for _, _, cs in rows[0])
    matrix: list[list[str | None]] = [[None] * width for _ in rows]
    taken = [[False] * width for _ in rows]
    for i, row in enumerate(rows):
        j = 0
        for text, rs, cs in row:
            while taken[i][j]:
                j += 1
            matrix[i][j] = text
            for di in range(rs):
                for dj in range(cs):
                    taken[i + di][j + dj] = True
            j += cs
    return matrix


def row_of(matrix: list[list[str | None]], label: str) -> list[str | None]:
    """The first row one of whose cells reads ``label`` (line breaks ignored)."""
    for row in matrix:
        if any(c is not None and c.replace("\n", "") == label for c in row):
            return row
    raise AssertionError(f"no row {label!r}")


def check_tables(tables: list[list[list[str | None]]], report: GeneratedReport) -> None:
    """The section 三 and 四 tables hold the report's numbers where the template puts them."""
    f = report.cell
    apps = next(t for t in tables if any("申请人情况" in (c or "") for c in t[0]))
    assert len(apps[0]) == 10
    new = row_of(apps, NEW_LABEL)
    assert new[-7:] == [f(f"applications.new.{c}") for c in (*APPLICANTS, "total")]
    assert row_of(apps, TOTAL_LABEL)[-1] == f("applications.outcome.total.total")
    review = next(t for t in tables if (t[0][0] or "").strip() == "行政复议")
    assert review[-1][4] == f("review.total")
    assert review[-1][9] == f("litigation.direct.total")
    assert review[-1][14] == f("litigation.after_review.total")


@FAST
@given(reports(blanks=True))
def test_text(report: GeneratedReport) -> None:
    text = render(report, "txt").decode("utf-8")
    assert report.title in text
    positions = [text.index(h) for h in (*HEADINGS, *HEADINGS_END)]
    assert positions == sorted(positions)
    lines = text.splitlines()
    apps_start = next(i for i, line in enumerate(lines) if line.startswith("（本列数据"))
    review_start = next(i for i, line in enumerate(lines) if line.startswith("行政复议\t"))
    apps: list[list[str | None]] = [
        list(line.split("\t")) for line in lines[apps_start : apps_start + 30] if "\t" in line
    ]
    review: list[list[str | None]] = [
        list(line.split("\t")) for line in lines[review_start : review_start + 4]
    ]
    check_tables([apps, review], report)


def text_of(element: Any) -> str:
    """The text of an lxml.html element and its descendants."""
    return str(element.text_content())


@FAST
@given(reports())
def test_html(report: GeneratedReport) -> None:
    page = lxml_html.document_fromstring(render(report, "html"))
    assert [m.get("charset") for m in page.iter("meta") if m.get("charset")] == ["utf-8"]
    assert report.title in (page.findtext(".//title") or "")
    assert text_of(next(page.iter("h1"))) == report.title
    assert page.find(".//div[@class='nav']/a") is not None, "site navigation around the report"
    tables = []
    for table in page.iter("table"):
        rows = [
            [
                (
                    text_of(td).replace("\xa0", "").strip(),
                    int(td.get("rowspan", "1")),
                    int(td.get("colspan", "1")),
                )
                for td in tr.findall("td")
            ]
            for tr in table.iter("tr")
        ]
        tables.append(expand(rows))
    assert len(tables) == 3
    check_tables(tables, report)
    spans = {text_of(td): td for td in page.iter("td") if td.get("rowspan") or td.get("colspan")}
    assert spans["法人或其他组织"].get("colspan") == "5"
    assert spans["行政复议"].get("colspan") == "5"
    assert spans["行政诉讼"].get("colspan") == "10"
    outcome_rows = 22 if report.layout == "2021" else 20
    assert spans["三、本年度办理结果"].get("rowspan") == str(outcome_rows)
    assert spans["（三）不予公开"].get("rowspan") == "8"


@SLOW
@given(reports())
def test_docx(report: GeneratedReport) -> None:
    doc = Document(io.BytesIO(render(report, "docx")))
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[0] == report.title
    assert all(h in paragraphs for h in (*HEADINGS, *HEADINGS_END))
    assert len(doc.tables) == 3
    # python-docx gives a merged cell in every slot it covers: keep it in its first slot only
    deduped: list[list[list[str | None]]] = []
    for table in doc.tables:
        seen: list[
            object
        ] = []  # the <w:tc> elements met so far (kept alive, compared by identity)
        matrix: list[list[str | None]] = []
        for row in table.rows:
            out: list[str | None] = []
            for cell in row.cells:
                out.append(None if any(cell._tc is tc for tc in seen) else cell.text)
                seen.append(cell._tc)
            matrix.append(out)
        deduped.append(matrix)
    check_tables(deduped, report)
    apps = doc.tables[1]
    assert apps.cell(0, 0)._tc is apps.cell(2, 2)._tc  # the note spans 3 × 3
    assert apps.cell(5, 0).text == apps.cell(6, 0).text == "三、本年度办理结果"
    assert apps.cell(1, 4)._tc is apps.cell(1, 8)._tc  # 法人或其他组织 spans 5 columns


def _pdf_tables(data: bytes) -> tuple[str, list[list[list[str | None]]]]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        tables = [t.extract() for page in pdf.pages for t in page.find_tables()]
    return text, tables


@SLOW
@given(reports())
def test_pdf(report: GeneratedReport) -> None:
    text, tables = _pdf_tables(render(report, "pdf"))
    flat = text.replace("\n", "")
    assert report.title in flat
    assert report.agency in flat
    assert all(h in flat for h in (*HEADINGS, *HEADINGS_END))
    assert len(tables) == 3
    cleaned = [[[c.replace("\n", "") if c else c for c in row] for row in t] for t in tables]
    check_tables(cleaned, report)
    apps = next(t for t in cleaned if "申请人情况" in (t[0][3] or ""))
    assert apps[3][1] is None  # 一、本年新收 spans the three label columns


# --- the committed fixtures ------------------------------------------------------------------


def _fixtures() -> list[Path]:
    return sorted(GENERATED.glob("*.json"))


def test_fixtures_exist() -> None:
    assert len(_fixtures()) >= 4
    for path in _fixtures():
        for fmt in ("txt", "html", "docx", "pdf"):
            assert path.with_suffix(f".{fmt}").is_file()


@pytest.mark.parametrize("path", _fixtures(), ids=lambda p: p.stem)
def test_fixture_is_consistent(path: Path) -> None:
    expected: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    report = GeneratedReport.from_expected(expected)
    assert rule_breaks(report.figures, report.layout) == []
    assert set(expected["figures"]) | set(expected["not_reported"]) == set(
        layout_keys(expected["layout"])
    )
    # txt and html are fully determined by the JSON: re-rendering gives the committed bytes
    for fmt in ("txt", "html"):
        assert render(report, fmt) == path.with_suffix(f".{fmt}").read_bytes()
    text, tables = _pdf_tables(path.with_suffix(".pdf").read_bytes())
    assert report.agency in text.replace("\n", "")
    cleaned = [[[c.replace("\n", "") if c else c for c in row] for row in t] for t in tables]
    check_tables(cleaned, report)
