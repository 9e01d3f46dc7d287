"""English words the bot knows as words (catalogue labels, asking words): never read as a
misspelt place name."""

import re
from functools import cache

from bot.catalogue import all_fields
from bot.questions.leftovers import STOP_EN


@cache
def known_words() -> frozenset[str]:
    """Every English word of the catalogue's labels and synonyms, and the asking words."""
    words: set[str] = set(STOP_EN)
    for spec in all_fields():
        for label in (spec.row, spec.column):
            for text in label.en_all:
                words.update(w.lower() for w in re.findall(r"[A-Za-z]+", text))
    return frozenset(words)


@cache
def figure_pairs() -> frozenset[str]:
    """The two-character Chinese words of the catalogue (办结, 办理, 受理 …): a name that
    ends in the first of them (县政府办|结) is not named there."""
    pairs: set[str] = set()
    for spec in all_fields():
        for label in (spec.row, spec.column):
            pairs.update(t for t in label.zh_all if len(t) == 2)
    return frozenset(pairs)
