"""Report files and photos sent to the bot: an administrator's are read, shown and indexed on
[Index] (asking before replacing); anyone's may be checked with /check (a photo or a scan gets
its tables read back, to compare with the paper); nothing else is accepted."""

import asyncio
from datetime import datetime

from telegram import (
    Document,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    PhotoSize,
    Update,
)
from telegram.constants import ChatAction

from bot.answers.preview import describe, differences
from bot.answers.read_back import read_back
from bot.errors import ReportError
from bot.parser import ParsedReport
from bot.parser.report import READ_BY_OCR
from bot.records import IngestStatus, StoredReport
from bot.service.core import DisclosureService, IngestResult
from bot.texts import Language, chat_text
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
from handlers.sending import fit

Attachment = Document | PhotoSize


def attachment(message: Message | None) -> tuple[Attachment, str] | None:
    """The file a message carries and its name: a document, or the largest size of a photo
    (Telegram sends each photo in several sizes, smallest first)."""
    if message is None:
        return None
    if message.document is not None:
        return message.document, message.document.file_name or "report"
    if message.photo:
        largest = message.photo[-1]
        return largest, f"photo-{largest.file_unique_id}.jpg"
    return None


async def _download(
    message: Message, document: Attachment, context: Context, lang: Language
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
    """A document or a photo: /check in the caption checks it; from an admin it is read for
    indexing."""
    message = update.effective_message
    found = attachment(message)
    if message is None or found is None:
        return
    if (message.caption or "").strip().startswith("/check"):
        await check_document(message, found, update, context)
        return
    lang = language_of(update, context)
    if not is_admin(update, context):
        await message.reply_text(chat_text(lang, "not_admin_upload"))
        return
    document, name = found
    data = await _download(message, document, context, lang)
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
    service: DisclosureService, report: ParsedReport, existing: StoredReport | None, lang: Language
) -> tuple[str, InlineKeyboardMarkup | None]:
    """What an administrator sees of a report read from a file or a link: the preview, the
    differences from the report it would replace, and [Index] (or [Replace]) and [Cancel];
    no buttons, and why, when it cannot be indexed from the chat."""
    text = describe(report, lang)
    if (reason := service.refusal(report)) is not None:
        return text + "\n\n" + chat_text(lang, "not_indexable", reason=reason), None
    if existing is not None and service.fuller_indexed(report, existing):
        notice = chat_text(
            lang, "fuller_indexed", source=existing.source_name, count=len(existing.figures)
        )
        return text + "\n\n" + notice, None
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


def _result_text(result: IngestResult, lang: Language) -> str:
    where = {"agency": result.agency, "year": result.year}
    match result.status:
        case IngestStatus.INDEXED:
            return chat_text(lang, "indexed", **where)
        case IngestStatus.REPLACED:
            return chat_text(lang, "replaced", **where, source=result.replaced)
        case IngestStatus.UNCHANGED if result.current not in (None, result.name):
            return chat_text(lang, "unchanged_figures", source=result.current)
        case IngestStatus.UNCHANGED:
            return chat_text(lang, "unchanged")
        case IngestStatus.KEPT:
            count = result.current_figures
            return chat_text(lang, "kept", **where, source=result.current, count=count)
    return chat_text(lang, "rejected", reason=result.detail)


async def check(update: Update, context: Context) -> None:
    """/check as a reply to a report file: its findings, without indexing it."""
    message = update.effective_message
    if message is None:
        return
    found = attachment(message.reply_to_message)
    if found is None:
        await message.reply_text(chat_text(language_of(update, context), "check_how"))
        return
    await check_document(message, found, update, context)


async def check_document(
    message: Message, found: tuple[Attachment, str], update: Update, context: Context
) -> None:
    """Read a report file or photo and say which rules it breaks; a photo or a scan (read by
    OCR) also gets its tables read back, to compare with the paper."""
    lang = language_of(update, context)
    document, name = found
    data = await _download(message, document, context, lang)
    if data is None:
        return
    try:
        report = await asyncio.to_thread(service_of(context).parse, name, data)
    except ReportError as error:
        await message.reply_text(chat_text(lang, "unreadable", name=name, reason=error.reason))
        return
    text = describe(report, lang)
    if not [f for f in report.findings if f.rule != READ_BY_OCR]:
        text += "\n" + chat_text(lang, "check_ok", name=name)
    if any(f.rule == READ_BY_OCR for f in report.findings):
        text += "\n\n" + read_back(report, lang)
    await message.reply_text(fit(text))
