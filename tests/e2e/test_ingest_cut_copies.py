"""Cut-off copies (issue 14): indexed for what they hold; a fuller copy replaces a cut one and
a cut one never replaces a fuller one; the same figures from another format are unchanged; an
answer about a cell the copy lacks says where the copy stops, never 0 nor "not reported".

Expected figures are typed from 003_huaianshi_2024.txt (3,119 new applications; row （四）2
没有现成信息需要另行制作 prints 11 in its 总计 column) and its gold file (200 cells)."""

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import HUAIAN, fixed_now
from cut_copies import FIRST_LACKING, LACKING, NEEDS_CREATION, cut_report, cut_text
from typer.testing import CliRunner

from bot.agencies.identify import identify_agency
from bot.answers.exports import report_table
from bot.cli.main import app
from bot.parser import parse_report
from bot.parser.report import Finding
from bot.records import IngestStatus
from bot.service.core import DisclosureService
from store import repo


def test_a_cut_copy_is_indexed_for_the_cells_it_holds(service: DisclosureService) -> None:
    result = service.ingest_bytes("huaian_cut.txt", cut_text(), now=fixed_now())
    assert (result.status, result.agency, result.year) == (
        IngestStatus.INDEXED,
        "淮安市人民政府",
        2024,
    )
    answer = service.ask("how many applications did Huaian receive in 2024", now=fixed_now())
    assert "New applications received: 3,119 applications" in answer.text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_answer_after_the_cut_says_where_the_copy_stops(
    service: DisclosureService, lang: str
) -> None:
    assert service.index_parsed(cut_report(), now=fixed_now()).status is IngestStatus.INDEXED
    question = {
        "en": "how many Huaian 2024 applications could not be provided because the "
        "information would have to be created",
        "zh": "淮安市2024年没有现成信息需要另行制作的有多少",
    }[lang]
    answer = service.ask(question, now=fixed_now())
    assert answer.kind == "figure" and answer.value is None
    line = answer.text.splitlines()[1]
    if lang == "en":
        assert line == (
            "Unavailable: would have to be created: 淮安市人民政府's 2024 report as indexed "
            "stops before this figure (section 三 stops before row “unavailable: would have "
            f"to be created”, {LACKING} figure(s) missing), so its value is not known here"
        )
    else:
        assert line == (
            "无法提供·没有现成信息需要另行制作：已收录的淮安市人民政府2024年报告文本在这一项之前"
            f"中断（第三部分在“2.没有现成信息需要另行制作”行之前中断，缺{LACKING}个数据），"
            "无法得知该数据"
        )
    assert " 0 " not in line and "not reported" not in line and "未填报" not in line


def test_a_group_sum_over_a_cut_row_is_unknown_not_a_partial_sum(
    service: DisclosureService,
) -> None:
    service.index_parsed(cut_report(), now=fixed_now())
    # （四）无法提供 adds up three rows; the copy holds only the first (769)
    answer = service.ask("淮安市2024年无法提供的有多少", now=fixed_now())
    assert answer.value is None and "769" not in answer.text
    assert "文本在这一项之前中断" in answer.text


def test_a_fuller_copy_replaces_a_cut_one_and_never_the_reverse(
    service: DisclosureService,
) -> None:
    service.index_parsed(cut_report(), now=fixed_now())
    full = service.ingest_bytes(HUAIAN.name, HUAIAN.read_bytes(), now=fixed_now())
    assert (full.status, full.replaced) == (IngestStatus.REPLACED, "huaian_cut.txt")
    answer = service.ask("淮安市2024年没有现成信息需要另行制作的有多少", now=fixed_now())
    assert "没有现成信息需要另行制作：11 件" in answer.text

    kept = service.index_parsed(cut_report(name="huaian_cut_again.txt"), now=fixed_now())
    assert kept.status is IngestStatus.KEPT and kept.replaced is None
    assert kept.detail == f"a fuller copy ({HUAIAN.name}, 200 figures) is already indexed"
    assert (kept.current, kept.current_figures) == (HUAIAN.name, 200)
    (huaian,) = [
        e.id for e in service.agency_index().entries.values() if e.name == "淮安市人民政府"
    ]
    stored = service.report(huaian, 2024)
    assert stored is not None and stored.source_name == HUAIAN.name
    assert repo.count_reports(service.db) == 1


def test_the_same_figures_from_another_format_are_unchanged(service: DisclosureService) -> None:
    service.ingest_bytes(HUAIAN.name, HUAIAN.read_bytes(), now=fixed_now())
    pdf = HUAIAN.with_suffix(".pdf")
    again = service.ingest_bytes(pdf.name, pdf.read_bytes(), now=fixed_now())
    assert (again.status, again.replaced, again.current) == (
        IngestStatus.UNCHANGED,
        None,
        HUAIAN.name,
    )
    assert again.detail == f"the same figures are already indexed (from {HUAIAN.name})"
    same = service.ingest_bytes(HUAIAN.name, HUAIAN.read_bytes(), now=fixed_now())
    assert (same.status, same.detail) == (
        IngestStatus.UNCHANGED,
        "the same file is already indexed",
    )


