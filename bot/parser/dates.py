"""Dates a report states: when it was published, and which year its figures cover."""

import re
from datetime import date

_PUBLISHED = re.compile(
    r"(?:发布|成文|印发)(?:时间|日期)\s*[:：]?\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})"
)
_CHINESE_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_PERIOD = re.compile(
    r"统计期限.{0,6}?(\d{4})\s*年\s*1\s*月\s*1\s*日.{0,6}?(\d{4})\s*年\s*12\s*月\s*31\s*日"
)
_LEADING_YEAR = re.compile(r"^\s*(\d{4})\s*年[，,度]")


def publication_date(text: str, year: int) -> date | None:
    """The date the report was published: a 发布时间 header, else the signature date at the end."""
    match = _PUBLISHED.search(text)
    candidates = [match] if match else list(_CHINESE_DATE.finditer(text[-400:]))[-1:]
    for found in candidates:
        try:
            when = date(int(found[1]), int(found[2]), int(found[3]))
        except ValueError:
            continue
        if year < when.year <= year + 2:
            return when
    return None


def stated_year(text: str, overview: str) -> int | None:
    """The year the body says the figures cover (统计期限…, or 2023年，… opening the overview)."""
    period = _PERIOD.search(text)
    if period and period[1] == period[2]:
        return int(period[1])
    leading = _LEADING_YEAR.search(overview)
    return int(leading[1]) if leading else None
