"""Every shared report, in every version of it, against its expected figures.

The gold files (tests/fixtures/gold, copied from shared/gold) were typed by reading the
reports. Cells the report itself does not settle (``ambiguous``, and ``ambiguous_in_text`` for
the flattened .txt versions) must come out as not reported with an ``ambiguous_cells``
finding, never as a guess.
"""

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import GOLD, REPORTS, gold

from bot.parser import ParsedReport, parse_report

VERSIONS = sorted(
    p
    for p in REPORTS.iterdir()
    if p.suffix in {".txt", ".html", ".pdf", ".docx", ".doc"}
    and (GOLD / f"{p.stem}.json").exists()
)


@pytest.fixture(scope="module", params=VERSIONS, ids=lambda p: p.name)
def case(request: pytest.FixtureRequest) -> tuple[Path, ParsedReport, dict[str, Any]]:
    path: Path = request.param
    return path, parse_report(path.name, path.read_bytes()), gold(path.stem)


def _unsettled(path: Path, expected: dict[str, Any]) -> set[str]:
    keys = set(expected.get("ambiguous", []))
    if path.suffix == ".txt":
        keys |= set(expected.get("ambiguous_in_text", []))
    return keys


def test_identity(case: tuple[Path, ParsedReport, dict[str, Any]]) -> None:
    _path, report, expected = case
    assert report.agency.name == expected["agency"]
    assert report.agency.parent == expected["parent"]
    assert (report.year, report.layout) == (expected["year"], expected["layout"])


def test_every_settled_cell_is_right(case: tuple[Path, ParsedReport, dict[str, Any]]) -> None:
    path, report, expected = case
    skip = _unsettled(path, expected)
    wrong = {
        key: (report.figures.get(key), value)
        for key, value in expected["figures"].items()
        if key not in skip and report.figures.get(key) != Decimal(str(value))
    }
    assert wrong == {}


def test_blank_cells_are_not_reported(case: tuple[Path, ParsedReport, dict[str, Any]]) -> None:
    _path, report, expected = case
    for key in expected["not_reported"]:
        assert key not in report.figures
        assert key in report.not_reported


def test_unsettled_cells_are_never_guessed(
    case: tuple[Path, ParsedReport, dict[str, Any]],
) -> None:
    path, report, expected = case
    unsettled = _unsettled(path, expected)
    guessed = {k: report.figures[k] for k in unsettled if k in report.figures}
    # a cell the text cannot settle may still be settled right (e.g. by the prose); it may
    # never be settled wrong
    assert all(str(v) == str(expected["figures"].get(k, "")) for k, v in guessed.items())
    flagged = {c for f in report.findings if f.rule == "ambiguous_cells" for c in f.cells}
    assert set(unsettled) - set(guessed) <= flagged


@pytest.mark.parametrize(
    ("name", "rule", "total", "expected", "found"),
    [
        ("001_hongzequ_2023.pdf", "review.total", "review.total", 11, 0),
        ("001_hongzequ_2023.txt", "review.total", "litigation.after_review.total", 5, 0),
        (
            "014_pingtan_junshan_2022.txt",
            "applications.outcome_total",
            "applications.outcome.total.natural_person",
            3,
            0,
        ),
        (
            "014_pingtan_junshan_2022.txt",
            "applications.outcome_total",
            "applications.outcome.total.other_org",
            2,
            0,
        ),
        (
            "014_pingtan_junshan_2022.txt",
            "applications.outcome_total",
            "applications.outcome.total.total",
            5,
            0,
        ),
        (
            "018_shanghai_bgt_2019.html",
            "applications.outcome_total",
            "applications.outcome.total.total",
            0,
            805,
        ),
    ],
)
def test_rule_breaks_the_gold_notes_record(
    name: str, rule: str, total: str, expected: int, found: int
) -> None:
    path = REPORTS / name
    report = parse_report(name, path.read_bytes())
    matches = [f for f in report.findings if f.rule == rule and f.cells[0] == total]
    assert len(matches) == 1, [(f.rule, f.cells[:1]) for f in report.findings]
    assert (matches[0].expected, matches[0].found) == (Decimal(expected), Decimal(found))


@pytest.mark.parametrize("name", [p.name for p in VERSIONS if p.stem.startswith(("003", "008"))])
def test_consistent_reports_have_no_rule_findings(name: str) -> None:
    report = parse_report(name, (REPORTS / name).read_bytes())
    rules = {f.rule for f in report.findings} - {"ambiguous_cells"}
    assert rules == set()


def test_fragment_gives_what_it_holds() -> None:
    path = REPORTS / "021_huaianshi_2024_partial_rows.txt"
    report = parse_report(path.name, path.read_bytes())
    same_report = gold("003_huaianshi_2024")["figures"]  # 021 is a cut of 003
    assert report.figures
    assert all(Decimal(str(same_report[k])) == v for k, v in report.figures.items())
    assert report.figures["applications.outcome.unavailable.not_held.total"] == 769
    incomplete = [f for f in report.findings if f.rule == "incomplete"]
    assert len(incomplete) == 1
    assert "section(s) 二, 四 not found" in incomplete[0].message
    assert "applications.carried_forward.total" in incomplete[0].cells
    assert "no title" in incomplete[0].message


def test_parent_regions_from_the_gazetteer() -> None:
    seed = parse_report("000_hantunlu_2023.txt", (REPORTS / "000_hantunlu_2023.txt").read_bytes())
    assert (seed.agency.parent, seed.agency.city, seed.agency.province) == (
        "西工区",
        "洛阳市",
        "河南省",
    )
    assert seed.agency.level == "township"
    county = parse_report(
        "001_hongzequ_2023.pdf", (REPORTS / "001_hongzequ_2023.pdf").read_bytes()
    )
    assert (county.agency.level, county.agency.city, county.agency.province) == (
        "county",
        "淮安市",
        "江苏省",
    )


def test_publication_date() -> None:
    path = REPORTS / "008_pingtan_2023.txt"
    report = parse_report(path.name, path.read_bytes())
    assert str(report.published) == "2024-03-08"  # 发布时间: 2024-03-08 in the page header


@pytest.mark.parametrize(
    ("name", "problems_start", "other_end"),
    [
        ("020_shuyang_fgj_2023.html", "一是", "2024年1月17日"),
        ("010_pingtan_2025.html", "一是", "2025年，无收取信息处理费情况。"),
    ],
)
def test_prose_sections_without_page_furniture(
    name: str, problems_start: str, other_end: str
) -> None:
    report = parse_report(name, (REPORTS / name).read_bytes())
    assert report.text["overview"].startswith("20")
    assert problems_start in report.text["problems"]
    assert report.text["other_matters"].endswith(other_end)  # no site footer after it
