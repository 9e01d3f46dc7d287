"""/agencies [FILTER]: what is indexed, by region, a page at a time."""

import asyncio
import secrets

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot.answers.listing import Page, agency_page
from handlers.common import Context, language_of, service_of, words
from handlers.texts import chat_text

FILTERS_KEY = "agency_filters"


def _markup(page: Page, token: str, lang: str) -> InlineKeyboardMarkup | None:
    buttons = []
    if page.page > 0:
        buttons.append(
            InlineKeyboardButton(
                chat_text(lang, "prev"), callback_data=f"ag:{token}:{page.page - 1}"
            )
        )
    if page.page + 1 < page.pages:
        buttons.append(
            InlineKeyboardButton(
                chat_text(lang, "next"), callback_data=f"ag:{token}:{page.page + 1}"
            )
        )
    return InlineKeyboardMarkup([buttons]) if buttons else None


def _filters(context: Context) -> dict[str, tuple[str, str]]:
    if context.chat_data is None:
        return {}
    store = context.chat_data.setdefault(FILTERS_KEY, {})
    assert isinstance(store, dict)
    return store


async def agencies(update: Update, context: Context) -> None:
    """/agencies [FILTER]: the first page; the filter waits in this chat for the page buttons."""
    message = update.effective_message
    if message is None:
        return
    lang = language_of(update, context)
    needle = words(message.text)
    token = secrets.token_hex(4)
    filters = _filters(context)
    filters[token] = (needle, lang)
    while len(filters) > 20:
        filters.pop(next(iter(filters)))
    page = await asyncio.to_thread(agency_page, service_of(context), needle, 0, lang)
    await message.reply_text(page.text, reply_markup=_markup(page, token, lang))


async def agencies_page(update: Update, context: Context) -> None:
    """A page button: edit the listing in place."""
    query = update.callback_query
    if query is None or query.data is None or not isinstance(query.message, Message):
        return
    _, token, number = [*query.data.split(":"), "", ""][:3]
    saved = _filters(context).get(token)
    if saved is None or not number.isdigit():
        await query.answer(chat_text(language_of(update, context), "expired"))
        return
    await query.answer()
    needle, lang = saved
    page = await asyncio.to_thread(agency_page, service_of(context), needle, int(number), lang)
    await query.edit_message_text(page.text, reply_markup=_markup(page, token, lang))
