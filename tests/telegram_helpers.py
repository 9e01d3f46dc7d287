"""Shared pieces of the Telegram end-to-end tests (tests/test_telegram_*.py).

Test modules load this file as a pytest plugin (``pytest_plugins = ("telegram_helpers",)``),
which gives them the fixtures below:

- ``tg``: the fake Bot API (``FakeTelegram``) that also records every file download (GET), so
  a test can prove that a refused upload was never fetched;
- ``start_bot``: an async factory that starts the real Application (built by
  ``handlers.app.build_application``) against ``tg`` over HTTP with a chosen ``AccessConfig`` and
  file limit, and stops it after the test;
- ``bot``: the bot as most tests want it: public, administrator ``ADMIN``, 1 MB file limit,
  on the chat tests' store (the Hantun Road 2023 report, every cell 0, and the Huai'an 2024
  report, whose figures are distinct and not zero: questions about figures ask about it).

Expected figures come from ``tests/fixtures/gold`` (``gold_figure``), never from the bot.

PYTEST_DONT_REWRITE: the test modules import helpers from here before pytest registers it as a
plugin, so pytest must not try (and warn, an error here) to rewrite its asserts.
"""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from conftest import REPORTS, fixed_now, gold, running_app
from fake_telegram import Call, FakeTelegram, JSONDict

from bot.config import AccessConfig, Config, Secret, StoreConfig, TelegramConfig
from bot.records import IngestStatus
from bot.service.core import DisclosureService
from handlers.app import BotApp

ADMIN = 1001  # an administrator (private chat id = user id)
ALLOWED = 1002  # on the allowlist of a private bot, not an administrator
USER = 4242  # an ordinary user of a public bot (the fake's default user)
STRANGER = 4343  # neither on the allowlist of a private bot nor an administrator
GROUP = -100500  # a group chat
BOT_NAME = "disclosure_test_bot"  # the fake's bot username

MIME = {
    ".txt": "text/plain",
    ".html": "text/html",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".xls": "application/vnd.ms-excel",
    ".png": "image/png",
}

StartBot = Callable[..., Awaitable[BotApp]]


class RecordingTelegram(FakeTelegram):
    """The fake Bot API, also keeping the path of every file download (``GET /file/bot…``)."""

    def __init__(self) -> None:
        super().__init__()
        self.downloads: list[str] = []

    def _handle(
        self, path: str, content_type: str, body: bytes, conn: socket.socket
    ) -> tuple[int, bytes, str] | None:
        if unquote(urlsplit(path).path).startswith("/file/bot"):
            with self._cond:
                self.downloads.append(path)
        return super()._handle(path, content_type, body, conn)


@pytest.fixture
def tg() -> Iterator[RecordingTelegram]:
    fake = RecordingTelegram()
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()
    assert not fake.errors, fake.errors


def make_config(
    fake: FakeTelegram,
    db_url: str,
    access: AccessConfig,
    max_file_mb: int = 20,
    timeout: float = 10.0,
) -> Config:
    return Config(
        telegram=TelegramConfig(
            token=Secret(fake.token),
            base_url=fake.base_url,
            base_file_url=fake.base_file_url,
            max_file_mb=max_file_mb,
            timeout=timeout,
        ),
        store=StoreConfig(url=db_url),
        access=access,
    )


@pytest.fixture
async def start_bot(
    tg: RecordingTelegram, chat_seeded: DisclosureService, db_url: str
) -> AsyncIterator[StartBot]:
    """Start the real Application polling ``tg``; stopped (and the store closed) afterwards."""
    async with AsyncExitStack() as running:

        async def start(
            access: AccessConfig | None = None,
            *,
            max_file_mb: int = 1,
            timeout: float = 10.0,
            **access_kwargs: Any,
        ) -> BotApp:
            access = access or AccessConfig(**access_kwargs)
            config = make_config(tg, db_url, access, max_file_mb, timeout)
            return await running.enter_async_context(running_app(config, chat_seeded))

        yield start


