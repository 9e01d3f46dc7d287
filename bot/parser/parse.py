"""Parsing a report: from text (or a file's bytes) to a ``ParsedReport``."""

import hashlib
import re
from decimal import Decimal

from bot.agencies.identify import identify_agency
from bot.agencies.titles import Title, body_title, find_title
from bot.catalogue import layout_keys
from bot.errors import NotAReportError, UnreadableFileError, UnsupportedLayoutError
from bot.parser.cells import MAX_CELL_DIGITS
from bot.parser.coverage import incomplete_finding
from bot.parser.dates import publication_date, stated_year
from bot.parser.layout import detect_layout, is_pre_2019
from bot.parser.ocr_figures import mark_read_by_ocr
from bot.parser.report import AMBIGUOUS_CELLS, Finding, ParsedReport
from bot.parser.section_reading import SectionReading
from bot.parser.sections import SectionSpan, find_sections
from bot.parser.tables.applications import read_applications
from bot.parser.tables.proactive import read_proactive
from bot.parser.tables.review import read_review
from bot.readers.document import read_document
from bot.validation import check_rules
from bot.validation.rules import SMALL_COUNTS

# A 2021-layout report may print （六）其他处理 as one row (outcome.other.other), as the 2019
# layout does: its two sub-rows are then simply not printed, which is not a truncation.
_PROACTIVE_TABLE = re.compile(
    r"第二十条第|本年制发件数|本年新制作数量|本年处理决定数量|上一年项目数量|本年收费金额"
)
_SINGLE_OTHER_ROWS = (
    "applications.outcome.other.no_correction.",
    "applications.outcome.other.fee_unpaid.",
)
# Reports print amounts to 4 decimal places at most (万元, or 元 turned into 万元).
_MAX_DECIMALS = 8


def parse_report(name: str, data: bytes) -> ParsedReport:
    """Parse the file ``name`` with content ``data``; raises ``ReportError`` kinds."""
    document = read_document(name, data)
    report = parse_text(document.text, source_name=document.name)
    if document.ocr:
        report = mark_read_by_ocr(report)
    return report.with_source(hashlib.sha256(data).hexdigest())


def parse_text(text: str, *, source_name: str = "report") -> ParsedReport:
    """Parse a report's text (table rows as lines, cells separated by tabs or spaces).

    A copy cut off anywhere is read up to its cut (an ``incomplete`` finding says where it
    stops); only a text with no figure at all is refused.
    """
    lines = text.splitlines()
    title = find_title(lines)
    spans = find_sections(text)
    if title is not None and is_pre_2019(text, title.year):
        raise UnsupportedLayoutError(
            source_name,
            f"a report for {title.year} in the layout of the 2008 regulations "
            "(政府信息公开情况统计表); the bot reads the 2019 and 2021 layouts (reports for "
            "2019 onwards)",
        )
    prose = _prose(text, spans)
    titled = title is not None
    title = title or body_title(lines, stated_year(text, prose.get("overview", "")))
    layout = detect_layout(text, spans, title.year)
    reading = _read_tables(text, spans, layout, " ".join(prose.values()))
    if not reading.figures:
        raise _nothing_read(source_name, titled=titled, spans=spans)
    _refuse_absurd_figures(reading.figures, source_name)
    return _report(
        title,
        text=text,
        spans=spans,
        layout=layout,
        reading=reading,
        prose=prose,
        source_name=source_name,
    )


def _nothing_read(
    source_name: str, *, titled: bool, spans: dict[str, SectionSpan]
) -> NotAReportError:
    """Why a text with no figure at all is no report (the only text refused as such)."""
    if not titled and "三" not in spans:
        return NotAReportError(
            source_name, "no title such as 'XX 2023 年政府信息公开工作年度报告' was found"
        )
    if "三" not in spans:
        return NotAReportError(
            source_name,
            "section 三 (收到和处理政府信息公开申请情况) was not found, and no table holds "
            "a figure",
        )
    return NotAReportError(
        source_name,
        "no cell of the report's tables holds a number (all are blank or marked /, —, 无):"
        " the tables may be pictures that need OCR, or an empty template",
    )


def _report(
    title: Title,
    *,
    text: str,
    spans: dict[str, SectionSpan],
    layout: str,
    reading: SectionReading,
    prose: dict[str, str],
    source_name: str,
) -> ParsedReport:
    expected = layout_keys(layout)
    figures = {k: reading.figures[k] for k in expected if k in reading.figures}
    lacking = _lacking(expected, reading)
    # a cell the copy lacks (cut off, or a row not found) is no 0: no rule is broken by it
    unknown = {*reading.ambiguous, *lacking}
    findings = check_rules(figures, layout, unknown=unknown)
    findings.extend(_reading_findings(reading, spans, title, text, prose))
    findings.extend(_incomplete(layout, lacking, reading, spans, title))
    return ParsedReport(
        agency=identify_agency(title.name, text),
        year=title.year,
        layout=layout,
        figures=figures,
        # blank or marked cells only: an unsure cell (in ``ambiguous_cells``) was printed
        not_reported=tuple(k for k in expected if k not in figures and k not in unknown),
        findings=tuple(findings),
        text=prose,
        labels=reading.labels,
        published=publication_date(text, title.year) if title.year else None,
        source_name=source_name,
    )


