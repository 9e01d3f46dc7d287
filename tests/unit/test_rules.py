"""The arithmetic rules of the spec (勾稽关系, rules 1–6) on real reports' figures, each broken
both ways: a cell one too large AND one too small is a finding that names the rule, the cells,
what the sum says and what the report prints.

The figures are the typed gold of reports whose every rule holds (tests/fixtures/gold): the
Huai'an city report of 2024 (2021 layout, every cell printed, thousands of applications) and
the Pingtan market regulator's of 2019 (2019 layout, one row for （六）其他处理). Every
expected value below is worked out here from those figures, never read from the program.
"""

import json
from decimal import Decimal
from typing import Any

import pytest
from conftest import GOLD

from bot.catalogue import COLUMNS
from bot.parser.json_output import finding_to_json
from bot.parser.report import Finding
from bot.validation import check_report, check_rules, compare_with_previous

Figures = dict[str, Decimal]
CITY = "003_huaianshi_2024"  # 2021 layout
REGULATOR = "015_pingtan_scjgj_2019"  # 2019 layout
COLUMN_KEYS = [c.key for c in COLUMNS]
APPLICANTS = [c for c in COLUMN_KEYS if c != "total"]
ZH = {c.key: c.zh for c in COLUMNS}
# the outcome item rows of the 2021 layout, in report order (（一）…（六）3)
ITEMS_2021 = [
    "outcome.disclosed",
    "outcome.partly_disclosed",
    *(
        f"outcome.withheld.{k}"
        for k in (
            "state_secret",
            "prohibited_by_law",
            "security_stability",
            "third_party",
            "internal_affairs",
            "process_info",
            "enforcement_file",
            "inquiry",
        )
    ),
    *(f"outcome.unavailable.{k}" for k in ("not_held", "needs_creation", "unclear")),
    *(
        f"outcome.not_processed.{k}"
        for k in ("petition", "duplicate", "publication", "excessive", "confirmation")
    ),
    *(f"outcome.other.{k}" for k in ("no_correction", "fee_unpaid", "other")),
]
# the 2019 layout has no （六）1 and 2: （六）其他处理 is one row
ITEMS_2019 = [
    r for r in ITEMS_2021 if r not in ("outcome.other.no_correction", "outcome.other.fee_unpaid")
]
GROUPS = ("review", "litigation.direct", "litigation.after_review")
GROUP_ZH = {
    "review": "行政复议",
    "litigation.direct": "行政诉讼 · 未经复议直接起诉",
    "litigation.after_review": "行政诉讼 · 复议后起诉",
}


def gold_figures(name: str) -> Figures:
    data: dict[str, Any] = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    return {k: Decimal(str(v)) for k, v in data["figures"].items() if v is not None}


@pytest.fixture(scope="module")
def city() -> Figures:
    return gold_figures(CITY)


def app(row: str, column: str) -> str:
    return f"applications.{row}.{column}"


def changed(figures: Figures, key: str, delta: int) -> Figures:
    out = dict(figures)
    out[key] = figures[key] + delta
    return out


def without(figures: Figures, *keys: str) -> Figures:
    return {k: v for k, v in figures.items() if k not in keys}


def of_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


@pytest.mark.parametrize(
    ("name", "layout"),
    [
        (CITY, "2021"),
        (REGULATOR, "2019"),
        ("010_pingtan_2025", "2021"),
        ("013_shanghai_bgt_2025", "2021"),
    ],
)
def test_a_report_whose_rules_hold_has_no_finding(name: str, layout: str) -> None:
    figures = gold_figures(name)
    assert check_rules(figures, layout) == []
    assert check_report(figures, layout) == []


def test_the_seed_figures_are_large_and_distinct_enough_to_tell_cells_apart(city: Figures) -> None:
    # the checks below move one cell by 1: a rule adding the wrong cells would not balance
    assert city[app("new", "total")] == 3119 and city[app("outcome.total", "total")] == 3050
    assert city["review.total"] == 351 and city["litigation.direct.total"] == 26


# -- rule 1: new + carried over = outcome total + carried forward, in every column --------------


