"""What kind of answer a question wants: one figure, a breakdown, a trend, a comparison, a
total or a ranking over a region, the change from last year, a report's state, or the index.

These are words about the *shape* of the answer; the figures themselves are matched against
the field catalogue.
"""

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

_CN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}

_INDEXED = re.compile(
    r"\b(?:what|which)\s+(?:agencies|reports|years)\b|\blist\s+(?:of\s+)?(?:the\s+)?"
    r"(?:agencies|reports)\b|\bwhat(?:'s| is)\s+indexed\b|\bindexed\b|"
    r"收录了?哪些|有哪些(?:机构|报告|单位)|"
    r"哪些(?:机构|报告|单位)|已收录|机构列表|报告列表",
    re.IGNORECASE,
)
_STATUS = re.compile(
    r"\b(?:break|breaks|broke|broken|violat\w*|satisf\w*)\b[^.?]*\brules?\b|\barithmetic\b|"
    r"\bconsisten|\bcheck(?:s|ed)?\b|\berrors?\b|\bfindings?\b|\bvalid|\bmistakes?\b|"
    r"\badd(?:s)? up\b|勾稽|校验|核对|是否一致|一致吗|有没有(?:问题|错误)|有问题吗|错误|合规|自洽",
    re.IGNORECASE,
)
_RANKING = re.compile(
    r"\b(?P<dir>top|bottom)\s*(?P<n>\d+)?\b|\b(?P<most>most|highest|largest|biggest)\b|"
    r"\b(?P<least>least|lowest|fewest|smallest)\b|\brank(?:ing|ed)?\b|排名|排行|"
    r"(?P<zmost>最多|最高|最大)|(?P<zleast>最少|最低|最小)|"
    r"(?P<zdir>前|后)\s*(?P<zn>\d+|[一二两三四五六七八九十])\s*(?:名|个|位)?",
    re.IGNORECASE,
)
_TOTAL = re.compile(
    r"\ball\s+(?:the\s+)?(?:agencies|departments|offices|bodies)\b|\bsum\b|\bacross\b|"
    r"\btotal\s+(?:for|of|in|across)\b|\bagencies\s+in\b|\bregion\b|合计|汇总|加起来|总和|"
    r"所有(?:机构|部门|单位)|各(?:机构|部门|单位|街道|乡镇)|全(?:区|市|县|省)(?:各|所有)?",
    re.IGNORECASE,
)
_COMPARE = re.compile(
    r"\bcompar|\bvs\.?\b|\bversus\b|\bagainst\b|对比|比较|相比|和.{1,12}比", re.IGNORECASE
)
_TREND = re.compile(
    r"\btrend|\bover\s+(?:the\s+)?years\b|\beach\s+year\b|\bevery\s+year\b|\bper\s+year\b|"
    r"\bhistory\b|\bhistorical\b|\bby\s+year\b|\bsince\s+(?:19|20)\d{2}\b|历年|趋势|逐年|每年|"
    r"近几年|这几年|历史",
    re.IGNORECASE,
)
# Which year had the most: one agency's years side by side, not the agencies of a year.
_WHICH_YEAR = re.compile(
    r"哪一?年|哪个年度|(?:最多|最少|最高|最低)的一?年|\bwhich\s+year\b", re.IGNORECASE
)
_CHANGE = re.compile(
    r"\bchange[sd]?\b|\bincrease[sd]?\b|\bdecrease[sd]?\b|\bgr[eo]w|\bfell\b|\bdrop|"
    r"\bup\s+or\s+down\b|\byear[- ]on[- ]year\b|\bcompared\s+(?:to|with)\s+(?:the\s+)?"
    r"(?:previous|last|prior)\s+year\b|\bvs\.?\s+last\s+year\b|比上年|较上年|同比|比去年|"
    r"较去年|增加|减少|增长|下降|变化|增减",
    re.IGNORECASE,
)
_BREAKDOWN = re.compile(
    r"\bbreak\s*down\b|\bbreakdown\b|\bby\s+(?:applicant|type|outcome|result|category)|"
    r"\bwho\s+applied\b|\bwho\s+(?:filed|asked|submitted)\b|\bsplit\b|\bdistribution\b|"
    r"\bhow\s+were\s+(?:they|the\s+applications|requests)\s+(?:handled|answered)|"
    r"构成|分布|按申请人|按类型|按办理结果|各类|分类|明细|结构|都是谁|哪些人|原因|理由|"
    r"哪几类|哪几种|分别是|各项|各是多少|\breasons?\b|\bgrounds\b|\bwhy\b|\bitemi[sz]ed\b",
    re.IGNORECASE,
)
_OUTCOMES = re.compile(
    r"outcome|result|handled|answered|办理结果|处理结果|怎么处理|如何处理", re.IGNORECASE
)
_APPLICANTS = re.compile(
    r"applicant|who\s+applied|who\s+(?:filed|asked|submitted)|申请人|哪些人|都是谁", re.IGNORECASE
)


#: What a breakdown lists: a row by applicant, the applications by outcome, or a figure's parts.
BreakdownBy = Literal["applicant", "outcome", "parts"]


