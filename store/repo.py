"""Repository functions: keyword-only, one short session each."""

import json
from datetime import datetime
from decimal import Decimal

from sqlmodel import Session, col, func, select

from bot.reports.model import Finding as ParsedFinding
from bot.reports.model import ParsedReport
from store.db import Database
from store.models import Agency, Figure, Finding, Report
from store.records import AgencyRecord, IngestOutcome, StoredFinding, StoredReport


def save_report(db: Database, *, report: ParsedReport, now: datetime) -> IngestOutcome:
    """Index ``report``: new, unchanged (same file), or replacing the current one, atomically."""
    if report.year is None or not report.agency.name:
        raise ValueError("a report without agency and year cannot be indexed")
    year = report.year
    with db.session() as session:
        agency = _upsert_agency(session, report)
        assert agency.id is not None
        current = _current_report(session, agency.id, year)
        if current is not None and current.sha256 == report.sha256:
            assert current.id is not None
            return IngestOutcome("unchanged", current.id, agency.name, year)
        replaced = None
        if current is not None:
            current.current = False
            replaced = current.source_name
            session.add(current)
            session.flush()
        row = _insert_report(session, agency.id, report, year, now)
        assert row.id is not None
        status = "replaced" if replaced else "indexed"
        return IngestOutcome(status, row.id, agency.name, year, replaced)


def _upsert_agency(session: Session, report: ParsedReport) -> Agency:
    parsed = report.agency
    agency = session.exec(select(Agency).where(Agency.name == parsed.name)).first()
    if agency is None:
        agency = Agency(name=parsed.name)
    agency.parent = parsed.parent or agency.parent
    agency.level = parsed.level or agency.level
    agency.city = parsed.city or agency.city
    agency.province = parsed.province or agency.province
    session.add(agency)
    session.flush()
    return agency


def _current_report(session: Session, agency_id: int, year: int) -> Report | None:
    query = select(Report).where(
        Report.agency_id == agency_id, Report.year == year, col(Report.current).is_(True)
    )
    return session.exec(query).first()


def _insert_report(
    session: Session, agency_id: int, report: ParsedReport, year: int, now: datetime
) -> Report:
    row = Report(
        agency_id=agency_id,
        year=year,
        layout=report.layout,
        source_name=report.source_name,
        sha256=report.sha256,
        ingested_at=now,
        published=report.published,
        current=True,
        text_json=json.dumps(report.text, ensure_ascii=False),
        labels_json=json.dumps(report.labels, ensure_ascii=False),
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    figures = [Figure(report_id=row.id, key=k, value=str(v)) for k, v in report.figures.items()]
    figures += [Figure(report_id=row.id, key=k, value=None) for k in report.not_reported]
    session.add_all(figures)
    session.add_all(_finding_rows(row.id, report.findings))
    return row


def _finding_rows(report_id: int, findings: tuple[ParsedFinding, ...]) -> list[Finding]:
    return [
        Finding(
            report_id=report_id,
            rule=f.rule,
            cells_json=json.dumps(list(f.cells)),
            expected=None if f.expected is None else str(f.expected),
            found=None if f.found is None else str(f.found),
            message=f.message,
        )
        for f in findings
    ]


def list_agencies(db: Database) -> list[AgencyRecord]:
    """Every agency that has at least one current report."""
    with db.session() as session:
        query = (
            select(Agency)
            .where(col(Agency.id).in_(select(Report.agency_id).where(col(Report.current))))
            .order_by(col(Agency.name))
        )
        return [_agency_record(a) for a in session.exec(query)]


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


def previous_figures(db: Database, *, agency_name: str, year: int) -> dict[str, Decimal] | None:
    """The reported figures of the agency's current report for ``year``, if indexed."""
    with db.session() as session:
        agency = session.exec(select(Agency).where(Agency.name == agency_name)).first()
        if agency is None or agency.id is None:
            return None
        report = _current_report(session, agency.id, year)
        if report is None:
            return None
        rows = session.exec(
            select(Figure).where(Figure.report_id == report.id, col(Figure.value).is_not(None))
        )
        return {f.key: Decimal(f.value) for f in rows if f.value is not None}


def count_reports(db: Database) -> int:
    """How many current reports are indexed."""
    with db.session() as session:
        return len(session.exec(select(Report.id).where(col(Report.current))).all())


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


def index_version(db: Database) -> tuple[int, int]:
    """A cheap fingerprint of the current reports (count, highest id) to notice changes."""
    with db.session() as session:
        row = session.exec(
            select(func.count(col(Report.id)), func.max(col(Report.id))).where(col(Report.current))
        ).one()
        return int(row[0] or 0), int(row[1] or 0)
