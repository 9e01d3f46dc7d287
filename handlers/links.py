"""Reports by link: an administrator sends a link (in a private chat, or /fetch LINK
anywhere) and gets the same preview with [Index] as for an uploaded file. A link from anyone
else is never opened."""

import asyncio
from datetime import datetime

from telegram import Message, MessageEntity, Update

from bot.errors import ReportError
from bot.fetch.book import CheckStatus
from bot.fetch.errors import FetchError
from bot.service.links import WatchRun
from bot.texts import Language, chat_text
from handlers.common import (
    LANG_KEY,
    Context,
    config_of,
    is_admin,
    language_of,
    service_of,
    words,
)
from handlers.uploads import preview_reply


def links_in(message: Message) -> list[str]:
    """The links a message carries (typed addresses and linked words), in order."""
    kinds: list[str | None] = [MessageEntity.URL, MessageEntity.TEXT_LINK]
    found = message.parse_entities(kinds) or message.parse_caption_entities(kinds)
    return [entity.url or text for entity, text in found.items()]


async def link(update: Update, context: Context) -> None:
    """A private message holding a link: an administrator's is fetched and previewed."""
    message = update.effective_message
    if message is None:
        return
    urls = links_in(message)
    if urls:
        await _fetch(update, context, message, urls[0])


async def fetch(update: Update, context: Context) -> None:
    """/fetch LINK."""
    message = update.effective_message
    if message is None:
        return
    urls = links_in(message) or words(message.text).split()[:1]
    if not urls:
        await message.reply_text(chat_text(language_of(update, context), "fetch_how"))
        return
    await _fetch(update, context, message, urls[0])


async def _fetch(update: Update, context: Context, message: Message, url: str) -> None:
    lang = language_of(update, context)
    if not is_admin(update, context):  # never opened: the bot is not anyone's downloader
        await message.reply_text(chat_text(lang, "not_admin_link"))
        return
    service = service_of(context)
    await message.reply_text(chat_text(lang, "fetching", url=url))
    try:
        fetched = await service.fetch_report(url)
    except (FetchError, ReportError) as error:
        await message.reply_text(chat_text(lang, "fetch_failed", url=url, reason=error.reason))
        return
    text, markup = preview_reply(service, fetched.report, fetched.existing, lang)
    await message.reply_text(text, reply_markup=markup)


async def sources(update: Update, context: Context) -> None:
    """/sources: the watched pages, with their last check and its result."""
    message = update.effective_message
    if message is None:
        return
    lang = language_of(update, context)
    pages = await asyncio.to_thread(service_of(context).sources)
    if not pages:
        await message.reply_text(chat_text(lang, "sources_none"))
        return
    lines = [chat_text(lang, "sources_title")]
    zone = config_of(context).reminders.timezone
    for page in pages:
        when = (
            page.last_check.astimezone(zone).strftime("%Y-%m-%d %H:%M")
            if page.last_check
            else chat_text(lang, "never_checked")
        )
        status = chat_text(lang, f"status_{page.status.value}") if page.status else ""
        detail = f" ({page.detail})" if page.detail else ""
        lines.append(
            chat_text(lang, "sources_line", url=page.url, when=when, status=status + detail)
        )
    await message.reply_text("\n".join(lines))


WATCH_JOB = "watch"
#: How often the job looks whether a watched page is due (checks follow [watch]'s schedule).
WATCH_EVERY_SECONDS = 300


async def watch_tick(context: Context) -> None:
    """Check the watched pages that are due; tell the administrators what was found: the
    reports indexed, a preview with [Index] for each one queued, the pages that failed."""
    config = config_of(context)
    run = await service_of(context).watch(datetime.now(config.reminders.timezone))
    for admin in sorted(config.access.admins):
        await _tell(context, admin, run)


async def _tell(context: Context, chat_id: int, run: WatchRun) -> None:
    # the language the administrator chose with /lang, else Chinese (the reports' language)
    lang = Language.of(context.application.user_data.get(chat_id, {}).get(LANG_KEY), Language.ZH)
    service = service_of(context)
    if run.indexed:
        text = "\n".join([chat_text(lang, "watch_indexed"), *run.indexed])
        await context.bot.send_message(chat_id, text)
    for found in run.queued:
        text, markup = preview_reply(service, found.report, found.existing, lang)
        heading = chat_text(lang, "watch_queued", url=found.url)
        await context.bot.send_message(chat_id, f"{heading}\n{text}", reply_markup=markup)
    for page in run.rounds:
        if page.check.status is CheckStatus.FAILED:
            reason = page.check.detail
            await context.bot.send_message(
                chat_id, chat_text(lang, "watch_failed", url=page.check.url, reason=reason)
            )
