"""A plain text message in a private chat is a question; a "which one?" button answers it."""

import asyncio

from telegram import Message, Update
from telegram.constants import ChatAction

from handlers.common import Context, language_of, service_of
from handlers.replies import pending_choice, send_answer


async def question(update: Update, context: Context) -> None:
    """Answer the question in the message, in its language."""
    message = update.effective_message
    if message is None or not message.text:
        return
    await message.reply_chat_action(ChatAction.TYPING)
    language = language_of(update, message.text)
    answer = await asyncio.to_thread(service_of(context).ask, message.text, language=language)
    await send_answer(message, answer, context, message.text)


async def pick(update: Update, context: Context) -> None:
    """A candidate chosen from "which one?": answer the waiting question for that agency."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    choice = pending_choice(context, query.data)
    if choice is None:
        await query.answer("This choice has expired; please ask again.", show_alert=False)
        return
    text, language, agency_id = choice
    await query.answer()
    answer = await asyncio.to_thread(
        service_of(context).ask, text, agency_id=agency_id, language=language
    )
    await query.edit_message_text(answer.text)
    if answer.chart is not None and isinstance(query.message, Message):
        await query.message.reply_photo(answer.chart)
