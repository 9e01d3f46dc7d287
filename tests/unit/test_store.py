"""Indexing: one report per agency and year; same file again changes nothing; a new file
replaces the old one atomically; a bad file writes nothing."""

from decimal import Decimal

import pytest
from conftest import SEED, fixed_now

from bot.records import IngestStatus
from bot.service.core import DisclosureService
from store import repo

pytestmark = pytest.mark.backends


def _edited_seed() -> bytes:
    text = SEED.read_text(encoding="utf-8")
    return text.replace("行政许可\t0", "行政许可\t7", 1).encode()


def test_ingest_then_same_file_is_unchanged(service: DisclosureService) -> None:
    first = service.ingest_bytes(SEED.name, SEED.read_bytes(), now=fixed_now())
    again = service.ingest_bytes(SEED.name, SEED.read_bytes(), now=fixed_now())
    assert (first.status, first.agency, first.year) == (
        IngestStatus.INDEXED,
        "汉屯路街道办事处",
        2023,
    )
    assert again.status is IngestStatus.UNCHANGED and "already indexed" in again.detail
    assert repo.count_reports(service.db) == 1


def test_different_file_replaces_and_says_so(service: DisclosureService) -> None:
    service.ingest_bytes(SEED.name, SEED.read_bytes(), now=fixed_now())
    result = service.ingest_bytes("hantun_fixed.txt", _edited_seed(), now=fixed_now())
    assert result.status is IngestStatus.REPLACED
    assert result.detail == f"replaces {SEED.name}"
    assert repo.count_reports(service.db) == 1
    agency = repo.list_agencies(service.db)[0]
    report = repo.get_report(service.db, agency_id=agency.id, year=2023)
    assert report is not None and report.source_name == "hantun_fixed.txt"
    assert report.figures["proactive.licensing.decisions"] == 7


def test_stored_report_keeps_source_hash_and_time(seeded: DisclosureService) -> None:
    agency = repo.list_agencies(seeded.db)[0]
    assert (agency.name, agency.parent, agency.level) == ("汉屯路街道办事处", "西工区", "township")
    report = repo.get_report(seeded.db, agency_id=agency.id, year=2023)
    assert report is not None
    assert report.layout == "2021"
    assert len(report.sha256) == 64
    assert report.ingested_at.tzinfo is not None
    assert report.ingested_at == fixed_now()
    assert len(report.figures) == 200


def test_rejected_file_writes_nothing(service: DisclosureService) -> None:
    result = service.ingest_bytes("notes.txt", "会议纪要：无内容".encode(), now=fixed_now())
    assert result.status is IngestStatus.REJECTED
    assert result.detail.startswith("no title")
    assert repo.count_reports(service.db) == 0
    assert repo.list_agencies(service.db) == []


def test_oversized_file_is_rejected(service: DisclosureService) -> None:
    small = DisclosureService(service.db, timezone=service.timezone, max_file_bytes=1000)
    result = small.ingest_bytes(SEED.name, SEED.read_bytes(), now=fixed_now())
    assert result.status is IngestStatus.REJECTED and "limit is 1,000" in result.detail


def test_cross_year_rule_six(service: DisclosureService) -> None:
    text = SEED.read_text(encoding="utf-8")
    year_2022 = text.replace("2023", "2022").replace(
        "四、结转下年度继续办理\t\t0", "四、结转下年度继续办理\t\t3"
    )
    service.ingest_bytes("hantun_2022.txt", year_2022.encode(), now=fixed_now())
    report = service.parse(SEED.name, SEED.read_bytes())
    rule6 = [f for f in report.findings if f.rule == "applications.carried_over"]
    assert [f.cells for f in rule6] == [("applications.carried_over.natural_person",)]
    assert (rule6[0].expected, rule6[0].found) == (Decimal(3), Decimal(0))


def test_identical_to_previous_year(service: DisclosureService) -> None:
    year_2022 = SEED.read_text(encoding="utf-8").replace("2023", "2022")
    service.ingest_bytes("hantun_2022.txt", year_2022.encode(), now=fixed_now())
    report = service.parse(SEED.name, SEED.read_bytes())
    assert "identical_to_previous_year" in {f.rule for f in report.findings}
