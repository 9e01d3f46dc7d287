"""Reminders end to end, the clock moved with time-machine: subscribe through the buttons,
get exactly one reminder at its time with the right missing agencies, none twice after a
restart, and one late reminder after being down across a due time."""

import asyncio
from contextlib import AbstractAsyncContextManager
from dataclasses import replace
from datetime import datetime, time, timedelta

import pytest
import time_machine
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent
from conftest import REPORTS, SHANGHAI, bot_config, running_app
from fake_telegram import FakeTelegram

from bot.config import RemindersConfig
from bot.records import IngestStatus
from bot.service.core import DisclosureService
from handlers.app import BotApp
from handlers.reminders import JOB_NAME

INTERVAL = timedelta(seconds=60)  # the reminder job's, handlers.app.schedule_reminders

INDEXED = (
    "000_hantunlu_2023.txt",  # township, 2023: published
    "001_hongzequ_2023.txt",  # county government, 2023: published
    "020_shuyang_fgj_2023.html",  # department, 2023: published
    "015_pingtan_scjgj_2019.txt",  # department, nothing for 2023: missing
    "003_huaianshi_2024.txt",  # city government, nothing for 2023: missing
)


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, month, day, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture
def library(service: DisclosureService) -> DisclosureService:
    for name in INDEXED:
        result = service.ingest_bytes(name, (REPORTS / name).read_bytes(), now=at(1, 1, 8))
        assert result.status is IngestStatus.INDEXED, result
    return service


def running(
    fake: FakeTelegram, service: DisclosureService, db_url: str
) -> AbstractAsyncContextManager[BotApp]:
    return running_app(bot_config(fake, db_url), service)


def reminders_sent(fake: FakeTelegram) -> list[str]:
    return [c.params["text"] for c in fake.calls_to("sendMessage") if "⏰" in c.params["text"]]


async def press(fake: FakeTelegram, label: str) -> None:
    message = fake.last_message(4242)
    rows = message["reply_markup"]["inline_keyboard"]
    (button,) = [b for row in rows for b in row if b["text"] == label]
    fake.mark()
    fake.press_button(message, button["callback_data"])
    await fake.await_for("editMessageText")


