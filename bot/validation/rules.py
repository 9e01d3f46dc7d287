"""The arithmetic rules of the spec, each break reported as a ``Finding`` (data, not errors).

A sum rule is checked when its total cell is printed; blank parts count as 0, as a reader
adding up the printed table would. A rule whose total is blank cannot be checked and says
nothing.
"""

from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import cache
from itertools import repeat

from bot.catalogue import COLUMNS, OUTCOMES, ROW_GROUP, ROWS, Label, field, fields_by_key
from bot.parser.report import Finding

Figures = Mapping[str, Decimal]

_ITEM_ROWS = tuple(r.key for r in ROWS if ROW_GROUP[r.key] and r.key != "outcome.total")
_PARTS = tuple(o.key for o in OUTCOMES if o.key != "total")


def check_rules(
    figures: Figures, layout: str, *, unknown: set[str] | frozenset[str] = frozenset()
) -> list[Finding]:
    """Rules 1–5 of the spec on one report's figures.

    ``unknown`` cells (ambiguous in the text) are neither blank nor 0: a rule touching one
    cannot be checked and says nothing.
    """
    found = [
        *_balance(figures),
        *_outcome_totals(figures, layout),
        *_row_totals(figures),
        *_review_totals(figures),
        *_ranges(figures),
    ]
    return [f for f in found if not unknown.intersection(f.cells)]


def check_report(figures: Figures, layout: str, previous: Figures | None = None) -> list[Finding]:
    """Rules 1–5, and rule 6 and the copy check when the previous year's figures are known."""
    findings = check_rules(figures, layout)
    if previous is not None:
        findings.extend(compare_with_previous(figures, previous))
    return findings


_ZERO = Decimal(0)
#: The whole numbers most cells hold: a set lookup settles them before any arithmetic.
SMALL_COUNTS = frozenset(Decimal(n) for n in range(1_000))


def _sum(figures: Figures, keys: Iterable[str]) -> Decimal:
    return sum(map(figures.get, keys, repeat(_ZERO)), _ZERO)


def _any(figures: Figures, keys: Iterable[str]) -> bool:
    return any(k in figures for k in keys)


# The keys each rule adds up, spelled out once: the rules run on every report parsed.
_BALANCE = tuple(
    (
        column,
        tuple(f"applications.{r}.{column.key}" for r in ("new", "carried_over")),
        tuple(f"applications.{r}.{column.key}" for r in ("outcome.total", "carried_forward")),
    )
    for column in COLUMNS
)
_ROW_TOTALS = tuple(
    (
        row,
        f"applications.{row.key}.total",
        tuple(f"applications.{row.key}.{c.key}" for c in COLUMNS if c.key != "total"),
    )
    for row in ROWS
)


def _balance(figures: Figures) -> Iterable[Finding]:
    for column, left, right in _BALANCE:
        if not (_any(figures, left) and _any(figures, right)):
            continue
        expected, found = _sum(figures, left), _sum(figures, right)
        if expected != found:
            yield Finding(
                "applications.balance",
                (*left, *right),
                expected,
                found,
                f"{column.zh}: 本年新收 + 上年结转 = {expected}, "
                f"but 办理结果总计 + 结转下年度 = {found}",
            )


@cache
def _outcome_parts(layout: str) -> tuple[tuple[Label, str, tuple[str, ...]], ...]:
    """Per column: the 总计 cell of the outcomes and the item cells it adds up."""
    items = [r for r in _ITEM_ROWS if layout in field(f"applications.{r}.total").layouts]
    return tuple(
        (
            column,
            f"applications.outcome.total.{column.key}",
            tuple(f"applications.{r}.{column.key}" for r in items),
        )
        for column in COLUMNS
    )


def _outcome_totals(figures: Figures, layout: str) -> Iterable[Finding]:
    for column, total, parts in _outcome_parts(layout):
        if total not in figures:
            continue
        expected = _sum(figures, parts)
        if expected != figures[total]:
            yield Finding(
                "applications.outcome_total",
                (total, *[p for p in parts if p in figures]),
                expected,
                figures[total],
                f"{column.zh}: 办理结果各项之和 = {expected}, but （七）总计 = {figures[total]}",
            )


def _row_totals(figures: Figures) -> Iterable[Finding]:
    for row, total, parts in _ROW_TOTALS:
        if total not in figures:
            continue
        expected = _sum(figures, parts)
        if expected != figures[total]:
            yield Finding(
                "applications.row_total",
                (total, *parts),
                expected,
                figures[total],
                f"{row.zh}: 六类申请人之和 = {expected}, but 总计 = {figures[total]}",
            )


def _review_totals(figures: Figures) -> Iterable[Finding]:
    for group in ("review", "litigation.direct", "litigation.after_review"):
        total = f"{group}.total"
        parts = [f"{group}.{p}" for p in _PARTS]
        if total not in figures:
            continue
        expected = _sum(figures, parts)
        if expected != figures[total]:
            yield Finding(
                "review.total",
                (total, *parts),
                expected,
                figures[total],
                f"{field(total).row.zh}: 维持 + 纠正 + 其他 + 尚未审结 = {expected}, "
                f"but 总计 = {figures[total]}",
            )


def _ranges(figures: Figures) -> Iterable[Finding]:
    by_key = fields_by_key()
    for key, value in figures.items():
        if value in SMALL_COUNTS:
            continue  # the common case: whole and not negative
        spec = by_key.get(key)
        if spec is None:
            continue
        if value < 0 and not spec.signed:
            yield Finding(
                "values.range", (key,), None, value, f"{key}: a count cannot be negative"
            )
        elif value != value.to_integral_value() and not spec.decimal:
            yield Finding("values.range", (key,), None, value, f"{key}: a count must be whole")


def compare_with_previous(figures: Figures, previous: Figures) -> list[Finding]:
    """Rule 6 (this year's 上年结转 = last year's 结转下年度) and identical-copy detection."""
    findings = []
    for column in COLUMNS:
        now = f"applications.carried_over.{column.key}"
        before = f"applications.carried_forward.{column.key}"
        if now in figures and before in previous and figures[now] != previous[before]:
            findings.append(
                Finding(
                    "applications.carried_over",
                    (now,),
                    previous[before],
                    figures[now],
                    f"{column.zh}: 上年结转 {figures[now]} ≠ 上一年报告的结转下年度 "
                    f"{previous[before]}",
                )
            )
    if figures and dict(figures) == dict(previous):
        findings.append(
            Finding(
                "identical_to_previous_year",
                tuple(sorted(figures)),
                None,
                None,
                "every figure equals the previous year's report: was it copied?",
            )
        )
    return findings
