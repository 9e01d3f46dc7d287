"""Which figures a figure is made of: a group's items (不予公开 → 属于国家秘密 …), a row's
applicants, the outcomes of all applications answered, a reconsideration's results. The
"which figure?" question offers them; breakdowns list them."""

from functools import cache

from bot.catalogue.applications import COLUMNS, GROUPS, ROW_GROUP
from bot.catalogue.review import OUTCOMES

_ANSWERED = "applications.outcome.total.total"


@cache
def sub_figures(key: str) -> tuple[str, ...]:
    """The figures ``key`` is the total of, in report order; none for a single cell."""
    if key == _ANSWERED:
        return (
            "applications.outcome.disclosed.total",
            "applications.outcome.partly_disclosed.total",
            *(f"applications.outcome.{g.key}.total" for g in GROUPS[1:]),
        )
    if key.startswith("applications."):
        return _application_parts(key)
    head, _, column = key.rpartition(".")
    if column != "total" or head not in {"review", "litigation", *_LITIGATION}:
        return ()
    parts = tuple(f"{head}.{o.key}" for o in OUTCOMES if o.key != "total")
    if head == "litigation":
        return (*(f"{kind}.total" for kind in _LITIGATION), *parts)
    return parts


_LITIGATION = ("litigation.direct", "litigation.after_review")


def _application_parts(key: str) -> tuple[str, ...]:
    row, _, column = key.removeprefix("applications.").rpartition(".")
    group = row.removeprefix("outcome.")
    items = [r for r, g in ROW_GROUP.items() if g == group and row == f"outcome.{group}"]
    if items:  # a group of outcomes: its items, for the same applicants
        return tuple(f"applications.{item}.{column}" for item in items)
    if column == "total":  # a row: by applicant
        return tuple(f"applications.{row}.{c.key}" for c in COLUMNS if c.key != "total")
    return ()
