"""Section 三: the applications table, from any text shape, settled by the arithmetic rules."""

from collections.abc import Mapping
from decimal import Decimal
from typing import NamedTuple

from bot.catalogue import COLUMNS, ROWS, Label
from bot.normalize import compact
from bot.parser.blocks import read_blocks
from bot.parser.caches import memo
from bot.parser.cells import Cells, split_chunks
from bot.parser.label_finder import LabelFinder, label_finder
from bot.parser.numbers import read_cell
from bot.parser.section_reading import SectionReading
from bot.parser.solve import resolve
from bot.parser.tokens import Group, cut_tail, value_groups, without_unsure_tail

WIDTH = len(COLUMNS)
_ONLY_2021 = {"outcome.other.no_correction", "outcome.other.fee_unpaid"}
_ITEMS = [r.key for r in ROWS if r.key.startswith("outcome.") and r.key != "outcome.total"]


_CELL_KEYS = {r.key: tuple(f"applications.{r.key}.{c.key}" for c in COLUMNS) for r in ROWS}


def template(layout: str) -> tuple[Label, ...]:
    """The rows of the table in the layout, in printed order."""
    return tuple(r for r in ROWS if layout == "2021" or r.key not in _ONLY_2021)


def printed_keys(layout: str) -> tuple[str, ...]:
    """The table's keys in printed order: row by row, left to right."""
    return tuple(k for r in template(layout) for k in _CELL_KEYS[r.key])


def read_applications(text: str, layout: str, *, at_end: bool = False) -> SectionReading:
    """Every cell of section 三 that the text settles; ``at_end`` when the text stops inside
    the table (a cut-off copy), whose last row may hold only its first cells."""
    rows = template(layout)
    groups = without_unsure_tail(value_groups(text, WIDTH), at_end)
    if at_end and _labels_first(groups, rows):
        # Each row's label comes before its values: the label text after a group names the
        # next row (one the copy may stop in before its values), never the group's own.
        for group in groups:
            group.after = ""
    tail = cut_tail(groups, WIDTH, at_end)
    flattened = any(g.glued for g in groups)  # the text lost its separators: cut digits
    options = [_row_candidates(split_chunks(g.chunks, WIDTH, glued=flattened)) for g in groups]
    assigned = align(groups, options, rows)
    assigned.update(_out_of_order(groups, options, rows, assigned))
    candidates = {rows[r].key: options[g] for r, g in assigned.items()}
    unsure: set[str] = set()
    if _stacked(text) and not all(_row_adds_up(c[0]) for c in candidates.values() if c):
        candidates, unsure = _as_blocks(groups, rows, candidates)
        assigned, tail = {}, []
    reading = SectionReading()
    resolution = resolve(candidates, lambda t: consistent(t, layout))
    for label in rows:
        row = resolution.rows.get(label.key)
        keys = _CELL_KEYS[label.key]
        if label.key in unsure or row is None:
            (reading.ambiguous if label.key in unsure else reading.missing).extend(keys)
            continue
        for key, value in zip(keys, row, strict=True):
            reading.put(key, value)
    for r, g in assigned.items():
        printed = _printed_label(groups[g].same_line) or rows[r].zh
        reading.labels[f"applications.{rows[r].key}"] = printed
    if tail:
        _put_tail(reading, groups[-1], tail, rows, set(resolution.rows))
    return reading


def _as_blocks(
    groups: list[Group], rows: tuple[Label, ...], candidates: dict[str, list[Cells]]
) -> tuple[dict[str, list[Cells]], set[str]]:
    """One number per line, and rows that do not add up: the dump mixes row-wise and
    column-wise blocks, and the block reading in which every row adds up replaces the rows.
    When none fits (a copy cut inside the dump), which number belongs to which row is
    unknown: every row read stays out as unsure."""
    blocks = read_blocks([c for g in groups for c in g.chunks], [r.key for r in rows])
    if blocks is not None:
        return blocks, set()
    return {}, {k for k, c in candidates.items() if c}


def _out_of_order(
    groups: list[Group],
    options: list[list[Cells]],
    rows: tuple[Label, ...],
    assigned: dict[int, int],
) -> dict[int, int]:
    """Rows printed out of the template's order (a PDF made from a page may swap two): a row
    of separated cells left over, whose own label names one row left over and no other."""
    taken = set(assigned.values())
    found: dict[int, int] = {}
    finder = label_finder(rows)
    for index, group in enumerate(groups):
        if index in taken or not group.cells or not options[index]:
            continue
        named = finder.lengths(compact(group.same_line))
        best = max(named)
        if best < 2 or named.count(best) != 1:
            continue
        row = named.index(best)
        if row not in assigned and row not in found:
            found[row] = index
    return found


def _labels_first(groups: list[Group], rows: tuple[Label, ...]) -> bool:
    """True when the table prints each row's label before its values: the first group's own
    label text names the first row."""
    filled = [g for g in groups if any(g.chunks)]
    if not filled:
        return False
    named = label_finder(rows).lengths(compact(f"{filled[0].before} {filled[0].same_line}"))
    return named[0] > 0


