"""/export and the export buttons: a report's figures, or a question's result, as CSV or XLSX."""

import asyncio
import re

from telegram import Message, Update

from bot.answers import Answer
from bot.answers.exports import (
    ExportFormat,
    Table,
    answer_table,
    report_table,
    to_csv,
    to_xlsx,
)
from bot.catalogue import fields_by_key
from bot.service.core import DisclosureService
from bot.texts import Language, chat_text
from handlers.buttons import ExportReport
from handlers.common import Context, language_of, pressed, service_of, words

#: A file to send: its content and its name.
File = tuple[bytes, str]


def _file(table: Table, fmt: ExportFormat) -> bytes:
    return to_xlsx(table) if fmt == "xlsx" else to_csv(table)


_UNSAFE = re.compile(r"[^\w\u4e00-\u9fff-]+")


def _file_name(stem: str, year: int | None, fmt: ExportFormat) -> str:
    return f"{_UNSAFE.sub('_', stem)[:60]}_{year or ''}.{fmt}"


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


def export_reply(
    service: DisclosureService, question: str, fmt: ExportFormat, lang: Language
) -> File | str:
    """The file a question's answer exports, or the text saying why there is none (the
    answer itself for "which one?", "no report for that year", "unknown agency")."""
    answer = service.ask(question, language=lang)
    table = table_for(service, answer)
    if table is None:
        nothing = answer.agency_id is not None and answer.kind != "not_indexed"
        return chat_text(lang, "nothing_to_export") if nothing else answer.text
    return _file(table, fmt), _file_name(answer.agency or answer.kind, answer.year, fmt)


def report_file(service: DisclosureService, wanted: ExportReport) -> File | None:
    """A report's figures as a file; ``None`` when the report is no longer indexed."""
    report = service.report(wanted.agency_id, wanted.year)
    if report is None:
        return None
    table = report_table(report)
    return _file(table, wanted.format), _file_name(report.agency.name, report.year, wanted.format)


async def export(update: Update, context: Context) -> None:
    """/export AGENCY [YEAR] [csv|xlsx], or /export a question (comparison, ranking, trend)."""
    message = update.effective_message
    if message is None:
        return
    text = words(message.text)
    fmt: ExportFormat = "xlsx" if re.search(r"\bxlsx\b|excel", text, re.IGNORECASE) else "csv"
    question = re.sub(r"\b(?:csv|xlsx|excel)\b", " ", text, flags=re.IGNORECASE).strip()
    lang = language_of(update, context, question)
    if not question:
        await message.reply_text(chat_text(lang, "export_how"))
        return
    reply = await asyncio.to_thread(export_reply, service_of(context), question, fmt, lang)
    if isinstance(reply, str):
        await message.reply_text(reply)
        return
    data, name = reply
    await message.reply_document(data, filename=name)


async def export_button(update: Update, context: Context) -> None:
    """An export button on a report card: send the report's figures as a file."""
    press = pressed(update, ExportReport)
    if press is None or not isinstance(press[0].message, Message):
        return
    query, wanted = press
    found = await asyncio.to_thread(report_file, service_of(context), wanted)
    if found is None:
        await query.answer(chat_text(language_of(update, context), "expired"))
        return
    await query.answer()
    data, name = found
    assert isinstance(query.message, Message)
    await query.message.reply_document(data, filename=name)
