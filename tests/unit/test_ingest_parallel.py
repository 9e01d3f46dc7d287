"""Ingesting a folder with worker processes: the same results, in the same order, as one
process; a file that cannot be read is rejected with its reason and the others go on."""

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from conftest import REPORTS, SHANGHAI, gold

from bot.records import IngestStatus
from bot.service.core import DisclosureService, IngestResult
from store import open_database

NAMES = [
    "000_hantunlu_2023.txt",
    "001_hongzequ_2023.txt",
    "003_huaianshi_2024.txt",
    "004_pingtan_2019.html",
    "006_pingtan_2021.txt",
    "008_pingtan_2023.docx",
    "010_pingtan_2025.html",
    "011_shuyangxian_2025.txt",
    "013_shanghai_bgt_2025.txt",
    "014_pingtan_junshan_2022.txt",
    "015_pingtan_scjgj_2019.txt",
    "018_shanghai_bgt_2019.html",
    "019_pingtan_2018_pre2019format.txt",
    "020_shuyang_fgj_2023.html",
]
LIMIT = 1 << 20


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    for name in NAMES:
        shutil.copy(REPORTS / name, reports / name)
    (reports / "050_broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    (reports / "051_minutes.txt").write_text("会议纪要：无。\n", encoding="utf-8")
    (reports / "052_big.txt").write_bytes(b"x" * (LIMIT + 1))
    return reports


def _ingest(folder: Path, db_path: Path, workers: int) -> list[IngestResult]:
    service = DisclosureService(
        open_database(f"sqlite:///{db_path}"), timezone=SHANGHAI, max_file_bytes=LIMIT
    )
    now = datetime(2024, 5, 1, 10, tzinfo=SHANGHAI)
    results = list(service.ingest_paths([folder], now=lambda: now, workers=workers))
    answer = service.ask("平潭综合实验区 2023 现行有效规范性文件", now=now).to_json()
    service.db.close()
    expected = gold("008_pingtan_2023")["figures"]["proactive.normative_docs.in_force"]
    assert answer["key"] == "proactive.normative_docs.in_force" and answer["value"] == expected
    return results


def test_workers_give_the_results_of_one_process(folder: Path, tmp_path: Path) -> None:
    serial = _ingest(folder, tmp_path / "serial.db", workers=1)
    parallel = _ingest(folder, tmp_path / "parallel.db", workers=2)
    assert parallel == serial
    statuses = {r.name: r.status for r in parallel}
    assert [r.name for r in parallel] == sorted(statuses)
    assert statuses["050_broken.pdf"] == statuses["051_minutes.txt"] == IngestStatus.REJECTED
    assert statuses["019_pingtan_2018_pre2019format.txt"] == IngestStatus.REJECTED
    assert f"limit is {LIMIT:,}" in next(r.detail for r in parallel if r.name == "052_big.txt")
    assert (
        sum(s in {IngestStatus.INDEXED, IngestStatus.REPLACED} for s in statuses.values())
        == len(NAMES) - 1
    )
