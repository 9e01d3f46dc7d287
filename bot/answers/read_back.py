"""A report's tables as the bot read them, row by row: what someone holding the paper (or
the photo they took of it) compares figure by figure with what they see."""

from collections import defaultdict
from decimal import Decimal

from bot.catalogue import Field, all_fields
from bot.normalize import strip_numbering
from bot.parser.report import AMBIGUOUS_CELLS, READ_BY_OCR, ParsedReport, finding_cells
from bot.texts import Language, say

#: Shown for a cell the report leaves blank (or marks ``/``) and for one the bot could not
#: read with certainty (left out, with a finding).
BLANK, UNSURE = "—", "?"
_NO_COLUMNS: tuple[str, ...] = ()


def read_back(report: ParsedReport, lang: Language) -> str:
    """Every row of the report's tables that the copy holds: its label and its cells in the
    printed order, ``—`` for a blank cell and ``?`` for one left out as unsure."""
    unsure = finding_cells(report.findings, AMBIGUOUS_CELLS)
    rows: dict[str, list[tuple[Field, str]]] = defaultdict(list)
    for spec in all_fields():
        if spec.derived or report.layout not in spec.layouts:
            continue
        shown = _cell(spec.key, report, unsure)
        if shown is not None:
            rows[spec.key.rsplit(".", 1)[0]].append((spec, shown))
    lines = [say(lang, "read_back_title", count=len(report.figures))]
    section, columns = "", _NO_COLUMNS
    for cells in rows.values():
        first = cells[0][0]
        if first.section != section:
            section, columns = first.section, _NO_COLUMNS
            lines.append(say(lang, "read_back_section", section=section))
        heading = tuple(_column(c, lang) for c, _ in cells)
        if len(cells) > 1 and heading != columns:  # the columns, once for the rows below
            columns = heading
            lines.append("  [" + " | ".join(heading) + "]")
        lines.append(_row(cells, lang))
    if any(f.rule == READ_BY_OCR for f in report.findings):
        lines.append(say(lang, "read_back_ocr"))
    return "\n".join(lines)


def _cell(key: str, report: ParsedReport, unsure: set[str]) -> str | None:
    value = report.figures.get(key)
    if value is not None:
        return _number(value)
    if key in report.not_reported:
        return BLANK
    return UNSURE if key in unsure else None  # not in this copy at all: not shown


def _column(spec: Field, lang: Language) -> str:
    return spec.column.zh if lang == Language.ZH else spec.column.en


def _row(cells: list[tuple[Field, str]], lang: Language) -> str:
    """``label: 80 1 0 0 0 0 81``, the cells in the columns' order (a one-cell row named by
    its column when that says more than the row: ``行政许可: 2629``)."""
    spec = cells[0][0]
    label = strip_numbering(spec.row.zh_short if lang == Language.ZH else spec.row.en)
    return f"{label}: " + " ".join(value for _, value in cells)


def _number(value: Decimal) -> str:
    whole = value == value.to_integral_value()
    return f"{int(value)}" if whole else f"{value.normalize():f}"
