"""Years in a question: written (2023, 23年, 二〇二三年, 2021–2023), the last few (近3年) or
relative (去年, last year)."""

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
# A year written short: 23年, '23. Not a count of years (近10年, 过去10年, 10年来, 每年…).
_SHORT = re.compile(
    r"(?:(?<![\d近前后去这那每多几第满])(?P<y>\d{2})\s*(?:年度|年)(?![来间内多以])"
    r"|(?<!\w)['’‘](?P<q>\d{2})(?!\d))"
)
# The last few years (近3年, 过去五年, the past 3 years): the years of the reports out by now.
_RECENT = re.compile(
    r"(?:近|最近|过去)\s*(?P<n>\d{1,2}|[两二三四五六七八九十])\s*年"
    r"|\b(?:over\s+|in\s+|for\s+)?(?:the\s+)?(?:last|past)\s+"
    r"(?P<e>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+years\b",
    re.IGNORECASE,
)
_COUNTS = {
    **{"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10},
    **{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8},
    **{"nine": 9, "ten": 10},
}
# A year written in Chinese numerals: 二〇二三年, 二零二三年.
_CHINESE = re.compile(r"(?P<y>[一二][〇○零一二三四五六七八九]{3})\s*(?:年度|年)")
_CHINESE_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
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
    recent = _RECENT.search(question)
    if recent:
        count = recent["n"] or recent["e"]
        last = int(count) if count.isdigit() else _COUNTS[count.lower()]
        # a year's report comes out early the next year: the last ``last`` are those before now
        years = tuple(range(today.year - max(last, 1), today.year))
        return YearMention(years, (recent.span(),), relative=True)
    singles = _written_years(question, today)
    if singles:
        years = tuple(sorted({year for year, _span in singles}))
        return YearMention(years, tuple(span for _year, span in singles))
    for pattern, offset in _RELATIVE:
        found = pattern.search(question)
        if found:
            return YearMention((today.year + offset,), (found.span(),), relative=True)
    return None


def _written_years(question: str, today: date) -> list[tuple[int, tuple[int, int]]]:
    """Each year written out (2023年, 二〇二三年) or short (23年, '23), with its span. A short
    year is of this century up to next year, else of the last: a year read wrong would answer
    with another year's numbers, and "no report for 1999" is the truth."""
    found = [(int(m["y"]), m.span()) for m in _SINGLE.finditer(question)]
    found += [
        (int(m["y"].translate(_CHINESE_DIGITS)), m.span()) for m in _CHINESE.finditer(question)
    ]
    for match in _SHORT.finditer(question):
        if any(a < match.end() and match.start() < b for _year, (a, b) in found):
            continue
        short = int(match["y"] or match["q"])
        century = 2000 if short <= (today.year + 1) % 100 else 1900
        found.append((century + short, match.span()))
    return sorted(found, key=lambda item: item[1])
