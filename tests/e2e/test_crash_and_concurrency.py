"""The store under a hard stop and under two processes: an ingest killed with SIGKILL leaves
every report whole (or absent) and the next ingest finishes the job; the bot answers while
another process ingests (SQLite in WAL mode, with a busy time-out)."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from itertools import product
from pathlib import Path

import pytest
from conftest import SEED, SHANGHAI, fixed_now

from bot.service.core import DisclosureService
from store import open_database

ROOT = Path(__file__).parents[2]
NAMES = [f"{a}{b}路" for a, b in product("甲乙丙丁戊己庚辛壬癸", "东西南北中")]
CELLS = 200  # every variant of the seed has 200 figures (none blank)


def _variants(folder: Path, count: int) -> list[Path]:
    """``count`` reports of distinct agencies: the seed with another street's name."""
    folder.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    paths = []
    for number, name in enumerate(NAMES[:count]):
        path = folder / f"{number:03d}_{name}.txt"
        path.write_text(seed.replace("汉屯路", name), encoding="utf-8")
        paths.append(path)
    return paths


def _ingest(folder: Path, db: Path, *, path: str = str(ROOT)) -> subprocess.Popen[bytes]:
    env = os.environ | {"DISCLOSURE_BOT_DB_URL": f"sqlite:///{db}", "PYTHONPATH": path}
    env.pop("DISCLOSURE_BOT_CONFIG", None)
    command = [sys.executable, "-m", "bot", "ingest", "--workers", "1", str(folder)]
    return subprocess.Popen(
        command, cwd=folder.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM report").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


# Loaded by the ingest process (its PYTHONPATH leads here): about to write report number
# PAUSE_AFTER + 1, in its transaction, the ingest says so (a file) and waits for the test.
PAUSES = """
import os, pathlib, time, sqlalchemy.event, sqlalchemy.engine

_written = [0]

@sqlalchemy.event.listens_for(sqlalchemy.engine.Engine, "before_cursor_execute")
def _pause(connection, cursor, statement, parameters, context, executemany):
    if not statement.lstrip().upper().startswith("INSERT INTO REPORT"):
        return
    _written[0] += 1
    if _written[0] == int(os.environ["PAUSE_AFTER"]) + 1:
        pathlib.Path(os.environ["PAUSED"]).touch()
        while not pathlib.Path(os.environ["RESUME"]).exists():
            time.sleep(0.01)
"""


def _pausing_ingest(
    folder: Path, db: Path, after: int, monkeypatch: pytest.MonkeyPatch
) -> tuple[subprocess.Popen[bytes], Path]:
    """An ingest that stops in the middle of writing report ``after + 1``: it waits there,
    its transaction open, until the file it returns exists."""
    hooks = folder.parent / "pause"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(PAUSES)
    monkeypatch.setenv("PAUSE_AFTER", str(after))
    monkeypatch.setenv("PAUSED", str(hooks / "paused"))
    monkeypatch.setenv("RESUME", str(hooks / "resume"))
    process = _ingest(folder, db, path=f"{hooks}:{ROOT}")
    deadline = time.monotonic() + 120  # polling for the positive case: it pauses, in time
    while not (hooks / "paused").exists():
        assert process.poll() is None, process.communicate()[1].decode()
        assert time.monotonic() < deadline, "the ingest never reached the pause"
        time.sleep(0.01)
    return process, hooks / "resume"


def _check_consistent(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        reports = connection.execute("SELECT count(*) FROM report").fetchone()[0]
        cells = connection.execute(
            "SELECT count(*) FROM report LEFT JOIN figure ON figure.report_id = report.id "
            "GROUP BY report.id"
        ).fetchall()
        assert {c for (c,) in cells} <= {CELLS}, "a report without all of its cells"
        orphans = connection.execute(
            "SELECT count(*) FROM agency WHERE id NOT IN (SELECT agency_id FROM report)"
        ).fetchone()[0]
        assert orphans == 0, "an agency written without its report"
        version = connection.execute("SELECT reports_version FROM storestate").fetchone()[0]
        assert version == reports, "a report counted but not written, or written uncounted"
    return int(reports)


@pytest.mark.timeout(180)
@pytest.mark.parametrize("stop_after", [1, 7, 19])
def test_sigkill_during_ingest_loses_nothing_whole(
    tmp_path: Path, stop_after: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _variants(tmp_path / "reports", 40)
    db = tmp_path / "store.db"
    process, _ = _pausing_ingest(files[0].parent, db, stop_after, monkeypatch)
    os.kill(process.pid, signal.SIGKILL)  # in the middle of the next report's transaction
    process.communicate()
    monkeypatch.delenv("PAUSE_AFTER")
    done = _check_consistent(db)
    assert done == stop_after  # the reports before it, whole; the one it was writing, absent
    again = _ingest(files[0].parent, db)
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err.decode()
    summary = out.decode().strip().splitlines()[-1]
    assert summary == f"{len(files) - done} indexed, {done} unchanged", summary
    assert _check_consistent(db) == len(files)


@pytest.mark.timeout(180)
def test_answers_while_another_process_ingests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _variants(tmp_path / "reports", 40)
    db = tmp_path / "store.db"
    service = DisclosureService(
        open_database(f"sqlite:///{db}"), timezone=SHANGHAI, max_file_bytes=1 << 20
    )
    # the other process stops half-way, in the middle of a write: we answer meanwhile
    process, resume = _pausing_ingest(files[0].parent, db, 20, monkeypatch)
    seen: set[str] = set()
    for name in NAMES[:40]:
        answer = service.ask(f"{name}街道 2023 年 新收申请", now=fixed_now()).to_json()
        assert answer["kind"] in {"figure", "no_agency", "not_indexed"}, answer
        if answer["kind"] == "figure":
            seen.add(name)
    assert process.poll() is None  # still ingesting, its transaction open
    assert len(seen) == 20  # the twenty reports written before the pause, and no other
    resume.touch()
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err.decode()
    assert b"database is locked" not in err
    for name in NAMES[:40]:  # and every report is there once it is done
        assert service.ask(f"{name}街道 2023 年 新收申请", now=fixed_now()).kind == "figure"
    service.db.close()


# Loaded by the ingest process (its PYTHONPATH leads here): every SQLite connection may grow
# the file by only FULL_AFTER_PAGES pages, as a disk that fills up would allow.
DISK_FILLS_UP = """
import os, sqlalchemy.event, sqlalchemy.engine

@sqlalchemy.event.listens_for(sqlalchemy.engine.Engine, "connect")
def _fill_up(connection, record):
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages + int(os.environ['FULL_AFTER_PAGES'])}")
"""


@pytest.mark.timeout(180)
def test_a_full_disk_stops_the_ingest_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _variants(tmp_path / "reports", 40)
    db = tmp_path / "store.db"
    (tmp_path / "fault").mkdir()
    (tmp_path / "fault" / "sitecustomize.py").write_text(DISK_FILLS_UP)
    monkeypatch.setenv("FULL_AFTER_PAGES", "120")
    process = _ingest(files[0].parent, db, path=f"{tmp_path / 'fault'}:{ROOT}")
    out, err = process.communicate(timeout=120)
    assert process.returncode == 1
    *_, line = err.decode().strip().splitlines()  # the schema upgrade, then one line
    assert line.startswith("disclosure-bot: the report database failed (database or disk is full)")
    assert "nothing is half-written" in line and "Traceback" not in err.decode()
    done = _check_consistent(db)
    assert 1 <= done < len(files), "the disk filled up before the first or after the last"
    assert out.decode().strip().splitlines()[-1] == f"{done} indexed"  # what was, is said
    monkeypatch.delenv("FULL_AFTER_PAGES")
    again = _ingest(files[0].parent, db)  # space again: the next ingest finishes the job
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err.decode()
    assert (
        out.decode().strip().splitlines()[-1] == f"{len(files) - done} indexed, {done} unchanged"
    )
    assert _check_consistent(db) == len(files)
