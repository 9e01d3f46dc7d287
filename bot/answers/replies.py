"""Building each kind of answer: a figure, a summary, a choice, or why there is none."""

from bot.answers.figures import read_figure
from bot.answers.format import field_label, format_value, section_title
from bot.answers.library import Library
from bot.answers.model import Answer, Choice, Source
from bot.answers.texts import say
from bot.catalogue import Field, field
from bot.names import AgencyEntry, Hit
from store.records import StoredReport

SUMMARY_KEYS = (
    "applications.new.total",
    "applications.carried_over.total",
    "applications.outcome.total.total",
    "applications.carried_forward.total",
    "review.total",
    "litigation.total",
)
_NAMES_SHOWN = 5


def _heading(entry: AgencyEntry, year: int, lang: str, latest: bool) -> str:
    note = say(lang, "latest") if latest else ""
    return say(lang, "heading", agency=entry.name, english=entry.english, year=year, latest=note)


def _fuzzy_line(fuzzy: Hit | None, lang: str) -> list[str]:
    if fuzzy is None:
        return []
    return [say(lang, "fuzzy", typed=fuzzy.typed, agency=fuzzy.agency.name)]


def figure(
    entry: AgencyEntry,
    report: StoredReport,
    keys: list[str],
    lang: str,
    *,
    latest: bool,
    fuzzy: Hit | None,
) -> Answer:
    """One figure with its source; the first candidate key the report's layout has."""
    spec = next(
        (field(k) for k in keys if read_figure(report, field(k)).in_layout), field(keys[0])
    )
    found = read_figure(report, spec)
    label = field_label(spec, lang)
    if not found.in_layout:
        line = say(lang, "not_in_layout", label=label, layout=report.layout)
    elif found.value is None:
        line = say(lang, "not_reported", label=label)
    else:
        line = say(lang, "figure", label=label, value=format_value(spec, found.value, lang))
    source = _source(report, spec)
    warnings = tuple(
        say(lang, "warning", message=f.message)
        for f in report.findings
        if set(f.cells) & set(found.cells)
    )
    lines = [
        _heading(entry, report.year, lang, latest),
        line,
        _source_line(source, lang),
        *warnings,
        *_fuzzy_line(fuzzy, lang),
    ]
    return Answer(
        "\n".join(lines),
        "figure",
        lang,
        agency=entry.name,
        year=report.year,
        key=spec.key,
        value=found.value,
        unit=spec.unit.zh,
        source=source,
        warnings=warnings,
    )


def _source(report: StoredReport, spec: Field) -> Source:
    row_key = spec.key.rsplit(".", 1)[0]
    row = report.labels.get(row_key, spec.row.zh)
    if spec.derived:
        row = f"{spec.row.zh}（{len(spec.parts)}项之和）" if spec.section == "三" else spec.row.zh
    return Source(report.source_name, spec.section, section_title(spec), row, spec.column.zh)


def _source_line(source: Source, lang: str) -> str:
    return say(
        lang,
        "source",
        report=source.report,
        section=source.section,
        title=source.section_title,
        row=source.row,
        column=source.column,
    )


def summary(
    entry: AgencyEntry, report: StoredReport, lang: str, *, latest: bool, fuzzy: Hit | None
) -> Answer:
    """The key figures of one report, when the question names no figure."""
    lines = [_heading(entry, report.year, lang, latest)]
    for key in SUMMARY_KEYS:
        spec = field(key)
        found = read_figure(report, spec)
        value = "—" if found.value is None else format_value(spec, found.value, lang)
        lines.append(say(lang, "summary_line", label=field_label(spec, lang), value=value))
    lines.append(say(lang, "source_short", report=report.source_name))
    lines.extend(_fuzzy_line(fuzzy, lang))
    return Answer("\n".join(lines), "summary", lang, agency=entry.name, year=report.year)


def choose_agency(hits: list[Hit], lang: str) -> Answer:
    """ "Which one?" with the candidates as choices."""
    choices = tuple(Choice(_choice_label(h.agency, lang), h.agency.id) for h in hits)
    lines = [say(lang, "choose"), *(f"{i}. {c.label}" for i, c in enumerate(choices, 1))]
    return Answer("\n".join(lines), "choose_agency", lang, choices=choices)


def _choice_label(entry: AgencyEntry, lang: str) -> str:
    parent = f"（{entry.parent}）" if entry.parent and lang == "zh" else ""
    if lang != "zh" and entry.parent:
        parent = f" ({entry.parent})"
    return f"{entry.name}{parent}"


def no_year(entry: AgencyEntry, year: int, available: list[int], lang: str) -> Answer:
    """The agency is indexed, the year is not."""
    listed = (
        ", ".join(str(y) for y in available) if lang != "zh" else "、".join(map(str, available))
    )
    text = say(lang, "no_year", agency=entry.name, year=year, years=listed)
    return Answer(text, "not_indexed", lang, agency=entry.name, year=year)


def no_agency(library: Library, question: str, lang: str, *, understood: bool) -> Answer:
    """No agency found: say so, name what is indexed, give an example."""
    if not understood:
        return help_answer(library, lang)
    lines = [say(lang, "no_agency", question=question), _indexed_line(library, lang)]
    lines.append(say(lang, "try", example=example_question(library, lang)))
    return Answer("\n".join(lines), "not_indexed", lang)


def _indexed_line(library: Library, lang: str) -> str:
    entries = sorted(library.agency_index().entries.values(), key=lambda e: e.name)
    if not entries:
        return say(lang, "empty_index")
    names = ("、" if lang == "zh" else ", ").join(e.name for e in entries[:_NAMES_SHOWN])
    extra = len(entries) - _NAMES_SHOWN
    more = say(lang, "more", count=extra) if extra > 0 else ""
    return say(lang, "indexed", names=names, more=more)


def example_question(library: Library, lang: str) -> str:
    """A question about a real indexed agency and year, for help texts."""
    entries = sorted(library.agency_index().entries.values(), key=lambda e: e.id)
    if not entries:
        agency, year = ("汉屯路街道办事处" if lang == "zh" else "Hantun Road"), 2023
    else:
        first = entries[0]
        agency = first.name if lang == "zh" else first.english
        year = library.years(first.id)[-1]
    return say(lang, "example", agency=agency, year=year)


def help_answer(library: Library, lang: str) -> Answer:
    """What the bot can answer, with an example."""
    lines = [say(lang, "help"), say(lang, "try", example=example_question(library, lang))]
    return Answer("\n".join(lines), "help", lang)
