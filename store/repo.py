"""Repository functions: keyword-only, one short session each."""

import json
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from bot.reports.model import Agency as ParsedAgency
from store.db import Database
from store.models import Agency, Figure, Finding, Report
from store.records import AgencyRecord, StoredFinding, StoredReport
from store.writes import PREVIOUS_FIGURES, REPORTS_VERSION, identity_of


def _current_report(session: Session, agency_id: int, year: int) -> Report | None:
    query = select(Report).where(
        Report.agency_id == agency_id, Report.year == year, col(Report.current).is_(True)
    )
    return session.exec(query).first()


def list_agencies(db: Database) -> list[AgencyRecord]:
    """Every agency that has at least one current report (plain columns: fast at 100,000)."""
    columns = [Agency.id, Agency.name, Agency.parent, Agency.level, Agency.city, Agency.province]
    query = (
        sa.select(*[col(c) for c in columns])
        .where(col(Agency.id).in_(select(Report.agency_id).where(col(Report.current))))
        .order_by(col(Agency.name))
    )
    with db.session() as session:
        return [AgencyRecord(*row) for row in session.execute(query)]


def report_years(db: Database) -> dict[int, list[int]]:
    """For each agency id, the years of its current reports, ascending."""
    with db.session() as session:
        rows = session.exec(
            select(Report.agency_id, Report.year)
            .where(col(Report.current))
            .order_by(col(Report.year))
        )
        years: dict[int, list[int]] = {}
        for agency_id, year in rows:
            years.setdefault(agency_id, []).append(year)
        return years


def get_report(db: Database, *, agency_id: int, year: int) -> StoredReport | None:
    """The current report of an agency for a year, with figures and findings."""
    with db.session() as session:
        report = _current_report(session, agency_id, year)
        if report is None:
            return None
        agency = session.get(Agency, agency_id)
        assert agency is not None and report.id is not None
        figures = session.exec(select(Figure).where(Figure.report_id == report.id)).all()
        findings = session.exec(select(Finding).where(Finding.report_id == report.id)).all()
        return StoredReport(
            id=report.id,
            agency=_agency_record(agency),
            year=report.year,
            layout=report.layout,
            source_name=report.source_name,
            sha256=report.sha256,
            ingested_at=report.ingested_at,
            published=report.published,
            figures={f.key: None if f.value is None else Decimal(f.value) for f in figures},
            findings=tuple(_stored_finding(f) for f in findings),
            labels=json.loads(report.labels_json),
            text=json.loads(report.text_json),
        )


def previous_figures(
    db: Database, *, agency: ParsedAgency, year: int
) -> dict[str, Decimal] | None:
    """The reported figures of the agency's current report for ``year``, if indexed."""
    # Core, not ORM rows: every ingested report asks this, for ~200 cells
    with db.engine.connect() as connection:
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
        agency.id, agency.name, agency.parent, agency.level, agency.city, agency.province
    )


def _stored_finding(row: Finding) -> StoredFinding:
    return StoredFinding(
        rule=row.rule,
        cells=tuple(json.loads(row.cells_json)),
        expected=None if row.expected is None else Decimal(row.expected),
        found=None if row.found is None else Decimal(row.found),
        message=row.message,
    )


def index_version(db: Database) -> int:
    """A number that every change to the indexed reports raises: one row, read in no time."""
    with db.engine.connect() as connection:
        version = connection.execute(REPORTS_VERSION).scalar()
    return int(version or 0)


def figure_values(
    db: Database, *, keys: list[str], year: int, agency_ids: list[int]
) -> dict[int, dict[str, Decimal | None]]:
    """The cells ``keys`` of each listed agency's current report for ``year``."""
    found: dict[int, dict[str, Decimal | None]] = {}
    with db.session() as session:
        for chunk in _chunks(agency_ids):
            reports = session.exec(
                select(Report.id, Report.agency_id).where(
                    col(Report.current), Report.year == year, col(Report.agency_id).in_(chunk)
                )
            ).all()
            by_report = dict(reports)
            for agency_id in by_report.values():
                found[agency_id] = {}
            if not by_report:
                continue
            rows = session.exec(
                select(Figure.report_id, Figure.key, Figure.value).where(
                    col(Figure.report_id).in_(list(by_report)), col(Figure.key).in_(keys)
                )
            )
            for report_id, key, value in rows:
                found[by_report[report_id]][key] = None if value is None else Decimal(value)
    return found


def flagged_agencies(
    db: Database, *, keys: list[str], year: int, agency_ids: list[int]
) -> set[int]:
    """Agencies whose current report for ``year`` has a finding touching any of ``keys``."""
    flagged: set[int] = set()
    wanted = set(keys)
    with db.session() as session:
        for chunk in _chunks(agency_ids):
            rows = session.exec(
                select(Report.agency_id, Finding.cells_json)
                .join(Finding, col(Finding.report_id) == col(Report.id))
                .where(col(Report.current), Report.year == year, col(Report.agency_id).in_(chunk))
            )
            for agency_id, cells in rows:
                if wanted & set(json.loads(cells)):
                    flagged.add(agency_id)
    return flagged


def _chunks(ids: list[int], size: int = 900) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)] or [[]]
