"""Questions: text in a private chat, /ask anywhere, a mention or a reply in a group; and the
"which one?" buttons."""

import asyncio
import re
from dataclasses import replace
from datetime import datetime

from telegram import Message, Update

from bot.answers.answer import AnswerKind
from bot.answers.no_figure import example_question
from bot.texts import chat_text
from handlers.buttons import Pick
from handlers.chat_action import typing_if_slow
from handlers.common import Context, language_of, pressed, service_of, words
from handlers.sending import choice_markup, send_answer


async def answer_text(update: Update, context: Context, text: str) -> None:
    """Answer ``text`` in the update's chat, in the question's language."""
    message = update.effective_message
    if message is None:
        return
    language = language_of(update, context, text)
    service = service_of(context)
    async with typing_if_slow(message):
        answer = await asyncio.to_thread(service.ask, text, language=language)
    if answer.kind is AnswerKind.DEADLINES and update.effective_chat is not None:
        # as /deadlines says it: the agencies this chat tracks, if it subscribed
        now = datetime.now(service.timezone)
        chat = update.effective_chat.id
        text_now = await asyncio.to_thread(service.deadlines_text, chat, answer.language, now=now)
        answer = replace(answer, text=text_now)
    await send_answer(message, answer, text)


async def question(update: Update, context: Context) -> None:
    """A private message is a question."""
    message = update.effective_message
    if message is not None and message.text:
        await answer_text(update, context, message.text)


async def ask(update: Update, context: Context) -> None:
    """/ask QUESTION, in any chat."""
    message = update.effective_message
    if message is None:
        return
    text = words(message.text)
    if not text:
        lang = language_of(update, context)
        example = await asyncio.to_thread(example_question, service_of(context), lang)
        await message.reply_text(chat_text(lang, "ask_how", example=example))
        return
    await answer_text(update, context, text)


async def group_question(update: Update, context: Context) -> None:
    """In a group: a message that mentions the bot or replies to it is a question."""
    message = update.effective_message
    if message is None or not message.text or not _addressed(message, context):
        return
    mention = re.compile(re.escape(f"@{context.bot.username}"), re.IGNORECASE)  # as _addressed
    text = mention.sub(" ", message.text).strip()
    await answer_text(update, context, text)


def _addressed(message: Message, context: Context) -> bool:
    replied = message.reply_to_message
    if (
        replied is not None
        and replied.from_user is not None
        and replied.from_user.id == context.bot.id
    ):
        return True  # a reply to someone else may still mention the bot
    return f"@{context.bot.username}".lower() in (message.text or "").lower()


async def pick(update: Update, context: Context) -> None:
    """A choice pressed ("which one?", "which figure?"): answer the question again with it
    settled; the answer may ask once more (which figure, once the agency is known)."""
    if (press := pressed(update, Pick)) is None:
        return
    query, choice = press
    await query.answer()
    answer = await asyncio.to_thread(
        service_of(context).ask,
        choice.question,
        agency_id=choice.agency_id,
        key=choice.key,
        language=choice.language,
    )
    markup = choice_markup(answer, choice.question) if answer.choices else None
    await query.edit_message_text(answer.text, reply_markup=markup)
    if answer.chart is not None and isinstance(query.message, Message):
        await query.message.reply_photo(await asyncio.to_thread(answer.chart.png))
