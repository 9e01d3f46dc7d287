"""Answers that carry no figure: which figure?, not indexed, help, the index."""

from bot.agencies import AgencyRecord
from bot.answers.answer import Answer, AnswerKind, Choice
from bot.answers.format import field_label, quoted
from bot.answers.library import Library
from bot.answers.which import FigureQuestion
from bot.catalogue import field
from bot.texts import EXAMPLES, Language, join, localized, say

_NAMES_SHOWN = 5


def choose_figure(question: FigureQuestion, lang: Language, entry: AgencyRecord | None) -> Answer:
    """ "Which figure?" with the closest figures as choices (for the agency, if settled)."""
    agency_id = entry.id if entry is not None else None
    choices = tuple(
        Choice(field_label(field(k), lang), agency_id=agency_id, key=k) for k in question.keys
    )
    if question.unknown:
        head = say(lang, "unknown_field_choose", words=quoted(question.words))
    else:
        words = say(lang, "choose_figure_words", words=quoted(question.words))
        head = say(lang, "choose_figure", words=words if question.words else "")
    lines = [head, *(f"{i}. {c.label}" for i, c in enumerate(choices, 1))]
    kind = AnswerKind.UNKNOWN_FIELD if question.unknown else AnswerKind.CHOOSE_FIGURE
    agency = entry.name if entry is not None else None
    return Answer(
        "\n".join(lines), kind, lang, agency=agency, agency_id=agency_id, choices=choices
    )


def no_year(entry: AgencyRecord, year: int, available: list[int], lang: Language) -> Answer:
    """The agency is indexed, the year is not."""
    listed = join(lang, [str(y) for y in available])
    text = say(lang, "no_year", agency=entry.name, year=year, years=listed)
    return Answer(text, AnswerKind.NOT_INDEXED, lang, agency=entry.name, year=year)


def no_agency(library: Library, question: str, lang: Language, *, understood: bool) -> Answer:
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
    return Answer("\n".join(lines), AnswerKind.NOT_INDEXED, lang)


def _indexed_line(library: Library, lang: Language) -> str:
    entries = library.agency_index().by_name
    if not entries:
        return say(lang, "empty_index")
    names = join(lang, [e.name for e in entries[:_NAMES_SHOWN]])
    extra = len(entries) - _NAMES_SHOWN
    more = say(lang, "more", count=extra) if extra > 0 else ""
    return say(lang, "indexed", names=names, more=more)


def example_question(library: Library, lang: Language) -> str:
    """A question about a real indexed agency and year, for help texts."""
    entries = library.agency_index().by_id
    if not entries:
        agency, year = localized(EXAMPLES, lang, "agency"), 2023
    else:
        first = entries[0]
        agency = first.name if lang == Language.ZH else first.english
        year = library.years(first.id)[-1]
    return say(lang, "example", agency=agency, year=year)


def help_answer(library: Library, lang: Language) -> Answer:
    """What the bot can answer, with an example."""
    lines = [say(lang, "help"), say(lang, "try", example=example_question(library, lang))]
    return Answer("\n".join(lines), AnswerKind.HELP, lang)


def indexed(library: Library, lang: Language, limit: int = 20) -> Answer:
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
    return Answer("\n".join(lines), AnswerKind.INDEXED, lang, rows=rows)
