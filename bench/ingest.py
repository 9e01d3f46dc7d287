"""Ingest speed: reports per second from files into the store, and the store's size.

    .venv/bin/python -m bench.ingest [--reports 2000] [--formats txt html] [--workers 1 2]
        [--repeat 5] [--db-url postgresql+psycopg://...]

Renders ``--reports`` generated reports with national agency names (``bench.corpus``; cached
in ``bench/.data``), then for each format and worker count ingests them into a new, empty store
through ``DisclosureService.ingest_paths``, the code ``disclosure-bot ingest`` runs: parsing
(in worker processes), the cross-year checks, one transaction per report. Prints reports per
second, what was indexed, and the size of the SQLite file.
"""

import argparse
import os
import platform
import statistics
import tempfile
import time
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from bench.corpus import DATA, render_reports
from bot.parser.workers import default_workers
from bot.service.core import DisclosureService
from store import open_database

SHANGHAI = ZoneInfo("Asia/Shanghai")
COMMAND = ".venv/bin/python -m bench.ingest"


def corpus(count: int, formats: list[str]) -> dict[str, list[Path]]:
    """The generated report files of each format, rendered once and cached."""
    folder = DATA / f"ingest-{count}"
    found = {fmt: sorted(folder.glob(f"*.{fmt}")) for fmt in formats}
    if any(len(files) < count for files in found.values()):
        render_reports(folder, count, tuple(formats))
        found = {fmt: sorted(folder.glob(f"*.{fmt}")) for fmt in formats}
    return found


def ingest(files: list[Path], url: str, workers: int) -> tuple[float, Counter[str]]:
    """Ingest ``files`` into the empty store at ``url``: (seconds, statuses)."""
    service = DisclosureService(open_database(url), timezone=SHANGHAI, max_file_bytes=20 << 20)
    start = time.perf_counter()
    results = service.ingest_paths(files, now=lambda: datetime.now(SHANGHAI), workers=workers)
    statuses = Counter(result.status for result in results)
    elapsed = time.perf_counter() - start
    service.db.close()
    return elapsed, statuses


def empty_store(db_url: str | None, folder: Path) -> str:
    """A new store: a SQLite file in ``folder``, or ``db_url`` with every table dropped."""
    if db_url is None:
        return f"sqlite:///{folder / 'ingest.db'}"
    engine = sa.create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(sa.text("DROP SCHEMA public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()
    return db_url


def store_size(url: str) -> str:
    """The SQLite file's size after a checkpoint, in MB per 1,000 reports' worth of text."""
    if not url.startswith("sqlite:///"):
        return "—"
    path = Path(url.removeprefix("sqlite:///"))
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return f"{path.stat().st_size / 1e6:.1f} MB"


def main() -> None:
    """Print reports per second for each format and worker count."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--formats", nargs="+", default=["txt"])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, default_workers()])
    parser.add_argument("--db-url", default=None, help="a PostgreSQL store (emptied first)")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each (a shared machine: the median)"
    )
    args = parser.parse_args()
    files = corpus(args.reports, args.formats)
    print(
        f"# ingest speed · {datetime.now(SHANGHAI):%Y-%m-%d} · "
        f"{platform.processor() or platform.machine()} · {os.cpu_count()} cores · "
        f"Python {platform.python_version()} · {'PostgreSQL' if args.db_url else 'SQLite'}"
    )
    print(f"{'format':<8}{'workers':>8}{'reports':>9}{'seconds':>9}{'reports/s':>11}  store")
    for fmt in args.formats:
        for workers in args.workers:
            rates = [run(files[fmt], fmt, workers, args.db_url) for _ in range(args.repeat)]
            if args.repeat > 1:
                runs = ", ".join(f"{r:.0f}" for r in sorted(rates))
                print(
                    f"{fmt} with {workers} workers: median {statistics.median(rates):.0f}/s of "
                    f"{args.repeat} runs ({runs})"
                )
    workers = " ".join(map(str, args.workers))
    print(
        f"reproduce: {COMMAND} --reports {args.reports} --formats {' '.join(args.formats)} "
        f"--workers {workers} --repeat {args.repeat}"
    )


def run(files: list[Path], fmt: str, workers: int, db_url: str | None) -> float:
    """One ingest into a new store, its line printed: reports per second."""
    with tempfile.TemporaryDirectory() as folder:
        url = empty_store(db_url, Path(folder))
        elapsed, statuses = ingest(files, url, workers)
        rate = len(files) / elapsed
        print(
            f"{fmt:<8}{workers:>8}{len(files):>9}{elapsed:>9.1f}{rate:>11.1f}  "
            f"{store_size(url)}  {dict(statuses)}"
        )
    return rate


if __name__ == "__main__":
    main()
