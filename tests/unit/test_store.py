"""Indexing: one report per agency and year; same file again changes nothing; a new file
replaces the old one atomically; a bad file writes nothing."""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from conftest import SEED, fixed_now

from bot.parser.report import Agency as ParsedAgency
from bot.parser.report import Finding as ParsedFinding
from bot.parser.report import ParsedReport
from bot.records import DeleteOutcome, IngestOutcome, IngestStatus
from bot.service.core import DisclosureService
from store import open_database, repo, writes
from store.db import Database

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


# The store's writes themselves (store/writes.py), on reports made here: every column a
# report's row, cells, findings and aliases hold, the version that tells caches to refresh,
# and what a delete removes. The expected values are the ones these reports are made with.
XIGONG = ParsedAgency(
    "汉屯路街道办事处", "西工区", "township", "洛阳市", "河南省", printed="西工区汉屯路街道"
)


def made_report(sha: str, source: str, **changes: Any) -> ParsedReport:
    report = ParsedReport(
        agency=XIGONG,
        year=2023,
        layout="2021",
        figures={"applications.new.total": Decimal(12), "proactive.fees.amount": Decimal("0.5")},
        not_reported=("review.total",),
        findings=(
            ParsedFinding("applications.balance", ("a", "b"), Decimal(3), None, "does not add up"),
            ParsedFinding("allowed_values", ("c",), None, Decimal("-1"), "negative"),
        ),
        text={"一": "概述"},
        labels={"applications.new.total": "本年新收"},
        published=date(2024, 1, 31),
        source_name=source,
        sha256=sha,
    )
    return replace(report, **changes)


def version(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(writes.REPORTS_VERSION).scalar_one())


def rows(db: Database, table: sa.Table, *columns: str) -> list[tuple[Any, ...]]:
    with db.engine.connect() as connection:
        found = connection.execute(sa.select(*(table.c[c] for c in columns))).all()
    return sorted(tuple(r) for r in found)


def test_a_report_is_written_whole(service: DisclosureService) -> None:
    db = service.db
    before = version(db)
    outcome = writes.save_report(db, report=made_report("s1", "a.txt"), now=fixed_now())
    assert outcome == IngestOutcome(
        IngestStatus.INDEXED, outcome.report_id, "汉屯路街道办事处", 2023, None
    )
    assert version(db) == before + 1
    columns = ("layout", "source_name", "sha256", "published", "current", "year")
    assert rows(db, writes.REPORTS, *columns) == [
        ("2021", "a.txt", "s1", date(2024, 1, 31), True, 2023)
    ]
    assert rows(db, writes.REPORTS, "text_json", "labels_json") == [
        ('{"一": "概述"}', '{"applications.new.total": "本年新收"}')
    ]
    assert rows(db, writes.FIGURES, "report_id", "key", "value") == [
        (outcome.report_id, "applications.new.total", "12"),
        (outcome.report_id, "proactive.fees.amount", "0.5"),
        (outcome.report_id, "review.total", None),
    ]
    assert rows(db, writes.FINDINGS, "report_id", "rule", "cells_json", "expected", "found") == [
        (outcome.report_id, "allowed_values", '["c"]', None, "-1"),
        (outcome.report_id, "applications.balance", '["a", "b"]', "3", None),
    ]
    assert rows(db, writes.FINDINGS, "message") == [("does not add up",), ("negative",)]
    stored = repo.get_report(db, agency_id=repo.list_agencies(db)[0].id, year=2023)
    assert stored is not None and stored.ingested_at == fixed_now()
    # the name as printed is kept as an alias, once however often it is printed
    writes.save_report(db, report=made_report("s2", "b.txt"), now=fixed_now())
    assert rows(db, writes.ALIASES, "name") == [("西工区汉屯路街道",)]


def test_no_alias_for_a_name_printed_as_the_canonical_one(service: DisclosureService) -> None:
    plain = replace(XIGONG, printed="汉屯路街道办事处")
    writes.save_report(
        service.db, report=made_report("s1", "a.txt", agency=plain), now=fixed_now()
    )
    assert rows(service.db, writes.ALIASES, "name") == []


def test_a_report_with_no_findings_writes_none(service: DisclosureService) -> None:
    report = made_report("s1", "a.txt", findings=())
    writes.save_report(service.db, report=report, now=fixed_now())
    assert rows(service.db, writes.FINDINGS, "rule") == []


