"""Findings as people read them: each rule worded in the reader's language from the finding's
data (cells, expected, found), cells named by their catalogue labels, never a canonical key.

A finding's stored ``message`` is the parser's English note for logs and exports; only a rule
this module does not know falls back to it, with any canonical key in it put into words.
"""

import re
from decimal import Decimal

from bot.answers.format import field_label
from bot.catalogue import Field, fields_by_key
from bot.parser.report import INCOMPLETE, Finding
from bot.texts import Language, en, join, localized, zh

#: The shape of a canonical key (``review.total``, ``applications.outcome.other.other.total``):
#: lower-case words joined by dots. No message a person reads may hold one.
CANONICAL_KEY = re.compile(r"\b[a-z][a-z_]*(?:\.[a-z][a-z_]*)+\b")

_LISTED = 4  # cells named in a finding before "and N more"

_WORDS = {"en": en.FINDINGS, "zh": zh.FINDINGS}


def finding_text(finding: Finding, lang: Language) -> str:
    """The finding in ``lang``'s words, its cells named by their labels."""
    specs = _fields(finding.cells)
    if finding.rule == INCOMPLETE:
        return _words(lang, INCOMPLETE, stops=stop_text(finding, lang))
    if finding.rule not in _WORDS["en"]:
        return without_keys(finding.message, lang)
    first = specs[0] if specs else None
    text = _words(
        lang,
        finding.rule,
        count=len(finding.cells),
        labels=_labels(specs, lang),
        first=field_label(first, lang) if first else "",
        row=_row(first, lang) if first else "",
        column=_column(first, lang) if first else "",
        expected=_number(finding.expected),
        found=_number(finding.found),
    )
    return text[:1].upper() + text[1:]


def stop_text(finding: Finding, lang: Language) -> str:
    """Where a cut-off copy stops: the section and the first row it lacks (from the finding's
    cells, in layout order), and how many figures it lacks."""
    specs = _fields(finding.cells)
    if not specs:
        return without_keys(finding.message, lang)
    first = specs[0]
    row = first.row.zh if lang == Language.ZH else first.row.en
    return _words(lang, "stops", section=first.section, row=row, count=len(finding.cells))


def without_keys(text: str, lang: Language) -> str:
    """``text`` with every canonical key put into its label (or left out when unknown)."""
    by_key = fields_by_key()

    def label(match: re.Match[str]) -> str:
        spec = by_key.get(match.group(0))
        return field_label(spec, lang) if spec else "…"

    return CANONICAL_KEY.sub(label, text)


def _fields(cells: tuple[str, ...]) -> list[Field]:
    by_key = fields_by_key()
    return [by_key[c] for c in cells if c in by_key]


def _labels(specs: list[Field], lang: Language) -> str:
    named = join(lang, [field_label(s, lang) for s in specs[:_LISTED]])
    if len(specs) <= _LISTED:
        return named
    return _words(lang, "more", labels=named, count=len(specs) - _LISTED)


def _row(spec: Field, lang: Language) -> str:
    return spec.row.zh if lang == Language.ZH else spec.row.en[:1].upper() + spec.row.en[1:]


def _column(spec: Field, lang: Language) -> str:
    return spec.column.zh if lang == Language.ZH else spec.column.en


def _number(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.normalize():f}"


def _words(lang: Language, key: str, **values: object) -> str:
    return localized(_WORDS, lang, key, **values)
