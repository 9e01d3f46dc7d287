"""/delete AGENCY YEAR: an administrator removes a report, after pressing [Delete]."""

import asyncio

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.answers.deletion import Deletion, confirm_text, deleted_text, find_deletion, refusal_text
from handlers.common import Context, admin_press, is_admin, language_of, service_of, words
from handlers.texts import chat_text


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
    data = f"del:{found.entry.id}:{found.year}"
    buttons = [
        InlineKeyboardButton(chat_text(lang, "delete"), callback_data=f"{data}:go"),
        InlineKeyboardButton(chat_text(lang, "cancel"), callback_data=f"{data}:no"),
    ]
    await message.reply_text(
        confirm_text(found, lang), reply_markup=InlineKeyboardMarkup([buttons])
    )


async def decide(update: Update, context: Context) -> None:
    """[Delete] or [Cancel] on a confirmation; administrators only."""
    if (press := await admin_press(update, context, 4)) is None:
        return
    query, (_, agency, year, choice), lang = press
    await query.answer()
    if choice != "go":
        await query.edit_message_text(chat_text(lang, "delete_cancelled"))
        return
    outcome = None
    if agency.isdigit() and year.isdigit():
        service = service_of(context)
        outcome = await asyncio.to_thread(service.delete_report, int(agency), int(year))
    await query.edit_message_text(
        deleted_text(outcome, lang) if outcome else chat_text(lang, "expired")
    )
