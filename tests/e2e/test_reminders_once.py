"""Two bots on one store send a due reminder once in all: the claim in the store decides.

Two Applications, each with its own service and connections to the same store (SQLite file
or PostgreSQL schema), as two processes of the bot would have. Both compute what is due
before either claims anything (a barrier holds each until the other has computed too): the
worst interleaving two processes can meet, where only the claim keeps the second one quiet.
"""

import asyncio
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, time

import pytest
import time_machine
from conftest import REPORTS, SHANGHAI, bot_config
from fake_telegram import FakeTelegram
from telegram.ext import CallbackContext

from bot.records import IngestStatus
from bot.reminders.outbox import Outgoing
from bot.reminders.plan import Subscription
from bot.service.core import DisclosureService
from handlers import reminders
from handlers.app import BotApp, build_application
from store import open_database

pytestmark = pytest.mark.backends

INDEXED = (
    "000_hantunlu_2023.txt",  # township, 2023: published
    "015_pingtan_scjgj_2019.txt",  # department, nothing for 2023: missing
)
DUE = datetime(2024, 1, 17, 9, 0, tzinfo=SHANGHAI)  # 14 days before 31 January, at 09:00


@pytest.fixture
def library(service: DisclosureService) -> DisclosureService:
    for name in INDEXED:
        result = service.ingest_bytes(name, (REPORTS / name).read_bytes(), now=DUE)
        assert result.status is IngestStatus.INDEXED, result
    return service


@contextmanager
def second_service(db_url: str) -> Iterator[DisclosureService]:
    """Another service on the same store, with its own engine and connections."""
    with DisclosureService(
        open_database(db_url), timezone=SHANGHAI, max_file_bytes=20 << 20
    ) as other:
        yield other


def both_compute_before_either_claims(
    monkeypatch: pytest.MonkeyPatch, services: list[DisclosureService]
) -> list[int]:
    """Hold each service's ``due_reminders`` until every service has computed its list;
    returns the number of reminders each found due."""
    barrier = threading.Barrier(len(services), timeout=30)
    found: list[int] = []

    def holding(compute: Callable[[datetime], list[Outgoing]]) -> Callable[..., object]:
        def due_reminders(now: datetime) -> list[Outgoing]:
            due = compute(now)
            found.append(len(due))
            barrier.wait()
            return due

        return due_reminders

    for service in services:
        monkeypatch.setattr(service, "due_reminders", holding(service.due_reminders))
    return found


def reminders_sent(fake: FakeTelegram) -> list[str]:
    return [c.params["text"] for c in fake.calls_to("sendMessage") if "⏰" in c.params["text"]]


async def tick_together(apps: list[BotApp]) -> None:
    """Each bot's reminder job, at the same moment; returns when both have finished."""
    contexts = [CallbackContext(app) for app in apps]
    await asyncio.gather(*(reminders.tick(context) for context in contexts))


def subscribe(service: DisclosureService, chat_id: int) -> None:
    plan = Subscription(id=0, chat_id=chat_id, deadlines=(), offsets=(14,), at=time(9, 0))
    service.subscribe(plan, now=datetime(2024, 1, 1, tzinfo=SHANGHAI))


async def test_two_bots_on_one_store_send_a_due_reminder_once_in_all(
    fake_tg: FakeTelegram,
    library: DisclosureService,
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    subscribe(library, 4242)
    with second_service(db_url) as other, time_machine.travel(DUE, tick=False):
        services = [library, other]
        found = both_compute_before_either_claims(monkeypatch, services)
        apps = [build_application(bot_config(fake_tg, db_url), service=s) for s in services]
        async with apps[0], apps[1]:
            await tick_together(apps)
        assert found == [1, 1]  # each bot found the reminder due …
        (sent,) = reminders_sent(fake_tg)  # … and one sent it
        assert "2024-01-31（还剩14天）" in sent
        assert "尚未发布：平潭综合实验区市场监督管理局" in sent
        # and later ticks of either bot do not send it again
        async with apps[0], apps[1]:
            monkeypatch.undo()
            await tick_together(apps)
    assert len(reminders_sent(fake_tg)) == 1


async def test_two_bots_share_many_due_reminders_each_sent_once(
    fake_tg: FakeTelegram,
    library: DisclosureService,
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chats = [4242, 4343, -100500]
    for chat in chats:
        subscribe(library, chat)
    with second_service(db_url) as other, time_machine.travel(DUE, tick=False):
        services = [library, other]
        found = both_compute_before_either_claims(monkeypatch, services)
        apps = [build_application(bot_config(fake_tg, db_url), service=s) for s in services]
        async with apps[0], apps[1]:
            await tick_together(apps)
    assert found == [3, 3]
    sent_to = sorted(
        c.params["chat_id"] for c in fake_tg.calls_to("sendMessage") if "⏰" in c.params["text"]
    )
    assert sent_to == sorted(chats)
