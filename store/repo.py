"""Repository functions: keyword-only, one short session each."""

import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import groupby
from operator import itemgetter
from typing import Any, Protocol

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from bot.parser.report import Agency as ParsedAgency
from bot.parser.report import Finding
from bot.records import AgencyRecord, StoredReport
from store.db import Database
from store.models import Agency, Report
from store.writes import (
    AGENCIES,
    FIGURES,
    FINDINGS,
    PREVIOUS_FIGURES,
    REPORTS,
    REPORTS_VERSION,
    identity_of,
)


def _current_report(session: Session, agency_id: int, year: int) -> Report | None:
    query = select(Report).where(
        Report.agency_id == agency_id, Report.year == year, col(Report.current).is_(True)
    )
    return session.exec(query).first()


def list_agencies(db: Database) -> list[AgencyRecord]:
    """Every agency that has at least one current report (plain columns: fast at 100,000)."""
    return list(iter_agencies(db))


def iter_agencies(db: Database) -> Iterator[AgencyRecord]:
    """``list_agencies`` one at a time, streamed: building the name index from 100,000 rows
    held at once would cost 70 MB more at its peak."""
    columns = [Agency.id, Agency.name, Agency.parent, Agency.level, Agency.city, Agency.province]
    query = (
        sa.select(*[col(c) for c in columns])
        .where(col(Agency.id).in_(select(Report.agency_id).where(col(Report.current))))
        .order_by(col(Agency.name))
    )
    with db.session() as session:
        rows: Iterable[Any] = (
            session.connection().execution_options(yield_per=5_000).execute(query)
        )
        for id_, name, parent, level, city, province in rows:
            yield AgencyRecord(id_, name, parent, city, province, level)


def report_years(db: Database) -> dict[int, list[int]]:
    """For each agency id, the years of its current reports, ascending.

    Agencies with the same years share one list (most have all five): read them, never change
    them. Rows are streamed: at 100,000 agencies, half a million rows held at once cost 100 MB.
    """
    query = (
        sa.select(col(Report.agency_id), col(Report.year))
        .where(col(Report.current))
        .order_by(col(Report.agency_id), col(Report.year))
    )
    years: dict[int, list[int]] = {}
    shared: dict[tuple[int, ...], list[int]] = {}
    with db.session() as session:
        rows = session.connection().execution_options(yield_per=10_000).execute(query)
        for agency_id, group in groupby(rows, key=itemgetter(0)):
            held = tuple(year for _, year in group)
            years[agency_id] = shared.setdefault(held, list(held))
    return years


# prebuilt: every answer reads one report (Core rows, not 200 ORM objects)
_REPORT = (
    sa.select(REPORTS, *(AGENCIES.c[f] for f in ("name", "parent", "level", "city", "province")))
    .join(AGENCIES, AGENCIES.c.id == REPORTS.c.agency_id)
    .where(
        REPORTS.c.agency_id == sa.bindparam("agency_id"),
        REPORTS.c.year == sa.bindparam("year"),
        REPORTS.c.current,
    )
)
_FIGURES = sa.select(FIGURES.c.key, FIGURES.c.value).where(
    FIGURES.c.report_id == sa.bindparam("report_id")
)
_FINDINGS = (
    sa.select(FINDINGS)
    .where(FINDINGS.c.report_id == sa.bindparam("report_id"))
    .order_by(FINDINGS.c.id)
)


def get_report(db: Database, *, agency_id: int, year: int) -> StoredReport | None:
    """The current report of an agency for a year, with figures and findings."""
    with db.connect() as connection:
        row = connection.execute(_REPORT, {"agency_id": agency_id, "year": year}).first()
        if row is None:
            return None
        figures = connection.execute(_FIGURES, {"report_id": row.id}).all()
        findings = connection.execute(_FINDINGS, {"report_id": row.id}).all()
    data = row._mapping
    return StoredReport(
        id=row.id,
        agency=AgencyRecord(
            agency_id,
            data[AGENCIES.c.name],
            data[AGENCIES.c.parent],
            data[AGENCIES.c.city],
            data[AGENCIES.c.province],
            data[AGENCIES.c.level],
        ),
        year=row.year,
        layout=row.layout,
        source_name=row.source_name,
        sha256=row.sha256,
        ingested_at=data[REPORTS.c.ingested_at],
        published=row.published,
        figures={key: None if value is None else Decimal(value) for key, value in figures},
        findings=tuple(stored_finding(f) for f in findings),
        labels=json.loads(row.labels_json),
        text=json.loads(row.text_json),
    )


