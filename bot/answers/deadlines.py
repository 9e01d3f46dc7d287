"""When the annual reports are due, asked in plain words: the next deadlines, the days left,
and how many indexed agencies have published (the chat shows its own tracked agencies, as
/deadlines does)."""

from datetime import date

from bot.answers.answer import Answer, AnswerKind
from bot.answers.library import Library
from bot.config import RemindersConfig
from bot.reminders.message import headline
from bot.reminders.plan import next_deadlines
from bot.reminders.tracking import progress
from bot.texts import Language, say


def deadlines(library: Library, settings: RemindersConfig, today: date, lang: Language) -> Answer:
    """The next deadlines from ``today`` and, for every indexed agency, who has published."""
    entries = list(library.agency_index().entries.values())
    years = {e.id: library.years(e.id) for e in entries}
    lines = [say(lang, "deadlines_title")]
    for deadline, when in next_deadlines(list(settings.deadlines), today):
        done = progress(deadline, entries, when.year - 1, years, settings.townships)
        total = len(done.reported) + len(done.missing)
        line = headline(deadline.name, when, today, lang)
        lines.append(
            say(lang, "deadline_line", line=line, reported=len(done.reported), total=total)
        )
    return Answer("\n".join(lines), AnswerKind.DEADLINES, lang)