@pytest.mark.parametrize("changes", [{"year": None}, {"agency": replace(XIGONG, name="")}])
def test_a_report_without_agency_or_year_is_refused(
    service: DisclosureService, changes: dict[str, Any]
) -> None:
    with pytest.raises(ValueError) as refused:
        writes.save_report(
            service.db, report=made_report("s1", "a.txt", **changes), now=fixed_now()
        )
    assert str(refused.value) == "a report without agency and year cannot be indexed"
    assert repo.count_reports(service.db) == 0


def test_the_same_file_again_changes_nothing(service: DisclosureService) -> None:
    db = service.db
    first = writes.save_report(db, report=made_report("s1", "a.txt"), now=fixed_now())
    before = version(db)
    again = writes.save_report(db, report=made_report("s1", "a2.txt"), now=fixed_now())
    assert again == (  # the copy that stays: a.txt, its 3 cells (2 figures, 1 not reported)
        IngestOutcome(
            IngestStatus.UNCHANGED, first.report_id, "汉屯路街道办事处", 2023, "a.txt", 3
        )
    )
    assert version(db) == before
    assert rows(db, writes.REPORTS, "source_name", "current") == [("a.txt", True)]


def test_the_same_file_read_otherwise_is_still_the_same_file(service: DisclosureService) -> None:
    # the file's hash decides before its cells: a file sent again is "unchanged" even where
    # this version of the reader reads a cell of it otherwise (re-reading is not a new copy)
    db = service.db
    first = writes.save_report(db, report=made_report("s1", "a.txt"), now=fixed_now())
    read_otherwise = {"applications.new.total": Decimal(21), "proactive.fees.amount": Decimal(1)}
    again = writes.save_report(
        db, report=made_report("s1", "a.txt", figures=read_otherwise), now=fixed_now()
    )
    assert (again.status, again.report_id) == (IngestStatus.UNCHANGED, first.report_id)
    assert rows(db, writes.FIGURES, "key", "value")[0] == ("applications.new.total", "12")


def test_a_new_file_replaces_the_current_report(service: DisclosureService) -> None:
    db = service.db
    first = writes.save_report(db, report=made_report("s1", "a.txt"), now=fixed_now())
    before = version(db)
    # a corrected copy (13 new applications, not 12): the same figures would be "unchanged"
    corrected = {"applications.new.total": Decimal(13), "proactive.fees.amount": Decimal("0.5")}
    second = writes.save_report(
        db, report=made_report("s2", "b.txt", figures=corrected), now=fixed_now()
    )
    assert (second.report_id, True) in rows(db, writes.REPORTS, "id", "current")  # the new one
    assert second.report_id != first.report_id
    assert second == (  # the copy replaced: a.txt, its 3 cells
        IngestOutcome(
            IngestStatus.REPLACED, second.report_id, "汉屯路街道办事处", 2023, "a.txt", 3
        )
    )
    assert version(db) == before + 1
    assert rows(db, writes.REPORTS, "source_name", "current") == [
        ("a.txt", False),
        ("b.txt", True),
    ]


def test_a_later_report_fills_in_the_agency_s_places(service: DisclosureService) -> None:
    db = service.db
    bare = ParsedAgency("汉屯路街道办事处", "西工区", None, None, None)
    writes.save_report(db, report=made_report("s1", "a.txt", agency=bare), now=fixed_now())
    writes.save_report(db, report=made_report("s2", "b.txt", year=2024), now=fixed_now())
    assert rows(db, writes.AGENCIES, "name", "parent", "city", "province") == [
        ("汉屯路街道办事处", "西工区", "洛阳市", "河南省")
    ]


def test_figures_are_written_alike_for_a_driver_that_takes_named_parameters(
    tmp_path: Path,
) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'named.db'}")
    named = Database(sa.create_engine(db.engine.url, paramstyle="named"))
    outcome = writes.save_report(named, report=made_report("s1", "a.txt"), now=fixed_now())
    assert rows(named, writes.FIGURES, "report_id", "key", "value") == [
        (outcome.report_id, "applications.new.total", "12"),
        (outcome.report_id, "proactive.fees.amount", "0.5"),
        (outcome.report_id, "review.total", None),
    ]
    named.engine.dispose()
    db.engine.dispose()


