"""Copies cut off anywhere: every cell before the cut is read right, none after it appears.

Generated reports know where each cell is printed (its table row is one text line), so the
cells before a cut are known without the parser; the shared reports (no such map) are cut at
seeded random lines and checked against their gold: nothing read wrong, nothing read from a
shorter copy that a longer one lacks, and the ``incomplete`` finding names exactly the cells
a copy does not hold.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import GOLD, REPORTS
from hypothesis import HealthCheck, given, settings
from reportgen import GeneratedReport, positions, render_text, reports
from reportgen.document import Table, document
from reportgen.render_text import table_lines

from bot.catalogue import layout_keys
from bot.errors import ReportError
from bot.parser import ParsedReport, parse_text

GENERATED = Path(__file__).parents[1] / "fixtures" / "generated"
SEED = 20261207


def _key_lines(report: GeneratedReport) -> dict[str, int]:
    """The text line each figure is printed on, counted as render_text lays blocks out
    (blocks between blank lines, the title after one more, one line per table row)."""
    lines: dict[str, int] = {}
    at = 0
    for block in document(report):
        if isinstance(block, Table):
            for key, (row, _column) in positions(block).items():
                lines[key] = at + row
            at += len(table_lines(block)) + 1
        else:
            at += block.text.count("\n") + (2 if block.kind == "title" else 1) + 1
    return lines


def _incomplete_cells(report: ParsedReport) -> list[str]:
    return [c for f in report.findings if f.rule == "incomplete" for c in f.cells]


def _check_cut(generated: GeneratedReport, lines: list[str], cut: int) -> None:
    where = _key_lines(generated)
    before = {k for k, line in where.items() if line < cut}
    text = "\n".join(lines[:cut])
    if not before - generated.not_reported:
        with pytest.raises(ReportError):
            parse_text(text, source_name="cut.txt")
        return
    report = parse_text(text, source_name="cut.txt")
    # a cell the text leaves unsure (a blank first cell beside a grid's padding reads both
    # ways) may stay out, named in an ambiguous_cells finding: never a wrong value
    unsure = {c for f in report.findings if f.rule == "ambiguous_cells" for c in f.cells}
    assert unsure <= before, f"cut after line {cut}"
    stated = {k: generated.figures[k] for k in before - unsure if k not in generated.not_reported}
    assert report.figures == stated, f"cut after line {cut}"
    blank = (before - unsure) & generated.not_reported
    assert set(report.not_reported) == blank, f"cut after line {cut}"
    lacking = [k for k in layout_keys(generated.layout) if k not in before]
    assert _incomplete_cells(report) == lacking, f"cut after line {cut}"


def _fixture_reports() -> list[GeneratedReport]:
    return [
        GeneratedReport.from_expected(json.loads(p.read_text(encoding="utf-8")))
        for p in sorted(GENERATED.glob("*.json"))
    ]


def test_the_line_map_finds_every_cell_on_its_line() -> None:
    for generated in _fixture_reports():
        lines = render_text(generated).decode().splitlines()
        for key, line in _key_lines(generated).items():
            assert generated.cell(key) in lines[line].split("\t"), key


@pytest.mark.parametrize("generated", _fixture_reports(), ids=lambda r: r.agency)
def test_a_generated_report_cut_after_any_line(generated: GeneratedReport) -> None:
    lines = render_text(generated).decode().splitlines()
    first = min(_key_lines(generated).values())
    for cut in range(first - 2, len(lines) + 1):
        _check_cut(generated, lines, cut)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(blanks=True))
def test_any_generated_report_cut_at_random_lines(generated: GeneratedReport) -> None:
    lines = render_text(generated).decode().splitlines()
    rng = random.Random(SEED)
    for cut in rng.sample(range(len(lines) + 1), 6):
        _check_cut(generated, lines, cut)


SHARED_TEXTS = sorted(p for p in REPORTS.glob("*.txt") if (GOLD / f"{p.stem}.json").exists())


@pytest.mark.parametrize("path", SHARED_TEXTS, ids=lambda p: p.name)
def test_a_shared_report_cut_at_random_lines(path: Path) -> None:
    gold = json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8"))
    unsettled = {*gold.get("ambiguous", []), *gold.get("ambiguous_in_text", [])}
    lines = path.read_text(encoding="utf-8").splitlines()
    rng = random.Random(f"{SEED}{path.name}")
    cuts = sorted(rng.sample(range(1, len(lines) + 1), min(40, len(lines))))
    held_before: set[str] = set()
    for cut in cuts:
        try:
            report = parse_text("\n".join(lines[:cut]), source_name=path.name)
        except ReportError:
            assert not held_before, f"{path.name} cut after line {cut} read nothing"
            continue
        for key, value in report.figures.items():
            if key not in unsettled:
                assert value == Decimal(str(gold["figures"][key])), f"{key}, line {cut}"
        unsure = {c for f in report.findings if f.rule == "ambiguous_cells" for c in f.cells}
        for key in report.not_reported:
            assert key in {*gold["not_reported"], *unsettled, *unsure}, f"{key}, line {cut}"
        held = {*report.figures, *report.not_reported} - unsure
        # a longer copy may show that rows read right by chance are unsure (a dump's
        # column-wise block begins), never lose a cell silently
        assert held_before <= held | unsettled | unsure, f"{path.name} lost cells at {cut}"
        held_before = held
        lacking = set(_incomplete_cells(report))
        assert lacking.isdisjoint(held)
        unaccounted = set(layout_keys(report.layout)) - (held | lacking | unsettled | unsure)
        assert unaccounted == set(), f"{path.name} cut after line {cut}"


def _check_cut_in_row(generated: GeneratedReport, lines: list[str], line: int, cells: int) -> None:
    """Cut inside a table row, after ``cells`` of its tab-separated cells."""
    where = _key_lines(generated)
    row = lines[line].split("\t")
    text = "\n".join([*lines[:line], "\t".join(row[: cells + 1])])
    report = parse_text(text, source_name="cut.txt")
    before = {k for k, at in where.items() if at < line}
    on_line = sorted((k for k, at in where.items() if at == line), key=_column_of(generated))
    printed = [k for k in on_line if _column_of(generated)(k) <= cells]
    held = {*before, *printed}
    where_cut = f"cut in line {line} ({lines[line][:12]}) after {cells} cells"
    label_end = max((i for i, c in enumerate(row) if c and not _is_cell(c)), default=-1)
    if label_end + 1 < len(row) and not row[label_end + 1].strip():
        # an empty cell after the row's label: a blank or the label's span, unknown in a row
        # cut short, so the cut row's printed cells may stay out (but are never read wrong)
        read = {k for k in printed if k in {*report.figures, *report.not_reported}}
        held = {*before, *read}
    expected = {k: generated.figures[k] for k in held if k not in generated.not_reported}
    assert report.figures == expected, where_cut
    assert set(report.not_reported) ^ (held & generated.not_reported) == set(), where_cut


def _is_cell(text: str) -> bool:
    return text.strip().lstrip("+-").replace(".", "").isdigit() or text.strip() in {"/", "—"}


def _column_of(generated: GeneratedReport) -> Callable[[str], int]:
    columns: dict[str, int] = {}
    for block in document(generated):
        if isinstance(block, Table):
            columns.update({k: c for k, (_r, c) in positions(block).items()})
    return columns.__getitem__


@pytest.mark.parametrize("generated", _fixture_reports(), ids=lambda r: r.agency)
def test_a_generated_report_cut_inside_any_row(generated: GeneratedReport) -> None:
    lines = render_text(generated).decode().splitlines()
    rows = sorted(set(_key_lines(generated).values()))
    column = _column_of(generated)
    for line in rows:
        on_line = [column(k) for k, at in _key_lines(generated).items() if at == line]
        for cells in range(min(on_line), max(on_line)):
            _check_cut_in_row(generated, lines, line, cells)
