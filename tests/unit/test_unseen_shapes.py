"""Shapes seen on real reports no other test had seen (issue 14), one small text per class.

Every text below is written here, and every expected value is typed from that text.
"""

from decimal import Decimal

import pytest

from bot.parser import ParsedReport, parse_text

D = Decimal

# Section 三 in the 2021 layout, cells ' | ' apart, one row a line (a portal page as text).
_APPLICATIONS = """三、收到和处理政府信息公开申请情况
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |
自然人 | 法人或其他组织 | 总计 |
商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |
一、本年新收政府信息公开申请数量 | 9 | 2 | 0 | 0 | 1 | 0 | 12 |
二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
三、本年度办理结果 | (一)予以公开 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |
(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
(三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
(四)无法提供 | 1.本机关不掌握相关政府信息 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
(五)不予处理 | 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
{other}(七)总计 | 9 | 2 | 0 | 0 | 1 | 0 | 12 |
四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
"""
# （六）其他处理: three rows, each read by its own label.
NO_CORRECTION = (
    "(六)其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    " | 0 | 1 | 0 | 0 | 0 | 0 | 1 |\n"
)
FEE_UNPAID = (
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    " | 0 | 0 | 0 | 0 | 1 | 0 | 1 |\n"
)
OTHER = "3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
APPLICATIONS_2021 = _APPLICATIONS.format(other=NO_CORRECTION + FEE_UNPAID + OTHER)

PROACTIVE_2021 = """二、主动公开政府信息情况
第二十条第(一)项 |
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
规章 | 2 | 1 | 30 |
行政规范性文件 | 5 | 3 | 41 |
第二十条第(五)项 |
信息内容 | 本年处理决定数量 |
行政许可 | 120 |
第二十条第(六)项 |
信息内容 | 本年处理决定数量 |
行政处罚 | 37 |
行政强制 | 4 |
第二十条第(八)项 |
信息内容 | 本年收费金额(单位:万元) |
行政事业性收费 | 0 |
"""

TITLE_2023 = (
    "桥中区人民政府2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本区依法公开政府信息。\n"
)


def _parse(text: str) -> ParsedReport:
    return parse_text(text, source_name="unseen.txt")


def _findings(report: ParsedReport, rule: str) -> list[tuple[str, ...]]:
    return [f.cells for f in report.findings if f.rule == rule]


def test_cells_between_bars_are_read_row_by_row() -> None:
    report = _parse(TITLE_2023 + PROACTIVE_2021 + APPLICATIONS_2021)
    assert report.figures["applications.new.natural_person"] == D(9)
    assert report.figures["applications.new.total"] == D(12)
    assert report.figures["applications.outcome.unavailable.not_held.total"] == D(2)
    assert report.figures["applications.carried_forward.total"] == D(1)
    assert report.figures["proactive.rules.in_force"] == D(30)
    assert report.figures["proactive.normative_docs.issued"] == D(5)
    assert report.figures["proactive.penalty.decisions"] == D(37)


def test_the_three_rows_of_other_handling_keep_their_places() -> None:
    report = _parse(TITLE_2023 + PROACTIVE_2021 + APPLICATIONS_2021)
    no_correction = "applications.outcome.other.no_correction"
    fee_unpaid = "applications.outcome.other.fee_unpaid"
    other = "applications.outcome.other.other"
    assert report.figures[f"{no_correction}.commercial"] == D(1)
    assert report.figures[f"{no_correction}.legal_service"] == D(0)
    assert report.figures[f"{fee_unpaid}.legal_service"] == D(1)
    assert report.figures[f"{fee_unpaid}.commercial"] == D(0)
    assert report.figures[f"{other}.natural_person"] == D(1)
    assert report.figures[f"{other}.total"] == D(1)


def test_the_three_rows_of_other_handling_in_a_pdf_order_stay_by_label() -> None:
    """A PDF made from a portal page may print two of the three rows swapped: each row is
    placed by its own label, never by its position."""
    swapped = _APPLICATIONS.format(other=NO_CORRECTION + OTHER + FEE_UNPAID)
    report = _parse(TITLE_2023 + PROACTIVE_2021 + swapped)
    fee_unpaid = "applications.outcome.other.fee_unpaid"
    other = "applications.outcome.other.other"
    assert report.figures[f"{fee_unpaid}.legal_service"] == D(1)
    assert report.figures[f"{fee_unpaid}.natural_person"] == D(0)
    assert report.figures[f"{other}.natural_person"] == D(1)
    assert report.figures[f"{other}.legal_service"] == D(0)
    assert not [f for f in report.findings if f.rule.startswith("applications.")]


