"""From a link to a report, and the watcher's rounds over a portal's 政府信息公开年报 column.

A local server plays the portal: a listing (GBK, as many portals still serve), a report page
(the shared 2025 page), a notice page attaching the 2023 report as PDF, and the 2019 report
as DOCX. Its request log proves what each round fetched and what it left alone.
"""

from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from conftest import REPORTS
from fetch_helpers import PORTAL, RecordingBackend
from portal_server import PortalServer, Route

from bot.config import WatchConfig
from bot.fetch.book import CheckStatus, WatchBook
from bot.fetch.client import Fetcher
from bot.fetch.discovery import PageKind
from bot.fetch.errors import NoReportFoundError
from bot.fetch.locate import FoundListing, FoundReport, locate
from bot.fetch.settings import FetchSettings
from bot.fetch.watch import watch_round
from bot.parser import parse_report

COLUMN = "/zwgk/zfxxgk/zfxxgknb/"
REPORT_PAGE = COLUMN + "202603/t20260313_105587.htm"
NOTICE_PAGE = COLUMN + "202403/t20240320_87885.htm"
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 16, 9, 0, tzinfo=SHANGHAI)


def html(path: str) -> Route:
    return Route(
        body=(REPORTS / path).read_bytes(), headers={"Content-Type": "text/html; charset=utf-8"}
    )


@pytest.fixture
def portal() -> Iterator[PortalServer]:
    with PortalServer() as server:
        listing = (PORTAL / "listing.html").read_bytes()
        server.routes[COLUMN + "index.htm"] = Route(
            body=listing, headers={"Content-Type": "text/html"}
        )
        server.routes[REPORT_PAGE] = html("010_pingtan_2025.html")
        server.routes[NOTICE_PAGE] = Route(body=(PORTAL / "notice.html").read_bytes())
        server.routes["/files/P020240320_2023nb.pdf"] = Route(
            body=(REPORTS / "008_pingtan_2023.pdf").read_bytes()
        )
        server.routes["/upload/2019nb.docx"] = Route(
            body=(REPORTS / "004_pingtan_2019.docx").read_bytes()
        )
        yield server


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    watch = WatchConfig(allow_hosts=("127.0.0.1",), per_host_seconds=0.0)
    settings = FetchSettings.from_config(watch, max_file_mb=20)
    async with Fetcher(settings, backend=RecordingBackend()) as client:
        yield client


def identity(found: FoundReport) -> tuple[str, int | None]:
    report = parse_report(found.name, found.data)
    return report.agency.name, report.year


async def test_a_report_page_is_the_report(portal: PortalServer, fetcher: Fetcher) -> None:
    found = await locate(fetcher, portal.url(REPORT_PAGE))
    assert isinstance(found, FoundReport)
    assert (found.via, found.url) == (PageKind.REPORT, portal.url(REPORT_PAGE))
    assert found.name == "平潭综合实验区2025年度政府信息公开工作年度报告.html"
    assert identity(found) == ("平潭综合实验区", 2025)


async def test_a_notice_page_gives_its_attached_pdf(
    portal: PortalServer, fetcher: Fetcher
) -> None:
    found = await locate(fetcher, portal.url(NOTICE_PAGE))
    assert isinstance(found, FoundReport)
    assert (found.via, found.url) == (
        PageKind.ATTACHMENT,
        portal.url("/files/P020240320_2023nb.pdf"),
    )
    assert identity(found) == ("平潭综合实验区", 2023)
    assert portal.paths() == [NOTICE_PAGE, "/files/P020240320_2023nb.pdf"]


async def test_when_the_pdf_is_gone_the_wps_attachment_is_fetched(
    portal: PortalServer, fetcher: Fetcher
) -> None:
    del portal.routes["/files/P020240320_2023nb.pdf"]
    portal.routes["/files/P020240320_2023nb.wps"] = Route(
        body=(REPORTS / "008_pingtan_2023.doc").read_bytes()
    )
    found = await locate(fetcher, portal.url(NOTICE_PAGE))
    assert isinstance(found, FoundReport)
    assert found.name == "P020240320_2023nb.wps"
    assert identity(found) == ("平潭综合实验区", 2023)


async def test_a_link_to_a_file_is_the_file(portal: PortalServer, fetcher: Fetcher) -> None:
    found = await locate(fetcher, portal.url("/upload/2019nb.docx"))
    assert isinstance(found, FoundReport)
    assert (found.via, found.name) == (None, "2019nb.docx")
    assert identity(found) == ("平潭综合实验区", 2019)


async def test_a_listing_is_told_apart(portal: PortalServer, fetcher: Fetcher) -> None:
    found = await locate(fetcher, portal.url(COLUMN + "index.htm"))
    assert isinstance(found, FoundListing)
    assert [link.year for link in found.links] == [2025, 2023, 2019]
    assert portal.paths() == [COLUMN + "index.htm"]  # nothing followed


async def test_a_page_without_a_report_says_so(portal: PortalServer, fetcher: Fetcher) -> None:
    portal.routes["/tzgg.htm"] = Route(body="<html><body><p>通知公告</p></body></html>".encode())
    with pytest.raises(NoReportFoundError, match="holds no annual report"):
        await locate(fetcher, portal.url("/tzgg.htm"))