@pytest.fixture
async def bot(start_bot: StartBot) -> BotApp:
    """Public bot, ``ADMIN`` administers it, files over 1 MB are refused."""
    return await start_bot(admins=frozenset({ADMIN}))


# -- talking to the bot -----------------------------------------------------------------------


async def say(
    fake: FakeTelegram,
    text: str,
    *,
    user_id: int = USER,
    chat_id: int | None = None,
    method: str = "sendMessage",
    count: int = 1,
    **kwargs: Any,
) -> Call:
    """Send ``text`` as ``user_id`` (in their private chat unless ``chat_id``); return the
    ``count``-th answered ``method`` call to that chat."""
    chat = user_id if chat_id is None else chat_id
    fake.mark()
    fake.send_text(text, user_id=user_id, chat_id=chat, **kwargs)
    calls = await fake.await_for(method, chat_id=chat, count=count)
    return calls[count - 1]


async def send_file(
    fake: FakeTelegram,
    content: bytes,
    name: str,
    *,
    user_id: int = ADMIN,
    chat_id: int | None = None,
    caption: str | None = None,
    mime: str | None = None,
    **kwargs: Any,
) -> Call:
    """Send a document; return the bot's first text reply in that chat."""
    chat = user_id if chat_id is None else chat_id
    fake.mark()
    fake.send_document(
        content,
        name,
        mime or MIME.get(Path(name).suffix, "application/octet-stream"),
        user_id=user_id,
        chat_id=chat,
        caption=caption,
        **kwargs,
    )
    (reply,) = await fake.await_for("sendMessage", chat_id=chat)
    return reply


async def send_report(fake: FakeTelegram, name: str, **kwargs: Any) -> Call:
    """Send a fixture report file (tests/fixtures/reports/NAME)."""
    return await send_file(fake, (REPORTS / name).read_bytes(), name, **kwargs)


async def press(
    fake: FakeTelegram,
    message: JSONDict | Call,
    data: str,
    *,
    user_id: int = USER,
    method: str = "answerCallbackQuery",
) -> Call:
    """Press a button as ``user_id``; return the first answered ``method`` call after it."""
    fake.mark()
    fake.press_button(message, data, user_id=user_id)
    (call,) = await fake.await_for(method, count=1)
    return call


def text_of(call: Call) -> str:
    """The text (or caption) a sendMessage/editMessageText/sendPhoto call carried."""
    value = call.params.get("text", call.params.get("caption", ""))
    assert isinstance(value, str)
    return value


def buttons(message: JSONDict | Call) -> dict[str, str]:
    """Button text -> callback_data of a message the bot sent (or of a call's reply_markup)."""
    markup = message.params.get("reply_markup") if isinstance(message, Call) else None
    if markup is None:
        source = message.result if isinstance(message, Call) else message
        markup = source.get("reply_markup")
    rows = (markup or {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in rows for b in row if "callback_data" in b}


# -- the store --------------------------------------------------------------------------------


def index(service: DisclosureService, *names: str) -> None:
    """Index fixture reports straight into the store (not through the bot)."""
    for name in names:
        result = service.ingest_bytes(name, (REPORTS / name).read_bytes(), now=fixed_now())
        assert result.status in {IngestStatus.INDEXED, IngestStatus.REPLACED}, result


def agency_years(service: DisclosureService, name: str) -> list[int]:
    """Years indexed for the agency called ``name`` (empty when it is not indexed)."""
    entries = service.agency_index().entries.values()
    entry = next((e for e in entries if e.name == name), None)
    return service.years(entry.id) if entry else []


HUAIAN = "003_huaianshi_2024"  # the chat tests' report with distinct, non-zero figures


def gold_figure(report: str, key: str) -> int | float:
    """A figure of a fixture report as typed into its gold file."""
    value = gold(report)["figures"][key]
    assert isinstance(value, int | float), (report, key, value)
    return value


def agency_of(report: str) -> str:
    name = gold(report)["agency"]
    assert isinstance(name, str)
    return name