def test_a_delete_removes_every_version_and_keeps_the_agency(service: DisclosureService) -> None:
    db = service.db
    for new, sha in enumerate(("s1", "s2", "s3"), 12):  # three versions, each corrected
        figures = {"applications.new.total": Decimal(new), "proactive.fees.amount": Decimal(1)}
        report = made_report(sha, f"{sha}.txt", figures=figures)
        writes.save_report(db, report=report, now=fixed_now())
    kept = writes.save_report(db, report=made_report("k", "k.txt", year=2024), now=fixed_now())
    agency_id = repo.list_agencies(db)[0].id
    before = version(db)
    outcome = writes.delete_report(db, agency_id=agency_id, year=2023)
    assert outcome == DeleteOutcome("汉屯路街道办事处", 2023, "s3.txt", ("s2.txt", "s1.txt"))
    assert version(db) == before + 1
    assert rows(db, writes.REPORTS, "source_name") == [("k.txt",)]
    assert {r[0] for r in rows(db, writes.FIGURES, "report_id")} == {kept.report_id}
    assert {r[0] for r in rows(db, writes.FINDINGS, "report_id")} == {kept.report_id}
    assert len(rows(db, writes.AGENCIES, "id")) == 1
    assert writes.delete_report(db, agency_id=agency_id, year=2023) is None
    assert version(db) == before + 1


# One agency, not two, whether a report prints its region or not: an agency first indexed
# without its region takes the region a later report prints, and a report that prints none is
# filed under the one namesake that has it. Identities are given, as the name reader makes them.
ARCHIVES_BARE = ParsedAgency("档案馆", level="department", identity="~|named:档案馆")
ARCHIVES_PLACED = ParsedAgency(
    "西工区档案馆", "西工区", "department", "洛阳市", "河南省", "410303", "410303|named:档案馆"
)
AGENCY_COLUMNS = ("name", "identity", "parent", "level", "city", "province", "code")


def _save(db: Database, agency: ParsedAgency, year: int) -> None:
    writes.save_report(
        db,
        report=made_report(f"{agency.identity}{year}", "r.txt", agency=agency, year=year),
        now=fixed_now(),
    )


def test_an_agency_first_indexed_without_its_region_takes_the_region_printed_later(
    service: DisclosureService,
) -> None:
    db = service.db
    _save(db, XIGONG, 2023)  # another agency, which must stay as it is
    others = rows(db, writes.AGENCIES, *AGENCY_COLUMNS)
    _save(db, replace(ARCHIVES_BARE, name="西工区档案馆"), 2023)
    _save(db, ARCHIVES_PLACED, 2024)
    agencies = rows(db, writes.AGENCIES, *AGENCY_COLUMNS)
    placed = ("西工区档案馆", "410303|named:档案馆", "西工区", "department", "洛阳市", "河南省")
    assert agencies == sorted([*others, (*placed, "410303")])
    assert len(rows(db, writes.REPORTS, "agency_id")) == 3


def test_a_report_printing_no_region_is_filed_under_its_one_namesake(
    service: DisclosureService,
) -> None:
    db = service.db
    _save(db, ARCHIVES_PLACED, 2023)
    _save(db, replace(ARCHIVES_BARE, name="西工区档案馆"), 2024)
    placed = ("西工区档案馆", "410303|named:档案馆", "西工区", "department", "洛阳市", "河南省")
    # the places it has are kept, not emptied by the report that prints none
    assert rows(db, writes.AGENCIES, *AGENCY_COLUMNS) == [(*placed, "410303")]
    assert len({r[0] for r in rows(db, writes.REPORTS, "agency_id")}) == 1


def test_a_report_printing_no_region_is_not_filed_under_one_of_two_namesakes(
    service: DisclosureService,
) -> None:
    db = service.db
    _save(db, ARCHIVES_PLACED, 2023)
    elsewhere = replace(
        ARCHIVES_PLACED, parent="老城区", code="410302", identity="410302|named:档案馆"
    )
    _save(db, elsewhere, 2023)
    _save(db, replace(ARCHIVES_BARE, name="西工区档案馆"), 2024)
    identities = [r[0] for r in rows(db, writes.AGENCIES, "identity")]
    assert identities == ["410302|named:档案馆", "410303|named:档案馆", "~|named:档案馆"]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (  # an agency the name reader places by its parent
            {
                "name": "档案馆",
                "parent": "西工区",
                "level": "department",
                "city": "洛阳市",
                "province": "河南省",
            },
            ("西工区档案馆", "西工区", "洛阳市", "河南省", "410303|named:档案馆"),
        ),
        (  # one it cannot place: the export's regions are kept as they were
            {
                "name": "档案馆",
                "parent": None,
                "level": "department",
                "city": "洛阳市",
                "province": "河南省",
            },
            ("档案馆", None, "洛阳市", "河南省", "~|named:档案馆"),
        ),
    ],
)
def test_an_exported_agency_is_read_back_with_its_regions(
    fields: dict[str, str | None], expected: tuple[str | None, ...]
) -> None:
    agency = writes.agency_of(fields)
    assert (agency.name, agency.parent, agency.city, agency.province, agency.identity) == expected
