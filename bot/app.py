"""The one place that builds the Telegram ``Application``: resources, commands, handlers."""

import asyncio
import logging
import os
from typing import Any

from telegram import BotCommand, BotCommandScopeDefault, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    ExtBot,
    JobQueue,
    MessageHandler,
    filters,
)

from bot.config import Config
from bot.service import DisclosureService, open_service
from handlers.basic import help_command, start
from handlers.common import SERVICE_KEY, Context
from handlers.errors import on_error
from handlers.questions import pick, question

log = logging.getLogger("disclosure_bot")

# The Application as built here: default context types, with a job queue.
BotApp = Application[
    ExtBot[None], Context, dict[Any, Any], dict[Any, Any], dict[Any, Any], JobQueue[Context]
]

CONFIG_KEY = "config"
WARMUP_KEY = "warmup"

COMMANDS = {
    "en": [("start", "What this bot does"), ("help", "Examples and the figures it knows")],
    "zh": [("start", "机器人简介"), ("help", "示例与可查询的数据")],
}


def handlers() -> list[BaseHandler[Update, Context, object]]:
    """Every handler, in the order they are tried."""
    return [
        CommandHandler("start", start),
        CommandHandler("help", help_command),
        MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, question),
        CallbackQueryHandler(pick, pattern=r"^pick:"),
    ]


def build_application(config: Config, service: DisclosureService | None = None) -> BotApp:
    """The bot, talking to the configured Bot API; the store opens in ``post_init``.

    ``service`` lets a caller (a test, the console) share an already open service.
    """
    # PTB 22 reports RetryAfter and other durations as timedeltas only when asked to; without
    # this it warns on every flood-control answer.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    app = (
        ApplicationBuilder()
        .token(config.telegram.token.reveal())
        .base_url(config.telegram.base_url)
        .base_file_url(config.telegram.base_file_url)
        .defaults(Defaults(tzinfo=config.reminders.timezone))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    app.bot_data[CONFIG_KEY] = config
    if service is not None:
        app.bot_data[SERVICE_KEY] = service
    for handler in handlers():
        app.add_handler(handler)
    app.add_error_handler(on_error)
    return app


async def post_init(app: BotApp) -> None:
    """Open the store (unless given) and register the commands in both languages."""
    config: Config = app.bot_data[CONFIG_KEY]
    if SERVICE_KEY not in app.bot_data:
        app.bot_data[SERVICE_KEY] = open_service(config)
    for language, commands in COMMANDS.items():
        await app.bot.set_my_commands(
            [BotCommand(name, text) for name, text in commands],
            scope=BotCommandScopeDefault(),
            language_code=None if language == "en" else language,
        )
    # Index the names now, off the event loop, so the first question finds it built.
    service = app.bot_data[SERVICE_KEY]
    app.bot_data[WARMUP_KEY] = asyncio.get_running_loop().run_in_executor(
        None, service.agency_index
    )
    log.info("bot ready: %s", app.bot.username)


async def post_shutdown(app: BotApp) -> None:
    """Close the store."""
    service = app.bot_data.get(SERVICE_KEY)
    if isinstance(service, DisclosureService):
        service.db.close()
