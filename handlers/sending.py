"""Sending an answer to a chat: text, buttons for "which one?", a chart as a photo."""

import asyncio

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.answers import Answer
from handlers.buttons import Pick

_CAPTION_LIMIT = 1024


def choice_markup(answer: Answer, question: str) -> InlineKeyboardMarkup:
    """A button for each of the answer's choices; pressed, it answers ``question`` again
    with that choice settled."""
    rows = [
        [
            InlineKeyboardButton(
                c.label, callback_data=Pick(question, answer.language, c.agency_id, c.key)
            )
        ]
        for c in answer.choices
    ]
    return InlineKeyboardMarkup(rows)


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


async def send_answer(message: Message, answer: Answer, question: str) -> None:
    """Reply with the answer: a photo when it has a chart, buttons when it asks which one
    or which figure."""
    if answer.chart is not None:
        caption = answer.text if len(answer.text) <= _CAPTION_LIMIT else None
        png = await asyncio.to_thread(answer.chart.png)  # drawing takes a tenth of a second
        await message.reply_photo(png, caption=caption)
        if caption is None:
            await message.reply_text(fit(answer.text))
        return
    markup = choice_markup(answer, question) if answer.choices else None
    await message.reply_text(fit(answer.text), reply_markup=markup)
