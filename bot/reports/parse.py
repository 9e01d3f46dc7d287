"""Parsing a report: from text (or a file's bytes) to a ``ParsedReport``."""

import hashlib
import re

from bot.catalogue import layout_keys
from bot.errors import NotAReportError
from bot.reports.agency import identify_agency
from bot.reports.model import Finding, ParsedReport
from bot.reports.reading import read_document
from bot.reports.sections import SectionSpan, find_sections
from bot.reports.tables import TableReading, read_applications, read_proactive, read_review
from bot.reports.title import find_title
from bot.validation import check_rules

_2019_COLUMNS = re.compile(r"本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量")


def parse_report(name: str, data: bytes) -> ParsedReport:
    """Parse the file ``name`` with content ``data``; raises ``ReportError`` kinds."""
    document = read_document(name, data)
    report = parse_text(document.text, source_name=document.name)
    return _with_source(report, hashlib.sha256(data).hexdigest())


def parse_text(text: str, *, source_name: str = "report") -> ParsedReport:
    """Parse a report's text (table rows as lines, cells separated by tabs or spaces)."""
    title = find_title(text.splitlines())
    if title is None:
        raise NotAReportError(
            source_name, "no title such as 'XX 2023 年政府信息公开工作年度报告' was found"
        )
    spans = find_sections(text)
    if "三" not in spans:
        raise NotAReportError(
            source_name, "section 三 (收到和处理政府信息公开申请情况) was not found"
        )
    layout = _layout(text, spans, title.year)
    reading = _read_tables(text, spans, layout)
    if not any(k.startswith("applications.") for k in (*reading.figures, *reading.not_reported)):
        raise NotAReportError(source_name, "section 三 holds no table of applications")
    expected = layout_keys(layout)
    missing = [k for k in expected if k not in reading.figures and k not in reading.not_reported]
    findings = check_rules(reading.figures, layout)
    findings.extend(_missing_sections(spans))
    return ParsedReport(
        agency=identify_agency(title.name, text),
        year=title.year,
        layout=layout,
        figures={k: reading.figures[k] for k in expected if k in reading.figures},
        not_reported=tuple(k for k in expected if k in reading.not_reported or k in missing),
        findings=tuple(findings),
        text=_prose(text, spans),
        labels=reading.labels,
        source_name=source_name,
    )


def _layout(text: str, spans: dict[str, SectionSpan], year: int) -> str:
    if "二" in spans:
        body = text[spans["二"].start : spans["二"].end]
        return "2019" if _2019_COLUMNS.search(body) else "2021"
    return "2019" if year <= 2020 else "2021"


def _read_tables(text: str, spans: dict[str, SectionSpan], layout: str) -> TableReading:
    reading = TableReading()
    if "二" in spans:
        reading.merge(read_proactive(_body(text, spans["二"]), layout))
    reading.merge(read_applications(_body(text, spans["三"])))
    if "四" in spans:
        reading.merge(read_review(_body(text, spans["四"])))
    return reading


def _body(text: str, span: SectionSpan) -> str:
    return text[span.start : span.end]


def _missing_sections(spans: dict[str, SectionSpan]) -> list[Finding]:
    missing = [n for n in ("二", "四") if n not in spans]
    if not missing:
        return []
    return [
        Finding(
            "incomplete",
            (),
            None,
            None,
            "section(s) " + ", ".join(missing) + " not found: their figures are not reported",
        )
    ]


def _prose(text: str, spans: dict[str, SectionSpan]) -> dict[str, str]:
    prose = {}
    for span in spans.values():
        if span.section.text_key:
            body = _body(text, span)
            lines = [line.strip() for line in body.splitlines() if line.strip()]
            prose[span.section.text_key] = "\n".join(lines)
    return prose


def _with_source(report: ParsedReport, sha256: str) -> ParsedReport:
    return ParsedReport(
        report.agency,
        report.year,
        report.layout,
        report.figures,
        report.not_reported,
        report.findings,
        report.text,
        report.labels,
        report.published,
        report.source_name,
        sha256,
    )
