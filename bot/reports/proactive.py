"""Section 二: the small tables of proactive disclosure, row by row.

Nothing ties these cells together arithmetically; where flattened digits can be cut several
ways, a number the report's prose states for that row (行政许可类37条) settles it, else the cells
stay ambiguous.
"""

import re
from decimal import Decimal

from bot.catalogue import Field, Label, all_fields
from bot.catalogue.proactive import COLUMN_ORDER
from bot.reports.cells import Cells, split_chunks
from bot.reports.labels import first_label, last_label, phrases
from bot.reports.reading_model import SectionReading
from bot.reports.solve import resolve
from bot.reports.text import compact
from bot.reports.tokens import unmerge_columns, value_groups


def _layout_fields(layout: str) -> list[Field]:
    """The section's fields in the layout, row by row in printed column order."""
    fields = [f for f in all_fields() if f.section == "二" and layout in f.layouts]
    return sorted(fields, key=lambda f: COLUMN_ORDER.index(f.column))


def read_proactive(text: str, layout: str, prose: str = "") -> SectionReading:
    """Each row of section 二 found in ``text``; ``prose`` is the report's running text."""
    fields = _layout_fields(layout)
    rows: tuple[Label, ...] = tuple(dict.fromkeys(f.row for f in fields))
    reading = SectionReading()
    found: dict[str, list[Cells]] = {}
    groups = value_groups(unmerge_columns(text), 3)
    flattened = any(g.glued for g in groups)  # the text lost its separators: cut digits
    for group in groups:
        row = (
            last_label(group.same_line, rows)
            or last_label(group.before, rows)
            or first_label(group.after, rows)
        )
        if row is None or row.key in found:
            continue
        columns = [f for f in fields if f.row == row]
        signed = tuple(f.signed for f in columns)
        options = split_chunks(group.chunks, len(columns), signed, glued=flattened)
        if not options:
            continue
        found[row.key] = _settle_by_prose(options, _prose_numbers(prose, row))
        reading.labels[f"proactive.{row.key}"] = " ".join(group.same_line.split()) or row.zh
    resolution = resolve(found, lambda _table: True)
    for row in rows:
        keys = [f.key for f in fields if f.row == row]
        cells = resolution.rows.get(row.key)
        if cells is None:
            reading.missing.extend(keys)
            continue
        for key, value in zip(keys, cells, strict=True):
            reading.put(key, value)
    return reading


def _settle_by_prose(options: list[Cells], numbers: set[Decimal]) -> list[Cells]:
    if len(options) <= 1 or not numbers:
        return options
    stated = [o for o in options if any(c in numbers for c in o)]
    return stated or options


_NUMBER_AFTER = r"[^\d。；;，,]{0,6}?(\d+(?:\.\d+)?)"


def _prose_numbers(prose: str, row: Label) -> set[Decimal]:
    """Numbers the prose states right after the row's name: 规范性文件77件 → 77."""
    target = compact(prose)
    numbers: set[Decimal] = set()
    for phrase in phrases(row):
        for match in re.finditer(re.escape(phrase) + _NUMBER_AFTER, target):
            numbers.add(Decimal(match.group(1)))
    return numbers
