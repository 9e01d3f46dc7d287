"""Section 二: the small tables of proactive disclosure, row by row.

Nothing ties these cells together arithmetically; where flattened digits can be cut several
ways, a number the report's prose states for that row (行政许可类37条) settles it, else the cells
stay ambiguous.
"""

import re
import unicodedata
from decimal import Decimal
from functools import cache, lru_cache

from bot.catalogue import Field, Label, all_fields
from bot.catalogue.proactive import COLUMN_ORDER
from bot.normalize import compact
from bot.parser.caches import memo
from bot.parser.cells import Cell, Cells, split_chunks
from bot.parser.label_finder import first_label, last_label, phrases
from bot.parser.numbers import read_cell
from bot.parser.section_reading import SectionReading
from bot.parser.solve import resolve
from bot.parser.tokens import (
    Group,
    cut_tail,
    unmerge_columns,
    value_groups,
    without_unsure_tail,
)


@cache
def _layout_fields(layout: str) -> tuple[Field, ...]:
    """The section's fields in the layout, row by row in printed column order."""
    fields = [f for f in all_fields() if f.section == "二" and layout in f.layouts]
    return tuple(sorted(fields, key=lambda f: COLUMN_ORDER.index(f.column)))


@cache
def _rows(layout: str) -> tuple[Label, ...]:
    """The section's rows in the layout, in printed order."""
    return tuple(dict.fromkeys(f.row for f in _layout_fields(layout)))


@cache
def _columns(layout: str) -> dict[str, tuple[Field, ...]]:
    """Each row's fields (by row key) in printed column order."""
    fields = _layout_fields(layout)
    return {row.key: tuple(f for f in fields if f.row == row) for row in _rows(layout)}


def printed_keys(layout: str) -> tuple[str, ...]:
    """The section's keys in the order the layout prints them: row by row, left to right."""
    return tuple(f.key for row in _rows(layout) for f in _columns(layout)[row.key])


def read_proactive(
    text: str, layout: str, prose: str = "", *, at_end: bool = False
) -> SectionReading:
    """Each row of section 二 found in ``text``; ``prose`` is the report's running text;
    ``at_end`` when the text stops inside the table (a cut-off copy)."""
    columns_of = _columns(layout)
    reading = SectionReading()
    found: dict[str, list[Cells]] = {}
    groups = without_unsure_tail(value_groups(unmerge_columns(text), 3), at_end)
    flattened = any(g.glued for g in groups)  # the text lost its separators: cut digits
    orphans: list[tuple[Group, str]] = []
    for index, group in enumerate(groups):
        row = _row_named(group.same_line, group.before, group.after, layout)
        if row is None:
            if not _annotation(group):
                orphans.append((group, _note_after(groups, index)))
            continue
        if row.key in found:
            continue
        columns = columns_of[row.key]
        signs = tuple(f.signed for f in columns)
        options = split_chunks(group.chunks, len(columns), signs, glued=flattened, padded=True)
        if not options and orphans and len(_values(group)) == len(columns) - 1:
            options = _with_dropped_cell(group, *orphans.pop(0), columns)
        if options:
            found[row.key] = _settle_by_prose(options, prose, row)
            reading.labels[f"proactive.{row.key}"] = " ".join(group.same_line.split()) or row.zh
    _put_rows(reading, resolve(found, lambda _table: True).rows, layout)
    if tail := cut_tail(groups, 3, at_end):
        _put_tail(reading, groups[-1], tail, layout)
    return reading


def _put_tail(reading: SectionReading, group: Group, values: list[str], layout: str) -> None:
    """The first cells of the row the text stops inside, when its label names a row not
    read yet."""
    row = _row_named(group.same_line, group.before, "", layout)
    if row is None:
        return
    columns = _columns(layout)[row.key]
    header = compact(group.before)
    if not (reading.figures or all(compact(f.column.zh) in header for f in columns)):
        return  # a table the text stops inside shows its header or whole rows first
    keys = [f.key for f in columns]
    cells = [read_cell(v) for v in values]
    if keys[0] not in reading.missing or len(cells) >= len(keys) or None in cells:
        return
    for key, cell in zip(keys, cells, strict=False):
        reading.missing.remove(key)
        reading.put(key, cell)