@pytest.mark.parametrize("column", COLUMN_KEYS)
@pytest.mark.parametrize("row", ["new", "carried_over", "outcome.total", "carried_forward"])
@pytest.mark.parametrize("delta", [1, -1], ids=["too_large", "too_small"])
def test_rule_1_fails_when_any_of_its_cells_is_off_either_way(
    city: Figures, column: str, row: str, delta: int
) -> None:
    figures = changed(city, app(row, column), delta)
    left = figures[app("new", column)] + figures[app("carried_over", column)]
    right = figures[app("outcome.total", column)] + figures[app("carried_forward", column)]
    assert left != right  # the edit broke the balance: by `delta`, one side or the other
    (finding,) = of_rule(check_rules(figures, "2021"), "applications.balance")
    assert finding == Finding(
        "applications.balance",
        (
            app("new", column),
            app("carried_over", column),
            app("outcome.total", column),
            app("carried_forward", column),
        ),
        left,
        right,
        f"{ZH[column]}: 本年新收 + 上年结转 = {left}, but 办理结果总计 + 结转下年度 = {right}",
    )


def test_rule_1_counts_a_blank_cell_as_zero_but_needs_both_sides(city: Figures) -> None:
    column = "natural_person"
    blank_over = without(city, app("carried_over", column))
    (finding,) = of_rule(check_rules(blank_over, "2021"), "applications.balance")
    assert finding.expected == city[app("new", column)]  # 上年结转 blank: 0
    assert (
        finding.found == city[app("outcome.total", column)] + city[app("carried_forward", column)]
    )
    # a side with no printed cell at all cannot be checked: nothing to say
    no_right = without(city, app("outcome.total", column), app("carried_forward", column))
    assert of_rule(check_rules(no_right, "2021"), "applications.balance") == []
    no_left = without(city, app("new", column), app("carried_over", column))
    assert of_rule(check_rules(no_left, "2021"), "applications.balance") == []
    # … and the columns after an unchecked one are still checked
    broken = changed(no_right, app("new", "total"), 1)
    (finding,) = of_rule(check_rules(broken, "2021"), "applications.balance")
    assert finding.cells[0] == app("new", "total")


# -- rule 2: the outcome total is the sum of the outcome items, in every column ----------------


@pytest.mark.parametrize("column", COLUMN_KEYS)
@pytest.mark.parametrize("delta", [1, -1], ids=["too_large", "too_small"])
def test_rule_2_fails_when_the_outcome_total_is_off_either_way(
    city: Figures, column: str, delta: int
) -> None:
    total = app("outcome.total", column)
    figures = changed(city, total, delta)
    parts = [app(r, column) for r in ITEMS_2021]
    items = sum((figures[p] for p in parts), Decimal(0))
    assert items == city[total]  # the report's own sum holds
    (finding,) = of_rule(check_rules(figures, "2021"), "applications.outcome_total")
    assert finding == Finding(
        "applications.outcome_total",
        (total, *parts),
        items,
        city[total] + delta,
        f"{ZH[column]}: 办理结果各项之和 = {items}, but （七）总计 = {city[total] + delta}",
    )


@pytest.mark.parametrize("row", ITEMS_2021)
@pytest.mark.parametrize("delta", [1, -1], ids=["too_large", "too_small"])
def test_rule_2_adds_up_every_outcome_item(city: Figures, row: str, delta: int) -> None:
    column = "total"
    figures = changed(city, app(row, column), delta)
    (finding,) = of_rule(check_rules(figures, "2021"), "applications.outcome_total")
    assert finding.cells[0] == app("outcome.total", column)
    assert (finding.expected, finding.found) == (
        city[app("outcome.total", column)] + delta,
        city[app("outcome.total", column)],
    )


def test_rule_2_names_only_the_printed_items_and_skips_a_blank_total(city: Figures) -> None:
    blank_item = app("outcome.disclosed", "commercial")
    figures = changed(without(city, blank_item), app("outcome.total", "commercial"), 1)
    (finding,) = of_rule(check_rules(figures, "2021"), "applications.outcome_total")
    assert blank_item not in finding.cells
    assert finding.cells == (
        app("outcome.total", "commercial"),
        *(app(r, "commercial") for r in ITEMS_2021 if r != "outcome.disclosed"),
    )
    assert finding.expected == city[app("outcome.total", "commercial")] - city[blank_item]
    # a blank total in one column is not checked; the columns after it still are
    figures = changed(
        without(city, app("outcome.total", "natural_person")), app("outcome.total", "total"), 1
    )
    (finding,) = of_rule(check_rules(figures, "2021"), "applications.outcome_total")
    assert finding.cells[0] == app("outcome.total", "total")


