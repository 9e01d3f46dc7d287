"""The one place that builds the Telegram ``Application``: resources, commands, handlers."""

import asyncio
import logging
import os
from typing import Any

from telegram import BotCommand, MessageEntity, Update
from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    ExtBot,
    InlineQueryHandler,
    InvalidCallbackData,
    JobQueue,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.answers.chart import prepare_charts
from bot.config import Config
from bot.logs import quiet_noisy_loggers
from bot.service.core import DisclosureService, open_service
from bot.texts import Language, en, zh
from handlers import (
    agencies,
    analysis,
    basic,
    deletes,
    exports,
    inline,
    links,
    questions,
    reminders,
    reports,
    subscribe,
    uploads,
)
from handlers.access import gate
from handlers.buttons import (
    AgencyPage,
    DeleteDecision,
    EndSubscription,
    Example,
    ExportReport,
    Pick,
    ReportYear,
    SubscribeStep,
    UploadDecision,
)
from handlers.common import CONFIG_KEY, SERVICE_KEY, Context
from handlers.errors import expired_button, on_error
from handlers.ordering import ChatOrderedUpdateProcessor

log = logging.getLogger("disclosure_bot")

# The Application as built here: default context types, with a job queue.
BotApp = Application[
    ExtBot[int], Context, dict[Any, Any], dict[Any, Any], dict[Any, Any], JobQueue[Context]
]
WARMUP_KEY = "warmup"
#: Seconds after start-up when matplotlib is loaded for the first trend chart.
CHARTS_AFTER_SECONDS = 5.0
#: Keyboards whose button objects the bot keeps (the oldest go first; their buttons then
#: answer "expired"): a few days of a busy bot's answers.
CALLBACK_DATA_KEPT = 4096

COMMANDS = {"en": en.COMMANDS, "zh": zh.COMMANDS}


# Calls that may be repeated after a time-out: a time-out does not say whether Telegram
# carried out the first one, and a repeated sendMessage is a duplicate answer.
_REPEATABLE = frozenset({"setMyCommands", "deleteMyCommands", "sendChatAction", "getMe"})


