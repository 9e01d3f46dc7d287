"""Section 四: fifteen counts of reconsideration and litigation, settled by rule 4."""

from decimal import Decimal

from bot.catalogue import OUTCOMES
from bot.catalogue.review import LITIGATION_AFTER_REVIEW, LITIGATION_DIRECT, REVIEW
from bot.reports.cells import Cells, split_chunks
from bot.reports.reading_model import SectionReading
from bot.reports.solve import resolve
from bot.reports.tokens import Group, value_groups

GROUPS = (REVIEW, LITIGATION_DIRECT, LITIGATION_AFTER_REVIEW)
WIDTH = len(GROUPS) * len(OUTCOMES)
KEYS = tuple(f"{g.key}.{o.key}" for g in GROUPS for o in OUTCOMES)


def read_review(text: str) -> SectionReading:
    """The fifteen cells, from one row of fifteen or three rows of five, in template order."""
    reading = SectionReading()
    candidates = _candidates(value_groups(text, WIDTH))
    if not candidates:
        reading.missing.extend(KEYS)
        return reading
    resolution = resolve({"review": candidates}, lambda _table: True)
    for key, value in zip(KEYS, resolution.rows["review"], strict=True):
        reading.put(key, value)
    for group in GROUPS:
        reading.labels[group.key] = group.zh
    return reading


def _candidates(groups: list[Group]) -> list[Cells]:
    """Readings of the fifteen cells: all the section's numbers together, else one group."""
    together = [c for g in groups for c in g.chunks]
    glued = any(g.glued for g in groups)
    for chunks in (together, *(g.chunks for g in groups)):
        options = split_chunks(chunks, WIDTH, glued=glued)
        if len(options) > 1:
            options = [o for o in options if _totals_add_up(o)] or options
        if options:
            return options
    return []


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
