"""Numbers the OCR engine is not sure of: written as the unreadable mark, never guessed.

A number cell is read digit by digit; when one digit's confidence is below
``MIN_DIGIT_CONFIDENCE``, or the number holds a letter shaped like a digit (O for 0, l for 1),
the whole cell becomes ``UNREADABLE_MARK``, which the parser leaves out with an
``ambiguous_cells`` finding.
"""

import re

from bot.parser.numbers import UNREADABLE_MARK
from bot.readers.ocr_engine import Reading

#: Below this, a digit may be another digit: the number it is part of is not taken.
MIN_DIGIT_CONFIDENCE = 0.9
# A cell that is a number, perhaps with a digit misread as a letter of the same shape.
_NUMBERISH = re.compile(r"[+\-－]?[\dOoDQIl|SsBZz][\dOoDQIl|SsBZz.,，]*(?:万元|元|%)?")
_LOOKALIKE = re.compile(r"[OoDQIl|SsBZz]")


def cell_text(reading: Reading) -> str:
    """The text of one line read in a table cell, a doubtful number replaced by the mark."""
    text = reading.text.strip()
    compact = text.replace(" ", "")
    if not any(ch.isdigit() for ch in compact) or not _NUMBERISH.fullmatch(compact):
        return text
    if _LOOKALIKE.search(compact.removesuffix("万元").removesuffix("元")):
        return UNREADABLE_MARK
    unsure = any(
        ch.isdigit() and confidence < MIN_DIGIT_CONFIDENCE
        for ch, confidence in zip(reading.text, reading.confidences, strict=False)
    )
    return UNREADABLE_MARK if unsure else text
