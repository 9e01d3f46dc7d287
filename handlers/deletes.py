"""/delete AGENCY YEAR: an administrator removes a report, after pressing [Delete]."""

import asyncio

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.answers.deletion import Deletion, confirm_text, deleted_text, find_deletion, refusal_text
from bot.texts import chat_text
from handlers.buttons import DeleteDecision
from handlers.common import (
    Context,
    admin_pressed,
    forget_buttons,
    is_admin,
    language_of,
    service_of,
    words,
)


async def delete(update: Update, context: Context) -> None:
    """/delete AGENCY YEAR: asks before deleting; administrators only."""
    message = update.effective_message
    if message is None:
        return
    lang = language_of(update, context)
    if not is_admin(update, context):
        await message.reply_text(chat_text(lang, "not_admin"))
        return
    found = await asyncio.to_thread(find_deletion, service_of(context), words(message.text))
    if not isinstance(found, Deletion):
        await message.reply_text(refusal_text(found, lang))
        return
    agency_id, year = found.entry.id, found.year
    buttons = [
        InlineKeyboardButton(
            chat_text(lang, "delete"), callback_data=DeleteDecision(agency_id, year, True)
        ),
        InlineKeyboardButton(
            chat_text(lang, "cancel"), callback_data=DeleteDecision(agency_id, year, False)
        ),
    ]
    await message.reply_text(
        confirm_text(found, lang), reply_markup=InlineKeyboardMarkup([buttons])
    )


async def decide(update: Update, context: Context) -> None:
    """[Delete] or [Cancel] on a confirmation; administrators only."""
    if (press := await admin_pressed(update, context, DeleteDecision)) is None:
        return
    query, decision, lang = press
    forget_buttons(context, query)
    await query.answer()
    if not decision.delete:
        await query.edit_message_text(chat_text(lang, "delete_cancelled"))
        return
    service = service_of(context)
    outcome = await asyncio.to_thread(service.delete_report, decision.agency_id, decision.year)
    await query.edit_message_text(
        deleted_text(outcome, lang) if outcome else chat_text(lang, "expired")
    )
