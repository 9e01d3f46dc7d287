"""Inline mode: typing "@bot hantun 2023" in any chat offers answer cards to send."""

import asyncio
import hashlib

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update

from bot.answers import Answer
from handlers.common import Context, language_of, service_of

_CARDS = 5


def _card(answer: Answer, title: str) -> InlineQueryResultArticle:
    key = hashlib.sha256(answer.text.encode()).hexdigest()[:32]
    first = answer.text.splitlines()[1] if "\n" in answer.text else answer.text
    return InlineQueryResultArticle(
        id=key,
        title=title[:64],
        description=first[:120],
        input_message_content=InputTextMessageContent(answer.text[:4096]),
    )


async def inline(update: Update, context: Context) -> None:
    """One card with the answer; one per candidate when the name could mean several."""
    query = update.inline_query
    if query is None or not query.query.strip():
        return
    text = query.query.strip()
    lang = language_of(update, context, text)
    service = service_of(context)
    answer = await asyncio.to_thread(service.ask, text, language=lang)
    if answer.choices:
        picked = await asyncio.gather(
            *(
                asyncio.to_thread(service.ask, text, agency_id=c.agency_id, language=lang)
                for c in answer.choices[:_CARDS]
            )
        )
        cards = [_card(a, c.label) for a, c in zip(picked, answer.choices, strict=False)]
    else:
        cards = [_card(answer, answer.text.splitlines()[0])]
    await query.answer(cards, cache_time=30, is_personal=False)
