"""Realistic report figures, fast: the arithmetic rules (勾稽关系) hold by construction.

The same shapes as ``tests/reportgen/figures.py`` (whose hypothesis strategies are too slow
for half a million reports), drawn with ``random.Random``: section 三 column by column (outcome
items, their total, 结转 such that new + carried_over = outcome total + carried_forward, row
totals), section 四 totals as the sums of their results. ``carried`` chains the years: this
year's 上年结转 is last year's 结转下年度, column by column (rule 6).
"""

import random
from decimal import Decimal
from functools import cache

from bench.testgen import APPLICANTS, COMMON_OUTCOMES, RESULTS, REVIEW_GROUPS, outcome_items
from bot.catalogue import layout_keys

# How busy an agency of each level is: the bound of a common outcome of natural persons.
TOPS: dict[str, tuple[int, ...]] = {
    "township": (0, 0, 1, 3, 8),
    "department": (0, 2, 6, 20),
    "county": (8, 30, 150, 400),
    "city": (40, 150, 600, 2000),
    "province": (300, 1000, 3000, 8000),
}
_TEXT = [str(i) for i in range(20_000)]


def text(value: int) -> str:
    """A whole number as stored (cached for small ones)."""
    return _TEXT[value] if 0 <= value < len(_TEXT) else str(value)


def counts(rng: random.Random, top: int, zeros: int = 2) -> int:
    """A count in ``0..top``: often 0, often small, sometimes up to ``top``."""
    top = max(top, 1)
    pick = int(rng.random() * (zeros + 2))
    if pick < zeros:
        return 0
    if pick == zeros:
        return 1 + int(rng.random() * min(top, 9))
    return int(rng.random() * (top + 1))


def rare(rng: random.Random) -> int:
    """A count that is nearly always 0."""
    return 0 if rng.random() < 0.75 else 1 + int(rng.random() * 3)


def amount(rng: random.Random, top: int, places: int = 6) -> str:
    """A decimal amount in ``0..top`` with up to ``places`` decimals, as printed (0 half the
    time; no trailing zeros, no exponent)."""
    if rng.random() < 0.5:
        return "0"
    k = int(rng.random() * (places + 1))
    mantissa = 1 + int(rng.random() * top * 10**k)
    whole, fraction = divmod(mantissa, 10**k)
    digits = f"{fraction:0{k}d}".rstrip("0") if k else ""
    return f"{whole}.{digits}" if digits else str(whole)


