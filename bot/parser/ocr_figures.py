"""Figures read by OCR: what a misread digit would look like is left out, and every figure says
how it was read.

OCR's commonest error is one digit read as another, dropped or doubled. When a report read by
OCR breaks an arithmetic rule and one cell of the rule, read with one digit changed, would
satisfy it, that cell may be the misread one: every such cell is left out with an
``ambiguous_cells`` finding, never corrected (that would be a guess). A rule that no one-digit
change satisfies is the report's own error and is reported as for any report.
"""

from collections.abc import Iterator, Mapping
from dataclasses import replace
from decimal import Decimal

from bot.parser.report import (
    AMBIGUOUS_CELLS,
    INCOMPLETE,
    READ_BY_OCR,
    Finding,
    ParsedReport,
    finding_cells,
)
from bot.validation import check_rules

#: The rules check_rules reports; the others (incomplete, year_mismatch…) are kept as found.
_RULES = frozenset(
    {
        "applications.balance",
        "applications.outcome_total",
        "applications.row_total",
        "review.total",
        "values.range",
    }
)


def mark_read_by_ocr(report: ParsedReport) -> ParsedReport:
    """``report`` (read by OCR) with doubtful cells left out and a ``read_by_ocr`` finding."""
    ambiguous = finding_cells(report.findings, AMBIGUOUS_CELLS)
    # a rule over a row that was not found says nothing about the cells that were
    missing = finding_cells(report.findings, INCOMPLETE)
    doubtful = doubtful_cells(report.figures, report.layout, ambiguous | missing)
    figures = {k: v for k, v in report.figures.items() if k not in doubtful}
    unknown = ambiguous | doubtful
    kept = [f for f in report.findings if f.rule not in _RULES and f.rule != AMBIGUOUS_CELLS]
    findings = check_rules(figures, report.layout, unknown=unknown)
    if unknown:
        findings.append(
            Finding(
                AMBIGUOUS_CELLS,
                tuple(sorted(unknown)),
                None,
                None,
                f"{len(unknown)} cell(s) could not be read for certain from the image (an unsure"
                " digit, or a cell that breaks a rule another reading of it satisfies): left"
                " out, not guessed",
            )
        )
    findings.extend(kept)
    if figures:
        findings.append(
            Finding(
                READ_BY_OCR,
                tuple(figures),
                None,
                None,
                f"all {len(figures)} figures were read by OCR from a photo or scan: check"
                " them against the original before relying on them",
            )
        )
    # an unsure cell is neither a figure nor "not reported" (the report did print something
    # there): it is only named in the ambiguous_cells finding
    return replace(report, figures=figures, findings=tuple(findings))


def doubtful_cells(figures: Mapping[str, Decimal], layout: str, unknown: set[str]) -> set[str]:
    """The cells of broken rules that a one-digit change would make the rule hold."""
    doubtful: set[str] = set()
    for finding in check_rules(figures, layout, unknown=unknown):
        if finding.rule not in _RULES:
            continue
        for key in finding.cells:
            if key in figures and _mended_by_one_digit(figures, layout, key, finding):
                doubtful.add(key)
    return doubtful


def _mended_by_one_digit(
    figures: Mapping[str, Decimal], layout: str, key: str, broken: Finding
) -> bool:
    for other in one_digit_readings(figures[key]):
        trial = {**figures, key: other}
        if not any(
            f.rule == broken.rule and f.cells[:1] == broken.cells[:1]
            for f in check_rules(trial, layout)
        ):
            return True
    return False


def one_digit_readings(value: Decimal) -> Iterator[Decimal]:
    """``value`` with one digit replaced, dropped or added (whole numbers ≥ 0 only)."""
    if value < 0 or value != value.to_integral_value():
        return
    digits = str(int(value))
    seen = {digits}
    for i in range(len(digits) + 1):
        for d in "0123456789":
            for text in (digits[:i] + d + digits[i + 1 :], digits[:i] + d + digits[i:]):
                if text not in seen and (text == "0" or not text.startswith("0")):
                    seen.add(text)
                    yield Decimal(text)
        dropped = digits[:i] + digits[i + 1 :]
        if dropped and dropped not in seen and (dropped == "0" or dropped[0] != "0"):
            seen.add(dropped)
            yield Decimal(dropped)