def test_a_cell_that_could_not_be_read_is_named_never_a_reason_to_refuse(
    service: DisclosureService,
) -> None:
    full = parse_report(HUAIAN.name, HUAIAN.read_bytes())
    unsure = Finding("ambiguous_cells", (NEEDS_CREATION,), None, None, "1 cell(s) ran together")
    figures = {k: v for k, v in full.figures.items() if k != NEEDS_CREATION}
    report = replace(full, figures=figures, findings=(unsure,))
    assert service.index_parsed(report, now=fixed_now()).status is IngestStatus.INDEXED
    answer = service.ask("淮安市2024年没有现成信息需要另行制作的有多少", now=fixed_now())
    assert answer.value is None
    assert "报告中这一项无法确认，已略去、未猜测" in answer.text


def test_a_copy_without_any_figure_is_refused(service: DisclosureService) -> None:
    empty = replace(cut_report(), figures={}, not_reported=())
    result = service.index_parsed(empty, now=fixed_now())
    assert result.status is IngestStatus.REJECTED
    assert result.detail == "no figure of the report was read"
    assert repo.count_reports(service.db) == 0


def test_status_says_the_copy_is_cut_off(service: DisclosureService) -> None:
    service.index_parsed(cut_report(), now=fixed_now())
    lines = service.ask("淮安市2024年报告有没有问题", now=fixed_now()).text.splitlines()
    assert lines[1] == (
        "⚠ 已收录的文本不完整：第三部分在“2.没有现成信息需要另行制作”行之前中断，"
        f"缺{LACKING}个数据。"
    )


@pytest.fixture
def runner(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCLOSURE_BOT_DB_URL", db_url)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    return CliRunner()


def test_the_old_allow_incomplete_flag_is_accepted_and_harmless(
    runner: CliRunner, tmp_path: Path
) -> None:
    cut = tmp_path / "huaian_cut.txt"
    cut.write_bytes(cut_text())
    plain = runner.invoke(app, ["ingest", str(cut)])
    assert plain.exit_code == 0, plain.output
    assert "indexed   huaian_cut.txt  淮安市人民政府 2024" in plain.stdout
    flagged = runner.invoke(app, ["ingest", "--allow-incomplete", str(cut)])
    assert flagged.exit_code == 0, flagged.output
    assert "unchanged" in flagged.stdout


def test_statuses_are_typed() -> None:
    assert [s.value for s in IngestStatus] == [
        "indexed",
        "replaced",
        "unchanged",
        "kept",
        "rejected",
    ]


def test_an_export_notes_the_cells_after_the_cut(service: DisclosureService) -> None:
    service.index_parsed(cut_report(), now=fixed_now())
    (huaian,) = [
        e.id for e in service.agency_index().entries.values() if e.name == "淮安市人民政府"
    ]
    stored = service.report(huaian, 2024)
    assert stored is not None
    notes = {row[3]: (row[6], row[8]) for row in report_table(stored).rows}
    assert notes[FIRST_LACKING] == ("", "copy cut off before it")
    assert notes["applications.new.total"] == (3119, "")


def test_a_regional_total_leaves_a_cut_copy_out_and_says_so(service: DisclosureService) -> None:
    service.index_parsed(cut_report(), now=fixed_now())
    # a second agency of the city with the whole report's figures (those of Huai'an's text)
    full = parse_report("hongze.txt", HUAIAN.read_bytes())
    whole = replace(full, agency=identify_agency("淮安市洪泽区人民政府"), sha256="h" * 64)
    assert service.index_parsed(whole, now=fixed_now()).status is IngestStatus.INDEXED
    held = service.ask("淮安市2024年新收申请合计", now=fixed_now()).text.splitlines()
    assert held[1] == "2个机构中2个有报告，合计：6,238 件"  # 3,119 each
    total = service.ask("淮安市2024年没有现成信息需要另行制作合计", now=fixed_now())
    assert total.text.splitlines()[1:] == [
        "2个机构中1个有报告，合计：11 件",
        "未计入（已收录的文本缺这一项：在此之前中断或无法确认）：淮安市人民政府",
    ]
    ranked = service.ask("淮安市2024年没有现成信息需要另行制作最多的", now=fixed_now())
    assert "1. 洪泽区人民政府：11 件" in ranked.text and "淮安市人民政府：" not in ranked.text