# Reports print the same labels: most label texts were looked at before.
@memo(entries=4096, small=lambda *texts_and_layout: sum(map(len, texts_and_layout)) <= 1000)
def _row_named(same_line: str, before: str, after: str, layout: str) -> Label | None:
    """The row a group's values belong to: named before them, else (PDF dumps) right after."""
    rows = _rows(layout)
    return last_label(same_line, rows) or last_label(before, rows) or first_label(after, rows)


def _put_rows(
    reading: SectionReading, cells_by_row: dict[str, tuple[Cell | None, ...]], layout: str
) -> None:
    for row in _rows(layout):
        keys = [f.key for f in _columns(layout)[row.key]]
        cells = cells_by_row.get(row.key)
        if cells is None:
            reading.missing.extend(keys)
            continue
        for key, value in zip(keys, cells, strict=True):
            reading.put(key, value)


def _values(group: Group) -> list[str]:
    return [c for c in group.chunks if c]


def _annotation(group: Group) -> bool:
    """A number inside brackets beside a cell (（其中修订 16 件）) annotates it; not a cell."""
    line = group.same_line
    return line.rfind("(") > line.rfind(")")  # an unclosed bracket before the number


# What an annotation beside a dropped cell says about its column.
_ANNOTATION_COLUMNS = (
    ("修订", "issued"),
    ("制发", "issued"),
    ("失效", "repealed"),
    ("废止", "repealed"),
    ("有效", "in_force"),
)


def _note_after(groups: list[Group], index: int) -> str:
    """The label text after a group, with the bracketed annotation that may follow it."""
    note = groups[index].after
    following = groups[index + 1] if index + 1 < len(groups) else None
    if following is not None and _annotation(following):
        note += f" {following.same_line} {following.after}"
    return note


def _with_dropped_cell(
    group: Group, orphan: Group, note: str, columns: tuple[Field, ...]
) -> list[Cells]:
    """A row missing one cell, which a converter left as a loose number before the table
    (a cell printed on two lines: 22 / （其中修订 16 件）). Its annotation names its column;
    without one, every position is a candidate and the rules or prose must settle it."""
    loose = _values(orphan)
    kept = _values(group)
    if len(loose) != 1:
        return []
    named = [k for word, k in _ANNOTATION_COLUMNS if word in note]
    keys = [c.column.key for c in columns]
    positions = [keys.index(named[0])] if named and named[0] in keys else range(len(keys))
    options = []
    for position in positions:
        chunks = [*kept[:position], loose[0], *kept[position:]]
        options.extend(split_chunks(chunks, len(columns), glued=False, padded=True))
    return options


def _settle_by_prose(options: list[Cells], prose: str, row: Label) -> list[Cells]:
    if len(options) <= 1:
        return options
    numbers = _prose_numbers(prose, row)
    if not numbers:
        return options
    stated = [o for o in options if any(c in numbers for c in o)]
    return stated or options


_NUMBER_AFTER = r"[^\d。；;，,]{0,6}?(\d+(?:\.\d+)?)"


@lru_cache(maxsize=8)
def _prose_key(prose: str) -> str:
    """The prose without spaces, punctuation kept: a number after a full stop is another
    sentence's."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", prose))


def _prose_numbers(prose: str, row: Label) -> set[Decimal]:
    """Numbers the prose states right after the row's name: 规范性文件77件 → 77."""
    target = _prose_key(prose)
    numbers: set[Decimal] = set()
    for phrase in phrases(row):
        if phrase not in target:  # most rows are not named in the prose: skip the regex
            continue
        for match in re.finditer(re.escape(phrase) + _NUMBER_AFTER, target):
            numbers.add(Decimal(match.group(1)))
    return numbers
