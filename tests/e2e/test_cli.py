"""The command line: parse --json, ingest, ask --json, console; and the process end to end."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GOLD, REPORTS, SEED, gold
from fake_telegram import FakeTelegram
from typer.testing import CliRunner

from bot.cli.main import app

ROOT = Path(__file__).parents[2]


@pytest.fixture
def runner(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCLOSURE_BOT_DB_URL", db_url)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    return CliRunner()


# Reports whose figures are distinct and not zero (a wrong row or column reads another
# number), and the seed, all of whose cells are 0.
DISTINCT = ("003_huaianshi_2024.txt", "013_shanghai_bgt_2025.txt", "008_pingtan_2023.html")
HUAIAN = "003_huaianshi_2024"


@pytest.mark.parametrize("name", [*DISTINCT, SEED.name])
def test_parse_json_is_the_spec(runner: CliRunner, name: str) -> None:
    result = runner.invoke(app, ["parse", str(REPORTS / name), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    expected = gold(Path(name).stem)
    for key in ("agency", "parent", "year", "layout", "figures", "not_reported"):
        assert data[key] == expected[key], key


def test_parse_bad_file_is_one_clear_line(runner: CliRunner, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("会议纪要", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(notes), "--json"])
    assert result.exit_code == 1
    assert "notes.txt: no title" in result.output


def test_ingest_summary_then_ask_json(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    report = REPORTS / f"{HUAIAN}.txt"
    (folder / report.name).write_bytes(report.read_bytes())
    (folder / "readme.pdf").write_bytes(b"%PDF-1.4 not really")
    (folder / "old.txt").write_bytes((REPORTS / "019_pingtan_2018_pre2019format.txt").read_bytes())
    result = runner.invoke(app, ["ingest", str(folder)])
    assert result.exit_code == 0, result.output
    assert "indexed   003_huaianshi_2024.txt  淮安市人民政府 2024" in result.stdout
    assert "rejected  readme.pdf" in result.stdout and "rejected  old.txt" in result.stdout
    assert "1 indexed, 2 rejected" in result.stdout
    again = runner.invoke(app, ["ingest", str(folder / report.name)])
    assert "unchanged" in again.stdout and "already indexed" in again.stdout

    figures = gold(HUAIAN)["figures"]
    for question, key in (
        ("淮安市2024年收到多少政府信息公开申请", "applications.new.total"),
        ("Huaian 2024 commercial enterprises new applications", "applications.new.commercial"),
        ("淮安市2024年行政复议多少件", "review.total"),
        ("淮安市2024年结转下年度", "applications.carried_forward.total"),
    ):
        answer = runner.invoke(app, ["ask", question, "--json"])
        data = json.loads(answer.stdout)
        assert (data["agency"], data["year"], data["key"], data["value"]) == (
            "淮安市人民政府",
            2024,
            key,
            figures[key],
        ), question


def test_console_gives_the_same_answer_as_ask(runner: CliRunner) -> None:
    runner.invoke(app, ["ingest", str(REPORTS / f"{HUAIAN}.txt")])
    question = "how many applications did Huaian receive in 2024"
    asked = runner.invoke(app, ["ask", question]).stdout.strip()
    chat = runner.invoke(app, ["console"], input=f"{question}\n/quit\n").stdout
    assert asked in chat


def test_bad_config_stops_with_one_line(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[telegram]\nmode = "carrier pigeon"\n')
    result = runner.invoke(app, ["--config", str(bad), "ask", "x"])
    assert result.exit_code == 2
    assert result.output.strip() == (
        "config error: telegram.mode: must be 'polling' or 'webhook', got 'carrier pigeon'"
    )


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DISCLOSURE"))}
    return {**env, "PTB_TIMEDELTA": "1", **extra}


def test_start_without_token_opens_console_on_samples(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "start"],
        check=False,
        input="汉屯路街道2023年收到多少政府信息公开申请\n/quit\n",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env=_env(DISCLOSURE_BOT_DB_URL=f"sqlite:///{tmp_path / 'main.db'}"),
    )
    assert proc.returncode == 0, proc.stderr
    assert "opening the local console" in proc.stderr
    assert "本年新收政府信息公开申请数量：0 件" in proc.stdout


def test_bot_process_answers_and_stops_on_sigint(fake_tg: FakeTelegram, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'bot.db'}"
    subprocess.run(
        [sys.executable, "-m", "bot", "ingest", str(REPORTS / f"{HUAIAN}.txt")],
        check=True,
        capture_output=True,
        env=_env(DISCLOSURE_BOT_DB_URL=db),
        cwd=tmp_path,
        timeout=60,
    )
    env = _env(
        DISCLOSURE_BOT_DB_URL=db,
        TELEGRAM_BOT_TOKEN=fake_tg.token,
        TELEGRAM_BASE_URL=fake_tg.base_url,
        TELEGRAM_BASE_FILE_URL=fake_tg.base_file_url,
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        fake_tg.wait_for("getUpdates", timeout=30)
        fake_tg.send_text("how many applications did Huaian receive in 2024")
        reply = fake_tg.wait_for("sendMessage", timeout=30)[-1].params["text"]
        new = gold(HUAIAN)["figures"]["applications.new.total"]
        assert f"New applications received: {new:,} applications" in reply
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert fake_tg.token.split(":")[1] not in err  # the token never reaches the log


@pytest.mark.parametrize("name", sorted(p.name for p in GOLD.glob("*.json")))
def test_gold_fixtures_are_the_shared_ones(name: str) -> None:
    # The expected values are the shared gold, typed by reading the report, not parser output.
    shared = ROOT.parent / "shared" / "gold"
    if not shared.is_dir():  # CI has it beside its clone
        pytest.skip(f"no {shared} to compare with")
    assert json.loads((shared / name).read_text()) == json.loads((GOLD / name).read_text())
