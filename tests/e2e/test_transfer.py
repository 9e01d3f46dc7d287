"""export and import: every report as JSON lines, and an equal store rebuilt from them, on
SQLite and PostgreSQL; a broken line stops the import with its number."""

import json
from pathlib import Path

import pytest
from conftest import REPORTS, SEED, SHANGHAI, fixed_now, store_url
from typer.testing import CliRunner

from bot.cli.main import app
from bot.records import IngestStatus
from bot.service.core import DisclosureService
from bot.service.transfer import TransferError, read_lines, to_line
from store import open_database

pytestmark = pytest.mark.backends

NAMES = ["000_hantunlu_2023.txt", "008_pingtan_2023.html", "013_shanghai_bgt_2025.txt"]


def _service(url: str) -> DisclosureService:
    return DisclosureService(open_database(url), timezone=SHANGHAI, max_file_bytes=1 << 22)


def _fill(service: DisclosureService) -> None:
    for name in NAMES:
        data = (REPORTS / name).read_bytes()
        assert service.ingest_bytes(name, data, now=fixed_now()).status is IngestStatus.INDEXED
    # a corrected second file for the seed's agency and year (one figure of section 二
    # differs: the same figures would leave it unchanged): the first stays, as history
    changed = (
        SEED.read_text(encoding="utf-8")
        .replace("西工区汉屯路", "西工区 汉屯路")
        .replace("行政处罚\t0", "行政处罚\t3")
    )
    assert (
        service.ingest_bytes("again.txt", changed.encode(), now=fixed_now()).status
        is IngestStatus.REPLACED
    )


def _lines(service: DisclosureService) -> list[str]:
    return [to_line(report) for report in service.export_reports()]


def test_import_rebuilds_an_equal_store(db_url: str, backend: str, tmp_path: Path) -> None:
    source = _service(db_url)
    _fill(source)
    exported = _lines(source)
    assert len(exported) == len(NAMES) + 1
    assert [json.loads(line)["current"] for line in exported].count(False) == 1
    with store_url(backend, tmp_path / "copy") as copy_url:
        (tmp_path / "copy").mkdir(exist_ok=True)
        copy = _service(copy_url)
        assert copy.import_reports(read_lines(exported)) == (len(exported), 0)
        assert _lines(copy) == exported
        assert copy.import_reports(read_lines(exported)) == (0, len(exported))  # idempotent
        question = "平潭综合实验区 2023 现行有效规范性文件"
        assert (
            copy.ask(question, now=fixed_now()).to_json()
            == source.ask(question, now=fixed_now()).to_json()
        )
        copy.db.close()
    source.db.close()


def test_a_broken_line_is_named(db_url: str) -> None:
    service = _service(db_url)
    _fill(service)
    lines = _lines(service)
    broken = json.loads(lines[1])
    broken["figures"]["applications.new.total"] = "many"
    with pytest.raises(TransferError, match="line 2: not a report"):
        list(read_lines([lines[0], json.dumps(broken), lines[2]]))
    with pytest.raises(TransferError, match=r"line 1: .*format"):
        list(read_lines(['{"agency": {"name": "x"}}']))
    service.db.close()


def test_cli_export_then_import(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _service(db_url)
    _fill(source)
    source.db.close()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    runner = CliRunner()
    dump = tmp_path / "all.jsonl"
    result = runner.invoke(app, ["export", str(dump)], env={"DISCLOSURE_BOT_DB_URL": db_url})
    assert result.exit_code == 0, result.output
    assert "exported 4 reports" in result.stderr
    target = f"sqlite:///{tmp_path / 'rebuilt.db'}"
    result = runner.invoke(app, ["import", str(dump)], env={"DISCLOSURE_BOT_DB_URL": target})
    assert result.exit_code == 0, result.output
    assert "imported 4 reports, 0 already there" in result.stderr
    rebuilt = _service(target)
    assert _lines(rebuilt) == dump.read_text(encoding="utf-8").splitlines()
    rebuilt.db.close()
    dump.write_text("not json\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(dump)], env={"DISCLOSURE_BOT_DB_URL": target})
    assert result.exit_code == 1 and "import stopped: line 1" in result.stderr
