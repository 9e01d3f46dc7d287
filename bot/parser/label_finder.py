"""Recognising printed row labels: the catalogue's forms, compacted, found in label text."""

from functools import cache

import ahocorasick

from bot.catalogue import Label
from bot.normalize import compact, strip_numbering


@cache
def phrases(label: Label) -> tuple[str, ...]:
    """The compact forms a printed label is recognised by, longest first."""
    forms = {compact(strip_numbering(text)) for text in (label.zh, *label.zh_variants)}
    return tuple(sorted((f for f in forms if f), key=len, reverse=True))


class LabelFinder:
    """Finds every form of every label of a table in one pass over a text (Aho-Corasick)."""

    def __init__(self, labels: tuple[Label, ...]) -> None:
        owners: dict[str, list[int]] = {}
        for index, label in enumerate(labels):
            for phrase in phrases(label):
                owners.setdefault(phrase, []).append(index)
        self.size = len(labels)
        self._automaton = ahocorasick.Automaton()
        for phrase, indexes in owners.items():
            self._automaton.add_word(phrase, (len(phrase), tuple(indexes)))
        self._automaton.make_automaton()

    def lengths(self, compacted: str) -> list[int]:
        """For each label, the length of its longest form found in the compacted text (0 if
        none)."""
        found = [0] * self.size
        if compacted:
            for _end, (length, indexes) in self._automaton.iter(compacted):
                for index in indexes:
                    found[index] = max(found[index], length)
        return found


@cache
def label_finder(labels: tuple[Label, ...]) -> LabelFinder:
    """The finder of a table's labels, built once per table."""
    return LabelFinder(labels)


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
