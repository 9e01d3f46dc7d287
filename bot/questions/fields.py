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

from bot.catalogue import GROUPS, ROW_GROUP, Field, Label, all_fields
from bot.normalize import compact
from bot.texts import Language

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
    units: frozenset[str] = frozenset()  # what named it: c<i> characters, w<i> English words

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
def _label_phrases(label: Label) -> tuple[tuple[Language, tuple[str, ...], float], ...]:
    """(kind, parts, weight) for each form of a label: Chinese substrings or English stems."""
    out: list[tuple[Language, tuple[str, ...], float]] = []
    for text in label.zh_all:
        phrase = compact(text)
        if phrase and re.search(r"[\u4e00-\u9fff]", phrase):
            out.append((Language.ZH, (phrase,), _weight(phrase)))
    for text in label.en_all:
        tokens = tuple(_en_tokens(text))
        if tokens:
            weight = sum(_weight(t) for t in tokens)
            out.append((Language.EN, tokens, weight))
    return tuple(out)


def _weight(part: str) -> float:
    return len(part) * (_GENERIC_WEIGHT if part in _GENERIC else 1.0)


def _score_label(label: Label, zh_text: str, en_tokens: list[str]) -> list[_Phrase]:
    """Every occurrence of a form of ``label`` in the question, as the units it covers."""
    found = []
    for kind, parts, weight in _label_phrases(label):
        if kind is Language.ZH:
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
    grouped: dict[Label, list[_Phrase]] = {}  # each row's phrases, worked out once
    for row, column, field in _field_pairs():
        row_phrases = grouped.get(row)
        if row_phrases is None:
            row_phrases = grouped[row] = _with_group(row, rows)
        if not row_phrases and not (row.key == _NEW_ROW and columns.get(column)):
            continue  # "from companies" alone means applications received from companies
        score, named, units = _pair_score(row_phrases, columns.get(column, []))
        if score > 0 and (named or column.key in _DEFAULT_COLUMNS):
            best_row = max(row_phrases, key=lambda p: p.weight, default=None)
            generic = not named and best_row is not None and best_row.generic
            bonus = 0.01 if not named else 0
            match = FieldMatch(field.key, score + bonus, named, generic, units)
            if field.key not in scored or scored[field.key].score < match.score:
                scored[field.key] = match
    return sorted(scored.values(), key=lambda m: (-m.score, not m.column_named, m.key))


def _with_group(row: Label, rows: dict[Label, list[_Phrase]]) -> list[_Phrase]:
    """The row's phrases; an item named with its group ("本机关不掌握而无法提供") has the
    group's words as well: the item, not the group, is meant."""
    phrases = rows.get(row, [])
    group = _groups().get(row.key)
    if not phrases or group is None or group not in rows:
        return phrases
    best = max(phrases, key=lambda p: p.weight)
    free = [g for g in rows[group] if not g.units & best.units]
    if not free:
        return phrases
    extra = max(free, key=lambda p: p.weight)
    return [*phrases, _Phrase(best.units | extra.units, best.weight + extra.weight)]


@cache
def _groups() -> dict[str, Label]:
    """Each item row's group label (不掌握 → 无法提供)."""
    labels = {g.key: g for g in GROUPS}
    return {row: labels[group] for row, group in ROW_GROUP.items() if group in labels}


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


def _pair_score(rows: list[_Phrase], columns: list[_Phrase]) -> tuple[float, bool, frozenset[str]]:
    """Best row weight plus best non-overlapping column weight; whether a column was named;
    the words that named them."""
    best_row = max(rows, key=lambda p: p.weight, default=None)
    row_weight = best_row.weight if best_row else 0.0
    row_units = best_row.units if best_row else frozenset()
    free = [c for c in columns if not (c.units & row_units)]
    # every phrase of the row and the column named it, not only the weightiest
    named = frozenset().union(*(p.units for p in rows))
    if not free:
        return row_weight, False, named
    column = max(free, key=lambda c: c.weight)
    named |= frozenset().union(*(c.units for c in free))
    return row_weight + column.weight, True, named


def unexplained(text: str, match: FieldMatch | None) -> tuple[list[str], list[str]]:
    """The Chinese runs and English words of ``text`` that the match did not name."""
    zh_text, tokens = compact(text), _en_tokens(text)
    units = match.units if match else frozenset()
    runs, run = [], ""
    for index, char in enumerate(zh_text):
        if "\u4e00" <= char <= "\u9fff" and f"c{index}" not in units:
            run += char
        elif run:
            runs.append(run)
            run = ""
    if run:
        runs.append(run)
    words = re.findall(r"[a-zA-Z]+", text)
    english = [w for i, w in enumerate(words) if f"w{i}" not in units and i < len(tokens)]
    return runs, english
