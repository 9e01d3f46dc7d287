"""Answers that carry no figure: which one?, not indexed, unknown figure, help, the index."""

from bot.agencies import AgencyEntry, Hit
from bot.answers.format import field_label, quoted
from bot.answers.library import Library
from bot.answers.model import Answer, Choice
from bot.answers.texts import join, say
from bot.catalogue import field

_NAMES_SHOWN = 5


def choose_agency(hits: list[Hit], lang: str) -> Answer:
    """ "Which one?" with up to five candidates as choices."""
    choices = tuple(
        Choice(_choice_label(h.agency, lang), h.agency.id) for h in hits[:5] if h.agency
    )
    lines = [say(lang, "choose"), *(f"{i}. {c.label}" for i, c in enumerate(choices, 1))]
    return Answer("\n".join(lines), "choose_agency", lang, choices=choices)


def _choice_label(entry: AgencyEntry, lang: str) -> str:
    where = entry.parent or entry.city or entry.province
    if not where:
        return entry.name
    return f"{entry.name}（{where}）" if lang == "zh" else f"{entry.name} ({where})"


def no_year(entry: AgencyEntry, year: int, available: list[int], lang: str) -> Answer:
    """The agency is indexed, the year is not."""
    listed = join(lang, [str(y) for y in available])
    text = say(lang, "no_year", agency=entry.name, year=year, years=listed)
    return Answer(text, "not_indexed", lang, agency=entry.name, year=year)


def no_agency(library: Library, question: str, lang: str, *, understood: bool) -> Answer:
    """No agency found: say so, name the nearest names and what is indexed, give an example."""
    if not understood:
        return help_answer(library, lang)
    lines = [say(lang, "no_agency", question=quoted(question))]
    nearest = library.agency_index().nearest(question)
    if nearest:
        lines.append(say(lang, "nearest", names=join(lang, [e.name for e in nearest])))
    else:
        lines.append(_indexed_line(library, lang))
    lines.append(say(lang, "try", example=example_question(library, lang)))
    return Answer("\n".join(lines), "not_indexed", lang)


def unknown_field(words: str, closest: list[str], lang: str, agency: str | None) -> Answer:
    """The question names a figure the bot does not know: say so and list the closest."""
    labels = join(lang, [field_label(field(k), lang) for k in closest[:3]])
    text = say(lang, "unknown_field", words=quoted(words), fields=labels)
    return Answer(text, "unknown_field", lang, agency=agency)


def _indexed_line(library: Library, lang: str) -> str:
    entries = library.agency_index().by_name
    if not entries:
        return say(lang, "empty_index")
    names = join(lang, [e.name for e in entries[:_NAMES_SHOWN]])
    extra = len(entries) - _NAMES_SHOWN
    more = say(lang, "more", count=extra) if extra > 0 else ""
    return say(lang, "indexed", names=names, more=more)


def example_question(library: Library, lang: str) -> str:
    """A question about a real indexed agency and year, for help texts."""
    entries = library.agency_index().by_id
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


def indexed(library: Library, lang: str, limit: int = 20) -> Answer:
    """What is indexed: agencies, reports and years."""
    entries = library.agency_index().by_name
    years = sorted({y for e in entries for y in library.years(e.id)})
    reports = sum(len(library.years(e.id)) for e in entries)
    lines = [
        say(
            lang,
            "indexed_title",
            agencies=len(entries),
            reports=reports,
            years=join(lang, [str(y) for y in years]) or "—",
        )
    ]
    for entry in entries[:limit]:
        lines.append(
            say(
                lang,
                "indexed_line",
                agency=entry.name,
                years=join(lang, [str(y) for y in library.years(entry.id)]),
            )
        )
    if len(entries) > limit:
        lines.append(say(lang, "more", count=len(entries) - limit).strip())
    rows = tuple({"agency": e.name, "years": library.years(e.id)} for e in entries[:limit])
    return Answer("\n".join(lines), "indexed", lang, rows=rows)
