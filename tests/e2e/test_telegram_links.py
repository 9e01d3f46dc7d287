"""Reports by link, end to end: the real bot over the fake Bot API fetches from a local
portal server that records every request. An administrator's link (a report page, a page
with a PDF or DOCX attachment, a redirect) gets the upload's preview with [Index]; a
stranger's is never opened; a slow server, a huge file, a 404 and a private address each get
their reason. Expected figures come from the gold files."""

from collections.abc import Iterator

import pytest
from conftest import REPORTS
from portal_server import PortalServer, Route
from telegram_helpers import (
    ADMIN,
    USER,
    RecordingTelegram,
    StartBot,
    agency_of,
    agency_years,
    buttons,
    gold_figure,
    press,
    text_of,
)

from bot.config import WatchConfig
from bot.fetch.settings import FetchSettings
from bot.service.core import DisclosureService
from handlers.app import BotApp

pytest_plugins = ("telegram_helpers",)

PT2023 = "008_pingtan_2023"
PINGTAN = "平潭综合实验区"


def url_message(url: str) -> list[dict[str, object]]:
    return [{"type": "url", "offset": 0, "length": len(url)}]


@pytest.fixture
def portal() -> Iterator[PortalServer]:
    with PortalServer() as server:
        page = (REPORTS / f"{PT2023}.html").read_bytes()
        server.routes["/nb/2023.htm"] = Route(body=page, headers={"Content-Type": "text/html"})
        server.routes["/moved"] = Route(status=302, headers={"Location": "/nb/2023.htm"})
        for ext, mime in (("pdf", "application/pdf"), ("docx", "application/octet-stream")):
            server.routes[f"/files/report.{ext}"] = Route(
                body=(REPORTS / f"{PT2023}.{ext}").read_bytes(), headers={"Content-Type": mime}
            )
            notice = (
                f'<html><head><meta charset="utf-8"><title>{PINGTAN}2023年度政府信息公开工作'
                f"年度报告</title></head><body><h1>{PINGTAN}2023年度政府信息公开工作年度报告</h1>"
                f'<p>附件：<a href="/files/report.{ext}">{PINGTAN}2023年度政府信息公开工作年度报告'
                f".{ext}</a></p></body></html>"
            )
            server.routes[f"/notice-{ext}.htm"] = Route(
                body=notice.encode(), headers={"Content-Type": "text/html; charset=utf-8"}
            )
        server.routes["/slow"] = Route(hang=True)
        server.routes["/huge.pdf"] = Route(body=b"%PDF-1.7\n" + b"0" * (2 << 20))
        yield server


@pytest.fixture
async def linked_bot(start_bot: StartBot, seeded: DisclosureService) -> BotApp:
    """The bot, allowed to fetch from 127.0.0.1 (and only there), with short time-outs."""
    watch = WatchConfig(allow_hosts=("127.0.0.1",), per_host_seconds=0.0, read_timeout=0.5)
    seeded.watch_settings = watch
    seeded.fetch_settings = FetchSettings.from_config(watch, max_file_mb=1)
    return await start_bot(admins=frozenset({ADMIN}))


async def send_link(tg: RecordingTelegram, url: str, user_id: int = ADMIN, count: int = 2) -> str:
    """Send ``url`` as a private message; the text of the ``count``-th reply."""
    tg.mark()
    tg.send_text(url, user_id=user_id, chat_id=user_id, entities=url_message(url))
    calls = await tg.await_for("sendMessage", chat_id=user_id, count=count)
    return text_of(calls[count - 1])


async def test_an_administrators_link_is_previewed_indexed_and_answered(
    linked_bot: BotApp, tg: RecordingTelegram, portal: PortalServer, seeded: DisclosureService
) -> None:
    preview = await send_link(tg, portal.url("/nb/2023.htm"))
    assert preview.startswith(agency_of(PT2023)) and "2023" in preview
    total = gold_figure(PT2023, "applications.new.total")
    assert f"New applications received: {total}" in preview
    message = tg.last_message(ADMIN)
    assert set(buttons(message)) == {"Index", "Cancel"}
    done = await press(
        tg, message, buttons(message)["Index"], user_id=ADMIN, method="editMessageText"
    )
    assert text_of(done) == f"Indexed: {PINGTAN} 2023."
    assert agency_years(seeded, PINGTAN) == [2023]
    tg.mark()
    tg.send_text("平潭 2023 收到多少申请", user_id=USER)
    (answer,) = await tg.await_for("sendMessage", chat_id=USER)
    assert f"：{total} 件" in text_of(answer)


@pytest.mark.parametrize("ext", ["pdf", "docx"])
async def test_a_page_with_an_attachment_previews_the_attached_report(
    linked_bot: BotApp, tg: RecordingTelegram, portal: PortalServer, ext: str
) -> None:
    preview = await send_link(tg, portal.url(f"/notice-{ext}.htm"))
    total = gold_figure(PT2023, "applications.new.total")
    assert f"New applications received: {total}" in preview, preview
    assert f"/files/report.{ext}" in portal.paths()


async def test_a_redirect_is_followed(
    linked_bot: BotApp, tg: RecordingTelegram, portal: PortalServer
) -> None:
    preview = await send_link(tg, portal.url("/moved"))
    assert preview.startswith(agency_of(PT2023))
    assert portal.paths() == ["/moved", "/nb/2023.htm"]


async def test_a_strangers_link_is_never_opened(
    linked_bot: BotApp, tg: RecordingTelegram, portal: PortalServer
) -> None:
    reply = await send_link(tg, portal.url("/nb/2023.htm"), user_id=USER, count=1)
    assert reply == "Only administrators can add reports by link; I did not open it."
    tg.mark()
    tg.send_text(f"/fetch {portal.url('/nb/2023.htm')}", user_id=USER)
    (again,) = await tg.await_for("sendMessage", chat_id=USER)
    assert text_of(again) == reply
    assert portal.requests == []


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/slow", "stopped sending for more than 0.5 s"),
        ("/huge.pdf", "the limit is 1 MB"),
        ("/missing", "404"),
    ],
)
async def test_a_failed_download_says_why(
    linked_bot: BotApp, tg: RecordingTelegram, portal: PortalServer, path: str, reason: str
) -> None:
    reply = await send_link(tg, portal.url(path))
    assert reply.startswith(f"I could not get a report from {portal.url(path)}:"), reply
    assert reason in reply


async def test_a_link_to_a_private_address_is_refused_before_any_request(
    linked_bot: BotApp, tg: RecordingTelegram, portal: PortalServer
) -> None:
    for url in (portal.url("/nb/2023.htm", host="localhost"), "http://10.1.2.3/nb.htm"):
        reply = await send_link(tg, url)
        assert "not on the public internet" in reply or "private address" in reply, reply
    assert portal.requests == []


async def test_fetch_command_works_in_a_group_for_an_administrator(
    linked_bot: BotApp, tg: RecordingTelegram, portal: PortalServer
) -> None:
    url = portal.url("/nb/2023.htm")
    tg.mark()
    tg.send_text(f"/fetch {url}", user_id=ADMIN, chat_id=-100700, chat_type="group")
    calls = await tg.await_for("sendMessage", chat_id=-100700, count=2)
    assert text_of(calls[1]).startswith(agency_of(PT2023))
    assert set(buttons(calls[1])) == {"Index", "Cancel"}
