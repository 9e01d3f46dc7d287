"""A figure over the years for one agency: text lines, and a chart."""

from bot.agencies import AgencyRecord
from bot.answers.answer import Answer, AnswerKind
from bot.answers.chart import Chart
from bot.answers.figures import read_figure
from bot.answers.format import field_label, format_value
from bot.answers.library import Library
from bot.catalogue import field
from bot.parser.report import INCOMPLETE
from bot.texts import Language, say


def trend(
    library: Library, entry: AgencyRecord, keys: list[str], years: list[int], lang: Language
) -> Answer:
    """The figure for each year asked (or every indexed year), with a chart."""
    spec = field(keys[0])
    available = library.years(entry.id)
    wanted = years or available
    points: list[tuple[int, float | None]] = []
    lines = [
        f"{entry.name} ({entry.english})" if lang != Language.ZH else entry.name,
        say(lang, "trend_title", label=field_label(spec, lang), first=wanted[0], last=wanted[-1]),
    ]
    sources = []
    for year in wanted:
        report = library.report(entry.id, year) if year in available else None
        if report is None:
            lines.append(say(lang, "trend_missing", year=year))
            points.append((year, None))
            continue
        found = read_figure(report, spec)
        value = found.value
        shown = "—" if value is None else format_value(spec, value, lang)
        if found.lacking is not None:  # the copy is cut off before it, or it was not read
            shown = say(lang, "cut_short" if found.lacking.rule == INCOMPLETE else "unread_short")
        lines.append(say(lang, "trend_line", year=year, value=shown))
        points.append((year, None if value is None else float(value)))
        sources.append(report.source_name)
    lines.append(say(lang, "sources", reports=", ".join(sources) or "—"))
    # in the question's language: the chart draws Chinese with the font that ships with it
    title = f"{entry.english}: {field_label(spec, Language.EN)}"
    unit = spec.unit.en_many
    if lang == Language.ZH:
        title, unit = f"{entry.name}：{field_label(spec, lang)}", spec.unit.zh
    chart = Chart(title, tuple(points), unit) if any(v is not None for _, v in points) else None
    return Answer(
        "\n".join(lines),
        AnswerKind.TREND,
        lang,
        agency=entry.name,
        agency_id=entry.id,
        key=spec.key,
        chart=chart,
        series=dict(points),
    )