def test_rule_2_adds_the_items_of_the_reports_own_layout() -> None:
    figures = gold_figures(REGULATOR)
    total = app("outcome.total", "total")
    assert figures[total] == 1
    broken = changed(figures, total, 1)
    (finding,) = of_rule(check_rules(broken, "2019"), "applications.outcome_total")
    assert finding.cells == (total, *(app(r, "total") for r in ITEMS_2019))
    assert (finding.expected, finding.found) == (Decimal(1), Decimal(2))
    # read as the 2021 layout, （六）1 and 2 are missing from its table: blanks, still 0
    (same,) = of_rule(check_rules(broken, "2021"), "applications.outcome_total")
    assert (same.expected, same.found) == (Decimal(1), Decimal(2))


# -- rule 3: a row's total is the sum of its six applicant columns -----------------------------


@pytest.mark.parametrize("row", ["new", "outcome.disclosed", "outcome.total", "carried_forward"])
@pytest.mark.parametrize("column", COLUMN_KEYS)
@pytest.mark.parametrize("delta", [1, -1], ids=["too_large", "too_small"])
def test_rule_3_fails_when_a_row_cell_is_off_either_way(
    city: Figures, row: str, column: str, delta: int
) -> None:
    figures = changed(city, app(row, column), delta)
    parts = [app(row, c) for c in APPLICANTS]
    total = app(row, "total")
    (finding,) = of_rule(check_rules(figures, "2021"), "applications.row_total")
    expected = sum((figures[p] for p in parts), Decimal(0))
    assert expected != figures[total]
    label = {
        "new": "一、本年新收政府信息公开申请数量",
        "outcome.disclosed": "（一）予以公开",
        "outcome.total": "（七）总计",
        "carried_forward": "四、结转下年度继续办理",
    }[row]
    assert finding == Finding(
        "applications.row_total",
        (total, *parts),
        expected,
        figures[total],
        f"{label}: 六类申请人之和 = {expected}, but 总计 = {figures[total]}",
    )


def test_rule_3_skips_a_row_without_a_total_and_checks_the_next(city: Figures) -> None:
    figures = without(changed(city, app("carried_forward", "commercial"), 1), app("new", "total"))
    findings = of_rule(check_rules(figures, "2021"), "applications.row_total")
    assert [f.cells[0] for f in findings] == [app("carried_forward", "total")]


# -- rule 4: reconsideration and lawsuit totals ------------------------------------------------


@pytest.mark.parametrize("group", GROUPS)
@pytest.mark.parametrize("cell", ["upheld", "corrected", "other", "pending", "total"])
@pytest.mark.parametrize("delta", [1, -1], ids=["too_large", "too_small"])
def test_rule_4_fails_when_a_review_or_lawsuit_cell_is_off_either_way(
    city: Figures, group: str, cell: str, delta: int
) -> None:
    figures = changed(city, f"{group}.{cell}", delta)
    parts = tuple(f"{group}.{p}" for p in ("upheld", "corrected", "other", "pending"))
    expected = sum((figures[p] for p in parts), Decimal(0))
    total = figures[f"{group}.total"]
    (finding,) = of_rule(check_rules(figures, "2021"), "review.total")
    assert finding == Finding(
        "review.total",
        (f"{group}.total", *parts),
        expected,
        total,
        f"{GROUP_ZH[group]}: 维持 + 纠正 + 其他 + 尚未审结 = {expected}, but 总计 = {total}",
    )


def test_rule_4_skips_a_group_without_a_total_and_checks_the_next(city: Figures) -> None:
    figures = without(changed(city, "litigation.direct.upheld", 1), "review.total")
    findings = of_rule(check_rules(figures, "2021"), "review.total")
    assert [f.cells[0] for f in findings] == ["litigation.direct.total"]


# -- rule 5: whole counts, not negative; amounts may be decimal, changes negative --------------


def test_rule_5_a_count_cannot_be_negative_nor_a_fraction(city: Figures) -> None:
    figures = dict(city)
    figures["applications.new.total"] = Decimal(-3119)
    figures["review.total"] = Decimal("351.5")
    figures["litigation.direct.total"] = Decimal("0.5")
    ranges = of_rule(check_rules(figures, "2021"), "values.range")
    assert ranges == [
        Finding(
            "values.range",
            ("applications.new.total",),
            None,
            Decimal(-3119),
            "applications.new.total: a count cannot be negative",
        ),
        Finding(
            "values.range",
            ("review.total",),
            None,
            Decimal("351.5"),
            "review.total: a count must be whole",
        ),
        Finding(
            "values.range",
            ("litigation.direct.total",),
            None,
            Decimal("0.5"),
            "litigation.direct.total: a count must be whole",
        ),
    ]


