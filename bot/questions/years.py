"""Years in a question: explicit (2023, 2021–2023) or relative (去年, last year)."""

import re
from dataclasses import dataclass
from datetime import date

_RANGE = re.compile(
    r"(?<!\d)(?P<a>(?:19|20)\d{2})\s*(?:年度?)?\s*(?:-|–|—|~|～|至|到|to|until|through)\s*"
    r"(?P<b>(?:19|20)\d{2})(?!\d)\s*(?:年度?)?",
    re.IGNORECASE,
)
_FROM_TO = re.compile(r"\bfrom\s+(?P<a>(?:19|20)\d{2})\s+to\s+(?P<b>(?:19|20)\d{2})\b", re.I)
_SINGLE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?!\d)\s*(?:年度|年)?")
_RELATIVE: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"大前年"), -3),
    (re.compile(r"前年|\byear before last\b|\bthe year before last\b", re.I), -2),
    # Not 上年 or 本年: they are words of the table (上年结转, 本年新收), not of time.
    # "carried over from last year" names a field, not a year.
    (re.compile(r"去年|(?<!from )\blast year\b", re.I), -1),
    (re.compile(r"今年|\bthis year\b|\bcurrent year\b", re.I), 0),
)


@dataclass(frozen=True)
class YearMention:
    """The years a question asks about, and where it says so."""

    years: tuple[int, ...]
    spans: tuple[tuple[int, int], ...]
    relative: bool = False

    @property
    def is_range(self) -> bool:
        """True when the question spans several years."""
        return len(self.years) > 1


def find_years(question: str, today: date) -> YearMention | None:
    """The years named in ``question``; relative words count from ``today``."""
    match = _FROM_TO.search(question) or _RANGE.search(question)
    if match:
        first, last = sorted((int(match["a"]), int(match["b"])))
        return YearMention(tuple(range(first, last + 1)), (match.span(),))
    singles = list(_SINGLE.finditer(question))
    if singles:
        years = tuple(sorted({int(m["y"]) for m in singles}))
        return YearMention(years, tuple(m.span() for m in singles))
    for pattern, offset in _RELATIVE:
        found = pattern.search(question)
        if found:
            return YearMention((today.year + offset,), (found.span(),), relative=True)
    return None
