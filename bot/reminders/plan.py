"""When reminders fall due: pure functions of the subscriptions, the deadlines and ``now``.

A deadline in calendar year Y (31 January, 31 March) is for the reports on year Y-1. A
subscription asks to be reminded some days before each deadline it follows, at a time of
day; each (subscription, deadline, year, days before) is one reminder, sent once.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.config import Deadline
from bot.texts import Language

GRACE = timedelta(days=1)  # a reminder missed while the bot was down is still sent this late
LATE_AFTER = timedelta(minutes=10)


@dataclass(frozen=True)
class Subscription:
    """What a chat asked to be reminded of."""

    id: int
    chat_id: int
    deadlines: tuple[str, ...]  # deadline names; empty means all
    offsets: tuple[int, ...]  # days before the deadline
    at: time
    region: str = ""  # tracked agencies: those in this region …
    agency_ids: tuple[int, ...] = ()  # … or these
    language: Language = Language.ZH


@dataclass(frozen=True)
class Reminder:
    """One reminder: a subscription, a deadline of a year, so many days before it."""

    subscription: Subscription
    deadline: Deadline
    deadline_date: date
    offset: int
    due_at: datetime

    @property
    def report_year(self) -> int:
        """The year the reports due by this deadline cover."""
        return self.deadline_date.year - 1

    @property
    def key(self) -> tuple[int, str, int, int]:
        """What makes the reminder unique: sent at most once."""
        return (self.subscription.id, self.deadline.name, self.deadline_date.year, self.offset)


@dataclass(frozen=True)
class Due:
    """A reminder to send now; ``late`` when it fell due while nobody was there to send it."""

    reminder: Reminder
    late: bool


def deadline_date(deadline: Deadline, year: int) -> date:
    """The deadline's date in calendar year ``year`` (29 February falls back to the 28th)."""
    try:
        return date(year, deadline.month, deadline.day)
    except ValueError:
        return date(year, deadline.month, 28)


def followed(subscription: Subscription, deadlines: Iterable[Deadline]) -> list[Deadline]:
    """The deadlines a subscription follows."""
    return [d for d in deadlines if not subscription.deadlines or d.name in subscription.deadlines]


def reminders(
    subscription: Subscription, deadlines: Iterable[Deadline], years: Iterable[int], zone: ZoneInfo
) -> list[Reminder]:
    """Every reminder of a subscription for the deadlines of the calendar ``years``."""
    out = []
    for deadline in followed(subscription, deadlines):
        for year in years:
            when = deadline_date(deadline, year)
            for offset in subscription.offsets:
                day = when - timedelta(days=offset)
                due_at = datetime.combine(day, subscription.at, tzinfo=zone)
                out.append(Reminder(subscription, deadline, when, offset, due_at))
    return sorted(out, key=lambda r: (r.due_at, r.subscription.id, r.deadline.name))


def due(
    subscriptions: Iterable[Subscription],
    deadlines: list[Deadline],
    now: datetime,
    sent: set[tuple[int, str, int, int]],
    zone: ZoneInfo,
) -> list[Due]:
    """Reminders to send at ``now``: fallen due, not more than a day ago, never sent."""
    local = now.astimezone(zone)
    years = (local.year - 1, local.year, local.year + 1)
    out = []
    for subscription in subscriptions:
        for reminder in reminders(subscription, deadlines, years, zone):
            lateness = local - reminder.due_at
            if timedelta(0) <= lateness <= GRACE and reminder.key not in sent:
                out.append(Due(reminder, late=lateness > LATE_AFTER))
    return out


def upcoming(
    subscriptions: Iterable[Subscription],
    deadlines: list[Deadline],
    now: datetime,
    zone: ZoneInfo,
    *,
    limit: int = 50,
) -> list[Reminder]:
    """The next reminders after ``now``, soonest first."""
    local = now.astimezone(zone)
    years = (local.year, local.year + 1)
    later = [
        r for s in subscriptions for r in reminders(s, deadlines, years, zone) if r.due_at > local
    ]
    return sorted(later, key=lambda r: r.due_at)[:limit]


def next_deadlines(
    deadlines: list[Deadline], today: date, count: int = 5
) -> list[tuple[Deadline, date]]:
    """The next deadlines from ``today`` (today's included), soonest first."""
    dated = [(d, deadline_date(d, y)) for d in deadlines for y in (today.year, today.year + 1)]
    return sorted([(d, when) for d, when in dated if when >= today], key=lambda x: x[1])[:count]