class RetryingRateLimiter(AIORateLimiter):
    """Telegram's flood limits (and RetryAfter) as AIORateLimiter keeps them, plus a few
    retries, with back-off, when the network fails on a call other than getUpdates."""

    async def process_request(  # noqa: PLR0917  (PTB's signature)
        self,
        callback: Any,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        """Send, retrying network faults three times; a time-out only where repeating the
        call does no harm (reads, commands), never a bad request."""
        for attempt in range(4):
            try:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except BadRequest:
                raise
            except TimedOut:
                if not _repeatable(endpoint) or attempt == 3:
                    raise
                await asyncio.sleep(0.5 * 2**attempt)
            except NetworkError:
                if endpoint == "getUpdates" or attempt == 3:
                    raise
                await asyncio.sleep(0.5 * 2**attempt)
        raise AssertionError("unreachable")


def _repeatable(endpoint: str) -> bool:
    return endpoint != "getUpdates" and (endpoint.startswith("get") or endpoint in _REPEATABLE)


def handlers() -> list[BaseHandler[Update, Context, object]]:
    """Every handler, in the order they are tried."""
    group = filters.ChatType.GROUPS
    return [
        CommandHandler("start", basic.start),
        CommandHandler("help", basic.help_command),
        CommandHandler("lang", basic.lang),
        CommandHandler("ask", questions.ask),
        CommandHandler("report", reports.report),
        CommandHandler("agencies", agencies.agencies),
        CommandHandler("compare", analysis.compare),
        CommandHandler("trend", analysis.trend),
        CommandHandler("export", exports.export),
        CommandHandler("check", uploads.check),
        CommandHandler("delete", deletes.delete),
        CommandHandler("fetch", links.fetch),
        CommandHandler("sources", links.sources),
        subscribe.conversation(),  # before questions: it takes the agencies typed during it
        CommandHandler("unsubscribe", subscribe.unsubscribe),
        CommandHandler("deadlines", reminders.deadlines),
        MessageHandler(filters.StatusUpdate.MIGRATE, reminders.migrated),
        MessageHandler(
            (filters.Document.ALL | filters.PHOTO)
            & (filters.ChatType.PRIVATE | filters.CaptionRegex(r"^/check")),
            uploads.upload,
        ),
        MessageHandler(
            filters.ChatType.PRIVATE
            & (filters.Entity(MessageEntity.URL) | filters.Entity(MessageEntity.TEXT_LINK)),
            links.link,
        ),
        MessageHandler(
            filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, questions.question
        ),
        MessageHandler(group & filters.TEXT & ~filters.COMMAND, questions.group_question),
        CallbackQueryHandler(questions.pick, pattern=Pick),
        CallbackQueryHandler(basic.example, pattern=Example),
        CallbackQueryHandler(reports.report_year, pattern=ReportYear),
        CallbackQueryHandler(exports.export_button, pattern=ExportReport),
        CallbackQueryHandler(agencies.agencies_page, pattern=AgencyPage),
        CallbackQueryHandler(uploads.decide, pattern=UploadDecision),
        CallbackQueryHandler(deletes.decide, pattern=DeleteDecision),
        CallbackQueryHandler(subscribe.stale_step, pattern=SubscribeStep),
        CallbackQueryHandler(subscribe.end, pattern=EndSubscription),
        CallbackQueryHandler(expired_button, pattern=InvalidCallbackData),
        InlineQueryHandler(inline.inline),
    ]


def build_application(config: Config, service: DisclosureService | None = None) -> BotApp:
    """The bot, talking to the configured Bot API; the store opens in ``post_init``.

    ``service`` lets a caller (a test, the console) share an already open service.
    """
    # PTB 22 reports RetryAfter and other durations as timedeltas only when asked to; without
    # this it warns on every flood-control answer.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    quiet_noisy_loggers()  # whoever configured logging: no token in a logged request URL
    app = (
        ApplicationBuilder()
        .token(config.telegram.token.reveal())
        .base_url(config.telegram.base_url)
        .base_file_url(config.telegram.base_file_url)
        .defaults(Defaults(tzinfo=config.reminders.timezone))
        .rate_limiter(RetryingRateLimiter(max_retries=3))
        .concurrent_updates(ChatOrderedUpdateProcessor(config.telegram.concurrent_updates))
        .connect_timeout(config.telegram.timeout)
        .read_timeout(config.telegram.timeout)
        .write_timeout(config.telegram.timeout)
        .pool_timeout(config.telegram.timeout)
        .media_write_timeout(max(config.telegram.timeout, 20.0))
        # buttons carry objects (handlers.buttons); Telegram sees only opaque ids
        .arbitrary_callback_data(CALLBACK_DATA_KEPT)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    app.bot_data[CONFIG_KEY] = config
    if service is not None:
        app.bot_data[SERVICE_KEY] = service
    app.add_handler(TypeHandler(Update, gate), group=-1)
    for handler in handlers():
        app.add_handler(handler)
    app.add_error_handler(on_error)
    return app


async def post_init(app: BotApp) -> None:
    """Open the store (unless given), register the commands in both languages, and start
    indexing names off the event loop so the first question finds the index built."""
    config: Config = app.bot_data[CONFIG_KEY]
    if SERVICE_KEY not in app.bot_data:
        app.bot_data[SERVICE_KEY] = open_service(config)
    service = app.bot_data[SERVICE_KEY]
    # the index loads (or builds) in a thread while the commands are registered
    app.bot_data[WARMUP_KEY] = asyncio.get_running_loop().run_in_executor(
        None, service.agency_index
    )
    for language, commands in COMMANDS.items():
        await app.bot.set_my_commands(
            [BotCommand(name, text) for name, text in commands],
            language_code=None if language == Language.EN else language,
        )
    schedule_reminders(app)
    schedule_watching(app, config)
    if app.job_queue is not None:  # after the start-up rush, not in the way of first answers
        app.job_queue.run_once(_prepare_charts, when=CHARTS_AFTER_SECONDS, name="charts")
    log.info("bot ready: %s", app.bot.username)


async def _prepare_charts(context: Context) -> None:
    await asyncio.to_thread(prepare_charts)


def schedule_reminders(app: BotApp) -> None:
    """The reminder job, once, under a stable name: each minute it sends what is due (due
    reminders live in the store, so a restart neither loses nor repeats one)."""
    if app.job_queue is None:
        return
    for job in app.job_queue.get_jobs_by_name(reminders.JOB_NAME):
        job.schedule_removal()
    app.job_queue.run_repeating(
        reminders.tick,
        interval=60,
        first=1,
        name=reminders.JOB_NAME,
        job_kwargs={"misfire_grace_time": None, "coalesce": True},
    )


def schedule_watching(app: BotApp, config: Config) -> None:
    """The watcher's job, once, when pages are watched: every few minutes it checks the pages
    that are due by [watch]'s schedule (their last checks live in the store)."""
    if app.job_queue is None or not config.watch.pages:
        return
    for job in app.job_queue.get_jobs_by_name(links.WATCH_JOB):
        job.schedule_removal()
    app.job_queue.run_repeating(
        links.watch_tick,
        interval=links.WATCH_EVERY_SECONDS,
        first=10,
        name=links.WATCH_JOB,
        job_kwargs={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
    )


async def post_shutdown(app: BotApp) -> None:
    """Close the service (and with it the store)."""
    service = app.bot_data.get(SERVICE_KEY)
    if isinstance(service, DisclosureService):
        service.close()
