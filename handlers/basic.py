"""/start, /help with tappable examples, /lang."""

import asyncio

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot.answers.help import examples, help_text
from bot.answers.no_figure import help_answer
from bot.service.core import DisclosureService
from bot.texts import Language, chat_text
from handlers.buttons import Example
from handlers.common import LANG_KEY, Context, language_of, pressed, service_of, words
from handlers.sending import send_answer


def _welcome(service: DisclosureService, lang: Language, *, full: bool) -> tuple[str, list[str]]:
    """The greeting (or the full help) and the example questions to offer."""
    text = help_text(service, lang) if full else help_answer(service, lang).text
    return text, examples(service, lang)


def _example_buttons(questions: list[str], lang: Language) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(q, callback_data=Example(q, lang))] for q in questions]
    )


async def _greet(update: Update, context: Context, *, full: bool) -> None:
    if update.effective_message is None:
        return
    lang = language_of(update, context)
    text, questions = await asyncio.to_thread(_welcome, service_of(context), lang, full=full)
    await update.effective_message.reply_text(text, reply_markup=_example_buttons(questions, lang))


async def start(update: Update, context: Context) -> None:
    """Greet, say what the bot answers, offer examples to tap."""
    await _greet(update, context, full=False)


async def help_command(update: Update, context: Context) -> None:
    """What the bot answers, the fields it knows, and examples to tap."""
    await _greet(update, context, full=True)


async def example(update: Update, context: Context) -> None:
    """A tapped example: ask it, as if typed."""
    press = pressed(update, Example)
    if press is None or not isinstance(press[0].message, Message):
        return
    query, tapped = press
    await query.answer()
    service = service_of(context)
    answer = await asyncio.to_thread(service.ask, tapped.question, language=tapped.language)
    assert isinstance(query.message, Message)
    await send_answer(query.message, answer, tapped.question)


async def lang(update: Update, context: Context) -> None:
    """Choose the reply language: /lang zh or /lang en."""
    message = update.effective_message
    if message is None or context.user_data is None:
        return
    code = words(message.text).lower()[:2]
    if code not in set(Language):
        await message.reply_text(chat_text(language_of(update, context), "lang_how"))
        return
    choice = Language(code)
    context.user_data[LANG_KEY] = choice
    await message.reply_text(chat_text(choice, "lang_set"))
