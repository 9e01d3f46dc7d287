"""What to send now and what it says, the upcoming reminders, the next deadlines: pure
functions of the subscriptions, the reports indexed and ``now``. The service reads those
from the store; the chat side sends what this returns."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from bot.agencies import NameIndex
from bot.config import RemindersConfig
from bot.reminders.message import headline, reminder_text, word
from bot.reminders.plan import Due, Reminder, Subscription, due, next_deadlines, upcoming
from bot.reminders.tracking import progress, tracked
from bot.texts import Language

ReminderKey = tuple[int, str, int, int]


@dataclass(frozen=True)
class Outgoing:
    """A reminder ready to send: to which chat, what text, under which key."""

    chat_id: int
    text: str
    key: ReminderKey
    late: bool


@dataclass(frozen=True)
class Indexed:
    """What the reminders read of the index: the agencies, and the years each has reported."""

    index: NameIndex
    years_by_agency: dict[int, list[int]]


def due_now(
    subscriptions: list[Subscription],
    sent: set[ReminderKey],
    indexed: Indexed,
    settings: RemindersConfig,
    now: datetime,
) -> list[Outgoing]:
    """The reminders that fall due at ``now``, were never sent, and still have someone to
    name: a deadline that binds none of the tracked agencies, or one they have all met, is
    no reason to write."""
    dues = due(subscriptions, list(settings.deadlines), now, sent, settings.timezone)
    composed = (_compose(item, indexed, now, settings) for item in dues)
    return [c for c in composed if c is not None]


def _compose(
    item: Due, indexed: Indexed, now: datetime, settings: RemindersConfig
) -> Outgoing | None:
    reminder = item.reminder
    sub = reminder.subscription
    agencies = tracked(indexed.index, sub.region, sub.agency_ids)
    done = progress(
        reminder.deadline,
        agencies,
        reminder.report_year,
        indexed.years_by_agency,
        settings.townships,
    )
    if not done.missing:
        return None
    today = now.astimezone(settings.timezone).date()
    text = reminder_text(reminder, done, today, sub.language, late=item.late)
    return Outgoing(sub.chat_id, text, reminder.key, item.late)


def planned(
    subscriptions: Iterable[Subscription], settings: RemindersConfig, now: datetime
) -> list[Reminder]:
    """The next reminders of the subscriptions."""
    return upcoming(list(subscriptions), list(settings.deadlines), now, settings.timezone)


def deadlines_text(
    subscriptions: list[Subscription],
    indexed: Indexed,
    settings: RemindersConfig,
    now: datetime,
    lang: Language,
) -> str:
    """The next deadlines with days left and, for the agencies a chat tracks (all indexed
    agencies when it has no subscription), how many have published for the year."""
    today = now.astimezone(settings.timezone).date()
    chosen = {
        a.id: a for s in subscriptions for a in tracked(indexed.index, s.region, s.agency_ids)
    }
    pool = list(chosen.values()) if subscriptions else tracked(indexed.index, "", ())
    published = word(lang, "published")
    lines = []
    for deadline, when in next_deadlines(list(settings.deadlines), today):
        done = progress(deadline, pool, when.year - 1, indexed.years_by_agency, settings.townships)
        total = len(done.reported) + len(done.missing)
        line = headline(deadline.name, when, today, lang)
        lines.append(f"{line} {published}: {len(done.reported)}/{total}")
    return "\n".join(lines)