RESULTS = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计"
REVIEW_TWO_HEADER_ROWS = f"""四、政府信息公开行政复议、行政诉讼情况
行政复议 | 行政诉讼 |
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |
{RESULTS} | {RESULTS} |
3 | 1 | 0 | 1 | 5 | 2 | 0 | 0 | 1 | 3 | 1 | 0 | 0 | 0 | 1 |
五、存在的主要问题及改进情况
无。
"""


def test_review_headers_over_two_rows() -> None:
    report = _parse(TITLE_2023 + PROACTIVE_2021 + APPLICATIONS_2021 + REVIEW_TWO_HEADER_ROWS)
    expected = {
        "review.upheld": 3,
        "review.corrected": 1,
        "review.other": 0,
        "review.pending": 1,
        "review.total": 5,
        "litigation.direct.upheld": 2,
        "litigation.direct.pending": 1,
        "litigation.direct.total": 3,
        "litigation.after_review.upheld": 1,
        "litigation.after_review.total": 1,
    }
    for key, value in expected.items():
        assert report.figures[key] == D(value), key


REVIEW_ONE_CELL_A_LINE = """四、政府信息公开行政复议、行政诉讼情况

行政复议

行政诉讼

结果维持

结果纠正

其他结果

尚未审结

总计

未经复议直接起诉

复议后起诉

结果维持

结果纠正

其他结果

尚未审结

总计

结果维持

结果纠正

其他结果

尚未审结

总计

0

1

0

0

1

0

0

0

2

2

0

0

0

0

0

五、存在的主要问题及改进情况
"""


def test_review_one_cell_a_line_between_blank_lines() -> None:
    report = _parse(TITLE_2023 + PROACTIVE_2021 + APPLICATIONS_2021 + REVIEW_ONE_CELL_A_LINE)
    assert report.figures["review.corrected"] == D(1)
    assert report.figures["review.total"] == D(1)
    assert report.figures["litigation.direct.pending"] == D(2)
    assert report.figures["litigation.direct.total"] == D(2)
    assert report.figures["litigation.after_review.total"] == D(0)


PROACTIVE_2019_ONE_CELL_A_LINE = """二、主动公开政府信息情况

第二十条第(一)项

信息内容

本年新
制作数量

本年新
公开数量

对外公开总数量

规章

0

0

3

规范性文件

4

4

17

第二十条第(五)项

信息内容

上一年项目数量

本年增/减

处理决定数量

行政许可

21

+19

40

其他对外管理服务事项

2

-1

6

第二十条第(六)项

信息内容

上一年项目数量

本年增/减

处理决定数量

行政处罚

5

0

12

行政强制

1

0

0

第二十条第(八)项

信息内容

上一年项目数量

本年增/减

行政事业性收费

3

-2

第二十条第(九)项

信息内容

采购项目数量

采购总金额

政府集中采购

2

  240万元

三、收到和处理政府信息公开申请情况
"""


def test_a_2019_table_one_cell_a_line_with_signs_units_and_wrapped_headers() -> None:
    title = "某某县民政局2020年政府信息公开工作年度报告\n一、总体情况\n2020年，本局依法公开。\n"
    report = _parse(title + PROACTIVE_2019_ONE_CELL_A_LINE)
    assert report.layout == "2019"
    expected = {
        "proactive.rules.total_published": 3,
        "proactive.normative_docs.created": 4,
        "proactive.normative_docs.total_published": 17,
        "proactive.licensing.items_last_year": 21,
        "proactive.licensing.items_change": 19,
        "proactive.licensing.decisions": 40,
        "proactive.other_services.items_change": -1,
        "proactive.penalty.decisions": 12,
        "proactive.fees.items_last_year": 3,
        "proactive.fees.items_change": -2,
        "proactive.procurement.items": 2,
        "proactive.procurement.amount": 240,
    }
    for key, value in expected.items():
        assert report.figures[key] == D(value), key


def test_procurement_in_yuan_is_turned_into_ten_thousands() -> None:
    title = "某某县民政局2020年政府信息公开工作年度报告\n一、总体情况\n2020年，本局依法公开。\n"
    text = PROACTIVE_2019_ONE_CELL_A_LINE.replace("  240万元", "156805.5元")
    report = _parse(title + text)
    assert report.figures["proactive.procurement.amount"] == D("15.68055")


