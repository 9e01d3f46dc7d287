"""Round trip: random consistent reports, rendered in every format, parse back to their figures.

The generator builds figures that satisfy the spec's rules and prints them in the national
template as text, HTML, DOCX and PDF (tests/reportgen); parsing each file must give back every
figure, and every blank as not reported.
"""

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from reportgen import GeneratedReport, render, reports

from bot.parser import parse_report

GENERATED = Path(__file__).parents[1] / "fixtures" / "generated"


def _assert_round_trip(report: GeneratedReport, fmt: str) -> None:
    parsed = parse_report(f"generated.{fmt}", render(report, fmt))
    assert parsed.agency.name == report.agency
    assert (parsed.year, parsed.layout) == (report.year, report.layout)
    assert parsed.figures == report.stated()
    assert set(parsed.not_reported) == set(report.not_reported)
    assert {f.rule for f in parsed.findings} == set()


@pytest.mark.parametrize("fmt", ["txt", "html"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_text_and_html_round_trip(fmt: str, report: GeneratedReport) -> None:
    _assert_round_trip(report, fmt)


@pytest.mark.parametrize("fmt", ["txt", "html", "docx"])
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports(blanks=True))
def test_blank_cells_round_trip(fmt: str, report: GeneratedReport) -> None:
    _assert_round_trip(report, fmt)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_docx_round_trip(report: GeneratedReport) -> None:
    _assert_round_trip(report, "docx")


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_pdf_round_trip(report: GeneratedReport) -> None:
    _assert_round_trip(report, "pdf")


FIXTURES = sorted(
    p for p in GENERATED.iterdir() if p.suffix in {".txt", ".html", ".docx", ".doc", ".pdf"}
)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_committed_generated_fixtures(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    parsed = parse_report(path.name, path.read_bytes())
    assert parsed.agency.name == expected["agency"]
    assert {k: float(v) for k, v in parsed.figures.items()} == {
        k: float(v) for k, v in expected["figures"].items()
    }
    assert set(parsed.not_reported) == set(expected["not_reported"])
