"""What "does this report add up?" and "break it down" answer, line by line, on real reports.

A status answer must list every rule the report breaks, with the sums it found; a report
whose rules hold must be said to hold them. The breaks and the figures below are the ones the
gold notes of each report name (tests/fixtures/gold), typed from the printed tables:

- 014 Junshan 2022: （四）1 reads 自然人 3, 其他组织 2, 总计 5 while every other row and
  （七）总计 are 0, so rule 2 fails in three columns;
- 001 Hongze 2023: 行政复议 维持 10 + 纠正 1 with 总计 0, 复议后起诉 维持 5 with 总计 0 (rule 4);
- 003 Huai'an 2024: every rule holds.
"""

import pytest
from conftest import REPORTS, fixed_now

from bot.records import IngestStatus
from bot.service.core import DisclosureService

pytestmark = pytest.mark.backends

JUNSHAN = "014_pingtan_junshan_2022.txt"
HONGZE = "001_hongzequ_2023.txt"
HUAIAN = "003_huaianshi_2024.txt"


@pytest.fixture
def library(service: DisclosureService) -> DisclosureService:
    for name in (JUNSHAN, HONGZE, HUAIAN):
        result = service.ingest_bytes(name, (REPORTS / name).read_bytes(), now=fixed_now())
        assert result.status is IngestStatus.INDEXED, result
    return service


def ask(service: DisclosureService, question: str) -> tuple[str, list[str]]:
    answer = service.ask(question, now=fixed_now()).to_json()
    text = answer["answer"]
    assert isinstance(text, str)
    return str(answer["kind"]), text.splitlines()


def test_a_report_that_breaks_rule_2_lists_each_break(library: DisclosureService) -> None:
    kind, lines = ask(library, "does the Junshan 2022 report add up")
    assert kind == "status"
    assert lines[0].startswith("平潭综合实验区君山片区管理局") and "2022" in lines[0]
    assert lines[1:] == [
        "The report breaks 3 rule(s):",
        "• Natural persons: the outcomes add up to 3, but the total handled is 0.",
        "• Other organisations: the outcomes add up to 2, but the total handled is 0.",
        "• Total: the outcomes add up to 5, but the total handled is 0.",
        f"Source: {JUNSHAN}",
    ]


def test_a_report_that_breaks_rule_4_lists_each_break_in_chinese(
    library: DisclosureService,
) -> None:
    kind, lines = ask(library, "洪泽区2023年的报告有没有问题")
    assert kind == "status"
    assert lines[0].startswith("洪泽区人民政府") and "2023" in lines[0]
    assert lines[1:] == [
        "该报告有2处不符合勾稽关系：",
        "• 行政复议：维持 + 纠正 + 其他 + 尚未审结 = 11，但总计为0。",
        "• 行政诉讼 · 复议后起诉：维持 + 纠正 + 其他 + 尚未审结 = 5，但总计为0。",
        f"来源：{HONGZE}",
    ]


def test_a_report_whose_rules_hold_says_so(library: DisclosureService) -> None:
    kind, lines = ask(library, "does the Huaian 2024 report add up")
    assert kind == "status"
    assert lines[1:] == [
        "The report satisfies every arithmetic rule (勾稽关系) that can be checked.",
        f"Source: {HUAIAN}",
    ]
    kind, lines = ask(library, "淮安市2024年报告的勾稽关系一致吗")
    assert (kind, lines[1:]) == ("status", ["该报告满足所有可核对的勾稽关系。", f"来源：{HUAIAN}"])


def test_a_breakdown_by_applicant_gives_each_columns_own_figure(
    library: DisclosureService,
) -> None:
    kind, lines = ask(library, "Huaian 2024 breakdown by applicant")
    assert kind == "breakdown"
    # 一、本年新收 of the Huai'an table, column by column
    assert lines[2:9] == [
        "• natural persons: 3,001 applications",
        "• commercial enterprises: 53 applications",
        "• research institutions: 0 applications",
        "• public-interest organisations: 0 applications",
        "• legal service providers: 61 applications",
        "• other organisations: 4 applications",
        "• total: 3,119 applications",
    ]


def test_a_breakdown_by_outcome_adds_up_each_outcome_group(library: DisclosureService) -> None:
    kind, lines = ask(library, "淮安市2024年办理结果构成")
    assert kind == "breakdown"
    values = [line.rsplit("：", 1)[-1].rsplit(": ", 1)[-1] for line in lines[2:8]]
    # 予以公开 1362; 部分公开 454; 不予公开 2+31+5+6+8+12+9+105; 无法提供 769+11+1;
    # 不予处理 62+25+0+0+1; 其他处理 71+6+110 (their sum is （七）总计 3050)
    assert values == ["1,362 件", "454 件", "178 件", "781 件", "88 件", "187 件"]
