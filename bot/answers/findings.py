"""Findings as people read them: each rule worded in the reader's language from the finding's
data (cells, expected, found), cells named by their catalogue labels, never a canonical key.

A finding's stored ``message`` is the parser's English note for logs and exports; only a rule
this module does not know falls back to it, with any canonical key in it put into words.
"""

import re
from decimal import Decimal
from typing import Protocol

from bot.answers.format import field_label
from bot.answers.texts import join, localized
from bot.catalogue import Field, fields_by_key
from bot.parser.model import READ_BY_OCR

#: The shape of a canonical key (``review.total``, ``applications.outcome.other.other.total``):
#: lower-case words joined by dots. No message a person reads may hold one.
CANONICAL_KEY = re.compile(r"\b[a-z][a-z_]*(?:\.[a-z][a-z_]*)+\b")

INCOMPLETE = "incomplete"
AMBIGUOUS = "ambiguous_cells"
_LISTED = 4  # cells named in a finding before "and N more"

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        INCOMPLETE: "The copy is cut off: {stops}.",
        "stops": "section {section} stops before row “{row}”, {count} figure(s) missing",
        AMBIGUOUS: "{count} figure(s) could not be read for certain and were left out, not "
        "guessed: {labels}.",
        READ_BY_OCR: "All {count} figures were read by OCR from a photo or scan: check them "
        "against the original before relying on them.",
        "applications.balance": "{column}: new + carried over = {expected}, but handled + "
        "carried forward = {found}.",
        "applications.outcome_total": "{column}: the outcomes add up to {expected}, but the "
        "total handled is {found}.",
        "applications.row_total": "{row}: the six kinds of applicant add up to {expected}, but "
        "the total is {found}.",
        "review.total": "{row}: upheld + corrected + other + pending = {expected}, but the "
        "total is {found}.",
        "values.range": "{first}: {found} is not a possible count.",
        "applications.carried_over": "{column}: carried over from last year {found}, but last "
        "year's report carried forward {expected}.",
        "identical_to_previous_year": "Every figure equals the previous year's report: was it "
        "copied?",
        "year_mismatch": "The title says {expected}, but the body's figures cover {found}.",
        "more": "{labels} and {count} more",
    },
    "zh": {
        INCOMPLETE: "这份文本不完整：{stops}。",
        "stops": "第{section}部分在“{row}”行之前中断，缺{count}个数据",
        AMBIGUOUS: "{count}个数据无法确认，已略去、未猜测：{labels}。",
        READ_BY_OCR: "全部{count}个数据由照片或扫描件文字识别得出，引用前请与原件核对。",
        "applications.balance": "{column}：本年新收 + 上年结转 = {expected}，但办理结果总计 + "
        "结转下年度 = {found}。",
        "applications.outcome_total": "{column}：办理结果各项之和为{expected}，但总计为{found}。",
        "applications.row_total": "{row}：六类申请人之和为{expected}，但总计为{found}。",
        "review.total": "{row}：维持 + 纠正 + 其他 + 尚未审结 = {expected}，但总计为{found}。",
        "values.range": "{first}：{found}不是可能的数量。",
        "applications.carried_over": "{column}：上年结转{found}，但上一年报告的结转下年度为"
        "{expected}。",
        "identical_to_previous_year": "每个数据都与上一年报告相同：是否照抄？",
        "year_mismatch": "标题写的是{expected}年，但正文数据属于{found}年。",
        "more": "{labels}等{count}项",
    },
}


class FindingLike(Protocol):
    """A finding as parsed or as stored."""

    @property
    def rule(self) -> str: ...
    @property
    def cells(self) -> tuple[str, ...]: ...
    @property
    def expected(self) -> Decimal | None: ...
    @property
    def found(self) -> Decimal | None: ...
    @property
    def message(self) -> str: ...


def finding_text(finding: FindingLike, lang: str) -> str:
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


def stop_text(finding: FindingLike, lang: str) -> str:
    """Where a cut-off copy stops: the section and the first row it lacks (from the finding's
    cells, in layout order), and how many figures it lacks."""
    specs = _fields(finding.cells)
    if not specs:
        return without_keys(finding.message, lang)
    first = specs[0]
    row = first.row.zh if lang == "zh" else first.row.en
    return _words(lang, "stops", section=first.section, row=row, count=len(finding.cells))


def without_keys(text: str, lang: str) -> str:
    """``text`` with every canonical key put into its label (or left out when unknown)."""
    by_key = fields_by_key()

    def label(match: re.Match[str]) -> str:
        spec = by_key.get(match.group(0))
        return field_label(spec, lang) if spec else "…"

    return CANONICAL_KEY.sub(label, text)


def _fields(cells: tuple[str, ...]) -> list[Field]:
    by_key = fields_by_key()
    return [by_key[c] for c in cells if c in by_key]


def _labels(specs: list[Field], lang: str) -> str:
    named = join(lang, [field_label(s, lang) for s in specs[:_LISTED]])
    if len(specs) <= _LISTED:
        return named
    return _words(lang, "more", labels=named, count=len(specs) - _LISTED)


def _row(spec: Field, lang: str) -> str:
    return spec.row.zh if lang == "zh" else spec.row.en[:1].upper() + spec.row.en[1:]


def _column(spec: Field, lang: str) -> str:
    return spec.column.zh if lang == "zh" else spec.column.en


def _number(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.normalize():f}"


def _words(lang: str, key: str, **values: object) -> str:
    return localized(_WORDS, "zh" if lang == "zh" else "en", key, **values)
