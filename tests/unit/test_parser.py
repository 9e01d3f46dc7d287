"""The parser on the seed report: every figure against values typed by reading the report."""

from decimal import Decimal
from typing import cast

import pytest
from conftest import REPORTS, SEED, gold

from bot.agencies.identify import identify_agency
from bot.catalogue import layout_keys
from bot.errors import (
    NotAReportError,
    UnreadableFileError,
    UnsupportedFormatError,
    UnsupportedLayoutError,
)
from bot.parser import parse_report, parse_text
from bot.parser.json_output import report_to_json


@pytest.fixture(scope="module")
def seed_json() -> dict[str, object]:
    return report_to_json(parse_report(SEED.name, SEED.read_bytes()))


def test_seed_identity(seed_json: dict[str, object]) -> None:
    assert seed_json["agency"] == "汉屯路街道办事处"
    assert seed_json["parent"] == "西工区"
    assert seed_json["year"] == 2023
    assert seed_json["layout"] == "2021"


def test_seed_json_has_exactly_the_spec_keys(seed_json: dict[str, object]) -> None:
    assert list(seed_json) == [
        "agency",
        "parent",
        "year",
        "layout",
        "figures",
        "not_reported",
        "findings",
        "text",
    ]
    assert set(cast(dict[str, str], seed_json["text"])) == {
        "overview",
        "problems",
        "other_matters",
    }


def test_seed_every_figure_matches_gold(seed_json: dict[str, object]) -> None:
    expected = gold("000_hantunlu_2023")
    assert seed_json["figures"] == expected["figures"]
    assert seed_json["not_reported"] == expected["not_reported"]


def test_seed_covers_every_cell_of_the_2021_layout(seed_json: dict[str, object]) -> None:
    assert set(cast(dict[str, int], seed_json["figures"])) == set(layout_keys("2021"))


def test_seed_fees_is_a_decimal_amount(seed_json: dict[str, object]) -> None:
    assert seed_json["figures"]["proactive.fees.amount"] == 0.0  # type: ignore[index]
    assert isinstance(seed_json["figures"]["proactive.fees.amount"], float)  # type: ignore[index]


def test_seed_is_consistent(seed_json: dict[str, object]) -> None:
    assert seed_json["findings"] == []


def test_seed_prose_sections(seed_json: dict[str, object]) -> None:
    text = seed_json["text"]
    assert text["overview"].startswith("汉屯路街道办事处 2023 年政府信息公开工作年度报告")  # type: ignore[index]
    assert "受理申请的数量为 0 件" in text["overview"]  # type: ignore[index]
    assert text["problems"].startswith("一年来，街道政务信息公开工作虽取得一定成效")  # type: ignore[index]
    assert text["other_matters"] == "无"  # type: ignore[index]


def test_row_that_lost_its_tabs_is_still_read() -> None:
    # In the seed, "5. 要求行政机关确认或重新出具已获取信息" starts its line without tabs.
    report = parse_report(SEED.name, SEED.read_bytes())
    assert report.labels["applications.outcome.not_processed.confirmation"].startswith("5.")
    assert report.figures["applications.outcome.not_processed.confirmation.total"] == 0


def _seed_with(old: str, new: str) -> str:
    text = SEED.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def test_rule_breaks_are_findings_naming_cells() -> None:
    # 一、本年新收: natural persons 5 (total stays 0) breaks rules 1 and 3.
    row = "一、本年新收政府信息公开申请数量\t\t0\t0"
    text = _seed_with(row, "一、本年新收政府信息公开申请数量\t\t5\t0")
    report = parse_text(text, source_name="edited.txt")
    rules = {(f.rule, f.cells[0]) for f in report.findings}
    assert ("applications.row_total", "applications.new.total") in rules
    assert ("applications.balance", "applications.new.natural_person") in rules
    balance = next(f for f in report.findings if f.rule == "applications.balance")
    assert (balance.expected, balance.found) == (Decimal(5), Decimal(0))


def test_blank_and_slash_cells_are_not_reported_not_zero() -> None:
    text = _seed_with("行政许可\t0", "行政许可\t/")
    text = text.replace("(七) 总计\t0\t0\t0\t0\t0\t0\t0", "(七) 总计\t0\t—\t0\t0\t0\t0\t0")
    report = parse_text(text, source_name="edited.txt")
    assert "proactive.licensing.decisions" in report.not_reported
    assert "proactive.licensing.decisions" not in report.figures
    assert "applications.outcome.total.commercial" in report.not_reported


def test_gbk_text_reads_like_utf8() -> None:
    utf8 = parse_report(SEED.name, SEED.read_bytes())
    gbk = parse_report(SEED.name, SEED.read_text(encoding="utf-8").encode("gb18030"))
    assert gbk.figures == utf8.figures and gbk.agency == utf8.agency


def test_not_a_report_names_the_file_and_what_is_missing() -> None:
    with pytest.raises(NotAReportError, match=r"^notes\.txt: no title"):
        parse_report("notes.txt", "会议纪要\n今天讨论了工作安排。".encode())


def test_report_without_section_three() -> None:
    text = "某某局 2023 年政府信息公开工作年度报告\n一、总体情况\n概述\n"
    with pytest.raises(NotAReportError, match="section 三"):
        parse_text(text, source_name="x.txt")


def test_pre_2019_report_is_not_read_as_current_layout() -> None:
    path = REPORTS / "019_pingtan_2018_pre2019format.txt"
    with pytest.raises(UnsupportedLayoutError, match=r"2008 regulations.*2019 and 2021 layouts"):
        parse_report(path.name, path.read_bytes())


def test_unsupported_and_empty_files() -> None:
    with pytest.raises(UnsupportedFormatError, match=r"\.xls.*plain text"):
        parse_report("table.xls", b"\xd0\xcf\x11\xe0 binary")
    with pytest.raises(UnreadableFileError, match="empty"):
        parse_report("empty.txt", b"   \n")


@pytest.mark.parametrize(
    ("title_name", "parent", "city"),
    [
        ("社旗县人民政府办公室", "社旗县", "南阳市"),  # a county, not the banner 社旗 + 县
        ("红旗区发展和改革局", "红旗区", "新乡市"),  # a district, not the banner 红旗 + 区
        ("正蓝旗教育局", "正蓝旗", "锡林郭勒盟"),  # a banner
    ],
)
def test_division_names_are_read_whole(title_name: str, parent: str, city: str) -> None:
    agency = identify_agency(title_name)
    assert (agency.parent, agency.city) == (parent, city)
