"""The reminder desk: what to send now and what it says, the upcoming reminders, the next
deadlines. Pure of Telegram: the chat side sends what this returns."""

from dataclasses import dataclass
from datetime import datetime

from bot.config import Config
from bot.reminders.message import headline, reminder_text
from bot.reminders.plan import Due, Reminder, due, next_deadlines, upcoming
from bot.reminders.tracking import progress, tracked
from bot.service.core import DisclosureService
from store import subscriptions as repo


@dataclass(frozen=True)
class Outgoing:
    """A reminder ready to send: to which chat, what text, under which key."""

    chat_id: int
    text: str
    key: tuple[int, str, int, int]
    late: bool


def due_now(service: DisclosureService, config: Config, now: datetime) -> list[Outgoing]:
    """The reminders that fall due at ``now`` and were never sent, composed."""
    dues = due(
        repo.subscriptions(service.db),
        list(config.reminders.deadlines),
        now,
        repo.sent_keys(service.db),
        config.reminders.timezone,
    )
    return [_compose(service, item, now) for item in dues]


def _compose(service: DisclosureService, item: Due, now: datetime) -> Outgoing:
    reminder = item.reminder
    sub = reminder.subscription
    agencies = tracked(service.agency_index(), sub.region, sub.agency_ids)
    done = progress(reminder.deadline, agencies, reminder.report_year, service.years_by_agency())
    today = now.astimezone(service.timezone).date()
    text = reminder_text(reminder, done, today, sub.language, late=item.late)
    return Outgoing(sub.chat_id, text, reminder.key, item.late)


def planned(
    service: DisclosureService, config: Config, now: datetime, chat_id: int | None = None
) -> list[Reminder]:
    """The next reminders of every active subscription (or one chat's)."""
    subs = repo.subscriptions(service.db, chat_id=chat_id)
    return upcoming(subs, list(config.reminders.deadlines), now, config.reminders.timezone)


def deadlines_text(
    service: DisclosureService, config: Config, now: datetime, chat_id: int, lang: str
) -> str:
    """The next deadlines with days left and, for the agencies this chat tracks (all indexed
    agencies when it has no subscription), how many have published for the year."""
    today = now.astimezone(config.reminders.timezone).date()
    subs = repo.subscriptions(service.db, chat_id=chat_id)
    index = service.agency_index()
    chosen = {a.id: a for s in subs for a in tracked(index, s.region, s.agency_ids)}
    pool = list(chosen.values()) if subs else tracked(index, "", ())
    word = "已发布" if lang == "zh" else "published"
    lines = []
    for deadline, when in next_deadlines(list(config.reminders.deadlines), today):
        done = progress(deadline, pool, when.year - 1, service.years_by_agency())
        total = len(done.reported) + len(done.missing)
        line = headline(deadline.name, when, today, lang)
        lines.append(f"{line} {word}: {len(done.reported)}/{total}")
    return "\n".join(lines)
