"""Indexing a parsed report: one transaction, a handful of Core statements.

Core rather than ORM objects here: an ingest writes ~200 cells a report, hundreds of reports
a second, and the ORM's bookkeeping would cost more than the parsing.
"""

import functools
import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from bot.agencies.identify import canonical_agency
from bot.parser.report import Agency as ParsedAgency
from bot.parser.report import Finding as ParsedFinding
from bot.parser.report import ParsedReport
from bot.records import DeleteOutcome, IngestOutcome, IngestStatus
from store.db import Database
from store.models import Agency, AgencyAlias, Figure, Finding, Report, StoreState

AGENCIES: sa.Table = Agency.__table__  # type: ignore[attr-defined]
ALIASES: sa.Table = AgencyAlias.__table__  # type: ignore[attr-defined]
REPORTS: sa.Table = Report.__table__  # type: ignore[attr-defined]
FIGURES: sa.Table = Figure.__table__  # type: ignore[attr-defined]
FINDINGS: sa.Table = Finding.__table__  # type: ignore[attr-defined]
STATE: sa.Table = StoreState.__table__  # type: ignore[attr-defined]
_PLACES = ("parent", "level", "city", "province", "code")
_AGENCY_COLUMNS = (
    AGENCIES.c.id,
    AGENCIES.c.identity,
    AGENCIES.c.name,
    *(AGENCIES.c[p] for p in _PLACES),
)
# built once: an ingest runs them hundreds of times a second
_AGENCY_BY_IDENTITY = sa.select(*_AGENCY_COLUMNS).where(
    AGENCIES.c.identity == sa.bindparam("identity")
)
_AGENCIES_BY_NAME = sa.select(*_AGENCY_COLUMNS).where(AGENCIES.c.name == sa.bindparam("name"))
_ALIAS = sa.select(ALIASES.c.id).where(
    ALIASES.c.agency_id == sa.bindparam("agency_id"), ALIASES.c.name == sa.bindparam("name")
)
_INSERT_ALIAS = sa.insert(ALIASES)
_CURRENT_REPORT = sa.select(REPORTS.c.id, REPORTS.c.sha256, REPORTS.c.source_name).where(
    REPORTS.c.agency_id == sa.bindparam("agency_id"),
    REPORTS.c.year == sa.bindparam("year"),
    REPORTS.c.current,
)
_CURRENT_FIGURES = sa.select(FIGURES.c.key, FIGURES.c.value).where(
    FIGURES.c.report_id == sa.bindparam("report_id")
)
_RETIRE_REPORT = (
    sa.update(REPORTS).where(REPORTS.c.id == sa.bindparam("report_id")).values(current=False)
)
# a report's cells by agency identity and year: one row with NULLs when it has none
PREVIOUS_FIGURES = (
    sa.select(REPORTS.c.id, FIGURES.c.key, FIGURES.c.value)
    .join(AGENCIES, AGENCIES.c.id == REPORTS.c.agency_id)
    .outerjoin(FIGURES, FIGURES.c.report_id == REPORTS.c.id)
    .where(
        AGENCIES.c.identity == sa.bindparam("identity"),
        REPORTS.c.year == sa.bindparam("year"),
        REPORTS.c.current,
    )
)
REPORTS_VERSION = sa.select(STATE.c.reports_version).where(STATE.c.id == 1)
_RAISE_VERSION = (
    sa.update(STATE).where(STATE.c.id == 1).values(reports_version=STATE.c.reports_version + 1)
)
_INSERT_AGENCY = sa.insert(AGENCIES).returning(AGENCIES.c.id)
_INSERT_REPORT = sa.insert(REPORTS).returning(REPORTS.c.id)
_INSERT_FIGURES = sa.insert(FIGURES)
_INSERT_FINDINGS = sa.insert(FINDINGS)


def agency_of(fields: dict[str, str | None]) -> ParsedAgency:
    """An agency given as a mapping of name and regions (an export's), identified. Its level
    is read again from its name, as its identity and code are."""
    return canonical_agency(
        ParsedAgency(
            fields.get("name") or "",
            parent=fields.get("parent"),
            city=fields.get("city"),
            province=fields.get("province"),
        )
    )


