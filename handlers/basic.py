"""/start, /help with tappable examples, /lang."""

import asyncio

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot.answers.help import examples, help_text
from bot.answers.replies import help_answer
from handlers.common import LANG_KEY, Context, language_of, service_of, words
from handlers.replies import send_answer
from handlers.texts import chat_text


def _example_buttons(context: Context, lang: str) -> InlineKeyboardMarkup:
    rows = [
        [InlineKeyboardButton(text, callback_data=f"ex:{lang}:{i}")]
        for i, text in enumerate(examples(service_of(context), lang))
    ]
    return InlineKeyboardMarkup(rows)


async def start(update: Update, context: Context) -> None:
    """Greet, say what the bot answers, offer examples to tap."""
    if update.effective_message is None:
        return
    lang = language_of(update, context)
    answer = help_answer(service_of(context), lang)
    await update.effective_message.reply_text(
        answer.text, reply_markup=_example_buttons(context, lang)
    )


async def help_command(update: Update, context: Context) -> None:
    """What the bot answers, the fields it knows, and examples to tap."""
    if update.effective_message is None:
        return
    lang = language_of(update, context)
    await update.effective_message.reply_text(
        help_text(service_of(context), lang), reply_markup=_example_buttons(context, lang)
    )


async def example(update: Update, context: Context) -> None:
    """A tapped example: ask it, as if typed."""
    query = update.callback_query
    if query is None or query.data is None or not isinstance(query.message, Message):
        return
    _, lang, index = [*query.data.split(":"), "", ""][:3]
    found = examples(service_of(context), lang)
    await query.answer()
    if not index.isdigit() or int(index) >= len(found):
        return
    question = found[int(index)]
    answer = await asyncio.to_thread(service_of(context).ask, question, language=lang)
    await send_answer(query.message, answer, context, question)


async def lang(update: Update, context: Context) -> None:
    """Choose the reply language: /lang zh or /lang en."""
    message = update.effective_message
    if message is None or context.user_data is None:
        return
    choice = words(message.text).lower()[:2]
    if choice not in {"zh", "en"}:
        await message.reply_text(chat_text(language_of(update, context), "lang_how"))
        return
    context.user_data[LANG_KEY] = choice
    await message.reply_text(chat_text(choice, "lang_set"))