class IntentKind(StrEnum):
    """The shape of answer a question asks for."""

    FIGURE = "figure"
    BREAKDOWN = "breakdown"
    CHANGE = "change"
    TREND = "trend"
    COMPARE = "compare"
    TOTAL = "total"
    RANKING = "ranking"
    STATUS = "status"
    INDEXED = "indexed"


@dataclass(frozen=True)
class Intent:
    """The shape of answer wanted; ``top`` and ``descending`` for rankings, ``by`` for
    breakdowns (``applicant``, ``outcome``, or ``parts``: the figure's own parts)."""

    kind: IntentKind
    top: int = 5
    descending: bool = True
    by: BreakdownBy = "parts"


def detect_intent(text: str, *, agencies: int, regions: int, years: int) -> Intent:
    """The kind of answer ``text`` asks for, given how many agencies, regions and years it
    names."""
    ranking = _RANKING.search(text)
    if ranking and agencies == 1 and _WHICH_YEAR.search(text):  # 平潭哪年申请最多
        return Intent(IntentKind.TREND)
    if _INDEXED.search(text) and not agencies:
        return Intent(IntentKind.INDEXED)
    if ranking and (regions or not agencies):
        return _ranking(ranking)
    if regions and not agencies:
        return Intent(IntentKind.TOTAL)
    if regions and _TOTAL.search(text):
        return Intent(IntentKind.TOTAL)
    if agencies >= 2 or (_COMPARE.search(text) and agencies >= 2):
        return Intent(IntentKind.COMPARE)
    if _STATUS.search(text):
        return Intent(IntentKind.STATUS)
    if years >= 2 or _TREND.search(text):
        return Intent(IntentKind.TREND)
    if _CHANGE.search(text):
        return Intent(IntentKind.CHANGE)
    if _BREAKDOWN.search(text):
        return Intent(IntentKind.BREAKDOWN, by=_breakdown_by(text))
    return Intent(IntentKind.FIGURE)


_JOINED = re.compile(r"和|与|及|跟|同|、|\band\b|&|\bvs\.?|\bversus\b|\bor\b", re.IGNORECASE)


_JOINER_AT_END = re.compile(rf"(?:{_JOINED.pattern})\s*$", re.IGNORECASE)


def without_joiner(text: str) -> str:
    """``text`` without the joining word it ends with (和, 与, 、, "and"), if any."""
    return _JOINER_AT_END.sub("", text.rstrip()).rstrip()


def compares_with_another(text: str, years: Sequence[tuple[int, int]]) -> bool:
    """True when the question compares names (对比, "compare A and B"), not years: a joining
    word between two of the ``years`` spans (2019年和2025年对比) joins years, not agencies."""
    if not _COMPARE.search(text) or _CHANGE.search(text):
        return False
    return any(not _joins_years(text, m.span(), years) for m in _JOINED.finditer(text))


def _joins_years(text: str, span: tuple[int, int], years: Sequence[tuple[int, int]]) -> bool:
    after_a_year = any(e <= span[0] and not text[e : span[0]].strip() for _s, e in years)
    before_a_year = any(span[1] <= s and not text[span[1] : s].strip() for s, _e in years)
    return after_a_year and before_a_year


def compares(text: str, spans: list[tuple[int, int]]) -> bool:
    """True when the question sets the agencies it names side by side: words that compare,
    or "and", 和, 、 between the names (not a comma: "Jiefang Subdistrict, Lianyun District"
    places one name, it compares nothing)."""
    if _COMPARE.search(text):
        return True
    ordered = sorted(spans)
    return all(
        _JOINED.search(text[left[1] : right[0]]) for left, right in itertools.pairwise(ordered)
    )


def _breakdown_by(text: str) -> BreakdownBy:
    if _OUTCOMES.search(text):
        return "outcome"
    return "applicant" if _APPLICANTS.search(text) else "parts"


def _ranking(match: re.Match[str]) -> Intent:
    groups = match.groupdict()
    descending = not (
        groups["least"] or groups["zleast"] or groups["dir"] == "bottom" or groups["zdir"] == "后"
    )
    count = groups["n"] or groups["zn"]
    top = 5
    if count:
        top = int(count) if count.isdigit() else _CN_DIGITS.get(count, 5)
    elif groups["most"] or groups["least"] or groups["zmost"] or groups["zleast"]:
        plural = re.search(r"\bagencies\b|\bwhich\s+\w+s\b|哪些|前几", match.string)
        top = 5 if plural else 1
    return Intent(IntentKind.RANKING, top=max(1, min(top, 50)), descending=descending)


def without_intent_words(text: str) -> str:
    """The text with the words that ask for a kind of answer (trend, compare, 排名…) removed."""
    for pattern in (
        _INDEXED,
        _STATUS,
        _RANKING,
        _TOTAL,
        _COMPARE,
        _TREND,
        _CHANGE,
        _BREAKDOWN,
        _LAST_YEAR,
    ):
        text = pattern.sub(" ", text)
    return text


_LAST_YEAR = re.compile(
    r"\b(?:from|since|than)\s+(?:the\s+)?(?:last|previous)\s+year\b|"
    r"\blast\s+year\b",
    re.IGNORECASE,
)
