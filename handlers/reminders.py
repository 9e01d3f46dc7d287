"""Reminders in the chat: the job that sends them, /deadlines, and groups that become
supergroups. (/subscribe and /unsubscribe are in ``handlers.subscribe``.)"""

import asyncio
import logging
from datetime import datetime

from telegram import Update
from telegram.error import ChatMigrated, Forbidden, TelegramError

from bot.errors import StoreError
from bot.reminders.outbox import Outgoing, ReminderKey
from handlers.common import Context, config_of, language_of, service_of

log = logging.getLogger("disclosure_bot.reminders")
JOB_NAME = "reminders"
RELEASE_KEY = "reminders_to_release"


async def tick(context: Context) -> None:
    """Send every reminder due now, once: claimed in the store before it is sent, released if
    sending failed (so the next tick tries again), kept if the chat blocked the bot. When the
    store fails, nothing is lost: an unclaimed reminder is due again at the next tick, and a
    claim that could not be released is released then."""
    service = service_of(context)
    now = datetime.now(config_of(context).reminders.timezone)
    try:
        await asyncio.to_thread(_release_pending, context)
        due = await asyncio.to_thread(service.due_reminders, now)
    except StoreError as error:
        log.error("reminders wait for the store (%s): trying again next minute", error)
        return
    for item in due:
        try:
            await _deliver(context, item, now)
        except StoreError as error:
            log.error("reminder %s waits for the store (%s)", item.key, error)


async def _deliver(context: Context, item: Outgoing, now: datetime) -> None:
    service = service_of(context)
    claimed = await asyncio.to_thread(service.claim_reminder, item.key, now=now, late=item.late)
    if not claimed:  # another process (or an earlier tick) sent it
        return
    try:
        await _send(context, item.chat_id, item.text)
    except Forbidden:
        log.warning("chat %s blocked the bot: its subscriptions pause", item.chat_id)
        await asyncio.to_thread(service.pause_chat, item.chat_id)
    except TelegramError as error:
        log.warning("reminder %s not sent (%s): will retry", item.key, type(error).__name__)
        _pending(context).add(item.key)
        await asyncio.to_thread(_release_pending, context)


def _pending(context: Context) -> set[ReminderKey]:
    pending = context.bot_data.setdefault(RELEASE_KEY, set())
    assert isinstance(pending, set)
    return pending


def _release_pending(context: Context) -> None:
    """Release the claims of reminders that were not sent (kept in memory until the store
    takes it)."""
    pending = _pending(context)
    for key in sorted(pending):
        service_of(context).release_reminder(key)
        pending.discard(key)


async def _send(context: Context, chat_id: int, text: str) -> None:
    try:
        await context.bot.send_message(chat_id, text)
    except ChatMigrated as moved:
        await asyncio.to_thread(service_of(context).move_chat, chat_id, moved.new_chat_id)
        await context.bot.send_message(moved.new_chat_id, text)


async def deadlines(update: Update, context: Context) -> None:
    """/deadlines: the next deadlines, days left, and how many tracked agencies published."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    now = datetime.now(config_of(context).reminders.timezone)
    lang = language_of(update, context)
    text = await asyncio.to_thread(service_of(context).deadlines_text, chat.id, lang, now=now)
    await message.reply_text(text)


async def migrated(update: Update, context: Context) -> None:
    """A group became a supergroup: its subscriptions follow it to the new chat id."""
    message = update.effective_message
    if message is not None and message.migrate_to_chat_id:
        await asyncio.to_thread(
            service_of(context).move_chat, message.chat.id, message.migrate_to_chat_id
        )
