"""“typing…” while the bot works, only when the work is slow enough to need it."""

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram import Message
from telegram.constants import ChatAction
from telegram.error import TelegramError

log = logging.getLogger("disclosure_bot")
SLOW = 0.4  # seconds: a quicker answer is its own feedback


@asynccontextmanager
async def typing_if_slow(message: Message, after: float = SLOW) -> AsyncIterator[None]:
    """Show “typing…” once the work inside has taken ``after`` seconds. A quick answer makes
    no extra Bot API call, which would count against Telegram's flood limits and delay it."""

    async def show() -> None:
        await asyncio.sleep(after)
        try:
            await message.reply_chat_action(ChatAction.TYPING)
        except TelegramError as error:  # only a courtesy: the answer still goes out
            log.debug("no typing action: %s", type(error).__name__)

    task = asyncio.create_task(show())
    try:
        yield
    finally:
        task.cancel()
