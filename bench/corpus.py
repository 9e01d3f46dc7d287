"""A realistic national corpus: ~100,000 agencies with 5 years of reports, straight into the store.

    build_index("sqlite:///bench/.data/national-100000.db", 100_000)  # a few minutes, then cached

The schema comes from ``store.open_database`` (so it is the project's own); rows are written
with raw sqlite3 in large transactions, not by parsing files: agencies, one current report a
year each (layout 2021 from 2021, 2019 before), every figure of the layout, and findings for
the ~5% of reports generated with a broken sum (found by the project's own rule checker).
``render_reports`` writes generated report files with national names for the reading and
ingest benchmarks.
"""

import hashlib
import json
import os
import random
import sqlite3
import sys
import time
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from decimal import Decimal
from multiprocessing import get_context
from pathlib import Path

from bench.agencies import SEED, AgencySpec, canonical, national_agencies
from bench.figuregen import busyness, carried_forward, figures, raw_figures
from bench.testgen import TESTS, GeneratedReport, render
from bench.texts import report_texts
from bot.catalogue import layout_keys
from bot.parser import parse_report
from bot.validation import check_rules
from store import open_database

__all__ = ["AgencySpec", "build_index", "figures", "national_agencies", "render_reports"]

DATA = Path(__file__).resolve().parent / ".data"
VERSION = 2  # bump when the generated rows change: cached databases are rebuilt
LAST_YEAR = 2025
FINDING_RATE = 0.05
BATCH = 200  # agencies per generated batch (1,000 reports at 5 years)
_SORTED = {layout: tuple(sorted(layout_keys(layout))) for layout in ("2019", "2021")}
_BREAKS = (
    "applications.new.total",
    "applications.outcome.total.natural_person",
    "review.total",
    "litigation.direct.total",
)
_RULES_KEYS = ("proactive.rules.issued", "proactive.rules.repealed", "proactive.rules.in_force")
# One statement per batch and layout: the JSON array holds each report's cells in key order,
# agency by agency and year by year, so the report id follows from the position (r.key).
_FIGURE_SQL = (
    "INSERT INTO figure (report_id, key, value) "
    "SELECT (:before + r.key / :per_agency) * :years + :first_year + r.key % :per_agency + 1, "
    "k.key, v.value FROM json_each(:cells) AS r, json_each(r.value) AS v "
    "JOIN temp.keys_{0} AS k ON k.i = v.key"
)
_REPORT_SQL = (
    "INSERT INTO report (id, agency_id, year, layout, source_name, sha256, ingested_at, "
    "published, current, text_json, labels_json) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
)
_FINDING_SQL = (
    "INSERT INTO finding (report_id, rule, cells_json, expected, found, message) "
    "VALUES (?,?,?,?,?,?)"
)
_AGENCY_SQL = (
    "INSERT INTO agency (id, identity, name, parent, level, city, province, code) "
    "VALUES (?,?,?,?,?,?,?,?)"
)

Batch = tuple[int, list[tuple[object, ...]], dict[str, str], list[tuple[object, ...]], int]


def report_years(years: int) -> tuple[int, ...]:
    """The last ``years`` report years up to 2025."""
    return tuple(range(LAST_YEAR - years + 1, LAST_YEAR + 1))


