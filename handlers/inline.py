"""Inline mode: typing "@bot hantun 2023" in any chat offers answer cards to send."""

import asyncio
import hashlib

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update

from bot.answers import Answer
from handlers.common import Context, config_of, language_of, service_of

_CARDS = 5


def _card(answer: Answer, title: str, salt: str = "") -> InlineQueryResultArticle:
    # Namesakes can get the same text (same figures, same file name): ids must still differ.
    key = hashlib.sha256(f"{salt}\n{answer.text}".encode()).hexdigest()[:32]
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
                asyncio.to_thread(
                    service.ask, text, agency_id=c.agency_id, key=c.key, language=lang
                )
                for c in answer.choices[:_CARDS]
            )
        )
        cards = [
            _card(a, c.label, f"{c.agency_id or ''}:{c.key or ''}")
            for a, c in zip(picked, answer.choices, strict=False)
        ]
    else:
        cards = [_card(answer, answer.text.splitlines()[0])]
    # A private bot's answers must not be cached for anyone else who types the same query.
    await query.answer(cards, cache_time=30, is_personal=not config_of(context).access.public)
