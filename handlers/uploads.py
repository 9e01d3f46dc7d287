"""Report files sent to the bot: an administrator's are read, shown and indexed on [Index]
(asking before replacing); anyone's may be checked with /check; nothing else is accepted."""

import asyncio
from datetime import datetime

from telegram import Document, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatAction

from bot.answers.preview import describe, differences
from bot.errors import ReportError
from bot.parser import ParsedReport
from bot.records import StoredReport
from bot.service.core import DisclosureService, IngestResult
from handlers.buttons import UploadDecision
from handlers.common import (
    Context,
    admin_pressed,
    config_of,
    forget_buttons,
    is_admin,
    language_of,
    service_of,
)
from handlers.texts import chat_text


async def _download(
    message: Message, document: Document, context: Context, lang: str
) -> bytes | None:
    limit = config_of(context).telegram.max_file_mb
    if document.file_size and document.file_size > limit * 1024 * 1024:
        megabytes = document.file_size / 1024 / 1024
        size = f"{megabytes:.1f}" if megabytes >= limit + 0.05 else f"{megabytes:.3f}"
        await message.reply_text(chat_text(lang, "too_big", size=size, limit=limit))
        return None
    await message.reply_chat_action(ChatAction.TYPING)
    file = await document.get_file()
    return bytes(await file.download_as_bytearray())


async def upload(update: Update, context: Context) -> None:
    """A document: /check in the caption checks it; from an admin it is read for indexing."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    if (message.caption or "").strip().startswith("/check"):
        await check_document(message, message.document, update, context)
        return
    lang = language_of(update, context)
    if not is_admin(update, context):
        await message.reply_text(chat_text(lang, "not_admin_upload"))
        return
    data = await _download(message, message.document, context, lang)
    name = message.document.file_name or "report"
    if data is None:
        return
    try:
        report, existing = await asyncio.to_thread(service_of(context).preview, name, data)
    except ReportError as error:
        await message.reply_text(chat_text(lang, "unreadable", name=name, reason=error.reason))
        return
    text, markup = preview_reply(service_of(context), report, existing, lang)
    await message.reply_text(text, reply_markup=markup)


def preview_reply(
    service: DisclosureService, report: ParsedReport, existing: StoredReport | None, lang: str
) -> tuple[str, InlineKeyboardMarkup | None]:
    """What an administrator sees of a report read from a file or a link: the preview, the
    differences from the report it would replace, and [Index] (or [Replace]) and [Cancel];
    no buttons, and why, when it cannot be indexed from the chat."""
    text = describe(report, lang)
    if (reason := service.refusal(report)) is not None:
        return text + "\n\n" + chat_text(lang, "not_indexable", reason=reason), None
    if existing is not None:
        changed = differences(report, existing, lang)
        key = "replaces" if changed else "same_figures"
        text += "\n\n" + "\n".join([chat_text(lang, key, source=existing.source_name), *changed])
    action = "replace" if existing is not None else "index"
    buttons = [
        InlineKeyboardButton(chat_text(lang, action), callback_data=UploadDecision(report, True)),
        InlineKeyboardButton(
            chat_text(lang, "cancel"), callback_data=UploadDecision(report, False)
        ),
    ]
    return text, InlineKeyboardMarkup([buttons])


async def decide(update: Update, context: Context) -> None:
    """[Index]/[Replace] or [Cancel] on a previewed upload; administrators only."""
    if (press := await admin_pressed(update, context, UploadDecision)) is None:
        return
    query, decision, lang = press
    forget_buttons(context, query)
    await query.answer()
    if not decision.index:
        await query.edit_message_text(chat_text(lang, "cancelled"))
        return
    service = service_of(context)
    result = await asyncio.to_thread(
        service.index_parsed, decision.report, now=datetime.now(service.timezone)
    )
    await query.edit_message_text(_result_text(result, lang))


def _result_text(result: IngestResult, lang: str) -> str:
    if result.status == "indexed":
        return chat_text(lang, "indexed", agency=result.agency, year=result.year)
    if result.status == "replaced":
        source = result.detail.removeprefix("replaces ")
        return chat_text(lang, "replaced", agency=result.agency, year=result.year, source=source)
    if result.status == "unchanged":
        return chat_text(lang, "unchanged")
    return chat_text(lang, "rejected", reason=result.detail)


async def check(update: Update, context: Context) -> None:
    """/check as a reply to a report file: its findings, without indexing it."""
    message = update.effective_message
    if message is None:
        return
    replied = message.reply_to_message
    if replied is None or replied.document is None:
        await message.reply_text(chat_text(language_of(update, context), "check_how"))
        return
    await check_document(message, replied.document, update, context)


async def check_document(
    message: Message, document: Document, update: Update, context: Context
) -> None:
    """Read a report file and say which rules it breaks."""
    lang = language_of(update, context)
    data = await _download(message, document, context, lang)
    name = document.file_name or "report"
    if data is None:
        return
    try:
        report = await asyncio.to_thread(service_of(context).parse, name, data)
    except ReportError as error:
        await message.reply_text(chat_text(lang, "unreadable", name=name, reason=error.reason))
        return
    text = describe(report, lang)
    if not report.findings:
        text += "\n" + chat_text(lang, "check_ok", name=name)
    await message.reply_text(text)
