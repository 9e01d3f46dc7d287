"""Sending an answer to a chat: text, buttons for "which one?", a chart as a photo."""

import asyncio
import secrets

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.answers import Answer
from handlers.common import Context

PENDING_KEY = "pending_questions"
_KEEP = 20  # questions awaiting a choice, per chat
_CAPTION_LIMIT = 1024


def choice_markup(answer: Answer, context: Context, question: str) -> InlineKeyboardMarkup:
    """Buttons for the candidates; the question waits in this chat's data under a token, so
    a button can neither be forged to reach another chat's question nor outlive its list."""
    pending = _pending(context)
    token = secrets.token_hex(4)
    pending[token] = (question, answer.language, tuple(c.agency_id for c in answer.choices))
    while len(pending) > _KEEP:
        pending.pop(next(iter(pending)))
    rows = [
        [InlineKeyboardButton(c.label, callback_data=f"pick:{token}:{c.agency_id}")]
        for c in answer.choices
    ]
    return InlineKeyboardMarkup(rows)


def pending_choice(context: Context, data: str) -> tuple[str, str, int] | None:
    """The question, language and agency a "pick" button stands for, if it is genuine."""
    parts = data.split(":")
    if len(parts) != 3 or parts[0] != "pick" or not parts[2].isdigit():
        return None
    entry = _pending(context).get(parts[1])
    if entry is None or int(parts[2]) not in entry[2]:
        return None
    return entry[0], entry[1], int(parts[2])


def _pending(context: Context) -> dict[str, tuple[str, str, tuple[int, ...]]]:
    if context.chat_data is None:
        return {}
    store = context.chat_data.setdefault(PENDING_KEY, {})
    assert isinstance(store, dict)
    return store


TELEGRAM_LIMIT = 4096  # UTF-16 code units, as Telegram counts a message's length


def fit(text: str, limit: int = TELEGRAM_LIMIT) -> str:
    """The text cut to what one Telegram message holds (answers are short; this is the last
    guard, so that an overlong one still arrives rather than fail)."""
    if len(text.encode("utf-16-le")) // 2 <= limit:
        return text
    cut = text[: limit - 1]
    while len(cut.encode("utf-16-le")) // 2 > limit - 1:
        cut = cut[:-1]
    return cut + "…"


async def send_answer(message: Message, answer: Answer, context: Context, question: str) -> None:
    """Reply with the answer: a photo when it has a chart, buttons when it asks which one."""
    if answer.chart is not None:
        caption = answer.text if len(answer.text) <= _CAPTION_LIMIT else None
        png = await asyncio.to_thread(answer.chart.png)  # drawing takes a tenth of a second
        await message.reply_photo(png, caption=caption)
        if caption is None:
            await message.reply_text(fit(answer.text))
        return
    markup = choice_markup(answer, context, question) if answer.choices else None
    await message.reply_text(fit(answer.text), reply_markup=markup)