def _broken(
    rng: random.Random, values: dict[str, str], layout: str
) -> list[tuple[str | None, ...]]:
    """Break one sum of the report, as a typo in a printed table would; the findings."""
    key = rng.choice(_BREAKS)
    values[key] = str(int(values[key]) + 1 + int(rng.random() * 3))
    found = check_rules({k: Decimal(v) for k, v in values.items()}, layout)
    return [
        (f.rule, json.dumps(list(f.cells)), _text(f.expected), _text(f.found), f.message)
        for f in found
    ]


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _batch(
    first_id: int, agencies: list[AgencySpec], years: tuple[int, ...], labels: str
) -> Batch:
    """Reports, figures (a JSON array per layout) and findings of consecutive agencies."""
    reports: list[tuple[object, ...]] = []
    cells: dict[str, list[object]] = {"2019": [], "2021": []}
    findings: list[tuple[object, ...]] = []
    for offset, agency in enumerate(agencies):
        agency_id = first_id + offset
        rng = random.Random(SEED * 1_000_003 + agency_id)
        top = busyness(rng, agency.level)
        blank_rules = agency.level in {"township", "department"} and rng.random() < 0.4
        carried = None
        for index, year in enumerate(years):
            layout = "2019" if year < 2021 else "2021"
            values = raw_figures(rng, layout, agency.level, top=top, carried=carried)
            carried = carried_forward(values)
            report_id = (agency_id - 1) * len(years) + index + 1
            if rng.random() < FINDING_RATE:
                findings += [(report_id, *f) for f in _broken(rng, values, layout)]
            texts = json.dumps(report_texts(rng, agency, year, values), ensure_ascii=False)
            stored: dict[str, str | None] = dict(values)
            if blank_rules and layout == "2021":
                stored.update(dict.fromkeys(_RULES_KEYS))
            if rng.random() < 0.02 and layout == "2021":
                stored["proactive.fees.amount"] = None
            cells[layout].append([stored[k] for k in _SORTED[layout]])
            suffix = rng.choice(("pdf", "pdf", "pdf", "docx", "html", "txt"))
            day, second = 1 + int(rng.random() * 28), int(rng.random() * 86400)
            reports.append(
                (
                    report_id,
                    agency_id,
                    year,
                    layout,
                    f"{agency.name}{year}年政府信息公开工作年度报告_{agency_id}.{suffix}",
                    hashlib.sha256(f"{SEED}:{agency_id}:{year}".encode()).hexdigest(),
                    f"{year + 1}-02-{day:02d} {second // 3600:02d}:"
                    f"{second // 60 % 60:02d}:{second % 60:02d}.000000",
                    f"{year + 1}-01-{10 + int(rng.random() * 22):02d}",
                    1,
                    texts,
                    labels,
                )
            )
    figures_json = {layout: json.dumps(rows) for layout, rows in cells.items() if rows}
    count = sum(len(_SORTED[layout]) * len(rows) for layout, rows in cells.items())
    return first_id, reports, figures_json, findings, count


def _labels() -> str:
    """Row labels as the parser keeps them, from a generated report of the 2021 layout."""
    path = TESTS / "fixtures" / "generated" / "g01_township_2021.txt"
    return json.dumps(parse_report(path.name, path.read_bytes()).labels, ensure_ascii=False)


def _sqlite_path(db_url: str) -> Path:
    if not db_url.startswith("sqlite:///") or db_url.startswith("sqlite:///:memory:"):
        raise ValueError(f"build_index writes SQLite files only, not {db_url!r}")
    return Path(db_url.removeprefix("sqlite:///"))


def _meta_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def read_meta(db_url: str) -> dict[str, object]:
    """What ``build_index`` recorded about the database (counts, build seconds, bytes)."""
    meta: dict[str, object] = json.loads(_meta_path(_sqlite_path(db_url)).read_text())
    return meta