def test_rule_5_allows_decimal_amounts_negative_changes_and_large_counts(city: Figures) -> None:
    figures = dict(city)
    assert figures["proactive.fees.amount"] == Decimal("96171.6")  # a decimal amount, printed
    figures["proactive.licensing.items_change"] = Decimal(-1234)  # items removed this year
    figures["applications.new.total"] = Decimal(1000)  # just past the common whole numbers
    figures["no.such.key"] = Decimal("-1.5")  # not a figure of the spec: no rule about it
    del figures["review.pending"]
    figures["review.pending"] = Decimal(-2)  # after the unknown key: still checked
    ranges = of_rule(check_rules(figures, "2021"), "values.range")
    assert [(f.cells, f.found) for f in ranges] == [(("review.pending",), Decimal(-2))]


def test_rule_5_checks_every_cell_after_the_common_small_ones() -> None:
    figures = {"applications.new.natural_person": Decimal(3), "review.upheld": Decimal(-1)}
    assert [f.cells for f in check_rules(figures, "2021")] == [("review.upheld",)]


def test_a_total_over_blank_parts_is_a_finding_with_a_decimal_sum() -> None:
    figures = {app("outcome.total", "total"): Decimal(5)}  # every item row left blank
    findings = check_rules(figures, "2021")  # rule 2 (the items) and rule 3 (the applicants)
    assert [(f.rule, f.expected, f.found) for f in findings] == [
        ("applications.outcome_total", Decimal(0), Decimal(5)),
        ("applications.row_total", Decimal(0), Decimal(5)),
    ]
    for finding in findings:  # a figure like any other: JSON can write it
        assert isinstance(finding.expected, Decimal)
        assert finding_to_json(finding)["expected"] == 0


# -- cells the text leaves ambiguous ------------------------------------------------------------


def test_a_rule_touching_an_unknown_cell_says_nothing_the_others_still_speak(
    city: Figures,
) -> None:
    figures = changed(changed(city, "review.upheld", 1), app("carried_forward", "research"), 1)
    everything = check_rules(figures, "2021")
    assert {f.rule for f in everything} == {
        "review.total",
        "applications.balance",
        "applications.row_total",
    }
    quiet = check_rules(figures, "2021", unknown={app("carried_forward", "research")})
    assert [f.rule for f in quiet] == ["review.total"]


# -- rule 6 and the copied report ---------------------------------------------------------------


@pytest.mark.parametrize("column", COLUMN_KEYS)
@pytest.mark.parametrize("delta", [1, -1], ids=["too_large", "too_small"])
def test_rule_6_carried_over_must_equal_last_years_carried_forward(
    city: Figures, column: str, delta: int
) -> None:
    previous = {app("carried_forward", c): city[app("carried_over", c)] for c in COLUMN_KEYS}
    assert compare_with_previous(city, previous) == []
    previous[app("carried_forward", column)] += delta
    before = previous[app("carried_forward", column)]
    now = city[app("carried_over", column)]
    assert compare_with_previous(city, previous) == [
        Finding(
            "applications.carried_over",
            (app("carried_over", column),),
            before,
            now,
            f"{ZH[column]}: 上年结转 {now} ≠ 上一年报告的结转下年度 {before}",
        )
    ]
    # check_report runs it too, after rules 1–5
    assert check_report(city, "2021", previous) == compare_with_previous(city, previous)


def test_rule_6_needs_both_years_cells(city: Figures) -> None:
    previous = {app("carried_forward", "total"): Decimal(999_999)}
    assert [f.cells for f in compare_with_previous(city, previous)] == [
        (app("carried_over", "total"),)
    ]
    assert compare_with_previous(without(city, app("carried_over", "total")), previous) == []
    assert compare_with_previous(city, {}) == []


def test_a_report_identical_to_last_years_is_flagged(city: Figures) -> None:
    (copied,) = [
        f
        for f in compare_with_previous(city, dict(city))
        if f.rule == "identical_to_previous_year"
    ]
    assert copied == Finding(
        "identical_to_previous_year",
        tuple(sorted(city)),
        None,
        None,
        "every figure equals the previous year's report: was it copied?",
    )
    other = compare_with_previous(city, changed(city, "review.total", 1))
    assert "identical_to_previous_year" not in {f.rule for f in other}
    assert compare_with_previous({}, {}) == []
