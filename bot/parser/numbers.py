"""Reading the value of one table cell."""

import re
from decimal import Decimal, InvalidOperation

# Marks that say "not reported": a blank cell is not the same as 0.
NOT_REPORTED_MARKS = frozenset(
    {"", "/", "／", "—", "——", "-", "－", "–", "无", "空", "N/A", "n/a"}
)

# Thousands separators only where they group by three (1,234): "1,2,3" is no number.
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
#: A number written in a form no report prints a count in (1e5, 0x10, 1_000, 1,2,3, inf): a
#: cell the bot cannot read for certain, left out with a finding, never a label (which would
#: shift the row's other cells into its place).
FOREIGN_NUMBER = re.compile(
    r"[+-]?(?:\d+(?:\.\d+)?[eE][+-]?\d+|0[xXoObB][0-9a-fA-F]+|\d+(?:_\d+)+"
    r"|\d+(?:,\d+)*,\d{1,2}(?!\d)(?:,\d+)*|(?i:inf(?:inity)?|nan))"
)
#: Thousands grouped by three (1,234,567): one number.
THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_YUAN = re.compile(r"^(?P<n>[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<unit>万元|元)$")


NOT_REPORTED = "not reported"
#: What an OCR reader writes for a number it could not read for certain; the cell is left
#: out with an ``ambiguous_cells`` finding, never guessed.
UNREADABLE_MARK = "\ufffd"
UNREADABLE = "unreadable"


def read_cell(text: str) -> Decimal | str | None:
    """A cell's value: a ``Decimal``, ``NOT_REPORTED`` for a blank or dash, ``UNREADABLE`` for
    the unreadable mark, ``None`` for text.

    Amounts printed with 元 are converted to 万元, the unit of the spec.
    """
    cell = text.strip().replace(" ", "")
    if cell in NOT_REPORTED_MARKS:
        return NOT_REPORTED
    if cell == UNREADABLE_MARK:
        return UNREADABLE
    if _NUMBER.match(cell):
        return _decimal(cell)
    money = _YUAN.match(cell)
    if money:
        value = _decimal(money["n"])
        return value / 10000 if money["unit"] == "元" else value
    return None


def is_value(text: str) -> bool:
    """True when the cell holds a number or a not-reported mark."""
    return read_cell(text) is not None


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex admits only valid numbers
        raise ValueError(text) from None
