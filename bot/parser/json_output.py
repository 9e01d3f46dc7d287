"""The JSON that ``parse --json`` prints, exactly as the spec defines it."""

from decimal import Decimal
from typing import Any

from bot.catalogue import TEXT_KEYS, json_number
from bot.parser.report import Finding, ParsedReport


def report_to_json(report: ParsedReport) -> dict[str, Any]:
    """``agency``, ``parent``, ``year``, ``layout``, ``figures``, ``not_reported``, ``findings``,
    ``text``: the contract external checks read."""
    return {
        "agency": report.agency.name or None,
        "parent": report.agency.parent,
        "year": report.year,
        "layout": report.layout,
        "figures": {k: json_number(k, v) for k, v in report.figures.items()},
        "not_reported": list(report.not_reported),
        "findings": [finding_to_json(f) for f in report.findings],
        "text": {key: report.text.get(key, "") for key in TEXT_KEYS},
    }


def finding_to_json(finding: Finding) -> dict[str, Any]:
    """One finding: rule, cells, expected, found, message."""
    return {
        "rule": finding.rule,
        "cells": list(finding.cells),
        "expected": _number(finding.expected),
        "found": _number(finding.found),
        "message": finding.message,
    }


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