def test_a_2023_report_printed_with_the_2019_headers_reads_in_the_2019_layout() -> None:
    title = "某某县民政局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本局依法公开。\n"
    report = _parse(title + PROACTIVE_2019_ONE_CELL_A_LINE)
    assert (report.year, report.layout) == (2023, "2019")
    assert report.figures["proactive.licensing.items_change"] == D(19)
    assert report.figures["proactive.procurement.items"] == D(2)


def test_rules_and_normative_documents_of_a_text_dump() -> None:
    """pdftotext: a row's label and its numbers on one line, spaces between."""
    dump = (
        "二、主动公开政府信息情况\n"
        "第二十条第（一）项\n"
        "信息内容         本年制发件数     本年废止件数      现行有效件数\n"
        "规章                 0                0                 12\n"
        "规范性文件           7                2                 88\n"
        "第二十条第（五）项\n"
        "信息内容         本年处理决定数量\n"
        "行政许可             305\n"
    )
    report = _parse(TITLE_2023 + dump + APPLICATIONS_2021)
    assert report.figures["proactive.rules.in_force"] == D(12)
    assert report.figures["proactive.normative_docs.issued"] == D(7)
    assert report.figures["proactive.normative_docs.repealed"] == D(2)
    assert report.figures["proactive.normative_docs.in_force"] == D(88)
    assert report.figures["proactive.licensing.decisions"] == D(305)


@pytest.mark.parametrize("written", ["1e5", "0x10", "1,2,3"])
def test_a_cell_in_no_number_form_is_left_out_without_moving_its_neighbours(
    written: str,
) -> None:
    text = APPLICATIONS_2021.replace(
        "二、上年结转政府信息公开申请数量 | 1 | 0 |",
        f"二、上年结转政府信息公开申请数量 | {written} | 0 |",
    )
    report = _parse(TITLE_2023 + PROACTIVE_2021 + text)
    carried = "applications.carried_over"
    assert f"{carried}.natural_person" not in report.figures
    for column in ("commercial", "research", "social_welfare", "legal_service", "other_org"):
        assert report.figures.get(f"{carried}.{column}") in (D(0), None), column
    assert report.figures.get(f"{carried}.total") in (D(1), None)
    assert report.figures["applications.new.total"] == D(12)
    flagged = {
        c for f in report.findings if f.rule in {"ambiguous_cells", "incomplete"} for c in f.cells
    }
    assert f"{carried}.natural_person" in flagged


def test_no_title_the_body_names_the_agency_and_the_year() -> None:
    body = (
        "一、总体情况\n"
        "2023年,我街紧紧围绕政务公开工作要点,桥中街道政府信息依申请公开工作有序开展。\n"
    )
    report = _parse(body + PROACTIVE_2021 + APPLICATIONS_2021)
    assert report.year == 2023
    assert report.agency.name == "桥中街道办事处"
    assert report.figures["applications.new.total"] == D(12)


def test_no_title_a_relative_name_is_completed_from_the_body() -> None:
    body = (
        "一、总体情况\n2020年,县审计局认真贯彻执行《条例》。如有疑问,请联系桃江县审计局办公室。\n"
    )
    report = _parse(body + PROACTIVE_2021 + APPLICATIONS_2021)
    assert (report.agency.name, report.agency.parent, report.year) == (
        "桃江县审计局",
        "桃江县",
        2020,
    )


def test_a_short_agency_name_in_the_title_becomes_the_full_name() -> None:
    title = "上海市科委2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本委依法公开。\n"
    report = _parse(title + PROACTIVE_2021 + APPLICATIONS_2021)
    assert report.agency.name == "上海市科学技术委员会"
    assert report.agency.printed == "上海市科委"


def test_a_street_office_of_a_district_government() -> None:
    title = "广州市荔湾区人民政府南源街道办事处2020年政府信息公开工作年度报告\n一、总体情况\n"
    report = _parse(title + PROACTIVE_2021 + APPLICATIONS_2021)
    assert (report.agency.name, report.agency.parent) == ("南源街道办事处", "广州市荔湾区")


def test_a_copy_cut_inside_a_row_says_where_it_stops() -> None:
    text = TITLE_2023 + PROACTIVE_2021 + APPLICATIONS_2021
    cut = text[: text.index("| 0 | 0 | 0 | 0 | 0 | 0 |\n4.保护第三方")] + "| 0 | 0"
    report = _parse(cut)
    secure = "applications.outcome.withheld.security_stability"
    assert report.figures[f"{secure}.natural_person"] == D(0)
    assert report.figures[f"{secure}.research"] == D(0)
    assert f"{secure}.social_welfare" not in report.figures
    assert f"{secure}.social_welfare" not in report.not_reported
    [incomplete] = [f for f in report.findings if f.rule == "incomplete"]
    assert "section 三 stops inside row 3.危及“三安全一稳定”" in incomplete.message
    assert incomplete.cells[0] == "applications.outcome.withheld.security_stability.social_welfare"
    assert "review.total" in incomplete.cells
    assert not set(incomplete.cells) & {*report.figures, *report.not_reported}


