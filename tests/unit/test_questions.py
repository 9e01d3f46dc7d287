"""The question table: 200+ questions, in Chinese and English, over the fixture reports.

Each row gives the expected kind of answer and, for figures, the agency, year, key and value,
all taken from the gold files (tests/fixtures/make_questions.py shows how). No question may
get a wrong number.
"""

import csv
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import REPORTS, SEED, SHANGHAI, store_url

from bot.records import IngestStatus
from bot.service.core import DisclosureService
from store import open_database

TABLE = Path(__file__).parents[1] / "fixtures" / "questions.tsv"
ROWS = list(csv.DictReader(TABLE.read_text(encoding="utf-8").splitlines(), delimiter="\t"))
INDEXED = [
    "000_hantunlu_2023.txt",
    "001_hongzequ_2023.pdf",
    "003_huaianshi_2024.pdf",
    "004_pingtan_2019.html",
    "006_pingtan_2021.txt",
    "008_pingtan_2023.html",
    "010_pingtan_2025.html",
    "011_shuyangxian_2025.txt",
    "013_shanghai_bgt_2025.txt",
    "014_pingtan_junshan_2022.txt",
    "015_pingtan_scjgj_2019.txt",
    "018_shanghai_bgt_2019.html",
    "020_shuyang_fgj_2023.html",
]
# reports titled as real ones are: with the city before the county, with short department
# names (tests/fixtures/make_named.py)
NAMED = sorted((Path(__file__).parents[1] / "fixtures" / "named").glob("*.txt"))
NOW = datetime(2024, 5, 1, 10, 0, tzinfo=SHANGHAI)


pytestmark = pytest.mark.backends


@pytest.fixture(scope="module")
def library(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DisclosureService]:
    with store_url(backend, tmp_path_factory.mktemp("q")) as url:
        yield from _library(url)


def _library(url: str) -> Iterator[DisclosureService]:
    db = open_database(url)
    service = DisclosureService(db, timezone=SHANGHAI, max_file_bytes=20 << 20)
    for path in [REPORTS / name for name in INDEXED] + NAMED:
        result = service.ingest_bytes(path.name, path.read_bytes(), now=NOW)
        assert result.status is IngestStatus.INDEXED, result
    # a namesake in another district: "Hantun Road" alone must ask which one
    namesake = SEED.read_text(encoding="utf-8").replace("西工区汉屯路", "老城区汉屯路")
    assert (
        service.ingest_bytes("laocheng.txt", namesake.encode(), now=NOW).status
        is IngestStatus.INDEXED
    )
    yield service
    db.close()


def _number(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def _value(answer: dict[str, Any]) -> Decimal | None:
    value = answer.get("value")
    return None if value is None else Decimal(str(value))


def test_table_size_and_languages() -> None:
    english = [r for r in ROWS if not any("\u4e00" <= c <= "\u9fff" for c in r["question"])]
    assert len(ROWS) >= 200
    assert len(english) / len(ROWS) >= 0.4


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["question"][:60] or "(empty)")
def test_question(library: DisclosureService, row: dict[str, str]) -> None:
    answer = library.ask(row["question"], now=NOW).to_json()
    kind = row["kind"]
    expected_kind = _ANSWER_KINDS.get(kind, kind)
    assert answer["kind"] == expected_kind, answer["answer"]
    check = CHECKS.get(kind)
    if check is not None:
        check(answer, row)


def _figure(answer: dict[str, Any], row: dict[str, str]) -> None:
    assert (answer["agency"], answer["year"], answer["key"]) == (
        row["agency"],
        int(row["year"]),
        row["key"],
    )
    assert _value(answer) == _number(row["value"])


def _not_indexed(answer: dict[str, Any], row: dict[str, str]) -> None:
    assert "value" not in answer
    if row["agency"]:
        assert (answer["agency"], answer["year"]) == (row["agency"], int(row["year"]))


def _choose(answer: dict[str, Any], row: dict[str, str]) -> None:
    """Asked back: "which one?" among namesakes, "did you mean …?" for a name typed wrong,
    with the agency meant among the choices; never a number."""
    assert "value" not in answer
    labels = [c["label"] for c in answer["choices"]]
    assert 1 <= len(labels) <= 5
    if row["agency"]:
        assert any(label.startswith(row["agency"]) for label in labels), labels
    else:
        assert len(labels) >= 2


