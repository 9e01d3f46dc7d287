"""What a copy of a report holds: the ``incomplete`` finding for a copy cut off or lacking
parts, naming in plain words where it stops and listing every cell it does not hold."""

from collections.abc import Collection
from functools import cache

from bot.catalogue import all_fields, layout_keys
from bot.parser.report import INCOMPLETE, Finding
from bot.parser.tables import applications, proactive

_SECTION_OF = {"proactive": "二", "applications": "三", "review": "四"}


@cache
def printed_order(layout: str) -> tuple[str, ...]:
    """Every key of the layout in the order reports print them (二, 三, 四; row by row)."""
    keys = set(layout_keys(layout))
    own = (*proactive.printed_keys(layout), *applications.printed_keys(layout))
    rest = tuple(k for k in layout_keys(layout) if k not in set(own))
    return tuple(k for k in (*own, *rest) if k in keys)


@cache
def _row_names() -> dict[str, str]:
    return {f.key.rsplit(".", 1)[0]: f.row.zh for f in all_fields()}


def _row_name(key: str) -> str:
    """A row as printed (规章, 1.属于国家秘密), for a message people read."""
    row = key.rsplit(".", 1)[0]
    return _row_names().get(row, row)


def where_it_stops(layout: str, held: Collection[str]) -> str | None:
    """Where a cut-off copy stops (after a row, or inside one), or ``None`` when the copy is
    not cut: cells are lacking before its last cell, or it holds every cell."""
    order = printed_order(layout)
    last = max((i for i, k in enumerate(order) if k in held), default=-1)
    if last < 0 or last == len(order) - 1:
        return None
    if any(k in held for k in order[last + 1 :]):
        return None  # pragma: no cover - ``last`` is the last cell held
    key = order[last]
    section = _SECTION_OF.get(key.split(".", 1)[0], "?")
    row = key.rsplit(".", 1)[0]
    inside = order[last + 1].rsplit(".", 1)[0] == row
    return f"section {section} stops {'inside' if inside else 'after'} row {_row_name(key)}"


def incomplete_finding(
    layout: str, lacking: list[str], held: Collection[str], notes: list[str]
) -> Finding | None:
    """The ``incomplete`` finding: ``cells`` are the layout's keys the copy does not hold (in
    layout order); the message says what is missing (``notes`` first) and where it stops."""
    parts = list(notes)
    if lacking:
        stop = where_it_stops(layout, held)
        parts.append(f"{len(lacking)} cell(s) not found" + (f"; {stop}" if stop else ""))
    if not parts:
        return None
    return Finding(INCOMPLETE, tuple(lacking), None, None, "; ".join(parts))