def _put_tail(
    reading: SectionReading,
    group: Group,
    values: list[str],
    rows: tuple[Label, ...],
    read: set[str],
) -> None:
    """The first cells of the row the text stops inside: the row after the last one read,
    and only when the group's own label names it."""
    done = [i for i, r in enumerate(rows) if r.key in read]
    index = done[-1] + 1 if done else 0
    header = sum(1 for n in label_finder(COLUMNS).lengths(compact(group.before)) if n)
    if index >= len(rows) or not (done or header >= 3):
        return  # a table the text stops inside shows its header or whole rows first
    named = label_finder(rows).lengths(compact(f"{group.before} {group.same_line}"))
    if not named[index] or max(named) > named[index]:
        return  # the label does not name the next row (or names another better)
    keys = _CELL_KEYS[rows[index].key]
    cells = [read_cell(v) for v in values]
    if any(c is None for c in cells):
        return
    for key, cell in zip(keys, cells, strict=False):
        reading.missing.remove(key)
        reading.put(key, cell)


def _printed_label(text: str) -> str:
    """The row label as printed, once: merged cells repeat it in every grid column."""
    return " ".join(dict.fromkeys(text.split()))


def _stacked(text: str) -> bool:
    """True when most numbers stand alone on their lines (a column-by-column text dump)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    alone = sum(1 for line in lines if line.isdigit())
    return alone >= 3 * WIDTH and alone * 2 >= len(lines)


def _row_candidates(options: list[Cells]) -> list[Cells]:
    """Readings of one row; when digits ran together, only those whose total adds up (rule 3)."""
    if len(options) <= 1:
        return options
    adding_up = [o for o in options if _row_adds_up(o)]
    return adding_up or options


def _row_adds_up(cells: Cells) -> bool:
    if not all(isinstance(c, Decimal) for c in cells):
        return True
    values = [c for c in cells if isinstance(c, Decimal)]
    return sum(values[:-1], Decimal(0)) == values[-1]


def consistent(table: Mapping[str, Cells], layout: str) -> bool:
    """Rules 1 and 2 of the spec hold in every column (blank cells count as 0)."""
    items = [k for k in _ITEMS if k in table and (layout == "2021" or k not in _ONLY_2021)]
    if (
        "outcome.total" in table
        and items
        and _column_sums(table, items) != _column_sums(table, ["outcome.total"])
    ):
        return False
    if all(k in table for k in _BALANCE):
        new, over, done, forward = (_column_sums(table, [k]) for k in _BALANCE)
        if any(n + o != d + f for n, o, d, f in zip(new, over, done, forward, strict=True)):
            return False
    return True


_ZERO = Decimal(0)
_BALANCE = ("new", "carried_over", "outcome.total", "carried_forward")


def _column_sums(table: Mapping[str, Cells], keys: list[str]) -> list[Decimal]:
    """Each column's sum over the rows ``keys`` (blank cells count as 0; sums are exact)."""
    sums = [_ZERO] * WIDTH
    for key in keys:
        for column, value in enumerate(table[key]):
            if isinstance(value, Decimal):
                sums[column] += value
    return sums


def align(
    groups: list[Group], options: list[list[Cells]], rows: tuple[Label, ...]
) -> dict[int, int]:
    """Assign groups to rows, in order, as their labels best suggest: row index → group index.

    Dynamic programming over (groups, rows): a group may stay unassigned (a header, a page
    number), a row may be missing; each assignment scores 1 plus how well the group's label
    text names the row (its own line's label counts most).
    """
    shape = tuple(
        _GroupShape(g.same_line, g.before, g.after, any(g.chunks), bool(o))
        for g, o in zip(groups, options, strict=True)
    )
    return dict(_align(shape, rows))


class _GroupShape(NamedTuple):
    """What the alignment of a group depends on: its label text, whether it holds any value
    and whether it has a reading."""

    same_line: str
    before: str
    after: str
    filled: bool
    readable: bool


def _shape_small(shape: tuple[_GroupShape, ...], rows: tuple[Label, ...]) -> bool:
    return sum(len(g.same_line) + len(g.before) + len(g.after) for g in shape) <= 8000


# Tables of one template align the same way: most reports repeat an alignment seen before.
@memo(entries=256, small=_shape_small)
def _align(shape: tuple[_GroupShape, ...], rows: tuple[Label, ...]) -> tuple[tuple[int, int], ...]:
    n, m = len(shape), len(rows)
    finder = label_finder(rows)
    scores = [_scores(finder, g.same_line, g.before, g.after) for g in shape]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        # A row of blank cells counts only where its label names the row.
        base = 1.0 if shape[i - 1].filled else 0.0
        here, above, row_scores = best[i], best[i - 1], scores[i - 1]
        for j in range(1, m + 1):
            # ties keep the first of: skip the group, skip the row, match them
            value, step = above[j], "g"
            if here[j - 1] > value:
                value, step = here[j - 1], "r"
            if shape[i - 1].readable and above[j - 1] + base + row_scores[j - 1] > value:
                value, step = above[j - 1] + base + row_scores[j - 1], "m"
            here[j], move[i][j] = value, step
    assigned: list[tuple[int, int]] = []
    i, j = n, m
    while i > 0 and j > 0:
        step = move[i][j]
        if step == "m":
            assigned.append((j - 1, i - 1))
            i, j = i - 1, j - 1
        elif step == "g":
            i -= 1
        else:
            j -= 1
    return tuple(assigned)


@memo(
    entries=4096,
    small=lambda _finder, same, before, after: len(same) + len(before) + len(after) <= 1000,
)
def _scores(finder: LabelFinder, same_line: str, before: str, after: str) -> tuple[float, ...]:
    """How well a group's label text (its own line most, then before, then after) names
    each row."""
    same = finder.lengths(compact(same_line))
    above = finder.lengths(compact(before))
    below = finder.lengths(compact(after))
    return tuple(
        max(3.0 * s, 1.0 * b, 0.5 * a) for s, b, a in zip(same, above, below, strict=True)
    )
