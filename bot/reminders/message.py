"""What a reminder says: the deadline, its date, days left; who has published, who has not."""

from datetime import date

from bot.reminders.plan import Reminder
from bot.reminders.tracking import Progress
from bot.texts import Language, en, join, localized, zh

_NAMES = 40

_TEXT = {"en": en.REMINDERS, "zh": zh.REMINDERS}


def _t(lang: Language, key: str, **values: object) -> str:
    return localized(_TEXT, lang, key, **values)


def headline(
    name: str, deadline_date: date, today: date, lang: Language, *, late: bool = False
) -> str:
    """The deadline, its date and how far away it is (for the reports of the year before)."""
    days = (deadline_date - today).days
    key = "before" if days > 0 else "today" if days == 0 else "after"
    text = _t(
        lang,
        key,
        name=name,
        when=deadline_date.isoformat(),
        days=abs(days),
        year=deadline_date.year - 1,
    )
    return text + (_t(lang, "late") if late else "")


def reminder_text(
    reminder: Reminder, progress: Progress, today: date, lang: Language, *, late: bool
) -> str:
    """The whole reminder: headline, how many have published, the names of those who have not
    (or, on and after the deadline, who is late). Only written while someone is missing."""
    lines = [headline(reminder.deadline.name, reminder.deadline_date, today, lang, late=late)]
    total = len(progress.reported) + len(progress.missing)
    lines.append(
        _t(lang, "count", reported=len(progress.reported), total=total, year=reminder.report_year)
    )
    names = [a.name for a in progress.missing]
    more = _t(lang, "more", count=len(names) - _NAMES) if len(names) > _NAMES else ""
    key = "overdue" if reminder.deadline_date <= today else "missing"
    lines.append(_t(lang, key, names=join(lang, names[:_NAMES]), more=more))
    return "\n".join(lines)


def word(lang: Language, key: str) -> str:
    """One word of the reminders' vocabulary (``published``) in ``lang``."""
    return _t(lang, key)
