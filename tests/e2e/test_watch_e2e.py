"""Watched portals keep the reminders current, end to end under time-machine: the bot checks
a local portal's 年报 column on its schedule, indexes what appears there, and the reminders
before 31 January name exactly the tracked agencies that have still not published, and none
goes out once all have. /sources shows each check; `watch --once` and `fetch` do the same
from the command line."""

import asyncio
from collections.abc import Iterator
from contextlib import AbstractAsyncContextManager
from dataclasses import replace
from datetime import datetime, time
from pathlib import Path

import pytest
import time_machine
from conftest import REPORTS, SHANGHAI, bot_config, running_app
from fake_telegram import FakeTelegram
from portal_server import PortalServer, Route
from typer.testing import CliRunner

from bot.cli.main import app as cli
from bot.config import AccessConfig, OnNewReport, WatchConfig
from bot.fetch.settings import FetchSettings
from bot.reminders.plan import Subscription
from bot.service.core import DisclosureService
from bot.texts import Language
from handlers.app import BotApp
from handlers.links import WATCH_JOB
from handlers.reminders import JOB_NAME as REMINDER_JOB

ADMIN = 1001
HANTUN = "汉屯路街道办事处"
JUNSHAN = "平潭综合实验区君山片区管理局"
COLUMN = "/zwgk/zfxxgknb/"


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, month, day, hour, minute, tzinfo=SHANGHAI)


def retitled(name: str, old: str, new: str) -> bytes:
    """A fixture report with the year in its title line changed (an earlier or later year's
    report of the same agency, in the shape the real one takes)."""
    first, rest = (REPORTS / name).read_text(encoding="utf-8").split("\n", 1)
    return (first.replace(old, new, 1) + "\n" + rest).encode()


def listing(*items: tuple[str, str]) -> bytes:
    links = "".join(
        f'<li><a href="{href}">{text}</a><span>2024-01</span></li>' for href, text in items
    )
    head = '<head><meta charset="utf-8"><title>政府信息公开年报</title></head>'
    return f"<html>{head}<body><ul>{links}</ul></body></html>".encode()


@pytest.fixture
def portal() -> Iterator[PortalServer]:
    with PortalServer() as server:
        server.routes["/files/hantun2023.txt"] = Route(
            body=(REPORTS / "000_hantunlu_2023.txt").read_bytes(),
            headers={"Content-Type": "text/plain; charset=utf-8"},
        )
        server.routes["/files/junshan2023.txt"] = Route(
            body=retitled("014_pingtan_junshan_2022.txt", "2022", "2023"),
            headers={"Content-Type": "text/plain; charset=utf-8"},
        )
        yield server


def publish(portal: PortalServer, *names: str) -> None:
    """The column lists these reports (``hantun``, ``junshan``)."""
    titles = {
        "hantun": f"{HANTUN}2023年政府信息公开工作年度报告",
        "junshan": f"{JUNSHAN}2023年政府信息公开工作年度报告",
    }
    items = [(f"/files/{n}2023.txt", titles[n]) for n in names]
    portal.routes[COLUMN] = Route(
        body=listing(*items), headers={"Content-Type": "text/html; charset=utf-8"}
    )


@pytest.fixture
def tracked(service: DisclosureService, portal: PortalServer) -> DisclosureService:
    """Two street offices indexed with their 2022 reports, watching the portal's column."""
    for name, data in (
        ("hantun2022.txt", retitled("000_hantunlu_2023.txt", "2023", "2022")),
        ("014_pingtan_junshan_2022.txt", (REPORTS / "014_pingtan_junshan_2022.txt").read_bytes()),
    ):
        assert service.ingest_bytes(name, data, now=at(1, 1, 8)).status == "indexed"
    watch = WatchConfig(
        pages=(portal.url(COLUMN),),
        allow_hosts=("127.0.0.1",),
        per_host_seconds=0.0,
        check_at=time(8, 0),
    )
    service.watch_settings = watch
    service.fetch_settings = FetchSettings.from_config(watch, max_file_mb=20)
    plan = Subscription(0, 4242, (), (14, 7), time(9, 0), language=Language.EN)
    service.subscribe(plan, now=at(1, 1, 8))
    return service


def running(
    fake: FakeTelegram, service: DisclosureService, db_url: str
) -> AbstractAsyncContextManager[BotApp]:
    config = replace(
        bot_config(fake, db_url),
        access=AccessConfig(admins=frozenset({ADMIN})),
        watch=service.watch_settings,
    )
    return running_app(config, service)


async def run_job(bot: BotApp, name: str) -> None:
    """Run a scheduled job now, as the job queue does at its time."""
    assert bot.job_queue is not None
    (job,) = bot.job_queue.get_jobs_by_name(name)
    await job.run(bot)


def reminders(fake: FakeTelegram) -> list[str]:
    return [c.params["text"] for c in fake.calls_to("sendMessage") if "⏰" in c.params["text"]]


