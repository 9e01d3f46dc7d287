"""/agencies [FILTER]: what is indexed, by region, a page at a time."""

import asyncio

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.answers.listing import Page, agency_page
from bot.texts import Language, chat_text
from handlers.buttons import AgencyPage
from handlers.common import Context, language_of, pressed, service_of, words


def _markup(page: Page, needle: str, lang: Language) -> InlineKeyboardMarkup | None:
    buttons = [
        InlineKeyboardButton(chat_text(lang, word), callback_data=AgencyPage(needle, to, lang))
        for word, to, shown in (
            ("prev", page.page - 1, page.page > 0),
            ("next", page.page + 1, page.page + 1 < page.pages),
        )
        if shown
    ]
    return InlineKeyboardMarkup([buttons]) if buttons else None


async def agencies(update: Update, context: Context) -> None:
    """/agencies [FILTER]: the first page, with buttons for the next ones."""
    message = update.effective_message
    if message is None:
        return
    lang = language_of(update, context)
    needle = words(message.text)
    page = await asyncio.to_thread(agency_page, service_of(context), needle, 0, lang)
    await message.reply_text(page.text, reply_markup=_markup(page, needle, lang))


async def agencies_page(update: Update, context: Context) -> None:
    """A page button: edit the listing in place."""
    if (press := pressed(update, AgencyPage)) is None:
        return
    query, wanted = press
    await query.answer()
    page = await asyncio.to_thread(
        agency_page, service_of(context), wanted.needle, wanted.page, wanted.language
    )
    await query.edit_message_text(
        page.text, reply_markup=_markup(page, wanted.needle, wanted.language)
    )
