"""Rates people ask for, declared once: the report prints none of them, so each is computed
from the report's figures by its formula, and every answer shows the formula and says the
rate is computed. A rate not declared here is declined, never answered with a cell."""

import re
from dataclasses import dataclass

from bot.normalize import compact


@dataclass(frozen=True)
class Rate:
    """A rate: ``numerator`` and ``denominator`` are sums of figures (``minus`` taken off the
    denominator); the words people use for it in each language."""

    key: str
    zh: str
    en: str
    words_zh: tuple[str, ...]
    words_en: tuple[str, ...]
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    minus: tuple[str, ...] = ()


RATES: tuple[Rate, ...] = (
    Rate(
        "rate.disclosed",
        "公开率",
        "disclosure rate",
        ("公开率", "公开比例", "公开比率", "予以公开率"),
        ("disclosure rate", "rate of disclosure", "share disclosed", "percentage disclosed"),
        ("applications.outcome.disclosed.total", "applications.outcome.partly_disclosed.total"),
        ("applications.outcome.total.total",),
    ),
    Rate(
        "rate.withheld",
        "不予公开率",
        "refusal rate",
        ("不予公开率", "不公开率", "拒绝率", "不予公开比例"),
        ("refusal rate", "rate of refusal", "share refused", "percentage refused"),
        ("applications.outcome.withheld.total",),
        ("applications.outcome.total.total",),
    ),
    Rate(
        "rate.review_corrected",
        "行政复议纠错率",
        "reconsideration correction rate",
        ("复议纠错率", "行政复议纠错率", "复议纠正率", "复议被纠错率"),
        (
            "reconsideration correction rate",
            "correction rate of reconsiderations",
            "review correction rate",
        ),
        ("review.corrected",),
        ("review.total",),
        ("review.pending",),
    ),
    Rate(
        "rate.litigation_corrected",
        "行政诉讼纠错率",
        "lawsuit correction rate",
        ("诉讼纠错率", "行政诉讼纠错率", "败诉率", "诉讼纠正率"),
        ("lawsuit correction rate", "litigation correction rate", "rate of lost lawsuits"),
        ("litigation.corrected",),
        ("litigation.total",),
        ("litigation.pending",),
    ),
)

# Words that ask for a rate of some kind, declared or not
_RATE_WORDS = re.compile(
    r"率|比例|比率|占比|百分比|\brates?\b|\bpercent(?:age)?s?\b|%|\bratios?\b|\bproportions?\b|"
    r"\bshare\s+of\b",
    re.IGNORECASE,
)


def asks_rate(text: str) -> bool:
    """True when the question asks for a rate, a share or a percentage."""
    return bool(_RATE_WORDS.search(text))


def named_rate(text: str) -> Rate | None:
    """The declared rate the question names, if any (longest words first)."""
    zh, lower = compact(text), " ".join(text.lower().split())
    best: tuple[int, Rate] | None = None
    for rate in RATES:
        for word in rate.words_zh:
            if word in zh and (best is None or len(word) > best[0]):
                best = (len(word), rate)
        for word in rate.words_en:
            if word in lower and (best is None or len(word) > best[0]):
                best = (len(word), rate)
    return best[1] if best else None
