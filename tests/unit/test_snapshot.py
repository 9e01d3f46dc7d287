"""The name index snapshot: a warm start loads it instead of building the index; a stale,
foreign or broken snapshot is ignored and rebuilt, and answers never change."""

from collections.abc import Iterable
from pathlib import Path

import pytest
from conftest import REPORTS, SEED, SHANGHAI, fixed_now

import bot.service.core
import bot.service.snapshot
from bot.agencies import AgencyRecord, NameIndex
from bot.records import IngestStatus
from bot.service.core import DisclosureService
from store import open_database

QUESTION = "how many applications did Hantun Road receive in 2023"


def _service(db_url: str, path: Path) -> DisclosureService:
    return DisclosureService(
        open_database(db_url), timezone=SHANGHAI, max_file_bytes=1 << 22, snapshot=path
    )


def _ask(service: DisclosureService, question: str = QUESTION) -> dict[str, object]:
    return service.ask(question, now=fixed_now()).to_json()


@pytest.fixture
def built(db_url: str, tmp_path: Path) -> Path:
    """A store with the seed report and a snapshot of its index."""
    path = tmp_path / "test.db.names"
    service = _service(db_url, path)
    assert (
        service.ingest_bytes(SEED.name, SEED.read_bytes(), now=fixed_now()).status
        is IngestStatus.INDEXED
    )
    assert _ask(service)["kind"] == "figure"
    service.db.close()
    assert path.is_file()
    return path


def _no_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(agencies: Iterable[AgencyRecord]) -> NameIndex:
        listed = list(agencies)
        assert not listed, "the index was built, not loaded"
        return NameIndex(listed)

    monkeypatch.setattr(bot.service.core, "NameIndex", refuse)


def test_a_warm_start_loads_the_snapshot(
    db_url: str, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = _ask(_service(db_url, None))  # type: ignore[arg-type]
    _no_building(monkeypatch)
    warm = _service(db_url, built)
    assert _ask(warm) == cold
    assert warm.years_by_agency() and len(warm.agency_index()) == 1


def test_a_new_report_makes_the_snapshot_stale(db_url: str, built: Path) -> None:
    other = REPORTS / "011_shuyangxian_2025.txt"
    service = _service(db_url, built)
    assert service.ingest_bytes(other.name, other.read_bytes(), now=fixed_now()).status == (
        "indexed"
    )
    again = _service(db_url, built)
    assert _ask(again, "沭阳县 2025 年 收到申请数")["kind"] == "figure"
    assert len(again.agency_index()) == 2


def test_a_broken_or_foreign_snapshot_is_rebuilt(
    db_url: str, built: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    expected = _ask(_service(db_url, None))  # type: ignore[arg-type]
    monkeypatch.setattr(bot.service.snapshot, "FORMAT", bot.service.snapshot.FORMAT + 1)
    assert _ask(_service(db_url, built)) == expected  # another release's snapshot
    built.write_bytes(built.read_bytes()[:100])
    assert _ask(_service(db_url, built)) == expected
    assert "ignoring the name index snapshot" in caplog.text
