"""The field catalogue: every figure of the report, declared once.

Parser, validator, question matcher, exports and ``/help`` read these declarations; nothing
else in the project lists labels. Keys follow ``shared/spec/report-format.md``.
"""

from decimal import Decimal
from functools import cache

from bot.catalogue.applications import COLUMNS, GROUPS, ROW_GROUP, ROWS, application_fields
from bot.catalogue.labels import BOTH_LAYOUTS, Field, Label, Section, Unit
from bot.catalogue.proactive import proactive_fields
from bot.catalogue.review import OUTCOMES, review_fields

LAYOUTS = BOTH_LAYOUTS

SECTIONS: tuple[Section, ...] = (
    Section("一", "总体情况", "Overview", ("总体情况", "概述", "基本情况"), "overview"),
    Section("二", "主动公开政府信息情况", "Proactive disclosure", ("主动公开政府信息情况",)),
    Section(
        "三",
        "收到和处理政府信息公开申请情况",
        "Applications received and handled",
        ("收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请"),
    ),
    Section(
        "四",
        "政府信息公开行政复议、行政诉讼情况",
        "Reconsiderations and lawsuits",
        (
            "政府信息公开行政复议、行政诉讼情况",
            "行政复议、行政诉讼情况",
            "行政复议、提起行政诉讼的情况",
            "行政复议、行政诉讼",
        ),
    ),
    Section(
        "五",
        "存在的主要问题及改进情况",
        "Problems and improvements",
        ("存在的主要问题", "主要问题及改进", "主要问题和改进", "存在问题及改进"),
        "problems",
    ),
    Section(
        "六",
        "其他需要报告的事项",
        "Other matters",
        ("其他需要报告的事项", "其他需要报告事项"),
        "other_matters",
    ),
)

TEXT_KEYS: tuple[str, ...] = tuple(s.text_key for s in SECTIONS if s.text_key)


@cache
def all_fields() -> tuple[Field, ...]:
    """Every field, stored and derived, in report order (二, 三, 四)."""
    return (*proactive_fields(), *application_fields(), *review_fields())


@cache
def fields_by_key() -> dict[str, Field]:
    """Every field by its canonical key."""
    return {f.key: f for f in all_fields()}


def field(key: str) -> Field:
    """The field with this key; ``KeyError`` for an unknown key."""
    return fields_by_key()[key]


@cache
def layout_keys(layout: str) -> tuple[str, ...]:
    """The keys a complete report of ``layout`` states (derived sums excluded)."""
    return tuple(f.key for f in all_fields() if layout in f.layouts and not f.derived)


def json_number(key: str, value: Decimal | None) -> int | float | None:
    """A figure for JSON: whole counts as ``int``, amounts (and fractions) as ``float``."""
    if value is None:
        return None
    spec = fields_by_key().get(key)
    if value == value.to_integral_value() and not (spec and spec.decimal):
        return int(value)
    return float(value)


def section(number: str) -> Section:
    """The section with this number (一 … 六)."""
    return next(s for s in SECTIONS if s.number == number)


__all__ = [
    "COLUMNS",
    "GROUPS",
    "LAYOUTS",
    "OUTCOMES",
    "ROWS",
    "ROW_GROUP",
    "SECTIONS",
    "TEXT_KEYS",
    "Field",
    "Label",
    "Section",
    "Unit",
    "all_fields",
    "field",
    "fields_by_key",
    "json_number",
    "layout_keys",
    "section",
]
