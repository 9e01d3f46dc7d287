"""/report AGENCY [YEAR]: a report's card, with buttons for its other years and for export."""

import asyncio
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.answers.card import report_card
from bot.answers.exports import FORMATS
from bot.answers.no_figure import no_year
from bot.answers.subject import Subject
from bot.service.core import DisclosureService
from bot.texts import Language, chat_text
from handlers.buttons import ExportReport, ReportYear
from handlers.common import Context, language_of, pressed, service_of, words
from handlers.sending import choice_markup

Reply = tuple[str, InlineKeyboardMarkup | None]


def card(service: DisclosureService, agency_id: int, year: int | None, lang: Language) -> Reply:
    """The card text and its buttons (other years, export) for an agency's report."""
    entry = service.agency_index().entries.get(agency_id)
    years = service.years(agency_id) if entry else []
    if entry is None or not years:
        return chat_text(lang, "expired"), None
    when = year if year in years else years[-1]
    report = service.report(agency_id, when)
    assert report is not None
    text = report_card(Subject(entry, report, lang, latest=when != year)).text
    if year is not None and year != when:  # never show another year's card without saying so
        text = no_year(entry, year, years, lang).text + "\n\n" + text
    others = [
        InlineKeyboardButton(str(y), callback_data=ReportYear(agency_id, y, lang))
        for y in years
        if y != when
    ]
    export = [
        InlineKeyboardButton(
            chat_text(lang, f"export_{fmt}"), callback_data=ExportReport(agency_id, when, fmt)
        )
        for fmt in FORMATS
    ]
    rows = [others[i : i + 5] for i in range(0, len(others), 5)] + [export]
    return text, InlineKeyboardMarkup(rows)


def report_reply(service: DisclosureService, request: str, lang: Language) -> Reply:
    """The card ``request`` ("AGENCY [YEAR]") asks for; "which one?" when the name fits
    several agencies; how to ask when it names none."""
    year_match = re.search(r"(?:19|20)\d{2}", request)
    year = int(year_match.group(0)) if year_match else None
    index = service.agency_index()
    found = index.find(request)
    if not found.agencies:
        agency = next(iter(index.entries.values()), None)
        return chat_text(lang, "report_how", agency=agency.name if agency else "…"), None
    candidates = found.agencies[0].candidates
    if len({h.agency.id for h in candidates if h.agency}) > 1:
        answer = service.ask(request, language=lang)
        return answer.text, choice_markup(answer, request)
    entry = candidates[0].agency
    assert entry is not None
    return card(service, entry.id, year, lang)


async def report(update: Update, context: Context) -> None:
    """/report AGENCY [YEAR]."""
    message = update.effective_message
    if message is None:
        return
    lang = language_of(update, context)
    text, markup = await asyncio.to_thread(
        report_reply, service_of(context), words(message.text), lang
    )
    await message.reply_text(text, reply_markup=markup)


async def report_year(update: Update, context: Context) -> None:
    """A year button on a card: show that year's card in the same message."""
    if (press := pressed(update, ReportYear)) is None:
        return
    query, chosen = press
    await query.answer()
    text, markup = await asyncio.to_thread(
        card, service_of(context), chosen.agency_id, chosen.year, chosen.language
    )
    await query.edit_message_text(text, reply_markup=markup)