class Handler:
    """The caller's part: parse the report (here in-process) and say what it is."""

    def __init__(self) -> None:
        self.found: list[str] = []

    async def __call__(self, found: FoundReport) -> str:
        agency, year = identity(found)
        self.found.append(found.url)
        return f"{agency} {year}"


def watching(portal: PortalServer) -> WatchConfig:
    return WatchConfig(pages=(portal.url(COLUMN + "index.htm"),))


async def test_a_round_follows_new_links_and_remembers_them(
    portal: PortalServer, fetcher: Fetcher
) -> None:
    settings, handle = watching(portal), Handler()
    book, rounds = await watch_round(fetcher, WatchBook(), settings, NOW, handle)
    [page] = rounds
    assert page.check.status is CheckStatus.FOUND
    assert [outcome.done for outcome in page.links] == [
        "平潭综合实验区 2025",
        "平潭综合实验区 2023",
        "平潭综合实验区 2019",
    ]
    record = book.page(settings.pages[0])
    assert (record.last_check, record.status) == (NOW, CheckStatus.FOUND)
    assert len(record.seen) == 3

    # the next round, the page unchanged: nothing is fetched but the page itself
    before = len(portal.requests)
    book, rounds = await watch_round(fetcher, book, settings, NOW, handle, every_page=True)
    assert rounds[0].check.status is CheckStatus.NOTHING_NEW
    assert portal.paths()[before:] == [COLUMN + "index.htm"]


async def test_an_unchanged_page_costs_a_304(portal: PortalServer, fetcher: Fetcher) -> None:
    listing = portal.routes[COLUMN + "index.htm"]
    version: dict[str, Any] = {"etag": '"v1"', "body": listing.body}

    def conditional(headers: dict[str, str]) -> Route:
        if headers.get("if-none-match") == version["etag"]:
            return Route(304)
        return Route(
            body=version["body"], headers={"ETag": version["etag"], "Content-Type": "text/html"}
        )

    portal.routes[COLUMN + "index.htm"] = Route(handler=conditional)
    settings, handle = watching(portal), Handler()
    book, _ = await watch_round(fetcher, WatchBook(), settings, NOW, handle)
    book, rounds = await watch_round(fetcher, book, settings, NOW, handle, every_page=True)
    assert rounds[0].check.status is CheckStatus.NOT_MODIFIED
    assert portal.requests[-1].headers["if-none-match"] == '"v1"'

    # a new report is listed: only its link is followed
    new = '<li><a href="./202503/t1.htm">平潭综合实验区2024年度政府信息公开工作年度报告</a></li>'
    version.update(
        etag='"v2"',
        body=version["body"].replace(
            b'<ul class="list">', b'<ul class="list">' + new.encode("gbk")
        ),
    )
    portal.routes[COLUMN + "202503/t1.htm"] = html("008_pingtan_2023.html")
    before = len(portal.requests)
    book, rounds = await watch_round(fetcher, book, settings, NOW, handle, every_page=True)
    assert [o.link.year for o in rounds[0].links] == [2024]
    assert portal.paths()[before:] == [COLUMN + "index.htm", COLUMN + "202503/t1.htm"]
    assert book.page(settings.pages[0]).validators.etag == '"v2"'


async def test_a_link_whose_server_fails_is_tried_again_and_a_dead_one_not(
    portal: PortalServer, fetcher: Fetcher
) -> None:
    portal.routes[REPORT_PAGE] = Route(503, b"busy")
    del portal.routes["/upload/2019nb.docx"]  # 404
    settings, handle = watching(portal), Handler()
    book, rounds = await watch_round(fetcher, WatchBook(), settings, NOW, handle)
    outcomes = {o.link.year: o for o in rounds[0].links}
    assert outcomes[2025].retry and not outcomes[2025].ok
    assert not outcomes[2019].retry and "does not exist" in outcomes[2019].done
    assert portal.url(REPORT_PAGE) not in book.page(settings.pages[0]).seen

    portal.routes[REPORT_PAGE] = html("010_pingtan_2025.html")
    book, rounds = await watch_round(fetcher, book, settings, NOW, handle, every_page=True)
    assert [(o.link.year, o.done) for o in rounds[0].links] == [(2025, "平潭综合实验区 2025")]


async def test_a_page_not_due_is_not_checked(portal: PortalServer, fetcher: Fetcher) -> None:
    settings = watching(portal)
    book = WatchBook().checked(settings.pages[0], NOW, CheckStatus.NOTHING_NEW)
    later = datetime(2026, 3, 16, 20, 0, tzinfo=SHANGHAI)  # the next check is tomorrow 09:00
    book, rounds = await watch_round(fetcher, book, settings, later, Handler())
    assert rounds == []
    assert portal.requests == []


async def test_a_page_that_fails_is_recorded_with_its_reason(
    fetcher: Fetcher, portal: PortalServer
) -> None:
    settings = WatchConfig(pages=(portal.url("/gone/"),))
    book, _ = await watch_round(fetcher, WatchBook(), settings, NOW, Handler())
    record = book.page(settings.pages[0])
    assert record.status is CheckStatus.FAILED
    assert record.detail == "the server answered 404 Not Found: the page does not exist (any more)"
