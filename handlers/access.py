"""The gate every update passes first: a private bot serves only its allowlist, in every path
(messages, commands, buttons, inline queries, uploads)."""

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.texts import chat_text
from handlers.common import Context, is_allowed, is_private, language_of


async def gate(update: Update, context: Context) -> None:
    """Let allowed users through; refuse the others once, politely, and stop the update."""
    if is_allowed(update, context):
        return
    text = chat_text(language_of(update, context), "private_only")
    if update.callback_query is not None:
        await update.callback_query.answer(text, show_alert=True)
    elif update.inline_query is not None:
        await update.inline_query.answer([], cache_time=0)
    elif update.effective_message is not None and is_private(update):
        await update.effective_message.reply_text(text)
    raise ApplicationHandlerStop