def _column(
    rng: random.Random, items: tuple[str, ...], top: int, carried_over: int | None
) -> dict[str, int]:
    cells = {i: counts(rng, top) if i in COMMON_OUTCOMES else rare(rng) for i in items}
    total = sum(cells.values())
    carried_forward = 0 if rng.random() < 0.5 else int(rng.random() * (max(1, top // 10) + 1))
    balance = total + carried_forward
    if carried_over is None:
        bound = min(balance, max(1, top // 10))
        carried_over = 0 if rng.random() < 0.5 else int(rng.random() * (bound + 1))
    elif carried_over > balance:  # last year's backlog was handled this year
        cells["outcome.disclosed"] += carried_over - balance
        total, balance = total + carried_over - balance, carried_over
    cells["outcome.total"] = total
    cells["carried_forward"] = carried_forward
    cells["carried_over"] = carried_over
    cells["new"] = balance - carried_over
    return cells


@cache
def _rows(layout: str) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...], str], ...]]:
    """The outcome items of ``layout``, and each row of section 三 with its cell keys."""
    items = outcome_items(layout)
    rows = ("new", "carried_over", *items, "outcome.total", "carried_forward")
    keys = tuple(
        (row, tuple(f"applications.{row}.{c}" for c in APPLICANTS), f"applications.{row}.total")
        for row in rows
    )
    return items, keys


def applications(
    rng: random.Random, layout: str, top: int, carried: dict[str, int] | None
) -> dict[str, int]:
    """Section 三: every row × the six applicant columns and the row totals."""
    items, rows = _rows(layout)
    columns: list[dict[str, int] | None] = []
    for column in APPLICANTS:
        before = None if carried is None else carried.get(column, 0)
        if column == "natural_person":
            active, column_top = top > 0, top
        elif column == "commercial":
            active, column_top = top > 0 and rng.random() < 0.5, max(2, top // 4)
        else:
            active, column_top = top > 0 and rng.random() < 0.25, 3
        columns.append(_column(rng, items, column_top, before) if active or before else None)
    used = [c for c in columns if c is not None]
    out: dict[str, int] = {}
    for row, keys, total_key in rows:
        out.update(zip(keys, [0 if c is None else c[row] for c in columns], strict=True))
        out[total_key] = sum(c[row] for c in used)
    return out


def reviews(rng: random.Random, scale: int) -> dict[str, int]:
    """Section 四: three groups of four results and their totals."""
    out: dict[str, int] = {}
    for group in REVIEW_GROUPS:
        active = rng.random() < 0.5
        values = [counts(rng, min(3 * scale, 80), zeros=3) if active else 0 for _ in RESULTS]
        for result, value in zip(RESULTS, values, strict=True):
            out[f"{group}.{result}"] = value
        out[f"{group}.total"] = sum(values)
    return out


def proactive(rng: random.Random, layout: str, kind: str, scale: int) -> dict[str, str]:
    """Section 二 of either layout (counts as text; amounts exact)."""
    rules_top = 10 if kind in {"city", "province"} else 0
    out: dict[str, str] = {}
    if layout == "2019":
        for row, top in (("rules", rules_top), ("normative_docs", 20)):
            created = counts(rng, top, 3) if top else 0
            published = int(rng.random() * (created + 1))
            total = published + (counts(rng, top * 10, 1) if top else 0)
            out |= {f"proactive.{row}.created": text(created)}
            out |= {f"proactive.{row}.published": text(published)}
            out |= {f"proactive.{row}.total_published": text(total)}
        for row, top in (("licensing", 80), ("other_services", 40), ("penalty", 60)):
            out |= _items_2019(rng, row, top, scale, decisions=True)
        out |= _items_2019(rng, "coercion", 5, scale, decisions=True)
        out |= _items_2019(rng, "fees", 3, scale, decisions=False)
        items = counts(rng, 20 * scale)
        out["proactive.procurement.items"] = text(items)
        out["proactive.procurement.amount"] = amount(rng, 200 * items, 6) if items else "0"
        return out
    for row, top in (("rules", rules_top), ("normative_docs", 20)):
        issued = counts(rng, top, 3) if top else 0
        repealed = counts(rng, top // 2, 3) if top else 0
        in_force = issued + (counts(rng, top * 10, 1) if top else 0)
        out[f"proactive.{row}.issued"] = text(issued)
        out[f"proactive.{row}.repealed"] = text(repealed)
        out[f"proactive.{row}.in_force"] = text(in_force)
    for row, top in (("licensing", 80), ("penalty", 60), ("coercion", 5)):
        out[f"proactive.{row}.decisions"] = text(counts(rng, top * scale))
    out["proactive.fees.amount"] = amount(rng, 1000 * scale)
    return out


def _items_2019(
    rng: random.Random, row: str, top: int, scale: int, *, decisions: bool
) -> dict[str, str]:
    last_year = counts(rng, top * scale, 1)
    change = 0 if rng.random() < 0.5 else int(rng.random() * (last_year + top + 1)) - last_year
    out = {
        f"proactive.{row}.items_last_year": text(last_year),
        f"proactive.{row}.items_change": str(change),
    }
    if decisions:
        out[f"proactive.{row}.decisions"] = text(counts(rng, top * scale))
    return out


def busyness(rng: random.Random, kind: str) -> int:
    """How busy an agency is, drawn once per agency: the bound of a common outcome."""
    return rng.choice(TOPS[kind])


def raw_figures(
    rng: random.Random,
    layout: str,
    kind: str = "county",
    *,
    top: int | None = None,
    carried: dict[str, int] | None = None,
) -> dict[str, str]:
    """Every figure of a ``layout`` report as its stored text, in ``layout_keys`` order.

    ``top`` is the agency's busyness (drawn if None), varied a little from year to year;
    ``carried`` is last year's 结转下年度 by applicant column.
    """
    top = busyness(rng, kind) if top is None else top
    top = round(top * (0.6 + 0.8 * rng.random()))
    scale = max(1, top // 15)
    counted = applications(rng, layout, top, carried) | reviews(rng, scale)
    limit = len(_TEXT)
    values = {k: _TEXT[v] if 0 <= v < limit else str(v) for k, v in counted.items()}
    values |= proactive(rng, layout, kind, scale)
    return {key: values[key] for key in layout_keys(layout)}


def carried_forward(values: dict[str, str]) -> dict[str, int]:
    """结转下年度 by applicant column: next year's 上年结转."""
    return {c: int(values[f"applications.carried_forward.{c}"]) for c in APPLICANTS}


def figures(
    rng: random.Random,
    layout: str,
    kind: str = "county",
    *,
    top: int | None = None,
    carried: dict[str, int] | None = None,
) -> dict[str, Decimal]:
    """Every figure of a ``layout`` report ("2021" or "2019"), the arithmetic rules holding."""
    raw = raw_figures(rng, layout, kind, top=top, carried=carried)
    return {key: Decimal(value) for key, value in raw.items()}