def test_a_copy_cut_after_a_row_says_after_which() -> None:
    text = TITLE_2023 + PROACTIVE_2021 + APPLICATIONS_2021
    report = _parse(text[: text.index("4.保护第三方")])
    [incomplete] = [f for f in report.findings if f.rule == "incomplete"]
    assert "section 三 stops after row 3.危及“三安全一稳定”" in incomplete.message


def test_a_copy_with_no_section_three_keeps_section_two() -> None:
    text = TITLE_2023 + PROACTIVE_2021
    report = _parse(text[: text.index("第二十条第(八)项")])
    assert report.figures["proactive.coercion.decisions"] == D(4)
    assert "proactive.fees.amount" not in {*report.figures, *report.not_reported}
    [incomplete] = [f for f in report.findings if f.rule == "incomplete"]
    assert "section 二 stops after row 行政强制" in incomplete.message


@pytest.mark.parametrize("written", ["1e5", "0x10"])
def test_a_cell_in_no_number_form_on_its_own_line_is_left_out(written: str) -> None:
    title = "某某县民政局2020年政府信息公开工作年度报告\n一、总体情况\n2020年，本局依法公开。\n"
    text = PROACTIVE_2019_ONE_CELL_A_LINE.replace("21\n\n+19\n\n40", f"21\n\n{written}\n\n40")
    report = _parse(title + text)
    assert report.figures["proactive.licensing.items_last_year"] == D(21)
    assert report.figures["proactive.licensing.decisions"] == D(40)
    assert "proactive.licensing.items_change" not in report.figures
    [unsure] = [f for f in report.findings if f.rule == "ambiguous_cells"]
    assert unsure.cells == ("proactive.licensing.items_change",)
    # printed, only not readable for certain: not a blank cell
    assert "proactive.licensing.items_change" not in report.not_reported


@pytest.mark.parametrize(
    ("cell", "amount"), [("240万元", "240"), ("240.5 万元", "240.5"), ("2400000元", "240")]
)
def test_the_2019_procurement_row_with_its_unit_in_the_cell(cell: str, amount: str) -> None:
    text = (
        "某某县民政局2020年政府信息公开工作年度报告\n一、总体情况\n2020年，本局依法公开。\n"
        "二、主动公开政府信息情况\n"
        "第二十条第(一)项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
        "规章\t0\t0\t3\n规范性文件\t4\t4\t17\n"
        "第二十条第(九)项\n信息内容\t采购项目数量\t采购总金额\n"
        f"政府集中采购\t3\t{cell}\n"
        "三、收到和处理政府信息公开申请情况\n"
    )
    report = _parse(text)
    assert report.figures["proactive.procurement.items"] == D(3)
    assert report.figures["proactive.procurement.amount"] == D(amount)
    assert report.figures["proactive.normative_docs.total_published"] == D(17)


def test_a_blank_first_cell_beside_a_grids_padding_is_unsure_not_shifted() -> None:
    # the fees table of the 2019 layout has two cells but sits in a grid of three columns:
    # "\t\t0\t" is (blank, 0) with padding, or a label's span then (0, blank): never guessed
    text = (
        "某某街道办事处2019年政府信息公开工作年度报告\n一、总体情况\n2019年，本街道依法公开。\n"
        "二、主动公开政府信息情况\n"
        "第二十条第（一）项\t\t\t\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
        "规章\t0\t0\t0\n规范性文件\t3\t3\t12\n"
        "第二十条第（八）项\t\t\t\n信息内容\t上一年项目数量\t本年增/减\t\n"
        "行政事业性收费\t\t7\t\n"
        "三、收到和处理政府信息公开申请情况\n"
    )
    report = _parse(text)
    assert report.figures["proactive.normative_docs.total_published"] == D(12)
    fees = {k: v for k, v in report.figures.items() if k.startswith("proactive.fees.")}
    assert fees == {}  # 7 is the change or the count of last year: unknown, so neither
    unsure = {c for f in report.findings if f.rule == "ambiguous_cells" for c in f.cells}
    assert {"proactive.fees.items_last_year", "proactive.fees.items_change"} <= unsure