_PLAIN = Decimal(10) ** 9


def _refuse_absurd_figures(figures: dict[str, Decimal], source_name: str) -> None:
    """A figure no report could hold means a damaged file: it is refused, not indexed (such
    numbers would also break the rules' arithmetic, JSON floats and the store's values)."""
    for key, value in figures.items():
        if value.is_finite() and (
            value in SMALL_COUNTS
            or (-_PLAIN < value < _PLAIN and value == value.to_integral_value())
        ):
            continue  # the common case: a count of a sensible size
        _, digits, exponent = value.as_tuple()
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        if len(digits) - places > MAX_CELL_DIGITS:
            problem = f"{len(digits) - places} digits: no report counts that high"
        elif places > _MAX_DECIMALS:
            problem = f"{places} decimal places: no report prints that many"
        else:
            continue
        shown = str(value) if len(str(value)) <= 24 else f"{str(value)[:20]}…"
        raise UnreadableFileError(
            source_name, f"the cell {key} reads {shown} ({problem}); the file may be damaged"
        )


def _read_tables(
    text: str, spans: dict[str, SectionSpan], layout: str, prose: str
) -> SectionReading:
    reading = SectionReading()
    tables = spans["三"].start if "三" in spans else len(text)
    if "二" in spans:
        reading.merge(
            read_proactive(
                _body(text, spans["二"]), layout, prose, at_end=_last(text, spans, "二")
            )
        )
    elif start := _PROACTIVE_TABLE.search(text[:tables]):
        # A fragment may start inside section 二's tables, without their heading: they
        # start at their first header (never in the prose before it).
        fragment = text[start.start() : tables]
        reading.merge(read_proactive(fragment, layout, prose, at_end="三" not in spans))
    if "三" in spans:
        reading.merge(
            read_applications(_body(text, spans["三"]), layout, at_end=_last(text, spans, "三"))
        )
    if "四" in spans:
        reading.merge(read_review(_body(text, spans["四"]), at_end=_last(text, spans, "四")))
    return reading


def _last(text: str, spans: dict[str, SectionSpan], number: str) -> bool:
    """True when section ``number`` is the last the text holds: a cut copy stops in it."""
    return spans[number].end == len(text)


def _body(text: str, span: SectionSpan) -> str:
    return text[span.start : span.end]


def _reading_findings(
    reading: SectionReading,
    spans: dict[str, SectionSpan],
    title: Title,
    text: str,
    prose: dict[str, str],
) -> list[Finding]:
    findings: list[Finding] = []
    if reading.ambiguous:
        findings.append(
            Finding(
                AMBIGUOUS_CELLS,
                tuple(reading.ambiguous),
                None,
                None,
                f"{len(reading.ambiguous)} cell(s) could not be read for certain (digits ran "
                "together and more than one reading fits the arithmetic rules, or a number is "
                "written in a form such as 1e5): left out, not guessed",
            )
        )
    body_year = stated_year(text, prose.get("overview", ""))
    if title.year is not None and body_year is not None and body_year != title.year:
        findings.append(
            Finding(
                "year_mismatch",
                (),
                Decimal(title.year),
                Decimal(body_year),
                f"the title says {title.year} but the body's figures cover {body_year}",
            )
        )
    return findings


def _lacking(expected: tuple[str, ...], reading: SectionReading) -> list[str]:
    """The layout's cells the copy does not hold (neither a value, a blank nor an unsure
    cell), in layout order; the two sub-rows of （六） are not lacking where the report prints
    （六）其他处理 as one row."""
    single = "applications.outcome.other.other.total" in reading.figures
    held = {*reading.figures, *reading.not_reported, *reading.ambiguous}
    return [
        k for k in expected if k not in held and not (single and k.startswith(_SINGLE_OTHER_ROWS))
    ]


def _incomplete(
    layout: str,
    lacking: list[str],
    reading: SectionReading,
    spans: dict[str, SectionSpan],
    title: Title,
) -> list[Finding]:
    """One ``incomplete`` finding naming what the report lacks: title, sections, cells."""
    notes = []
    if title.year is None or not title.name:
        notes.append("no title: the agency and the year the report covers are unknown")
    elif title.line < 0:
        notes.append("no title: the agency and the year were read from the body")
    missing_sections = [n for n in ("二", "三", "四") if n not in spans]
    if missing_sections:
        notes.append(f"section(s) {', '.join(missing_sections)} not found")
    held = {*reading.figures, *reading.not_reported, *reading.ambiguous}
    found = incomplete_finding(layout, lacking, held, notes)
    return [found] if found else []


# Where a saved portal page's furniture starts after the report's last section.
_PAGE_FURNITURE = re.compile(
    r"^(?:附件下载|扫一扫|打印本页|【打印】|关闭窗口|相关链接|友情链接|版权所有|主办单位|"
    r"网站标识码|.*ICP备|上一篇|下一篇|分享到)"
)


def _prose(text: str, spans: dict[str, SectionSpan]) -> dict[str, str]:
    prose = {}
    for span in spans.values():
        if span.section.text_key:
            lines = []
            for raw in _body(text, span).splitlines():
                line = raw.strip()
                if _PAGE_FURNITURE.match(line):
                    break
                if line:
                    lines.append(line)
            prose[span.section.text_key] = "\n".join(lines)
    return prose
