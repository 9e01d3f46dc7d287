"""Choosing among candidate readings: the arithmetic rules settle what the layout cannot.

Each row has candidate cell tuples (several when digits ran together). A table reading picks
one per row; the readings that satisfy the column rules are the solutions. Cells equal in
every solution are certain; the others are ambiguous and are never guessed.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import product

from bot.parser.cells import Cell, Cells

MAX_COMBINATIONS = 200_000

Check = Callable[[Mapping[str, Cells]], bool]


@dataclass(frozen=True)
class Resolution:
    """Certain rows (cells may still be ``None`` where ambiguous) and the ambiguous cells."""

    rows: dict[str, tuple[Cell | None, ...]]
    ambiguous: frozenset[tuple[str, int]]


def resolve(candidates: Mapping[str, list[Cells]], check: Check) -> Resolution:
    """Pick the readings that pass ``check``; fall back to per-row agreement when none does."""
    fixed = {k: c[0] for k, c in candidates.items() if len(c) == 1}
    open_rows = [k for k, c in candidates.items() if len(c) > 1]
    solutions: list[dict[str, Cells]] = []
    combos = 1
    for key in open_rows:
        combos *= len(candidates[key])
    if combos <= MAX_COMBINATIONS:
        for choice in product(*(candidates[k] for k in open_rows)):
            reading = {**fixed, **dict(zip(open_rows, choice, strict=True))}
            if check(reading):
                solutions.append(reading)
    if solutions:
        return _agree({k: {s[k] for s in solutions} for k in candidates})
    return _agree({k: set(c) for k, c in candidates.items()})


def _agree(readings: Mapping[str, set[Cells]]) -> Resolution:
    """Per row, the cells every reading agrees on; the others are ambiguous."""
    rows: dict[str, tuple[Cell | None, ...]] = {}
    ambiguous: set[tuple[str, int]] = set()
    for key, options in readings.items():
        if len(options) == 1:  # the common case: one reading, every cell certain
            (rows[key],) = options
            continue
        width = len(next(iter(options)))
        cells: list[Cell | None] = []
        for index in range(width):
            values = {r[index] for r in options}
            cells.append(values.pop() if len(values) == 1 else None)
            if cells[-1] is None:
                ambiguous.add((key, index))
        rows[key] = tuple(cells)
    return Resolution(rows, frozenset(ambiguous))
