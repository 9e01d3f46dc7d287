"""Which figure a question asks for — or the question to ask back. Never a default figure,
and never a group's total for a sub-figure the question names in words the catalogue does
not know ("行政复议被撤回几件"): the bot asks which, with the closest figures as choices."""

from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.catalogue import field
from bot.catalogue.tree import sub_figures
from bot.questions.fields import FieldMatch, unexplained
from bot.questions.intent import without_intent_words
from bot.questions.leftovers import STOP_EN, closest_fields, leftover_words
from bot.questions.words import known_words

COMMON = (
    "applications.new.total",
    "applications.outcome.total.total",
    "applications.outcome.withheld.total",
    "review.total",
    "litigation.total",
    "proactive.fees.amount",
)
_SHOWN = 6


@dataclass(frozen=True)
class FigureQuestion:
    """The figure is not certain: the words that left it open and the figures to offer;
    ``unknown`` when the words name no figure the bot knows."""

    words: str
    keys: tuple[str, ...]
    unknown: bool = False


def figure_keys(
    rest: str, matches: list[FieldMatch], *, needs_figure: bool
) -> list[str] | FigureQuestion:
    """The figures ``rest`` (the question without names and years) asks for, best first;
    a question to ask back when they are not certain. ``needs_figure``: the answer cannot
    do without one (a trend, a comparison, a total), where a summary would do otherwise."""
    best = matches[0] if matches else None
    runs, english = unexplained(rest, best)
    words = _content(runs, english)
    if best is None:
        if words:
            return FigureQuestion(words, tuple(closest_fields(words, _SHOWN)), unknown=True)
        return FigureQuestion("", COMMON) if needs_figure else []
    if best.weak and words:  # "applications" alone does not say which
        return FigureQuestion(words, tuple(closest_fields(words, _SHOWN)), unknown=True)
    parts = sub_figures(best.key)
    if parts and _names_more(_unlike(runs, best.key), english):
        ranked = sorted(parts, key=lambda k: -_closeness(words, k))
        return FigureQuestion(words, (best.key, *ranked[: _SHOWN - 1]))
    return [m.key for m in matches]


def _content(runs: list[str], english: list[str]) -> str:
    return leftover_words(without_intent_words(" ".join([*runs, *english])))


def _names_more(runs: list[str], english: list[str]) -> bool:
    """True when words the match left over may name a more precise figure: Chinese words
    that are no asking words, or English words of the catalogue's vocabulary."""
    if leftover_words(without_intent_words(" ".join(runs))):
        return True
    vocabulary = known_words() - STOP_EN
    words = without_intent_words(" ".join(english)).split()
    return any(w.lower() in vocabulary for w in words)


def _unlike(runs: list[str], key: str) -> list[str]:
    """The runs without the characters the field's own names use: 没经过复议 beside 直接起诉
    says what 未经复议直接起诉 says."""
    spec = field(key)
    own = set("".join((*spec.row.zh_all, *spec.column.zh_all)))
    return ["".join(ch for ch in run if ch not in own) for run in runs]


def _closeness(words: str, key: str) -> float:
    spec = field(key)
    forms = [*spec.row.zh_all, *spec.row.en_all, *spec.column.zh_all, *spec.column.en_all]
    return max((fuzz.partial_ratio(words.lower(), f.lower()) for f in forms), default=0.0)