def identity_of(agency: ParsedAgency) -> str:
    """The identity of the agency a report names: its region's code and its body."""
    return canonical_agency(agency).identity


def save_report(db: Database, *, report: ParsedReport, now: datetime) -> IngestOutcome:
    """Index ``report`` atomically: new; unchanged (the same file, or the same cells from
    another file of the report); kept out (the indexed copy holds more cells: a cut copy never
    replaces a fuller one); or replacing the current copy."""
    if report.year is None or not report.agency.name:
        raise ValueError("a report without agency and year cannot be indexed")
    year, name = report.year, report.agency.name
    with db.begin() as connection:
        agency_id = _upsert_agency(connection, report.agency)
        current = connection.execute(
            _CURRENT_REPORT, {"agency_id": agency_id, "year": year}
        ).first()
        if current is not None:
            held = dict(connection.execute(_CURRENT_FIGURES, {"report_id": current.id}).all())
            status = _against_current(report, current.sha256, held)
            if status is not None:
                return IngestOutcome(
                    status, current.id, name, year, current.source_name, len(held)
                )
            connection.execute(_RETIRE_REPORT, {"report_id": current.id})
        report_id = _insert_report(connection, agency_id, report, now)
        connection.execute(_RAISE_VERSION)
    if current is None:
        return IngestOutcome(IngestStatus.INDEXED, report_id, name, year)
    return IngestOutcome(
        IngestStatus.REPLACED, report_id, name, year, current.source_name, len(held)
    )


def _against_current(
    report: ParsedReport, sha256: str, held: dict[str, str | None]
) -> IngestStatus | None:
    """``unchanged`` or ``kept`` when ``report`` must not replace the current copy whose
    cells are ``held``; ``None`` when it replaces it."""
    if sha256 == report.sha256 or held == cell_texts(report):
        return IngestStatus.UNCHANGED
    if cells_held(report) < len(held):
        return IngestStatus.KEPT
    return None


def cell_texts(report: ParsedReport) -> dict[str, str | None]:
    """The report's cells as stored: the exact decimal text, ``None`` for not reported."""
    cells: dict[str, str | None] = {k: str(v) for k, v in report.figures.items()}
    return cells | dict.fromkeys(report.not_reported)


def cells_held(report: ParsedReport) -> int:
    """How many cells a copy holds: its figures and the cells it marks not reported."""
    return len(report.figures) + len(report.not_reported)


def _upsert_agency(connection: sa.Connection, parsed: ParsedAgency) -> int:
    agency = canonical_agency(parsed)
    identity = agency.identity
    row = connection.execute(_AGENCY_BY_IDENTITY, {"identity": identity}).first()
    if row is None:
        row, identity = _placeless(connection, agency)
    known = row._mapping if row is not None else {}
    values = {p: getattr(agency, p) or known.get(p) for p in _PLACES}
    values |= {"identity": identity, "name": agency.name}
    if row is None:
        agency_id: int = connection.execute(_INSERT_AGENCY, values).scalar_one()
    else:
        agency_id = row.id
        if any(values[k] != known[k] for k in values):
            connection.execute(sa.update(AGENCIES).where(AGENCIES.c.id == row.id).values(**values))
    remember_alias(connection, agency_id, agency.printed, agency.name)
    return agency_id


def _placeless(connection: sa.Connection, agency: ParsedAgency) -> tuple[Any, str]:
    """The one agency of this name stored without its region, or the one stored with it
    when this report names none: one agency, not two (the same identity either way)."""
    namesakes = connection.execute(_AGENCIES_BY_NAME, {"name": agency.name}).all()
    placeless = [a for a in namesakes if a.identity.startswith("~|")]
    if agency.identity.startswith("~|") and len(namesakes) == 1:
        return namesakes[0], namesakes[0].identity
    if len(placeless) == 1:
        return placeless[0], agency.identity
    return None, agency.identity


