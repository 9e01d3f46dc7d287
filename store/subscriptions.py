"""Repository functions for subscriptions and the reminders sent: keyword-only, one short
session each."""

import json
from datetime import datetime, time

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, delete, select, update

from bot.reminders.plan import Subscription as Plan
from bot.texts import Language
from store.db import Database
from store.models import ReminderSent, Subscription


def _plan(row: Subscription) -> Plan:
    assert row.id is not None
    return Plan(
        id=row.id,
        chat_id=row.chat_id,
        deadlines=tuple(json.loads(row.deadlines_json)),
        offsets=tuple(json.loads(row.offsets_json)),
        at=time.fromisoformat(row.at),
        region=row.region,
        agency_ids=tuple(json.loads(row.agency_ids_json)),
        language=Language.of(row.language),
    )


def add_subscription(db: Database, *, plan: Plan, now: datetime) -> int:
    """Store a new subscription; its id."""
    row = Subscription(
        chat_id=plan.chat_id,
        deadlines_json=json.dumps(list(plan.deadlines), ensure_ascii=False),
        offsets_json=json.dumps(sorted(plan.offsets, reverse=True)),
        at=plan.at.strftime("%H:%M"),
        region=plan.region,
        agency_ids_json=json.dumps(list(plan.agency_ids)),
        language=plan.language,
        created_at=now,
    )
    with db.session() as session:
        session.add(row)
        session.flush()
        assert row.id is not None
        return row.id


def subscriptions(db: Database, *, chat_id: int | None = None, active: bool = True) -> list[Plan]:
    """Subscriptions (the active ones by default), of one chat or of all."""
    query = select(Subscription).where(col(Subscription.active) == active)
    if chat_id is not None:
        query = query.where(Subscription.chat_id == chat_id)
    with db.session() as session:
        return [_plan(row) for row in session.exec(query.order_by(col(Subscription.id)))]


def end_subscription(db: Database, *, chat_id: int, subscription_id: int | None = None) -> int:
    """End one subscription of a chat (or all of them); how many ended."""
    query = delete(Subscription).where(col(Subscription.chat_id) == chat_id)
    if subscription_id is not None:
        query = query.where(col(Subscription.id) == subscription_id)
    with db.session() as session:
        ids = session.exec(select(Subscription.id).where(Subscription.chat_id == chat_id)).all()
        session.exec(
            delete(ReminderSent).where(
                col(ReminderSent.subscription_id).in_(
                    [subscription_id] if subscription_id is not None else list(ids)
                )
            )
        )
        result = session.exec(query)
        return int(result.rowcount or 0)


def pause_chat(db: Database, *, chat_id: int) -> None:
    """A chat that blocked the bot: its subscriptions pause."""
    with db.session() as session:
        session.exec(
            update(Subscription).where(col(Subscription.chat_id) == chat_id).values(active=False)
        )


def move_chat(db: Database, *, old_chat_id: int, new_chat_id: int) -> None:
    """A group that became a supergroup keeps its subscriptions under its new id."""
    with db.session() as session:
        session.exec(
            update(Subscription)
            .where(col(Subscription.chat_id) == old_chat_id)
            .values(chat_id=new_chat_id)
        )


def sent_keys(db: Database) -> set[tuple[int, str, int, int]]:
    """Every reminder already sent (or being sent)."""
    with db.session() as session:
        rows = session.exec(
            select(
                ReminderSent.subscription_id,
                ReminderSent.deadline,
                ReminderSent.year,
                ReminderSent.offset_days,
            )
        )
        return {(s, d, y, o) for s, d, y, o in rows}


def claim_reminder(
    db: Database, *, key: tuple[int, str, int, int], now: datetime, late: bool
) -> bool:
    """Record a reminder as sent before sending it; False if it already was (never twice)."""
    subscription_id, deadline, year, offset = key
    row = ReminderSent(
        subscription_id=subscription_id,
        deadline=deadline,
        year=year,
        offset_days=offset,
        sent_at=now,
        late=late,
    )
    with db.session() as session:
        session.add(row)
        try:
            session.flush()
        except IntegrityError:  # claimed already, by this process or another
            session.rollback()
            return False
    return True


def release_reminder(db: Database, *, key: tuple[int, str, int, int]) -> None:
    """Forget a claim whose message could not be sent, so that it is tried again."""
    subscription_id, deadline, year, offset = key
    with db.session() as session:
        session.exec(
            delete(ReminderSent).where(
                col(ReminderSent.subscription_id) == subscription_id,
                col(ReminderSent.deadline) == deadline,
                col(ReminderSent.year) == year,
                col(ReminderSent.offset_days) == offset,
            )
        )
