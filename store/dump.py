"""Every report out of the store and back in: the data behind ``export`` and ``import``.

Reports stream out in the order they were indexed, a chunk at a time (a national store holds
half a million); they go back in chunks of one transaction each, skipping a report already
there (same agency, year and file), so that importing twice changes nothing.
"""

import json
from collections.abc import Iterable, Iterator
from itertools import islice

import sqlalchemy as sa

from bot.parser.report import Finding
from bot.records import ReportDump
from store.db import Database
from store.repo import stored_finding
from store.writes import (
    AGENCIES,
    FIGURES,
    FINDINGS,
    REPORTS,
    STATE,
    agency_of,
    finding_rows,
    insert_figures,
    remember_alias,
)

CHUNK = 500
_AGENCY_FIELDS = ("name", "identity", "parent", "level", "city", "province", "code")


def dump_reports(db: Database) -> Iterator[ReportDump]:
    """Every report, current or replaced, in the order it was indexed."""
    last = 0
    while True:
        with db.connect() as connection:
            rows = connection.execute(
                sa.select(REPORTS, *(AGENCIES.c[f] for f in _AGENCY_FIELDS))
                .join(AGENCIES, AGENCIES.c.id == REPORTS.c.agency_id)
                .where(REPORTS.c.id > last)
                .order_by(REPORTS.c.id)
                .limit(CHUNK)
            ).all()
            if not rows:
                return
            ids = [row.id for row in rows]
            figures = _figures(connection, ids)
            findings = _findings(connection, ids)
        for row in rows:
            yield _dump(row, figures.get(row.id, {}), findings.get(row.id, ()))
        last = ids[-1]


def _figures(connection: sa.Connection, ids: list[int]) -> dict[int, dict[str, str | None]]:
    found: dict[int, dict[str, str | None]] = {}
    query = sa.select(FIGURES).where(FIGURES.c.report_id.in_(ids)).order_by(FIGURES.c.key)
    for report_id, key, value in connection.execute(query):
        found.setdefault(report_id, {})[key] = value
    return found


def _findings(connection: sa.Connection, ids: list[int]) -> dict[int, tuple[Finding, ...]]:
    found: dict[int, list[Finding]] = {}
    query = sa.select(FINDINGS).where(FINDINGS.c.report_id.in_(ids)).order_by(FINDINGS.c.id)
    for row in connection.execute(query):
        found.setdefault(row.report_id, []).append(stored_finding(row))
    return {k: tuple(v) for k, v in found.items()}


def _dump(
    row: sa.Row[tuple[object, ...]],
    figures: dict[str, str | None],
    findings: tuple[Finding, ...],
) -> ReportDump:
    data = row._mapping
    return ReportDump(
        agency={f: data[AGENCIES.c[f]] for f in _AGENCY_FIELDS},
        year=data[REPORTS.c.year],
        layout=data[REPORTS.c.layout],
        source_name=data[REPORTS.c.source_name],
        sha256=data[REPORTS.c.sha256],
        ingested_at=data[REPORTS.c.ingested_at],
        published=data[REPORTS.c.published],
        current=data[REPORTS.c.current],
        figures=figures,
        findings=findings,
        labels=json.loads(data[REPORTS.c.labels_json]),
        text=json.loads(data[REPORTS.c.text_json]),
    )


def restore_reports(db: Database, *, dumps: Iterable[ReportDump]) -> tuple[int, int]:
    """Put exported reports in the store: (added, already there)."""
    added = skipped = 0
    reports = iter(dumps)
    while chunk := list(islice(reports, CHUNK)):
        with db.begin() as connection:
            for dump in chunk:
                if _restore(connection, dump):
                    added += 1
                else:
                    skipped += 1
            connection.execute(
                sa.update(STATE)
                .where(STATE.c.id == 1)
                .values(reports_version=STATE.c.reports_version + 1)
            )
    return added, skipped


def _restore(connection: sa.Connection, dump: ReportDump) -> bool:
    agency_id = _agency_id(connection, dump.agency)
    same = sa.and_(REPORTS.c.agency_id == agency_id, REPORTS.c.year == dump.year)
    if connection.execute(
        sa.select(REPORTS.c.id).where(same, REPORTS.c.sha256 == dump.sha256)
    ).first():
        return False
    if dump.current:  # as an ingest would: the report it replaces stays, as history
        connection.execute(sa.update(REPORTS).where(same, REPORTS.c.current).values(current=False))
    report_id = connection.execute(
        sa.insert(REPORTS).returning(REPORTS.c.id),
        {
            "agency_id": agency_id,
            "year": dump.year,
            "layout": dump.layout,
            "source_name": dump.source_name,
            "sha256": dump.sha256,
            "ingested_at": dump.ingested_at,
            "published": dump.published,
            "current": dump.current,
            "text_json": json.dumps(dump.text, ensure_ascii=False),
            "labels_json": json.dumps(dump.labels, ensure_ascii=False),
        },
    ).scalar_one()
    if dump.figures:
        insert_figures(connection, [(report_id, k, v) for k, v in dump.figures.items()])
    if dump.findings:
        connection.execute(sa.insert(FINDINGS), finding_rows(report_id, dump.findings))
    return True


def _agency_id(connection: sa.Connection, fields: dict[str, str | None]) -> int:
    # identified again from its name and regions: an older export's identity was the name
    agency = agency_of(fields)
    found = connection.execute(
        sa.select(AGENCIES.c.id).where(AGENCIES.c.identity == agency.identity)
    ).scalar()
    if found is None:
        values = {f: getattr(agency, f) for f in _AGENCY_FIELDS}
        found = connection.execute(
            sa.insert(AGENCIES).returning(AGENCIES.c.id), values
        ).scalar_one()
    remember_alias(connection, int(found), agency.printed, agency.name)
    return int(found)