async def test_watched_reports_keep_the_january_reminders_exact(
    fake_tg: FakeTelegram, tracked: DisclosureService, portal: PortalServer, db_url: str
) -> None:
    publish(portal, "hantun")
    with time_machine.travel(at(1, 17, 8, 0), tick=True) as clock:
        async with running(fake_tg, tracked, db_url) as bot:
            await run_job(bot, WATCH_JOB)  # 08:00, 14 days before: the column is checked
            told = [
                c.params["text"]
                for c in fake_tg.calls_to("sendMessage")
                if c.params["chat_id"] == ADMIN
            ]
            assert len(told) == 1 and HANTUN in told[0] and "indexed" in told[0]
            clock.move_to(at(1, 17, 9, 0))
            await run_job(bot, REMINDER_JOB)
            (first,) = reminders(fake_tg)
            assert "1 of 2 tracked agencies" in first
            assert f"Not yet: {JUNSHAN}" in first and HANTUN not in first

            fake_tg.mark()
            fake_tg.send_text("/sources")
            (sources,) = await fake_tg.await_for("sendMessage", chat_id=4242)
            assert portal.url(COLUMN) in sources.params["text"]
            assert (
                "2024-01-17 08:00: found new reports (1 report links, 1 new)"
                in sources.params["text"]
            )

            publish(portal, "hantun", "junshan")
            clock.move_to(at(1, 24, 8, 0))  # 7 days before: the other one has published
            await run_job(bot, WATCH_JOB)
            clock.move_to(at(1, 24, 9, 0))
            await run_job(bot, REMINDER_JOB)
            await asyncio.sleep(0)
            assert len(reminders(fake_tg)) == 1  # nobody left to name: no reminder
    assert tracked.years(_id(tracked, JUNSHAN)) == [2022, 2023]
    assert portal.paths().count("/files/hantun2023.txt") == 1  # a link seen is not fetched again


def _id(service: DisclosureService, name: str) -> int:
    return next(e.id for e in service.agency_index().entries.values() if e.name == name)


def test_watch_once_and_fetch_on_the_command_line(
    service: DisclosureService,
    portal: PortalServer,
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    publish(portal, "hantun")
    config = tmp_path / "config.toml"
    config.write_text(
        f'[store]\nurl = "{db_url}"\n[watch]\npages = ["{portal.url(COLUMN)}"]\n'
        'allow_hosts = ["127.0.0.1"]\nper_host_seconds = 0.0\n',
        encoding="utf-8",
    )
    monkeypatch.delenv("DISCLOSURE_BOT_DB_URL", raising=False)
    runner = CliRunner()
    watched = runner.invoke(cli, ["--config", str(config), "watch", "--once"])
    assert watched.exit_code == 0, watched.output
    assert f"found        {portal.url(COLUMN)}  1 report links, 1 new" in watched.stdout
    assert f"indexed   hantun2023.txt  {HANTUN} 2023" in watched.stdout
    again = runner.invoke(cli, ["--config", str(config), "watch", "--once"])
    assert "nothing_new" in again.stdout or "not_modified" in again.stdout

    url = portal.url("/files/junshan2023.txt")
    fetched = runner.invoke(cli, ["--config", str(config), "fetch", url, portal.url("/nothing")])
    assert fetched.exit_code == 0, fetched.output
    assert f"indexed   junshan2023.txt  {JUNSHAN} 2023" in fetched.stdout
    assert f"rejected  {portal.url('/nothing')}" in fetched.stdout and "404" in fetched.stdout


async def test_queued_reports_wait_for_an_administrators_index(
    fake_tg: FakeTelegram, tracked: DisclosureService, portal: PortalServer, db_url: str
) -> None:
    tracked.watch_settings = replace(tracked.watch_settings, on_new=OnNewReport.QUEUE)
    publish(portal, "junshan")
    with time_machine.travel(at(2, 3, 8, 0), tick=True):
        async with running(fake_tg, tracked, db_url) as bot:
            await run_job(bot, WATCH_JOB)
            found = fake_tg.last_message(ADMIN)
            assert found["text"].startswith(
                f"在关注的网页上发现（{portal.url('/files/junshan2023.txt')}）"
            )
            assert tracked.years(_id(tracked, JUNSHAN)) == [2022]  # nothing indexed yet
            labels = {
                b["text"]: b["callback_data"]
                for row in found["reply_markup"]["inline_keyboard"]
                for b in row
            }
            fake_tg.mark()
            fake_tg.press_button(found, labels["收录"], user_id=ADMIN)
            (done,) = await fake_tg.await_for("editMessageText")
            assert done.params["text"] == f"Indexed: {JUNSHAN} 2023."  # in the presser's language
    assert tracked.years(_id(tracked, JUNSHAN)) == [2022, 2023]
