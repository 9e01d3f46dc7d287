"""Formatting figures, labels and sources for people to read."""

import re
from decimal import Decimal

from bot.catalogue import Field, section
from bot.normalize import strip_numbering
from bot.texts import Language


def format_value(field: Field, value: Decimal, language: Language) -> str:
    """``0 applications``, ``5949.088667 × 10,000 CNY``, ``12 件``, ``+17 项``."""
    number = _number(value, field.signed)
    if language == Language.ZH:
        return f"{number} {field.unit.zh}"
    return f"{number} {field.unit.en(value)}"


def _number(value: Decimal, signed: bool) -> str:
    whole = value == value.to_integral_value()
    text = f"{int(value):,}" if whole else f"{value.normalize():,f}"
    return f"+{text}" if signed and value > 0 else text


def field_label(field: Field, language: Language) -> str:
    """The field's name for a reply: row and column, without the table's numbering."""
    if language == Language.ZH:
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


# Where a row's own label starts: its numbering, （四）, 四、 or 1.
_MARKER = re.compile(
    r"[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|(?<![\d.])\d{1,2}[.、．](?!\d)"
)


def printed_row(label: str) -> str:
    """The label of one row as the report prints it: from the row's own numbering on, so
    that the header run a table reader joined before it is left out (三、本年度办理结果
    (四)无法提供 1.本机关不掌握…; (本列数据的勾稽关系为…)申请人情况…一、本年新收…)."""
    text = " ".join(label.split())
    markers = list(_MARKER.finditer(text))
    return text[markers[-1].start() :].strip() if markers else text
