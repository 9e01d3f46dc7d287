"""Answers about one agency's report: a figure, a summary, the change from the previous year,
a breakdown, the report's state."""

from decimal import Decimal

from bot.answers.answer import Answer, AnswerKind
from bot.answers.figures import read_figure
from bot.answers.findings import finding_text, stop_text
from bot.answers.format import field_label, format_value
from bot.answers.library import Library
from bot.answers.subject import Subject, source_line, source_of
from bot.catalogue import COLUMNS, Field, field, json_number, section
from bot.catalogue.tree import sub_figures
from bot.parser.report import AMBIGUOUS_CELLS, INCOMPLETE, READ_BY_OCR, Finding
from bot.questions.intent import BreakdownBy
from bot.texts import Language, say

SUMMARY_KEYS = (
    "applications.new.total",
    "applications.carried_over.total",
    "applications.outcome.total.total",
    "applications.carried_forward.total",
    "review.total",
    "litigation.total",
)
OUTCOME_KEYS = (
    "applications.outcome.disclosed.total",
    "applications.outcome.partly_disclosed.total",
    "applications.outcome.withheld.total",
    "applications.outcome.unavailable.total",
    "applications.outcome.not_processed.total",
    "applications.outcome.other.total",
)

#: Findings that say how cells were read or which the copy lacks, not that the report breaks
#: a rule.
_NOT_BREAKS = frozenset({AMBIGUOUS_CELLS, READ_BY_OCR, INCOMPLETE})


def choose_field(subject: Subject, keys: list[str]) -> Field:
    """The first candidate field the report's layout has (else the first candidate)."""
    for key in keys:
        if read_figure(subject.report, field(key)).in_layout:
            return field(key)
    return field(keys[0])


def value_text(subject: Subject, spec: Field) -> str:
    """The figure with its unit, or why there is none."""
    found = read_figure(subject.report, spec)
    if not found.in_layout:
        return "—"
    if found.lacking is not None:
        cut = found.lacking.rule == INCOMPLETE
        return say(subject.lang, "cut_short" if cut else "unread_short")
    if found.value is None:
        return "/" if subject.lang != Language.ZH else "未填报"
    return format_value(spec, found.value, subject.lang)


def figure(subject: Subject, keys: list[str]) -> Answer:
    """One figure with its source and the warnings that touch it."""
    spec = choose_field(subject, keys)
    found = read_figure(subject.report, spec)
    label = field_label(spec, subject.lang)
    if not found.in_layout:
        line = say(subject.lang, "not_in_layout", label=label, layout=subject.report.layout)
    elif found.lacking is not None:
        line = lacking_line(subject, label, found.lacking)
    elif found.value is None:
        line = say(subject.lang, "not_reported", label=label)
    else:
        line = say(
            subject.lang,
            "figure",
            label=label,
            value=format_value(spec, found.value, subject.lang),
        )
    source = source_of(subject.report, spec)
    # the line already says why the figure is missing: no warning repeats it
    warnings = subject.warnings(found.cells, skip=found.lacking)
    lines = [
        subject.heading(),
        line,
        source_line(source, subject.lang),
        *warnings,
    ]
    return Answer(
        "\n".join(lines),
        AnswerKind.FIGURE,
        subject.lang,
        agency=subject.entry.name,
        agency_id=subject.entry.id,
        year=subject.report.year,
        key=spec.key,
        value=found.value,
        unit=spec.unit.zh,
        source=source,
        warnings=warnings,
    )


def lacking_line(subject: Subject, label: str, lacking: Finding) -> str:
    """Why the indexed copy holds no value for a figure: cut off before it, or not read."""
    if lacking.rule != INCOMPLETE:
        return say(subject.lang, "unread", label=label)
    return say(
        subject.lang,
        "cut_off",
        label=label,
        agency=subject.entry.name,
        year=subject.report.year,
        stops=stop_text(lacking, subject.lang),
    )


def summary(subject: Subject) -> Answer:
    """The key figures of one report, when the question names no figure."""
    lines = [subject.heading()]
    for key in SUMMARY_KEYS:
        spec = field(key)
        lines.append(
            say(
                subject.lang,
                "summary_line",
                label=field_label(spec, subject.lang),
                value=value_text(subject, spec),
            )
        )
    lines.append(say(subject.lang, "source_short", report=subject.report.source_name))
    return Answer(
        "\n".join(lines),
        AnswerKind.SUMMARY,
        subject.lang,
        agency=subject.entry.name,
        agency_id=subject.entry.id,
        year=subject.report.year,
    )


