"""Deleting a report: every version of that agency's year goes, with its figures and findings,
in one transaction; nothing else changes; the agency may get a new report. On SQLite and
PostgreSQL; the command line asks first."""

from pathlib import Path

import pytest
from conftest import REPORTS, SEED, fixed_now
from typer.testing import CliRunner

from bot.answers.deletion import Deletion, find_deletion, refusal_text
from bot.cli.main import app
from bot.records import IngestStatus
from bot.service.core import DisclosureService
from bot.texts import Language
from store import repo

pytestmark = pytest.mark.backends

PINGTAN = "008_pingtan_2023.html"


def _edited_seed() -> bytes:
    return SEED.read_text(encoding="utf-8").replace("行政许可\t0", "行政许可\t7", 1).encode()


def _hantun(service: DisclosureService) -> Deletion:
    found = find_deletion(service, "汉屯路街道 2023")
    assert isinstance(found, Deletion), found
    return found


def test_delete_removes_every_version_and_nothing_else(seeded: DisclosureService) -> None:
    seeded.ingest_bytes("hantun_fixed.txt", _edited_seed(), now=fixed_now())  # replaces the seed
    seeded.ingest_bytes(PINGTAN, (REPORTS / PINGTAN).read_bytes(), now=fixed_now())
    before = repo.index_version(seeded.db)
    target = _hantun(seeded)
    assert target.report.source_name == "hantun_fixed.txt"

    outcome = seeded.delete_report(target.entry.id, 2023)

    assert outcome is not None
    assert (outcome.agency, outcome.year, outcome.source_name) == (
        "汉屯路街道办事处",
        2023,
        "hantun_fixed.txt",
    )
    assert outcome.replaced_sources == (SEED.name,)
    assert seeded.report(target.entry.id, 2023) is None
    assert repo.index_version(seeded.db) > before  # the name index is rebuilt without it
    assert "汉屯路街道办事处" not in {e.name for e in seeded.agency_index().entries.values()}
    assert [d.source_name for d in seeded.export_reports()] == [PINGTAN]  # no old version left
    assert seeded.ask("汉屯路街道 2023 年 新收申请", now=fixed_now()).kind == "not_indexed"
    assert seeded.ask("平潭 2023 年 新收申请", now=fixed_now()).kind == "figure"
    assert seeded.delete_report(target.entry.id, 2023) is None  # gone: nothing to delete


def test_a_deleted_report_can_be_indexed_again(seeded: DisclosureService) -> None:
    target = _hantun(seeded)
    assert seeded.delete_report(target.entry.id, 2023) is not None
    again = seeded.ingest_bytes(SEED.name, SEED.read_bytes(), now=fixed_now())
    assert again.status is IngestStatus.INDEXED
    assert _hantun(seeded).entry.id == target.entry.id  # the same agency, kept for it


def test_requests_that_name_no_single_report_are_refused(seeded: DisclosureService) -> None:
    assert find_deletion(seeded, "汉屯路街道") == "how"  # no year
    assert find_deletion(seeded, "汉屯路街道 2022 2023") == "how"
    assert find_deletion(seeded, "火星办公室 2023") == "unknown"
    missing = find_deletion(seeded, "汉屯路街道 2021")
    assert isinstance(missing, str)
    assert (
        refusal_text(missing, Language.EN)
        == "汉屯路街道办事处 has no report for 2021 (indexed: 2023)."
    )
    assert (
        refusal_text(missing, Language.ZH)
        == "汉屯路街道办事处 没有 2021 年的报告（已收录：2023）。"
    )


def test_namesakes_are_not_guessed(seeded: DisclosureService) -> None:
    namesake = SEED.read_text(encoding="utf-8").replace("西工区", "老城区")
    seeded.ingest_bytes("laocheng.txt", namesake.encode(), now=fixed_now())
    found = find_deletion(seeded, "汉屯路街道 2023")
    assert isinstance(found, str) and found.startswith("ambiguous:")
    assert refusal_text(found, Language.EN) == (
        "That name may mean: 汉屯路街道办事处 (西工区); 汉屯路街道办事处 (老城区)."
        " Name the agency more fully."
    )
    one = find_deletion(seeded, "老城区汉屯路街道 2023")
    assert isinstance(one, Deletion) and one.entry.parent == "老城区"


def test_cli_delete_asks_first(seeded: DisclosureService, db_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"DISCLOSURE_BOT_DB_URL": db_url, "DISCLOSURE_BOT_CONFIG": str(tmp_path / "none.toml")}
    (tmp_path / "none.toml").write_text("")
    kept = runner.invoke(app, ["delete", "汉屯路街道", "2023"], input="n\n", env=env)
    assert kept.exit_code == 1 and "Nothing deleted." in kept.output
    assert (
        "Delete 汉屯路街道办事处 2023 (000_hantunlu_2023.txt) and all its figures?" in kept.output
    )
    assert seeded.report(_hantun(seeded).entry.id, 2023) is not None

    gone = runner.invoke(app, ["delete", "汉屯路街道", "2023", "--yes"], env=env)
    assert gone.exit_code == 0, gone.output
    assert gone.stdout.strip() == "Deleted: 汉屯路街道办事处 2023 (000_hantunlu_2023.txt)."
    unknown = runner.invoke(app, ["delete", "汉屯路街道", "2023", "--yes"], env=env)
    assert unknown.exit_code == 1 and "No indexed agency has that name." in unknown.output