def remember_alias(connection: sa.Connection, agency_id: int, printed: str, name: str) -> None:
    """Keep a printed name of the agency that is not its canonical name."""
    if not printed or printed == name:
        return
    if connection.execute(_ALIAS, {"agency_id": agency_id, "name": printed}).first() is None:
        connection.execute(_INSERT_ALIAS, {"agency_id": agency_id, "name": printed})


def _insert_report(
    connection: sa.Connection, agency_id: int, report: ParsedReport, now: datetime
) -> int:
    inserted = connection.execute(
        _INSERT_REPORT,
        {
            "agency_id": agency_id,
            "year": report.year,
            "layout": report.layout,
            "source_name": report.source_name,
            "sha256": report.sha256,
            "ingested_at": now,
            "published": report.published,
            "current": True,
            "text_json": json.dumps(report.text, ensure_ascii=False),
            "labels_json": json.dumps(report.labels, ensure_ascii=False),
        },
    )
    report_id: int = inserted.scalar_one()
    insert_figures(connection, [(report_id, k, v) for k, v in cell_texts(report).items()])
    if report.findings:
        connection.execute(_INSERT_FINDINGS, finding_rows(report_id, report.findings))
    return report_id


_FIGURE_COLUMNS = ["report_id", "key", "value"]


def insert_figures(connection: sa.Connection, rows: list[tuple[int, str, str | None]]) -> None:
    """Write figure rows (report id, key, value or ``None`` for not reported)."""
    # Straight to the driver's executemany: SQLAlchemy's per-row parameter handling of ~200
    # cells cost more than SQLite's inserts. The statement is still SQLAlchemy's, compiled once
    # per dialect; the columns are plain integers and strings, with no conversions to skip.
    sql, positional = _figures_sql(connection.dialect)
    if positional:
        connection.exec_driver_sql(sql, rows)
    else:
        connection.exec_driver_sql(
            sql, [dict(zip(_FIGURE_COLUMNS, row, strict=True)) for row in rows]
        )


@functools.cache
def _figures_sql(dialect: sa.Dialect) -> tuple[str, bool]:
    compiled = _INSERT_FIGURES.compile(dialect=dialect, column_keys=_FIGURE_COLUMNS)
    if compiled.positional and compiled.positiontup != _FIGURE_COLUMNS:
        raise RuntimeError(f"unexpected parameter order: {compiled.positiontup}")
    return compiled.string, compiled.positional


def finding_rows(report_id: int, findings: Iterable[ParsedFinding]) -> list[dict[str, object]]:
    """The rows of a report's findings."""
    return [
        {
            "report_id": report_id,
            "rule": f.rule,
            "cells_json": json.dumps(list(f.cells)),
            "expected": None if f.expected is None else str(f.expected),
            "found": None if f.found is None else str(f.found),
            "message": f.message,
        }
        for f in findings
    ]


def delete_report(db: Database, *, agency_id: int, year: int) -> DeleteOutcome | None:
    """Remove an agency's report for ``year``, every version of it, with its figures and
    findings, in one transaction; ``None`` if it has none. The agency stays: subscriptions
    may track it, and a new report for it may come."""
    with db.begin() as connection:
        rows = connection.execute(
            sa.select(REPORTS.c.id, REPORTS.c.source_name, REPORTS.c.current, AGENCIES.c.name)
            .join(AGENCIES, AGENCIES.c.id == REPORTS.c.agency_id)
            .where(REPORTS.c.agency_id == agency_id, REPORTS.c.year == year)
            .order_by(REPORTS.c.id.desc())
        ).all()
        current = next((row for row in rows if row.current), None)
        if current is None:
            return None
        ids = [row.id for row in rows]
        for table in (FINDINGS, FIGURES):
            connection.execute(sa.delete(table).where(table.c.report_id.in_(ids)))
        connection.execute(sa.delete(REPORTS).where(REPORTS.c.id.in_(ids)))
        connection.execute(_RAISE_VERSION)
    older = tuple(row.source_name for row in rows if not row.current)
    return DeleteOutcome(current.name, year, current.source_name, older)