def change(subject: Subject, keys: list[str], library: Library) -> Answer:
    """The figure and how it moved since the agency's previous report."""
    spec = choose_field(subject, keys)
    now = read_figure(subject.report, spec).value
    before_year = subject.report.year - 1
    previous_report = library.report(subject.entry.id, before_year)
    before = read_figure(previous_report, spec).value if previous_report else None
    label = field_label(spec, subject.lang)
    value = value_text(subject, spec)
    if (lacking := read_figure(subject.report, spec).lacking) is not None:
        line = lacking_line(subject, label, lacking)
    elif previous_report is None or now is None or before is None:
        line = say(subject.lang, "change_none", label=label, value=value, before=before_year)
    elif now == before:
        line = say(subject.lang, "change_flat", label=label, value=value, before=before_year)
    else:
        delta = now - before
        line = say(
            subject.lang,
            "change",
            label=label,
            value=value,
            before=before_year,
            previous=format_value(spec, before, subject.lang),
            sign="+" if delta > 0 else "−",
            delta=_plain(abs(delta)),
        )
    reports = [subject.report.source_name] + (
        [previous_report.source_name] if previous_report else []
    )
    lines = [
        subject.heading(),
        line,
        say(subject.lang, "sources", reports=", ".join(reports)),
    ]
    return Answer(
        "\n".join(lines),
        AnswerKind.CHANGE,
        subject.lang,
        agency=subject.entry.name,
        agency_id=subject.entry.id,
        year=subject.report.year,
        key=spec.key,
        value=now,
        unit=spec.unit.zh,
    )


def _plain(value: Decimal) -> str:
    return f"{int(value):,}" if value == value.to_integral_value() else f"{value.normalize():f}"


def breakdown(subject: Subject, keys: list[str], by: BreakdownBy) -> Answer:
    """The parts of a figure with their values: a group's items (不予公开的原因), a row by
    applicant (申请人构成), the applications by outcome (办理结果分布), a reconsideration's
    results; cited by section."""
    spec = choose_field(subject, keys)
    lang = subject.lang
    specs, by_applicant = _parts(spec, by)
    label = field_label(spec if by != "outcome" else field(_ANSWERED), lang)
    if by_applicant:
        title = say(lang, "breakdown_applicants", label=label)
    elif by == "outcome" or spec.key == _ANSWERED:
        title = say(lang, "breakdown_outcomes")
    elif spec.section == "四":
        title = say(lang, "breakdown_columns", label=label)
    else:
        title = say(lang, "breakdown_items", label=label)
    lines = [subject.heading(), title]
    for item in specs:
        name = (
            (item.column.zh if lang == Language.ZH else item.column.en) if by_applicant else None
        )
        lines.append(f"• {name or field_label(item, lang)}: {value_text(subject, item)}")
    lines.append(
        say(
            lang,
            "source_section",
            report=subject.report.source_name,
            section=spec.section,
            title=section(spec.section).title,
        )
    )
    cells = tuple(c for item in specs for c in read_figure(subject.report, item).cells)
    lines.extend(subject.warnings(cells))
    rows = tuple(
        {"key": item.key, "value": json_number(item.key, read_figure(subject.report, item).value)}
        for item in specs
    )
    return Answer(
        "\n".join(lines),
        AnswerKind.BREAKDOWN,
        lang,
        agency=subject.entry.name,
        agency_id=subject.entry.id,
        year=subject.report.year,
        key=spec.key,
        rows=rows,
    )


_ANSWERED = "applications.outcome.total.total"


def _parts(spec: Field, by: str) -> tuple[list[Field], bool]:
    """The figures a breakdown lists, and whether they are the row's applicants."""
    if by == "outcome":
        return [field(k) for k in sub_figures(_ANSWERED)], False
    if by == "applicant" and spec.key.startswith("applications."):
        row = spec.key.removeprefix("applications.").rsplit(".", 1)[0]
        return [field(f"applications.{row}.{c.key}") for c in COLUMNS], True
    parts = sub_figures(spec.key)
    if parts:
        row = spec.key.rsplit(".", 1)[0]
        by_applicant = spec.key.startswith("applications.") and parts[0].rsplit(".", 1)[0] == row
        return [field(k) for k in (*parts, spec.key)], by_applicant
    return [spec], False


def status(subject: Subject) -> Answer:
    """Which arithmetic rules the report breaks, if any."""
    breaks = [f for f in subject.report.findings if f.rule not in _NOT_BREAKS]
    lines = [subject.heading()]
    lines.extend(
        say(subject.lang, "status_cut", stops=stop_text(f, subject.lang))
        for f in subject.report.findings
        if f.rule == INCOMPLETE
    )
    if not breaks:
        lines.append(say(subject.lang, "status_ok"))
    else:
        lines.append(say(subject.lang, "status_breaks", count=len(breaks)))
        lines.extend(
            say(subject.lang, "status_line", message=finding_text(f, subject.lang)) for f in breaks
        )
    lines.append(say(subject.lang, "source_short", report=subject.report.source_name))
    return Answer(
        "\n".join(lines),
        AnswerKind.STATUS,
        subject.lang,
        agency=subject.entry.name,
        agency_id=subject.entry.id,
        year=subject.report.year,
    )
