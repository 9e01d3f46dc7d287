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