def _series(expected: str) -> dict[str, Decimal | None]:
    pairs = (item.split(":") for item in expected.split(","))
    return {key: _number(value) for key, value in pairs}


def _trend(answer: dict[str, Any], row: dict[str, str]) -> None:
    assert (answer["agency"], answer["key"]) == (row["agency"], row["key"])
    got = {y: None if v is None else Decimal(str(v)) for y, v in answer["series"].items()}
    assert got == _series(row["value"])


def _compare(answer: dict[str, Any], row: dict[str, str]) -> None:
    assert answer["key"] == row["key"]
    if row["year"]:
        assert answer["year"] == int(row["year"])
    got = {
        r["agency"]: None if r["value"] is None else Decimal(str(r["value"]))
        for r in answer["rows"]
    }
    assert got == _series(row["value"])


def _total(answer: dict[str, Any], row: dict[str, str]) -> None:
    assert (answer["key"], answer["year"]) == (row["key"], int(row["year"]))
    assert _value(answer) == _number(row["value"])


def _ranking(answer: dict[str, Any], row: dict[str, str]) -> None:
    assert (answer["key"], answer["year"]) == (row["key"], int(row["year"]))
    first = answer["rows"][0]
    assert (first["agency"], Decimal(str(first["value"]))) == (
        row["agency"],
        Decimal(row["value"]),
    )


def _change(answer: dict[str, Any], row: dict[str, str]) -> None:
    _figure(answer, row)


def _about(answer: dict[str, Any], row: dict[str, str]) -> None:
    assert answer["agency"] == row["agency"]
    if row["year"]:
        assert answer["year"] == int(row["year"])


def _not_indexed_here(answer: dict[str, Any], row: dict[str, str]) -> None:
    """Not indexed: no number, and the agencies that are indexed there offered instead."""
    assert "value" not in answer and "agency" not in answer
    labels = [c["label"] for c in answer["choices"]]
    assert any(label.startswith(row["agency"]) for label in labels), labels


def _choose_figure(answer: dict[str, Any], row: dict[str, str]) -> None:
    """Which figure?: no number, the figure meant among the choices, for the agency asked."""
    assert "value" not in answer
    assert answer["agency"] == row["agency"]
    assert row["key"] in [c["key"] for c in answer["choices"]]


def _rate(answer: dict[str, Any], row: dict[str, str]) -> None:
    """A rate: computed from the figures by its formula, which the answer shows."""
    assert (answer["agency"], answer["year"], answer["key"]) == (
        row["agency"],
        int(row["year"]),
        row["key"],
    )
    assert _value(answer) == Decimal(row["value"]) and answer["unit"] == "%"
    assert ("公式" in answer["answer"]) or ("Formula" in answer["answer"])


def _no_rate(answer: dict[str, Any], _row: dict[str, str]) -> None:
    assert "value" not in answer


def _breakdown(answer: dict[str, Any], row: dict[str, str]) -> None:
    """The figure's parts with their values (some of them checked), and the source."""
    _about(answer, row)
    assert "来源" in answer["answer"] or "Source" in answer["answer"]
    if not row["key"]:
        return
    assert answer["key"] == row["key"]
    got = {
        r["key"]: None if r["value"] is None else Decimal(str(r["value"])) for r in answer["rows"]
    }
    for key, value in _series(row["value"]).items():
        assert got[key] == value, key


def _passage(answer: dict[str, Any], row: dict[str, str]) -> None:
    """The report's own sentence, quoted, with the section it comes from."""
    _about(answer, row)
    assert "value" not in answer
    assert row["value"] in answer["answer"]
    assert "第" in answer["answer"] or "section" in answer["answer"]


_ANSWER_KINDS = {
    "choose": "choose_agency",
    "not_indexed_here": "not_indexed",
}

CHECKS = {
    "figure": _figure,
    "not_indexed": _not_indexed,
    "choose": _choose,
    "trend": _trend,
    "compare": _compare,
    "total": _total,
    "ranking": _ranking,
    "change": _change,
    "breakdown": _breakdown,
    "not_indexed_here": _not_indexed_here,
    "choose_figure": _choose_figure,
    "rate": _rate,
    "no_rate": _no_rate,
    "passage": _passage,
    "passage_none": _about,
    "status": _about,
    "summary": _about,
    "unknown_field": _about,
}
