"""Subscriptions and reminder claims in the store, on SQLite and PostgreSQL: a reminder is
claimed once, a released claim can be claimed again, chats pause, move and end."""

from datetime import time

import pytest
from conftest import fixed_now

from bot.reminders.plan import Subscription
from store import open_database
from store import subscriptions as subs

pytestmark = pytest.mark.backends

GROUP = -100123


def _plan(chat_id: int = GROUP) -> Subscription:
    return Subscription(
        id=0, chat_id=chat_id, deadlines=("departments",), offsets=(1, 7), at=time(9, 0)
    )


def test_a_reminder_is_claimed_once(db_url: str) -> None:
    db = open_database(db_url)
    sub = subs.add_subscription(db, plan=_plan(), now=fixed_now())
    key = (sub, "departments", 2024, 7)
    assert subs.claim_reminder(db, key=key, now=fixed_now(), late=False)
    assert not subs.claim_reminder(db, key=key, now=fixed_now(), late=False)
    assert subs.sent_keys(db) == {key}
    subs.release_reminder(db, key=key)
    assert subs.claim_reminder(db, key=key, now=fixed_now(), late=True)
    db.close()


def test_a_chat_pauses_moves_and_ends(db_url: str) -> None:
    db = open_database(db_url)
    first = subs.add_subscription(db, plan=_plan(), now=fixed_now())
    subs.add_subscription(db, plan=_plan(chat_id=42), now=fixed_now())
    plans = subs.subscriptions(db, chat_id=GROUP)
    assert [p.id for p in plans] == [first] and plans[0].offsets == (7, 1)
    subs.move_chat(db, old_chat_id=GROUP, new_chat_id=GROUP - 1)
    assert [p.id for p in subs.subscriptions(db, chat_id=GROUP - 1)] == [first]
    subs.pause_chat(db, chat_id=GROUP - 1)
    assert [p.chat_id for p in subs.subscriptions(db)] == [42]
    assert subs.claim_reminder(
        db, key=(first, "departments", 2024, 1), now=fixed_now(), late=False
    )
    assert subs.end_subscription(db, chat_id=GROUP - 1) == 1
    assert subs.subscriptions(db, active=False) == [] and subs.sent_keys(db) == set()
    db.close()
