"""A plain text message in a private chat is a question."""

import asyncio

from telegram import Update
from telegram.constants import ChatAction

from handlers.common import Context, language_of, service_of


async def question(update: Update, context: Context) -> None:
    """Answer the question in the message, in its language."""
    message = update.effective_message
    if message is None or not message.text:
        return
    await message.reply_chat_action(ChatAction.TYPING)
    service = service_of(context)
    language = language_of(update, message.text)
    answer = await asyncio.to_thread(service.ask, message.text, language=language)
    await message.reply_text(answer.text)