async def fire(app: BotApp) -> None:
    """Run the reminder job now, at the moved clock; return once that run has finished (every
    reminder it found due sent, or its failure handled)."""
    assert app.job_queue is not None
    scheduler = app.job_queue.scheduler
    (job,) = app.job_queue.get_jobs_by_name(JOB_NAME)
    moved_to = datetime.now(SHANGHAI)
    loop = asyncio.get_running_loop()
    finished = asyncio.Event()

    def on_run(event: JobExecutionEvent) -> None:
        # a run scheduled within the last interval was scheduled after the clock moved
        if event.job_id == job.job.id and event.scheduled_run_time > moved_to - INTERVAL:
            loop.call_soon_threadsafe(finished.set)

    scheduler.add_listener(on_run, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    try:
        job.job.modify(next_run_time=moved_to)  # now: not at the next minute of its own
        scheduler.wakeup()
        await asyncio.wait_for(finished.wait(), 30)
    finally:
        scheduler.remove_listener(on_run)


async def test_one_reminder_never_twice_and_late_after_downtime(
    fake_tg: FakeTelegram, library: DisclosureService, db_url: str
) -> None:
    with time_machine.travel(at(1, 15, 8), tick=True) as clock:
        async with running(fake_tg, library, db_url) as app:
            fake_tg.mark()
            fake_tg.send_text("/subscribe")
            await fake_tg.await_for("sendMessage")
            await press(fake_tg, "Next ›")
            await press(fake_tg, "All indexed agencies")
            await press(fake_tg, "Save")
            assert "Subscribed" in fake_tg.last_message(4242)["text"]

            clock.move_to(at(1, 17, 9, 0))  # 14 days before 31 January
            await fire(app)
            await fake_tg.await_for("sendMessage", predicate=lambda c: "⏰" in c.params["text"])
            await fire(app)
            (first,) = reminders_sent(fake_tg)
            assert "2024-01-31 (14 days left)" in first and "reports for 2023" in first
            assert "2 of 3 tracked agencies" in first  # the street office counts from 31 Jan
            assert "Not yet: 平潭综合实验区市场监督管理局" in first
            assert "淮安市" not in first  # a government: not concerned by the 31 January date

        async with running(fake_tg, library, db_url) as app:  # restart: nothing repeats
            clock.move_to(at(1, 17, 9, 5))
            await fire(app)
            assert len(reminders_sent(fake_tg)) == 1

        clock.move_to(at(1, 24, 10, 0))  # down across 24 January 09:00 (7 days before)
        async with running(fake_tg, library, db_url) as app:
            await fake_tg.await_for(
                "sendMessage",
                predicate=lambda c: "⏰" in c.params["text"] and "7 days left" in c.params["text"],
            )
            await fire(app)
            sent = reminders_sent(fake_tg)
            assert len(sent) == 2 and "sent late" in sent[1]


async def test_more_than_a_day_late_is_not_sent(
    fake_tg: FakeTelegram, library: DisclosureService, db_url: str
) -> None:
    with time_machine.travel(at(1, 15, 8), tick=True) as clock:
        async with running(fake_tg, library, db_url) as app:
            fake_tg.send_text("/subscribe")
            await fake_tg.await_for("sendMessage")
            await press(fake_tg, "Next ›")
            await press(fake_tg, "All indexed agencies")
            await press(fake_tg, "Save")
        clock.move_to(at(1, 18, 10, 0))  # the 17 January reminder is 25 hours old
        async with running(fake_tg, library, db_url) as app:
            await fire(app)
            assert reminders_sent(fake_tg) == []


async def test_blocked_chat_pauses_and_supergroup_keeps_subscriptions(
    fake_tg: FakeTelegram, library: DisclosureService, db_url: str
) -> None:
    from store import subscriptions as repo

    with time_machine.travel(at(1, 15, 8), tick=True) as clock:
        async with running(fake_tg, library, db_url) as app:
            fake_tg.send_text("/subscribe", chat_id=-500, chat_type="group")
            await fake_tg.await_for("sendMessage", chat_id=-500)
            for label in ("Next ›", "All indexed agencies", "Save"):
                message = fake_tg.last_message(-500)
                rows = message["reply_markup"]["inline_keyboard"]
                (button,) = [b for row in rows for b in row if b["text"] == label]
                fake_tg.mark()
                fake_tg.press_button(message, button["callback_data"], chat_id=-500)
                await fake_tg.await_for("editMessageText")
            fake_tg.send_raw_update(
                {
                    "message": {
                        "message_id": 90,
                        "date": 1,
                        "chat": {"id": -500, "type": "group"},
                        "migrate_to_chat_id": -1000500,
                    }
                }
            )
            deadline = asyncio.get_running_loop().time() + 30
            while repo.subscriptions(library.db)[0].chat_id != -1000500:  # handled, soon
                assert asyncio.get_running_loop().time() < deadline, "the move was not handled"
                await asyncio.sleep(0.01)

            fake_tg.fail_next("sendMessage", status=403, times=5)
            clock.move_to(at(1, 17, 9, 0))
            await fire(app)  # the reminder is refused (403): the job pauses the chat
            assert repo.subscriptions(library.db) == []  # paused, not deleted
            assert len(repo.subscriptions(library.db, active=False)) == 1


async def test_subscribe_starts_from_the_configured_days_and_time(
    fake_tg: FakeTelegram, library: DisclosureService, db_url: str
) -> None:
    config = replace(
        bot_config(fake_tg, db_url),
        reminders=RemindersConfig(time=time(7, 30), days_before=(5,)),
    )
    async with running_app(config, library):
        fake_tg.mark()
        fake_tg.send_text("/subscribe")
        await fake_tg.await_for("sendMessage")
        await press(fake_tg, "Next ›")
        await press(fake_tg, "All indexed agencies")
        labels = [
            b["text"]
            for row in fake_tg.last_message(4242)["reply_markup"]["inline_keyboard"]
            for b in row
        ]
        assert "✓5" in labels and "✓07:30" in labels and "30" in labels  # 30: offered, off
        await press(fake_tg, "Save")
        assert "5 days before, at 07:30" in fake_tg.last_message(4242)["text"]
    (saved,) = library.subscriptions(4242)
    assert saved.offsets == (5,) and saved.at == time(7, 30)
