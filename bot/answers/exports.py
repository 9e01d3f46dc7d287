"""Figures as files people open in Excel: CSV (UTF-8 with a BOM, so Chinese shows) or XLSX."""

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from bot.catalogue import all_fields, fields_by_key
from bot.parser.report import AMBIGUOUS_CELLS, INCOMPLETE, READ_BY_OCR, finding_cells
from bot.records import StoredReport

#: The file formats of an export.
ExportFormat = Literal["csv", "xlsx"]
FORMATS: tuple[ExportFormat, ...] = ("csv", "xlsx")
#: Findings that name cells lacking or read by OCR, not cells that break a rule.
_NOT_RULES = frozenset({READ_BY_OCR, INCOMPLETE, AMBIGUOUS_CELLS})
HEADER = ("agency", "year", "section", "key", "row", "column", "value", "unit", "note")


@dataclass(frozen=True)
class Table:
    """Rows with a header, ready to write."""

    header: tuple[str, ...]
    rows: list[tuple[object, ...]]


def report_table(report: StoredReport) -> Table:
    """Every cell of a report's layout, in report order: value, or why there is none."""
    rows: list[tuple[object, ...]] = []
    cut = finding_cells(report.findings, INCOMPLETE)
    unread = finding_cells(report.findings, AMBIGUOUS_CELLS)
    flagged = {c for f in report.findings if f.rule not in _NOT_RULES for c in f.cells}
    by_ocr = {c for f in report.findings if f.rule == READ_BY_OCR for c in f.cells}
    for spec in all_fields():
        if spec.derived or report.layout not in spec.layouts:
            continue
        value = report.figures.get(spec.key)
        note = "" if spec.key in report.figures else "not in report"
        if spec.key in report.figures and value is None:
            note = "not reported"
        if value is None and spec.key in cut | unread:  # lacking, never blank
            note = "copy cut off before it" if spec.key in cut else "not read for certain"
        if spec.key in flagged:
            note = (note + "; " if note else "") + "breaks a rule"
        if spec.key in by_ocr:
            note = (note + "; " if note else "") + "read by OCR"
        rows.append(
            (
                report.agency.name,
                report.year,
                spec.section,
                spec.key,
                spec.row.zh,
                spec.column.zh,
                _number(value),
                spec.unit.zh,
                note,
            )
        )
    return Table(HEADER, rows)


def answer_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> Table:
    """A table from an answer's rows (comparison, ranking, trend)."""
    return Table(tuple(header), [tuple(r) for r in rows])


def _number(value: Decimal | None) -> object:
    if value is None:
        return ""
    return int(value) if value == value.to_integral_value() else float(value)


def to_csv(table: Table) -> bytes:
    """UTF-8 with a byte-order mark: Excel then reads Chinese right."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.header)
    writer.writerows(table.rows)
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def to_xlsx(table: Table, title: str = "figures") -> bytes:
    """One worksheet, header in the first row."""
    # openpyxl (and the numpy it pulls in) loads on the first XLSX: a third of a second
    from openpyxl import Workbook  # noqa: PLC0415

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(list(table.header))
    for row in table.rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def known_key(key: str) -> bool:
    """True for a key of the catalogue."""
    return key in fields_by_key()
