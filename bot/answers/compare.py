"""Two to five agencies side by side, for one figure and one year."""

from bot.agencies import AgencyRecord
from bot.answers.answer import Answer, AnswerKind
from bot.answers.figures import read_figure
from bot.answers.format import field_label, format_value
from bot.answers.library import Library
from bot.catalogue import field
from bot.catalogue import json_number as number
from bot.parser.report import INCOMPLETE
from bot.texts import Language, say

MAX_AGENCIES = 5


def compare(
    library: Library,
    entries: list[AgencyRecord],
    keys: list[str],
    year: int | None,
    lang: Language,
) -> Answer:
    """The figure for each agency in the year asked, else the latest year they all have."""
    entries = entries[:MAX_AGENCIES]
    spec = field(keys[0])
    when = year if year is not None else _common_year(library, entries)
    lines = [say(lang, "compare_title", label=field_label(spec, lang), year=when)]
    rows = []
    sources = []
    for entry in entries:
        name = entry.name if lang == Language.ZH else f"{entry.name} ({entry.english})"
        report = library.report(entry.id, when)
        if report is None:
            lines.append(say(lang, "compare_missing", agency=name, year=when))
            rows.append({"agency": entry.name, "year": when, "value": None, "reported": False})
            continue
        found = read_figure(report, spec)
        if found.lacking is not None:  # the copy is cut off before it, or it was not read
            shown = say(lang, "cut_short" if found.lacking.rule == INCOMPLETE else "unread_short")
        elif found.value is None:
            shown = "—"
        else:
            shown = format_value(spec, found.value, lang)
        flagged = any(set(f.cells) & set(found.cells) for f in report.findings)
        lines.append(
            say(lang, "compare_line", agency=name, value=shown) + (" ⚠" if flagged else "")
        )
        rows.append(
            {
                "agency": entry.name,
                "year": when,
                "value": number(spec.key, found.value),
                "reported": True,
            }
        )
        sources.append(report.source_name)
    lines.append(say(lang, "sources", reports=", ".join(sources) or "—"))
    return Answer(
        "\n".join(lines), AnswerKind.COMPARE, lang, year=when, key=spec.key, rows=tuple(rows)
    )


def _common_year(library: Library, entries: list[AgencyRecord]) -> int:
    sets = [set(library.years(e.id)) for e in entries]
    common = set.intersection(*sets) if sets else set()
    if common:
        return max(common)
    return max(max(s) for s in sets if s)
