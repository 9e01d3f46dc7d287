"""/report AGENCY [YEAR]: a report's card, with buttons for its other years and for export."""

import asyncio
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot.agencies import AgencyEntry
from bot.answers.card import report_card
from bot.answers.replies import no_year
from bot.answers.subject import Subject
from bot.service.core import DisclosureService
from handlers.common import Context, language_of, service_of, words
from handlers.replies import choice_markup
from handlers.texts import chat_text


def card(
    service: DisclosureService, entry: AgencyEntry, year: int | None, lang: str
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The card text and its buttons (other years, export) for an agency's report."""
    years = service.years(entry.id)
    if not years:
        return chat_text(lang, "expired"), None
    when = year if year in years else years[-1]
    report = service.report(entry.id, when)
    assert report is not None
    text = report_card(Subject(entry, report, lang, latest=when != year)).text
    if year is not None and year != when:  # never show another year's card without saying so
        text = no_year(entry, year, years, lang).text + "\n\n" + text
    others = [
        InlineKeyboardButton(str(y), callback_data=f"rep:{entry.id}:{y}:{lang}")
        for y in years
        if y != when
    ]
    export = [
        InlineKeyboardButton(
            chat_text(lang, f"export_{fmt}"), callback_data=f"exp:{entry.id}:{when}:{fmt}"
        )
        for fmt in ("csv", "xlsx")
    ]
    rows = [others[i : i + 5] for i in range(0, len(others), 5)] + [export]
    return text, InlineKeyboardMarkup(rows)


async def report(update: Update, context: Context) -> None:
    """/report AGENCY [YEAR]."""
    message = update.effective_message
    if message is None:
        return
    lang = language_of(update, context)
    text = words(message.text)
    year_match = re.search(r"(?:19|20)\d{2}", text)
    year = int(year_match.group(0)) if year_match else None
    service = service_of(context)
    found = await asyncio.to_thread(service.agency_index().find, text)
    if not found.agencies:
        agency = next(iter(service.agency_index().entries.values()), None)
        await message.reply_text(
            chat_text(lang, "report_how", agency=agency.name if agency else "…")
        )
        return
    candidates = found.agencies[0].candidates
    if len({h.agency.id for h in candidates if h.agency}) > 1:
        answer = service.ask(text, language=lang)
        await message.reply_text(answer.text, reply_markup=choice_markup(answer, context, text))
        return
    entry = candidates[0].agency
    assert entry is not None
    body, markup = await asyncio.to_thread(card, service, entry, year, lang)
    await message.reply_text(body, reply_markup=markup)


async def report_year(update: Update, context: Context) -> None:
    """A year button on a card: show that year's card in the same message."""
    query = update.callback_query
    if query is None or query.data is None or not isinstance(query.message, Message):
        return
    parts = query.data.split(":")
    service = service_of(context)
    entry = service.agency_index().entries.get(int(parts[1])) if parts[1].isdigit() else None
    await query.answer()
    if entry is None or len(parts) != 4 or not parts[2].isdigit():
        return
    body, markup = await asyncio.to_thread(card, service, entry, int(parts[2]), parts[3])
    await query.edit_message_text(body, reply_markup=markup)
