"""Which figure a question asks for, matched against the catalogue's labels and synonyms.

Each row label (本年新收, 不予公开, 行政复议 …) and column label (自然人, 商业企业, 结果维持 …)
is scored by the phrases of it found in the question; the field is the best row and column
pair whose phrases do not overlap. Generic words (申请, applications) count for little, so that
"how many applications were refused" means refusals, not applications received.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from bot.catalogue import Field, Label, all_fields
from bot.normalize import compact

_GENERIC = frozenset(
    {
        "申请",
        "政府信息公开",
        "信息公开",
        "公开申请",
        "数量",
        "多少",
        "application",
        "request",
        "information",
        "disclosure",
        "number",
        "many",
        "much",
    }
)
_GENERIC_WEIGHT = 0.2
_NEW_ROW = "new"


@dataclass(frozen=True)
class _Phrase:
    units: frozenset[str]
    weight: float
    generic: bool = False


@dataclass(frozen=True)
class FieldMatch:
    """A field the question may ask for, with its score and the words that named it."""

    key: str
    score: float
    column_named: bool
    generic: bool = False

    @property
    def weak(self) -> bool:
        """True when only generic words (申请, applications) named the field."""
        return self.generic


def stem(word: str) -> str:
    """A crude English stem, enough to make received/receive/receives meet."""
    w = word.lower()
    if len(w) <= 3:
        return w
    if w.endswith(("ies", "ied")) and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    for suffix in ("ing", "ed", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def _en_tokens(text: str) -> list[str]:
    return [stem(w) for w in re.findall(r"[a-zA-Z]+", text)]


@cache
def _label_phrases(label: Label) -> tuple[tuple[str, tuple[str, ...], float], ...]:
    """(kind, parts, weight) for each form of a label: Chinese substrings or English stems."""
    out: list[tuple[str, tuple[str, ...], float]] = []
    for text in label.zh_all:
        phrase = compact(text)
        if phrase and re.search(r"[\u4e00-\u9fff]", phrase):
            out.append(("zh", (phrase,), _weight(phrase)))
    for text in label.en_all:
        tokens = tuple(_en_tokens(text))
        if tokens:
            weight = sum(_weight(t) for t in tokens)
            out.append(("en", tokens, weight))
    return tuple(out)


def _weight(part: str) -> float:
    return len(part) * (_GENERIC_WEIGHT if part in _GENERIC else 1.0)


def _score_label(label: Label, zh_text: str, en_tokens: list[str]) -> list[_Phrase]:
    """Every occurrence of a form of ``label`` in the question, as the units it covers."""
    found = []
    for kind, parts, weight in _label_phrases(label):
        if kind == "zh":
            start = zh_text.find(parts[0])
            if start >= 0:
                units = frozenset(f"c{i}" for i in range(start, start + len(parts[0])))
                found.append(_Phrase(units, weight, parts[0] in _GENERIC))
        elif all(p in en_tokens for p in parts):
            units = frozenset(f"w{en_tokens.index(p)}" for p in parts)
            found.append(_Phrase(units, weight, all(p in _GENERIC for p in parts)))
    return found


@cache
def _field_pairs() -> tuple[tuple[Label, Label, Field], ...]:
    return tuple((f.row, f.column, f) for f in all_fields())


def match_fields(text: str) -> list[FieldMatch]:
    """Fields the question may ask for, best first; empty when no label is named."""
    zh_text, en_tokens = compact(text), _en_tokens(text)
    rows = _best_phrases({r for r, _c, _f in _field_pairs()}, zh_text, en_tokens)
    columns = _best_phrases({c for _r, c, _f in _field_pairs()}, zh_text, en_tokens)
    scored: dict[str, FieldMatch] = {}
    for row, column, field in _field_pairs():
        row_phrases = rows.get(row, [])
        if not row_phrases and not (row.key == _NEW_ROW and columns.get(column)):
            continue  # "from companies" alone means applications received from companies
        score, named = _pair_score(row_phrases, columns.get(column, []))
        if score > 0 and (named or column.key in _DEFAULT_COLUMNS):
            best_row = max(row_phrases, key=lambda p: p.weight, default=None)
            generic = not named and best_row is not None and best_row.generic
            match = FieldMatch(field.key, score + (0.01 if not named else 0), named, generic)
            if field.key not in scored or scored[field.key].score < match.score:
                scored[field.key] = match
    return sorted(scored.values(), key=lambda m: (-m.score, not m.column_named, m.key))


# A row named without a column means its total, or its one column.
_DEFAULT_COLUMNS = frozenset({"total", "decisions", "amount"})


def _best_phrases(
    labels: Iterable[Label], zh_text: str, en_tokens: list[str]
) -> dict[Label, list[_Phrase]]:
    found = {}
    for label in labels:
        phrases = _score_label(label, zh_text, en_tokens)
        if phrases:
            found[label] = phrases
    return found


def _pair_score(rows: list[_Phrase], columns: list[_Phrase]) -> tuple[float, bool]:
    """Best row weight plus best non-overlapping column weight; whether a column was named."""
    best_row = max(rows, key=lambda p: p.weight, default=None)
    row_weight = best_row.weight if best_row else 0.0
    row_units = best_row.units if best_row else frozenset()
    free = [c for c in columns if not (c.units & row_units)]
    if not free:
        return row_weight, False
    return row_weight + max(c.weight for c in free), True
