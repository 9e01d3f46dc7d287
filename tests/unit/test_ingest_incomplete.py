"""Truncated reports and fragments: parsed and indexed for what they hold."""

import codecs
from decimal import Decimal

from conftest import REPORTS, SEED, fixed_now

from bot.parser import parse_report, parse_text
from bot.records import IngestStatus
from bot.service.core import DisclosureService, IngestOptions
from store import repo

FRAGMENT = REPORTS / "021_huaianshi_2024_partial_rows.txt"
HUAIAN = REPORTS / "003_huaianshi_2024.txt"


def _truncated_huaian() -> bytes:
    text = HUAIAN.read_text(encoding="utf-8")
    return text[: text.index("2.没有现成信息需要另行制作")].encode()


def test_truncated_report_names_what_is_missing() -> None:
    report = parse_report("huaian_cut.txt", _truncated_huaian())
    (incomplete,) = [f for f in report.findings if f.rule == "incomplete"]
    assert "section(s) 四 not found" in incomplete.message
    assert "applications.carried_forward.total" in incomplete.cells
    assert report.figures["applications.new.total"] == 3119  # what it holds is read


def test_ingest_indexes_a_cut_copy_for_what_it_holds(service: DisclosureService) -> None:
    result = service.ingest_bytes("huaian_cut.txt", _truncated_huaian(), now=fixed_now())
    assert (result.status, result.agency, result.year) == (
        IngestStatus.INDEXED,
        "淮安市人民政府",
        2024,
    )
    assert repo.count_reports(service.db) == 1


def test_fragment_needs_agency_and_year(service: DisclosureService) -> None:
    data = FRAGMENT.read_bytes()
    refused = service.ingest_bytes(FRAGMENT.name, data, now=fixed_now())
    assert refused.status == IngestStatus.REJECTED and "--agency and --year" in refused.detail
    named = IngestOptions(agency="淮安市人民政府", year=2024)
    indexed = service.ingest_bytes(FRAGMENT.name, data, now=fixed_now(), options=named)
    assert (indexed.status, indexed.agency, indexed.year) == (
        IngestStatus.INDEXED,
        "淮安市人民政府",
        2024,
    )


def test_year_mismatch_between_title_and_body() -> None:
    text = SEED.read_text(encoding="utf-8").replace(
        "二、主动公开政府信息情况",
        "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n\n二、主动公开政府信息情况",
    )
    report = parse_text(text, source_name="mismatch.txt")
    (mismatch,) = [f for f in report.findings if f.rule == "year_mismatch"]
    assert (mismatch.expected, mismatch.found) == (Decimal(2023), Decimal(2022))


def test_encodings_are_detected() -> None:
    text = SEED.read_text(encoding="utf-8")
    expected = parse_report(SEED.name, SEED.read_bytes()).figures
    for data in (
        codecs.BOM_UTF8 + text.encode("utf-8"),
        text.encode("gbk"),
        text.encode("gb18030"),
        text.encode("utf-16"),
    ):
        report = parse_report("seed.txt", data)
        assert report.agency.name == "汉屯路街道办事处"
        assert report.figures == expected
