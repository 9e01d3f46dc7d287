"""Reports as JSON lines, for ``disclosure-bot export`` and ``import``: one report a line,
exact decimals as strings, dates in ISO 8601. A line that is not a report is an error that
names the line, never a half-imported report."""

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from bot.errors import DisclosureBotError
from bot.parser.report import Finding
from bot.records import ReportDump

FORMAT = "disclosure-bot.report/1"


class TransferError(DisclosureBotError):
    """An export file line that cannot be imported; the message names the line."""


def to_line(dump: ReportDump) -> str:
    """One report as one line of JSON."""
    data = {
        "format": FORMAT,
        "agency": dump.agency,
        "year": dump.year,
        "layout": dump.layout,
        "source_name": dump.source_name,
        "sha256": dump.sha256,
        "ingested_at": dump.ingested_at.isoformat(),
        "published": dump.published.isoformat() if dump.published else None,
        "current": dump.current,
        "figures": dump.figures,
        "findings": [_finding_json(f) for f in dump.findings],
        "labels": dump.labels,
        "text": dump.text,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "cells": list(finding.cells),
        "expected": None if finding.expected is None else str(finding.expected),
        "found": None if finding.found is None else str(finding.found),
        "message": finding.message,
    }


def read_lines(lines: Iterable[str]) -> Iterator[ReportDump]:
    """The reports of an export file; ``TransferError`` at the first line that is not one."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield from_json(json.loads(line))
        except (ValueError, TypeError, KeyError, InvalidOperation) as error:
            raise TransferError(f"line {number}: not a report of an export ({error})") from None


def from_json(data: dict[str, Any]) -> ReportDump:
    """A report from its JSON object; raises ``ValueError`` (and kin) when malformed."""
    if data.get("format") != FORMAT:
        raise ValueError(f"format is {data.get('format')!r}, expected {FORMAT!r}")
    figures = data["figures"]
    if not all(isinstance(k, str) and (v is None or _decimal(v)) for k, v in figures.items()):
        raise ValueError("figures must map keys to decimal strings or null")
    agency = {str(k): None if v is None else str(v) for k, v in data["agency"].items()}
    if not agency.get("name"):
        raise ValueError("the agency has no name")
    return ReportDump(
        agency=agency,
        year=int(data["year"]),
        layout=str(data["layout"]),
        source_name=str(data["source_name"]),
        sha256=str(data["sha256"]),
        ingested_at=_aware(datetime.fromisoformat(data["ingested_at"])),
        published=date.fromisoformat(data["published"]) if data.get("published") else None,
        current=bool(data["current"]),
        figures=dict(figures),
        findings=tuple(_finding(f) for f in data.get("findings", [])),
        labels={str(k): str(v) for k, v in data.get("labels", {}).items()},
        text={str(k): str(v) for k, v in data.get("text", {}).items()},
    )


def _decimal(text: object) -> bool:
    return isinstance(text, str) and Decimal(text).is_finite()


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("ingested_at has no time zone")
    return moment


def _finding(data: dict[str, Any]) -> Finding:
    return Finding(
        rule=str(data["rule"]),
        cells=tuple(str(c) for c in data["cells"]),
        expected=None if data.get("expected") is None else Decimal(data["expected"]),
        found=None if data.get("found") is None else Decimal(data["found"]),
        message=str(data.get("message", "")),
    )
