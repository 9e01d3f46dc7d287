"""Section 四: fifteen counts of reconsideration and litigation, settled by rule 4."""

from collections.abc import Iterator
from decimal import Decimal

from bot.catalogue import OUTCOMES
from bot.catalogue.review import LITIGATION_AFTER_REVIEW, LITIGATION_DIRECT, REVIEW
from bot.parser.cells import MAX_CANDIDATES, Cell, Cells, cell_ends, split_chunks
from bot.parser.numbers import read_cell
from bot.parser.section_reading import SectionReading
from bot.parser.solve import resolve
from bot.parser.tokens import Group, value_groups, without_unsure_tail

GROUPS = (REVIEW, LITIGATION_DIRECT, LITIGATION_AFTER_REVIEW)
WIDTH = len(GROUPS) * len(OUTCOMES)
KEYS = tuple(f"{g.key}.{o.key}" for g in GROUPS for o in OUTCOMES)


def read_review(text: str, *, at_end: bool = False) -> SectionReading:
    """The fifteen cells, from one row of fifteen or three rows of five, in template order;
    ``at_end`` when the text stops inside the table (its first cells are read)."""
    reading = SectionReading()
    groups = without_unsure_tail(value_groups(text, WIDTH), at_end)
    candidates = _candidates(groups, text)
    if not candidates:
        cut = _cut_cells(groups) if at_end else []
        for key, cell in zip(KEYS, cut, strict=False):
            reading.put(key, cell)
        reading.missing.extend(KEYS[len(cut) :])
        return reading
    resolution = resolve({"review": candidates}, lambda _table: True)
    for key, value in zip(KEYS, resolution.rows["review"], strict=True):
        reading.put(key, value)
    for group in GROUPS:
        reading.labels[group.key] = group.zh
    return reading


def _candidates(groups: list[Group], text: str = "") -> list[Cells]:
    """Readings of the fifteen cells: a row of fifteen table cells as printed, else all the
    section's numbers together, else one group."""
    if row := _row_of_fifteen(text):
        return split_chunks(row, WIDTH, glued=False)
    # a header's empty cells are no blanks: only groups holding a value or mark count
    groups = [g for g in groups if any(g.chunks)]
    together = [c for g in groups for c in g.chunks]
    glued = any(g.glued for g in groups)
    for chunks in (together, *(g.chunks for g in groups)):
        options = split_chunks(chunks, WIDTH, glued=glued)
        if not options and glued and len(chunks) == 1 and chunks[0].isdigit():
            # too many ways to cut one run of fifteen cells: follow those rule 4 allows
            options = _readings_by_rule(chunks[0])[:MAX_CANDIDATES]
        if len(options) > 1:
            options = [o for o in options if _totals_add_up(o)] or options
        if options:
            return options
    return []


def _cut_cells(groups: list[Group]) -> list[Cell]:
    """The first cells of a table the text stops inside: separated values in template order
    (never digits run together, whose cut is unknown)."""
    chunks = [c for g in groups if any(g.chunks) for c in g.chunks]  # not empty headers
    if not chunks or any(g.glued for g in groups) or len(chunks) >= WIDTH:
        return []
    cells = [read_cell(c) for c in chunks]
    return [] if None in cells else [c for c in cells if c is not None]


def _totals_add_up(cells: Cells) -> bool:
    """Rule 4: each group's total is the sum of its four results."""
    size = len(OUTCOMES)
    for start in range(0, WIDTH, size):
        group = cells[start : start + size]
        if not all(isinstance(c, Decimal) for c in group):
            continue
        values = [c for c in group if isinstance(c, Decimal)]
        if sum(values[:-1], Decimal(0)) != values[-1]:
            return False
    return True


def _readings_by_rule(digits: str, groups: int = len(GROUPS)) -> list[Cells]:
    """Readings of a run of digits as ``groups`` groups of four results and their total, each
    total the sum of its results (rule 4). The total is not cut but computed: its digits must
    come next. Fifteen cells cut every way can be millions of readings; this follows only
    those that add up."""
    if groups == 0:
        return [()] if not digits else []
    readings: list[Cells] = []
    for results in _leading_cells(digits, len(OUTCOMES) - 1):
        total = sum((Decimal(r) for r in results), Decimal(0))
        used = sum(len(r) for r in results)
        if not digits.startswith(str(total), used):
            continue
        cells: Cells = (*(Decimal(r) for r in results), total)
        for rest in _readings_by_rule(digits[used + len(str(total)) :], groups - 1):
            readings.append((*cells, *rest))
            if len(readings) > MAX_CANDIDATES:
                return readings
    return readings


def _leading_cells(digits: str, count: int) -> Iterator[tuple[str, ...]]:
    """The ways the start of ``digits`` reads as ``count`` cells (each as ``cell_ends``
    allows)."""
    if count == 0:
        yield ()
        return
    if not digits:
        return
    for end in cell_ends(digits, 0):
        for rest in _leading_cells(digits[end:], count - 1):
            yield (digits[:end], *rest)


def _row_of_fifteen(text: str) -> list[str] | None:
    """The table row of exactly fifteen cells, each a number or blank: read as printed, so
    that a blank first cell (the table has no row label) stays a blank."""
    for line in text.splitlines():
        cells = [c.strip() for c in line.split("\t")]
        numbers = [c for c in cells if c]
        if len(cells) == WIDTH and numbers and all(read_cell(c) is not None for c in numbers):
            return cells
    return None
