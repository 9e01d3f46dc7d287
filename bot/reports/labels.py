"""Recognising printed row labels: the catalogue's forms, compacted, found in label text."""

from functools import cache

from bot.catalogue import Label
from bot.reports.text import compact, strip_numbering


@cache
def phrases(label: Label) -> tuple[str, ...]:
    """The compact forms a printed label is recognised by, longest first."""
    forms = {compact(strip_numbering(text)) for text in (label.zh, *label.zh_variants)}
    return tuple(sorted((f for f in forms if f), key=len, reverse=True))


def phrase_length(text: str, label: Label, *, compacted: bool = False) -> int:
    """The length of the longest form of ``label`` found in ``text`` (0 if none)."""
    target = text if compacted else compact(text)
    return next((len(p) for p in phrases(label) if p in target), 0)


def last_label(text: str, labels: tuple[Label, ...]) -> Label | None:
    """The label whose form ends latest in ``text`` (the one nearest the numbers after it);
    the longer form wins where two end at the same place."""
    target = compact(text)
    best: tuple[int, int, Label] | None = None
    for label in labels:
        for phrase in phrases(label):
            end = target.rfind(phrase)
            if end < 0:
                continue
            key = (end + len(phrase), len(phrase), label)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def first_label(text: str, labels: tuple[Label, ...]) -> Label | None:
    """The label whose form starts earliest in ``text`` (for values printed before their
    row's name, as some PDF text dumps do)."""
    target = compact(text)
    best: tuple[int, int, Label] | None = None
    for label in labels:
        for phrase in phrases(label):
            start = target.find(phrase)
            if start >= 0 and (best is None or (start, -len(phrase)) < best[:2]):
                best = (start, -len(phrase), label)
    return best[2] if best else None
