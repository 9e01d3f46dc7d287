"""The text shapes reports arrive in: flattened, column by column, glued digits, signs.

Property: whatever shape the text takes, a figure comes out right or not at all: cells the
text cannot settle are left out and flagged as ``ambiguous_cells``, never guessed.
"""

import re
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from reportgen import GeneratedReport, render, reports

from bot.parser import parse_text
from bot.parser.blocks import read_blocks
from bot.parser.cells import split_chunks
from bot.parser.numbers import NOT_REPORTED
from bot.parser.solve import resolve
from bot.parser.tables.proactive import read_proactive
from bot.parser.tables.review import read_review
from bot.parser.tokens import value_groups


def _flatten(text: str) -> str:
    """What a crawler makes of a report page: every cell separator and line break dropped
    inside the tables (prose lines kept)."""
    return "".join(line if "\t" in line else f"\n{line}\n" for line in text.split("\n")).replace(
        "\t", ""
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_flattened_text_is_right_or_ambiguous(report: GeneratedReport) -> None:
    parsed = parse_text(_flatten(render(report, "txt").decode()), source_name="flat.txt")
    ambiguous = {c for f in parsed.findings if f.rule == "ambiguous_cells" for c in f.cells}
    for key, value in report.stated().items():
        if key in parsed.figures:
            assert parsed.figures[key] == value, key
        else:
            assert key in ambiguous, key
    # flattening loses nothing the rules can restore: the applications table comes back
    applications = {k for k in report.stated() if k.startswith("applications.")}
    assert len(applications & ambiguous) <= len(applications) // 4


def test_item_number_glued_to_digits_is_a_label() -> None:
    text = "1.属于国家秘密00000002.其他法律行政法规禁止公开3000003"
    groups = value_groups(text, 7)
    assert [g.chunks for g in groups] == [["0000000"], ["3000003"]]
    assert "2. 其他法律行政法规禁止公开" in groups[1].same_line


def test_glued_digits_split_every_way_then_by_rule_three() -> None:
    options = split_chunks(["230", "000023"], 7)
    assert len(options) == 3  # a stray space is a cell boundary; "230" may hold 1 or 2 cells
    adding_up = [o for o in options if sum(o[:6], Decimal(0)) == o[6]]
    assert adding_up == [tuple(Decimal(v) for v in (23, 0, 0, 0, 0, 0, 23))]


def test_separated_cells_are_never_cut() -> None:
    assert split_chunks(["447", "7", "0", "0", "0", "454"], 7, glued=False) == []
    assert split_chunks(["0", "00", "00", "0", "0"], 7, glued=False) == [
        tuple(Decimal(0) for _ in range(7))  # "00" cannot be one number: it is two cells
    ]


def test_sign_marks_where_a_cell_starts() -> None:
    options = split_chunks(["20", "+1737"], 3, (False, True, False))
    assert [tuple(int(c) for c in o) for o in options] == [
        (20, 1, 737),
        (20, 17, 37),
        (20, 173, 7),
    ]


def test_yuan_amounts_become_ten_thousands() -> None:
    (only,) = split_chunks(["75394432.52元"], 1)
    assert only == (Decimal("7539.443252"),)


def test_blank_marks_are_not_reported() -> None:
    assert split_chunks(["/", "—", "", "0"], 4, glued=False) == [
        (NOT_REPORTED, NOT_REPORTED, NOT_REPORTED, Decimal(0))
    ]


def test_resolution_keeps_only_cells_every_solution_agrees_on() -> None:
    first = (Decimal(1), Decimal(2))
    second = (Decimal(1), Decimal(3))
    result = resolve({"row": [first, second]}, lambda _table: True)
    assert result.rows["row"] == (Decimal(1), None)
    assert result.ambiguous == frozenset({("row", 1)})
    settled = resolve({"row": [first, second]}, lambda table: table["row"][1] == 3)
    assert settled.rows["row"] == second and not settled.ambiguous


def test_column_by_column_blocks_are_read_back() -> None:
    rows = ["a", "b", "c"]
    table = [(1, 0, 0, 0, 0, 1, 2), (0, 5, 0, 0, 0, 0, 5), (2, 0, 0, 0, 0, 0, 2)]
    # first row printed row-wise, the other two column by column
    numbers = [*table[0], *[table[r][c] for c in range(7) for r in (1, 2)]]
    found = read_blocks([str(n) for n in numbers], rows)
    assert found is not None
    assert {k: [tuple(int(c) for c in v) for v in vs] for k, vs in found.items()} == {
        "a": [table[0]],
        "b": [table[1]],
        "c": [table[2]],
    }


def test_markdown_tables_and_page_footers() -> None:
    text = "\n".join(
        [
            "| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 1 | 4 |",
            "|---|---|---|---|---|---|---|---|",
            "— 5 —",
            "-3-",
            "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        ]
    )
    groups = value_groups(text, 7)
    assert [len(g.chunks) for g in groups] == [7, 7]
    assert not re.search(r"\d", groups[1].before)


def test_a_blank_row_is_no_header_of_merged_cells() -> None:
    # 规章 printed with every cell blank, then 规范性文件 with three zeros: the blank row was
    # taken for a header whose three empty cells were one merged cell, and the zeros for one
    text = (
        "二、主动公开政府信息情况\n第二十条第（一）项\n"
        "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
        "规章\t\t\t\n规范性文件\t0\t0\t0\n"
    )
    reading = read_proactive(text, "2019")
    assert [reading.figures[f"proactive.normative_docs.{c}"] for c in COLUMNS] == [0, 0, 0]
    assert {f"proactive.rules.{c}" for c in COLUMNS} <= set(reading.not_reported)


COLUMNS = ("created", "published", "total_published")


def test_fifteen_review_cells_run_together_are_read_by_rule_four() -> None:
    # 0 4 52 74 130 | 65 0 45 4 114 | 0 0 0 0 0 flattened into one run of 23 digits: cut
    # every way it reads some 320,000 ways, over the limit; by rule 4 it reads a handful
    text = (
        "四、政府信息公开行政复议、行政诉讼情况\n"
        "结果维持结果纠正其他结果尚未审结总计04527413065045411400000\n"
    )
    reading = read_review(text)
    review = [reading.figures.get(f"review.{c}") for c in OUTCOME_KEYS]
    assert review == [0, 4, 52, 74, 130]
    assert [reading.figures.get(f"litigation.after_review.{c}") for c in OUTCOME_KEYS] == [0] * 5
    direct = {f"litigation.direct.{c}" for c in OUTCOME_KEYS}
    for key in direct:  # right, or left open: never another reading presented as certain
        assert reading.figures.get(key) == DIRECT[key] or key in reading.ambiguous


def test_a_blank_first_review_cell_stays_blank() -> None:
    # the values row has no label: its first cell, blank, is a cell and not layout
    text = "四、政府信息公开行政复议、行政诉讼情况\n结果维持\t结果纠正\n" + "\t0" * 14 + "\n"
    reading = read_review(text)
    assert "review.upheld" in reading.not_reported
    assert all(reading.figures[k] == 0 for k in reading.figures)
    assert len(reading.figures) == 14


OUTCOME_KEYS = ("upheld", "corrected", "other", "pending", "total")
DIRECT_VALUES = (65, 0, 45, 4, 114)
DIRECT = {f"litigation.direct.{c}": n for c, n in zip(OUTCOME_KEYS, DIRECT_VALUES, strict=True)}