def previous_figures(
    db: Database, *, agency: ParsedAgency, year: int
) -> dict[str, Decimal] | None:
    """The reported figures of the agency's current report for ``year``, if indexed."""
    # Core, not ORM rows: every ingested report asks this, for ~200 cells
    with db.connect() as connection:
        rows = connection.execute(
            PREVIOUS_FIGURES, {"identity": identity_of(agency), "year": year}
        ).all()
    if not rows:
        return None
    return {key: Decimal(value) for _, key, value in rows if key is not None and value is not None}


def find_report(db: Database, *, agency: ParsedAgency, year: int) -> StoredReport | None:
    """The current report of the agency a parsed report names, for the year, if indexed."""
    with db.session() as session:
        row = session.exec(select(Agency.id).where(Agency.identity == identity_of(agency))).first()
    return None if row is None else get_report(db, agency_id=row, year=year)


def count_reports(db: Database) -> int:
    """How many current reports are indexed."""
    with db.session() as session:
        return int(
            session.exec(select(func.count(col(Report.id))).where(col(Report.current))).one()
        )


def _agency_record(agency: Agency) -> AgencyRecord:
    assert agency.id is not None
    return AgencyRecord(
        agency.id, agency.name, agency.parent, agency.city, agency.province, agency.level
    )


class FindingRow(Protocol):
    """A finding's row as the store holds it (an ORM object or a Core row)."""

    rule: str
    cells_json: str
    expected: str | None
    found: str | None
    message: str


def stored_finding(row: FindingRow) -> Finding:
    """A finding's row as plain data."""
    return Finding(
        rule=row.rule,
        cells=tuple(json.loads(row.cells_json)),
        expected=None if row.expected is None else Decimal(row.expected),
        found=None if row.found is None else Decimal(row.found),
        message=row.message,
    )


def index_version(db: Database) -> int:
    """A number that every change to the indexed reports raises: one row, read in no time."""
    with db.connect() as connection:
        version = connection.execute(REPORTS_VERSION).scalar()
    return int(version or 0)


# Beyond this many agencies, one pass over the year's reports beats looking each up
_WHOLE_YEAR = 3000


def figure_values(
    db: Database, *, keys: list[str], year: int, agency_ids: list[int]
) -> dict[int, dict[str, Decimal | None]]:
    """The cells ``keys`` of each listed agency's current report for ``year``."""
    found: dict[int, dict[str, Decimal | None]] = {}
    wanted = set(agency_ids)
    with db.connect() as connection:
        for chunk in _scopes(agency_ids):
            query = (
                sa.select(REPORTS.c.agency_id, FIGURES.c.key, FIGURES.c.value)
                .select_from(REPORTS)
                .outerjoin(
                    FIGURES,
                    sa.and_(FIGURES.c.report_id == REPORTS.c.id, FIGURES.c.key.in_(keys)),
                )
                .where(REPORTS.c.current, REPORTS.c.year == year)
            )
            if chunk is not None:
                query = query.where(REPORTS.c.agency_id.in_(chunk))
            for agency_id, key, value in connection.execute(query):
                if agency_id not in wanted:
                    continue
                cells = found.setdefault(agency_id, {})
                if key is not None:
                    cells[key] = None if value is None else Decimal(value)
    return found


def flagged_agencies(
    db: Database,
    *,
    keys: list[str],
    year: int,
    agency_ids: list[int],
    rules: tuple[str, ...] | None = None,
) -> set[int]:
    """Agencies whose current report for ``year`` has a finding (of one of ``rules``, if
    given) touching any of ``keys``."""
    flagged: set[int] = set()
    wanted, ids = set(keys), set(agency_ids)
    with db.connect() as connection:
        for chunk in _scopes(agency_ids):
            query = (
                sa.select(REPORTS.c.agency_id, FINDINGS.c.cells_json)
                .join(FINDINGS, FINDINGS.c.report_id == REPORTS.c.id)
                .where(REPORTS.c.current, REPORTS.c.year == year)
            )
            if chunk is not None:
                query = query.where(REPORTS.c.agency_id.in_(chunk))
            if rules is not None:
                query = query.where(FINDINGS.c.rule.in_(rules))
            for agency_id, cells in connection.execute(query):
                if agency_id in ids and wanted & set(json.loads(cells)):
                    flagged.add(agency_id)
    return flagged


def _scopes(ids: list[int]) -> list[list[int] | None]:
    """Chunks of ids for ``IN`` lists, or ``[None]``: the whole year, when there are many."""
    if len(ids) > _WHOLE_YEAR:
        return [None]
    return list(_chunks(ids))


def _chunks(ids: list[int], size: int = 900) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)] or [[]]