def build_index(db_url: str, agencies: int, years: int = 5) -> Path:
    """The national corpus at ``db_url`` for the first ``agencies`` agencies (whole counties)
    and ``years`` report years: reused when its metadata matches, else generated."""
    path = _sqlite_path(db_url)
    meta_path = _meta_path(path)
    wanted = {"version": VERSION, "seed": SEED, "limit": agencies, "years": years}
    if path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if {k: meta.get(k) for k in wanted} == wanted:
            return path
    path.parent.mkdir(parents=True, exist_ok=True)
    ignore = path.parent / ".gitignore"
    if path.parent.resolve() == DATA and not ignore.exists():
        ignore.write_text("*\n")
    for stale in (path, meta_path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
        stale.unlink(missing_ok=True)
    start = time.perf_counter()
    open_database(db_url).close()  # the project's schema, indexes and all
    counts = _fill(path, national_agencies(agencies), report_years(years))
    seconds = time.perf_counter() - start
    meta = {**wanted, **counts, "seconds": round(seconds, 1), "bytes": path.stat().st_size}
    meta_path.write_text(json.dumps(meta, indent=1) + "\n")
    print(f"[build] {path.name}: {meta} ", file=sys.stderr)
    return path


def _fill(path: Path, agencies: list[AgencySpec], years: tuple[int, ...]) -> dict[str, int]:
    """Write agencies and their reports; generation runs in worker processes meanwhile."""
    labels = _labels()
    workers = max(1, (os.cpu_count() or 2) - 1)
    totals = {"agencies": len(agencies), "reports": 0, "figures": 0, "findings": 0}
    start, shown = time.perf_counter(), 0
    with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
        pending: deque[Future[Batch]] = deque()
        connection = _bulk_connection(path, agencies)
        for first in range(0, len(agencies), BATCH):
            chunk = agencies[first : first + BATCH]
            pending.append(pool.submit(_batch, first + 1, chunk, years, labels))
            if len(pending) < 3 * workers:
                continue
            _write(connection, pending.popleft().result(), years, totals)
            if totals["reports"] - shown >= 25_000:
                shown = totals["reports"]
                _progress(totals, len(agencies) * len(years), time.perf_counter() - start)
        while pending:
            _write(connection, pending.popleft().result(), years, totals)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if "storestate" in tables:  # the store's change counter, as its own writes raise it
        connection.execute("UPDATE storestate SET reports_version = ?", (totals["reports"],))
    connection.execute("PRAGMA journal_mode=WAL")  # as the store runs it
    connection.close()
    return totals


def _bulk_connection(path: Path, agencies: list[AgencySpec]) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-1000000"):
        connection.execute(f"PRAGMA {pragma}")
    for layout, keys in _SORTED.items():
        connection.execute(f"CREATE TEMP TABLE keys_{layout} (i INTEGER PRIMARY KEY, key TEXT)")
        connection.executemany(f"INSERT INTO temp.keys_{layout} VALUES (?, ?)", enumerate(keys))
    # as an ingest would key them: region code and body, under the canonical name
    rows = [
        (i, c.identity, c.name, c.parent, c.level, c.city, c.province, c.code)
        for i, c in enumerate((canonical(a) for a in agencies), 1)
    ]
    connection.execute("BEGIN")
    connection.executemany(_AGENCY_SQL, rows)
    connection.execute("COMMIT")
    return connection


def _write(
    connection: sqlite3.Connection, batch: Batch, years: tuple[int, ...], totals: dict[str, int]
) -> None:
    first_id, reports, figures_json, findings, count = batch
    connection.execute("BEGIN")
    connection.executemany(_REPORT_SQL, reports)
    for layout, array in figures_json.items():
        ours = [i for i, year in enumerate(years) if (year < 2021) == (layout == "2019")]
        where: dict[str, int | str] = {"before": first_id - 1, "per_agency": len(ours)}
        where |= {"years": len(years), "first_year": ours[0], "cells": array}
        connection.execute(_FIGURE_SQL.format(layout), where)
    connection.executemany(_FINDING_SQL, findings)
    connection.execute("COMMIT")
    totals["reports"] += len(reports)
    totals["figures"] += count
    totals["findings"] += len(findings)


def _progress(totals: dict[str, int], reports: int, elapsed: float) -> None:
    done = totals["reports"] / reports
    print(
        f"[build] {totals['reports']:,}/{reports:,} reports · {totals['figures']:,} figures · "
        f"{elapsed:.0f}s · ETA {elapsed / done - elapsed:.0f}s",
        file=sys.stderr,
    )


def render_reports(
    out_dir: Path, count: int, formats: Sequence[str] = ("txt", "html", "docx", "pdf")
) -> list[Path]:
    """``count`` generated reports with national agency names, each in every format of
    ``formats`` (``<stem>.<fmt>``), and the expected parse of each (``<stem>.json``)."""
    rng = random.Random(SEED)
    everyone = national_agencies()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for number, agency in enumerate(rng.sample(everyone, count)):
        year = rng.randint(2021, LAST_YEAR)
        values = raw_figures(rng, "2021", agency.level)
        texts = report_texts(rng, agency, year, values)
        report = GeneratedReport(
            agency=agency.name,
            parent=agency.parent,
            year=year,
            layout="2021",
            figures={k: Decimal(v) for k, v in values.items()},
            overview=texts["overview"],
            problems=texts["problems"],
            other_matters=texts["other_matters"],
            kind="city" if agency.level == "province" else agency.level,
        )
        stem = f"n{number:05d}_{agency.level}_{year}"
        for fmt in formats:
            path = out_dir / f"{stem}.{fmt}"
            path.write_bytes(render(report, fmt))
            written.append(path)
        expected = json.dumps(report.expected(file=f"{stem}.txt"), ensure_ascii=False, indent=1)
        (out_dir / f"{stem}.json").write_text(expected + "\n", encoding="utf-8")
    return written
