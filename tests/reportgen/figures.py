"""Hypothesis strategies for the figures of a report, consistent with rules 1–5 by construction.

Section 三 is built column by column: the outcome items first, then ``outcome.total`` as their
sum, then ``carried_forward`` and ``carried_over`` such that
``new + carried_over = outcome.total + carried_forward``, and finally every row's ``total``
as the sum of its six applicant columns. Section 四 totals are the sums of their four results.
"""

from __future__ import annotations

from decimal import Decimal

import hypothesis.strategies as st

from bot.catalogue import COLUMNS, ROW_GROUP, ROWS, layout_keys

APPLICANTS: tuple[str, ...] = tuple(c.key for c in COLUMNS if c.key != "total")
RESULTS: tuple[str, ...] = ("upheld", "corrected", "other", "pending")
REVIEW_GROUPS: tuple[str, ...] = ("review", "litigation.direct", "litigation.after_review")

# Outcomes that real reports fill often; the others are nearly always 0.
COMMON_OUTCOMES = frozenset(
    {
        "outcome.disclosed",
        "outcome.partly_disclosed",
        "outcome.withheld.third_party",
        "outcome.withheld.process_info",
        "outcome.unavailable.not_held",
        "outcome.unavailable.unclear",
        "outcome.not_processed.petition",
        "outcome.not_processed.duplicate",
        "outcome.other.no_correction",
        "outcome.other.other",
    }
)


def outcome_items(layout: str) -> tuple[str, ...]:
    """The outcome item rows of section 三 in ``layout`` (``outcome.total`` excluded)."""
    keys = set(layout_keys(layout))
    return tuple(
        row.key
        for row in ROWS
        if ROW_GROUP[row.key]
        and row.key != "outcome.total"
        and f"applications.{row.key}.total" in keys
    )


def counts(top: int, zeros: int = 2) -> st.SearchStrategy[int]:
    """A count in ``0..top``: often 0, often small, sometimes up to ``top``."""
    top = max(top, 1)
    return st.one_of(*([st.just(0)] * zeros), st.integers(1, min(top, 9)), st.integers(0, top))


def rare() -> st.SearchStrategy[int]:
    """A count that is nearly always 0."""
    return st.one_of(st.just(0), st.just(0), st.just(0), st.integers(1, 3))


@st.composite
def amounts(draw: st.DrawFn, top: int = 100_000, places: int = 6) -> Decimal:
    """A decimal amount in ``0..top`` with up to ``places`` decimals (0 half the time)."""
    if draw(st.booleans()):
        return Decimal(0)
    k = draw(st.integers(0, places))
    mantissa = draw(st.integers(1, top * 10**k))
    return Decimal(mantissa).scaleb(-k)


