"""Reminders in the chat: the job that sends them, /subscribe (a few buttons), /unsubscribe,
/deadlines, and groups that become supergroups."""

import asyncio
import logging
from datetime import datetime
from functools import partial

from telegram import Update
from telegram.error import ChatMigrated, Forbidden, TelegramError

from bot.reminders.outbox import Outgoing, deadlines_text, due_now
from handlers.common import Context, config_of, language_of, service_of
from store import StoreError
from store import subscriptions as repo

Key = tuple[int, str, int, int]

log = logging.getLogger("disclosure_bot.reminders")
JOB_NAME = "reminders"


RELEASE_KEY = "reminders_to_release"


async def tick(context: Context) -> None:
    """Send every reminder due now, once: claimed in the store before it is sent, released if
    sending failed (so the next tick tries again), kept if the chat blocked the bot. When the
    store fails, nothing is lost: an unclaimed reminder is due again at the next tick, and a
    claim that could not be released is released then."""
    service, config = service_of(context), config_of(context)
    now = datetime.now(config.reminders.timezone)
    try:
        await asyncio.to_thread(_release_pending, context)
        due = await asyncio.to_thread(due_now, service, config, now)
    except StoreError as error:
        log.error("reminders wait for the store (%s): trying again next minute", error)
        return
    for item in due:
        try:
            await _deliver(context, item, now)
        except StoreError as error:
            log.error("reminder %s waits for the store (%s)", item.key, error)


async def _deliver(context: Context, item: Outgoing, now: datetime) -> None:
    db = service_of(context).db
    claim = partial(repo.claim_reminder, db, key=item.key, now=now, late=item.late)
    if not await asyncio.to_thread(claim):
        return
    try:
        await _send(context, item.chat_id, item.text)
    except Forbidden:
        log.warning("chat %s blocked the bot: its subscriptions pause", item.chat_id)
        await asyncio.to_thread(partial(repo.pause_chat, db, chat_id=item.chat_id))
    except TelegramError as error:
        log.warning("reminder %s not sent (%s): will retry", item.key, type(error).__name__)
        _pending(context).add(item.key)
        await asyncio.to_thread(_release_pending, context)


def _pending(context: Context) -> set[Key]:
    pending = context.bot_data.setdefault(RELEASE_KEY, set())
    assert isinstance(pending, set)
    return pending


def _release_pending(context: Context) -> None:
    """Release the claims of reminders that were not sent (kept in memory until the store
    takes it)."""
    pending = _pending(context)
    for key in sorted(pending):
        repo.release_reminder(service_of(context).db, key=key)
        pending.discard(key)


async def _send(context: Context, chat_id: int, text: str) -> None:
    try:
        await context.bot.send_message(chat_id, text)
    except ChatMigrated as moved:
        repo.move_chat(service_of(context).db, old_chat_id=chat_id, new_chat_id=moved.new_chat_id)
        await context.bot.send_message(moved.new_chat_id, text)


async def deadlines(update: Update, context: Context) -> None:
    """/deadlines: the next deadlines, days left, and how many tracked agencies published."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    config = config_of(context)
    now = datetime.now(config.reminders.timezone)
    text = await asyncio.to_thread(
        deadlines_text, service_of(context), config, now, chat.id, language_of(update, context)
    )
    await message.reply_text(text)


async def migrated(update: Update, context: Context) -> None:
    """A group became a supergroup: its subscriptions follow it to the new chat id."""
    message = update.effective_message
    if message is not None and message.migrate_to_chat_id:
        repo.move_chat(
            service_of(context).db,
            old_chat_id=message.chat.id,
            new_chat_id=message.migrate_to_chat_id,
        )
