"""The reminders' door to the store: subscriptions, the claim on each reminder sent, and the
chats that blocked the bot or moved. The chat and the CLI reach all of it through the service."""

from abc import ABC, abstractmethod
from datetime import datetime

from bot.agencies import NameIndex
from bot.config import RemindersConfig
from bot.reminders import outbox
from bot.reminders.outbox import Indexed, Outgoing, ReminderKey
from bot.reminders.plan import Reminder, Subscription
from bot.texts import Language
from store import Database
from store import subscriptions as repo


class ReminderDesk(ABC):
    """Subscriptions and reminders, over the service's store (a part of the service)."""

    db: Database
    reminders: RemindersConfig

    @abstractmethod
    def agency_index(self) -> NameIndex:
        """The name index of every indexed agency."""

    @abstractmethod
    def years_by_agency(self) -> dict[int, list[int]]:
        """For every indexed agency, the years of its reports."""

    def subscribe(self, plan: Subscription, *, now: datetime) -> int:
        """Save a chat's subscription; its id."""
        return repo.add_subscription(self.db, plan=plan, now=now)

    def subscriptions(self, chat_id: int | None = None) -> list[Subscription]:
        """The active subscriptions of a chat (of every chat without ``chat_id``)."""
        return repo.subscriptions(self.db, chat_id=chat_id)

    def end_subscription(self, chat_id: int, subscription_id: int | None = None) -> int:
        """End one of a chat's subscriptions (all without an id); how many ended."""
        return repo.end_subscription(self.db, chat_id=chat_id, subscription_id=subscription_id)

    def due_reminders(self, now: datetime) -> list[Outgoing]:
        """The reminders due at ``now`` that no process has claimed, composed."""
        subs, sent = self.subscriptions(), repo.sent_keys(self.db)
        return outbox.due_now(subs, sent, self._indexed(), self.reminders, now)

    def planned_reminders(self, now: datetime, chat_id: int | None = None) -> list[Reminder]:
        """The next reminders of every active subscription (or of one chat's)."""
        return outbox.planned(self.subscriptions(chat_id), self.reminders, now)

    def deadlines_text(self, chat_id: int, lang: Language, *, now: datetime) -> str:
        """The next deadlines and how many of the chat's tracked agencies have published."""
        subs = self.subscriptions(chat_id)
        return outbox.deadlines_text(subs, self._indexed(), self.reminders, now, lang)

    def claim_reminder(self, key: ReminderKey, *, now: datetime, late: bool) -> bool:
        """Claim a reminder before sending it: ``False`` when it was claimed already (by this
        process or another), so that it is sent once in all."""
        return repo.claim_reminder(self.db, key=key, now=now, late=late)

    def release_reminder(self, key: ReminderKey) -> None:
        """Give a claim back after the reminder could not be sent: it is due again."""
        repo.release_reminder(self.db, key=key)

    def pause_chat(self, chat_id: int) -> None:
        """A chat blocked the bot: its subscriptions pause."""
        repo.pause_chat(self.db, chat_id=chat_id)

    def move_chat(self, old_chat_id: int, new_chat_id: int) -> None:
        """A group became a supergroup: its subscriptions follow it."""
        repo.move_chat(self.db, old_chat_id=old_chat_id, new_chat_id=new_chat_id)

    def _indexed(self) -> Indexed:
        return Indexed(self.agency_index(), self.years_by_agency())
