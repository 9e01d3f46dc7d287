"""/export and the export buttons: a report's figures, or a question's result, as CSV or XLSX."""

import asyncio
import re

from telegram import Message, Update

from bot.answers import Answer
from bot.answers.exports import Table, answer_table, report_table, to_csv, to_xlsx
from bot.catalogue import fields_by_key
from bot.service.core import DisclosureService
from handlers.common import Context, language_of, service_of, words
from handlers.texts import chat_text


def _file(table: Table, fmt: str) -> bytes:
    return to_xlsx(table) if fmt == "xlsx" else to_csv(table)


def table_for(service: DisclosureService, answer: Answer) -> Table | None:
    """What an answer exports: its report's cells, or the rows behind it."""
    if answer.rows:
        header = list(answer.rows[0])
        rows = [[r.get(h) for h in header] for r in answer.rows]
        if answer.key:  # which figure the values are, on every row (a sheet gets filtered)
            label = fields_by_key()[answer.key].label_zh
            header, rows = [*header, "key", "figure"], [[*r, answer.key, label] for r in rows]
        return answer_table(header, rows)
    if answer.series:
        return answer_table(["year", "value"], [[y, v] for y, v in answer.series.items()])
    if answer.agency_id is not None and answer.year:
        report = service.report(answer.agency_id, answer.year)
        return report_table(report) if report else None
    return None


async def export(update: Update, context: Context) -> None:
    """/export AGENCY [YEAR] [csv|xlsx], or /export a question (comparison, ranking, trend)."""
    message = update.effective_message
    if message is None:
        return
    text = words(message.text)
    fmt = "xlsx" if re.search(r"\bxlsx\b|excel", text, re.IGNORECASE) else "csv"
    question = re.sub(r"\b(?:csv|xlsx|excel)\b", " ", text, flags=re.IGNORECASE).strip()
    lang = language_of(update, context, question)
    if not question:
        await message.reply_text(chat_text(lang, "export_how"))
        return
    service = service_of(context)
    answer = await asyncio.to_thread(service.ask, question, language=lang)
    table = await asyncio.to_thread(table_for, service, answer)
    if table is None:
        # "which one?", "no report for that year", "unknown agency": the answer says why
        nothing = answer.agency_id is not None and answer.kind != "not_indexed"
        await message.reply_text(chat_text(lang, "nothing_to_export") if nothing else answer.text)
        return
    name = re.sub(r"[^\w\u4e00-\u9fff-]+", "_", answer.agency or answer.kind)[:60]
    await message.reply_document(_file(table, fmt), filename=f"{name}_{answer.year or ''}.{fmt}")


async def export_button(update: Update, context: Context) -> None:
    """An export button on a report card: send the report's figures as a file."""
    query = update.callback_query
    if query is None or query.data is None or not isinstance(query.message, Message):
        return
    _, agency, year, fmt = [*query.data.split(":"), "", "", ""][:4]
    service = service_of(context)
    report = (
        service.report(int(agency), int(year)) if agency.isdigit() and year.isdigit() else None
    )
    await query.answer()
    if report is None or fmt not in {"csv", "xlsx"}:
        return
    data = await asyncio.to_thread(_file, report_table(report), fmt)
    name = re.sub(r"[^\w\u4e00-\u9fff-]+", "_", report.agency.name)[:60]
    await query.message.reply_document(data, filename=f"{name}_{report.year}.{fmt}")
