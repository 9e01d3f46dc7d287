"""Formatting figures, labels and sources for people to read."""

from decimal import Decimal

from bot.catalogue import Field, section
from bot.normalize import strip_numbering


def format_value(field: Field, value: Decimal, language: str) -> str:
    """``0 applications``, ``5949.088667 × 10,000 CNY``, ``12 件``, ``+17 项``."""
    number = _number(value, field.signed)
    if language == "zh":
        return f"{number} {field.unit.zh}"
    return f"{number} {field.unit.en(value)}"


def _number(value: Decimal, signed: bool) -> str:
    whole = value == value.to_integral_value()
    text = f"{int(value):,}" if whole else f"{value.normalize():,f}"
    return f"+{text}" if signed and value > 0 else text


def field_label(field: Field, language: str) -> str:
    """The field's name for a reply: row and column, without the table's numbering."""
    if language == "zh":
        row = strip_numbering(field.row.zh_short)
        column = "" if field.column.key == "total" else field.column.zh
        suffix = "（各项之和）" if field.derived and field.section == "三" else ""
        label = f"{row}{suffix}"
        return f"{label}（{column}）" if column else label
    row = field.row.en[:1].upper() + field.row.en[1:]
    return row if field.column.key == "total" else f"{row}, {field.column.en}"


def section_title(field: Field) -> str:
    """The printed title of the field's section."""
    return section(field.section).title


def quoted(text: str, limit: int = 60) -> str:
    """The user's own words, as a reply quotes them: control characters out, spaces
    collapsed, and cut short (a pasted document is not echoed back whole)."""
    printable = "".join(ch if ch.isprintable() else " " for ch in text)
    words = " ".join(printable.split())
    return words if len(words) <= limit else words[: limit - 1] + "…"