@st.composite
def _column(draw: st.DrawFn, items: tuple[str, ...], top: int) -> dict[str, int]:
    """Every row of one applicant column of section 三, satisfying rules 1 and 2.

    ``top`` bounds the count of a common outcome; rare outcomes are nearly always 0.
    """
    cells = {item: draw(counts(top) if item in COMMON_OUTCOMES else rare()) for item in items}
    total = sum(cells.values())
    carried_forward = draw(st.one_of(st.just(0), st.integers(0, max(1, top // 10))))
    balance = total + carried_forward
    carried_over = draw(st.one_of(st.just(0), st.integers(0, min(balance, max(1, top // 10)))))
    cells["outcome.total"] = total
    cells["carried_forward"] = carried_forward
    cells["carried_over"] = carried_over
    cells["new"] = balance - carried_over
    return cells


@st.composite
def applications(draw: st.DrawFn, layout: str, top: int) -> dict[str, Decimal]:
    """The section 三 table: rows × the six applicant columns plus the row totals.

    ``top`` bounds a common outcome of natural persons (0: no applications at all); companies
    apply less, the other organisations rarely.
    """
    items = outcome_items(layout)
    rows = ("new", "carried_over", *items, "outcome.total", "carried_forward")
    by_column: dict[str, dict[str, int]] = {}
    for column in APPLICANTS:
        if column == "natural_person":
            active, column_top = top > 0, top
        elif column == "commercial":
            active, column_top = top > 0 and draw(st.booleans()), max(2, top // 4)
        else:
            active, column_top = top > 0 and draw(st.sampled_from((False,) * 3 + (True,))), 3
        if active:
            by_column[column] = draw(_column(items, column_top))
        else:
            by_column[column] = dict.fromkeys(rows, 0)
    figures: dict[str, Decimal] = {}
    for row in rows:
        for column in APPLICANTS:
            figures[f"applications.{row}.{column}"] = Decimal(by_column[column][row])
        row_total = sum(by_column[column][row] for column in APPLICANTS)
        figures[f"applications.{row}.total"] = Decimal(row_total)
    return figures


@st.composite
def reviews(draw: st.DrawFn, scale: int) -> dict[str, Decimal]:
    """Section 四: three groups of four results and their totals (rule 4)."""
    figures: dict[str, Decimal] = {}
    for group in REVIEW_GROUPS:
        active = draw(st.booleans())
        values = [draw(counts(min(3 * scale, 80), zeros=3)) if active else 0 for _ in RESULTS]
        for result, value in zip(RESULTS, values, strict=True):
            figures[f"{group}.{result}"] = Decimal(value)
        figures[f"{group}.total"] = Decimal(sum(values))
    return figures


@st.composite
def _documents(draw: st.DrawFn, top: int) -> tuple[int, int, int]:
    """Documents issued, repealed and in force (in force ≥ issued)."""
    issued = draw(counts(top, zeros=3))
    repealed = draw(counts(top // 2, zeros=3))
    in_force = issued + draw(counts(top * 10, zeros=1))
    return issued, repealed, in_force


@st.composite
def proactive_2021(draw: st.DrawFn, kind: str, scale: int) -> dict[str, Decimal]:
    """Section 二 of the 2021 layout."""
    rules_top = 10 if kind == "city" else 0
    figures: dict[str, Decimal] = {}
    for row, top in (("rules", rules_top), ("normative_docs", 20)):
        issued, repealed, in_force = draw(_documents(top)) if top else (0, 0, 0)
        figures[f"proactive.{row}.issued"] = Decimal(issued)
        figures[f"proactive.{row}.repealed"] = Decimal(repealed)
        figures[f"proactive.{row}.in_force"] = Decimal(in_force)
    for row, top in (("licensing", 80), ("penalty", 60), ("coercion", 5)):
        figures[f"proactive.{row}.decisions"] = Decimal(draw(counts(top * scale)))
    figures["proactive.fees.amount"] = draw(amounts(top=1000 * scale))
    return figures


@st.composite
def proactive_2019(draw: st.DrawFn, kind: str, scale: int) -> dict[str, Decimal]:
    """Section 二 of the 2019 layout (signed 本年增/减, 政府集中采购 in 万元)."""
    figures: dict[str, Decimal] = {}
    for row, top in (("rules", 10 if kind == "city" else 0), ("normative_docs", 20)):
        created = draw(counts(top, zeros=3)) if top else 0
        published = draw(st.integers(0, created))
        total = published + (draw(counts(top * 10, zeros=1)) if top else 0)
        figures[f"proactive.{row}.created"] = Decimal(created)
        figures[f"proactive.{row}.published"] = Decimal(published)
        figures[f"proactive.{row}.total_published"] = Decimal(total)
    for row, top in (
        ("licensing", 80),
        ("other_services", 40),
        ("penalty", 60),
        ("coercion", 5),
        ("fees", 3),
    ):
        last_year = draw(counts(top * scale, zeros=1))
        change = draw(st.one_of(st.just(0), st.integers(-last_year, top)))
        figures[f"proactive.{row}.items_last_year"] = Decimal(last_year)
        figures[f"proactive.{row}.items_change"] = Decimal(change)
        if row != "fees":
            figures[f"proactive.{row}.decisions"] = Decimal(draw(counts(top * scale)))
    items = draw(counts(20 * scale, zeros=2))
    yuan = draw(st.integers(10_000 * items, 2_000_000 * items)) if items else 0
    cents = yuan * 100 + (draw(st.integers(0, 99)) if items else 0)  # 元 with 2 decimals
    figures["proactive.procurement.items"] = Decimal(items)
    # 万元, exact: 元 with 2 decimals is 万元 with 6
    figures["proactive.procurement.amount"] = Decimal(cents).scaleb(-6) if cents else Decimal(0)
    return figures


@st.composite
def figures_for(draw: st.DrawFn, layout: str, kind: str) -> dict[str, Decimal]:
    """Every figure of a ``layout`` report of an agency of ``kind``, rules 1–5 holding."""
    tops = {
        "township": (0, 0, 1, 3, 8),
        "department": (0, 2, 6, 20),
        "county": (8, 30, 150, 400),
        "city": (40, 150, 600, 2000),
    }
    top = draw(st.sampled_from(tops[kind]))
    scale = max(1, top // 15)  # how busy the agency is, for sections 二 and 四
    proactive = proactive_2019 if layout == "2019" else proactive_2021
    figures = {
        **draw(proactive(kind, scale)),
        **draw(applications(layout, top)),
        **draw(reviews(scale)),
    }
    order = layout_keys(layout)
    missing = set(order) ^ set(figures)
    if missing:  # the catalogue gained or lost a key: the generator must follow
        raise AssertionError(f"generator and catalogue disagree on {sorted(missing)}")
    return {key: figures[key] for key in order}
