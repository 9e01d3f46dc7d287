"""/compare A, B[, …] [YEAR] [FIGURE] and /trend AGENCY [FIGURE]: the same answers as the
questions they stand for."""

import asyncio
import re

from telegram import Update

from bot.service.core import DisclosureService
from bot.texts import Language, chat_text
from handlers.common import Context, language_of, service_of, words
from handlers.questions import answer_text


def _names(service: DisclosureService) -> tuple[str, str]:
    """Two indexed agencies' names, for the usage examples."""
    names = [e.name for e in list(service.agency_index().entries.values())[:2]]
    first, second, *_ = [*names, "…", "…"]
    return first, second


async def _two_names(context: Context) -> tuple[str, str]:
    return await asyncio.to_thread(_names, service_of(context))


async def compare(update: Update, context: Context) -> None:
    """/compare: the names separated by commas (、，, and 和 work too)."""
    message = update.effective_message
    if message is None:
        return
    parts = [
        p.strip() for p in re.split(r"[,，、;；]|\s+and\s+|和", words(message.text)) if p.strip()
    ]
    if len(parts) < 2:
        a, b = await _two_names(context)
        lang = language_of(update, context)
        await message.reply_text(chat_text(lang, "compare_how", a=a, b=b))
        return
    lang = language_of(update, context, words(message.text))
    joiner = "和" if lang == Language.ZH else " and "
    question = ("对比 " if lang == Language.ZH else "compare ") + joiner.join(parts)
    await answer_text(update, context, question)


async def trend(update: Update, context: Context) -> None:
    """/trend: the agency's figure over the indexed years, with a chart."""
    message = update.effective_message
    if message is None:
        return
    text = words(message.text)
    if not text:
        lang = language_of(update, context)
        await message.reply_text(
            chat_text(lang, "trend_how", agency=(await _two_names(context))[0])
        )
        return
    lang = language_of(update, context, text)
    await answer_text(update, context, f"{text} {'趋势' if lang == 'zh' else 'trend'}")
