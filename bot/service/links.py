"""Reports by link and from watched portals: the service's door to the fetch layer.

A link is downloaded by the safe client (``bot.fetch``), the report found in it (the page's
own text, or its attachment), and the file parsed in the same time-limited child process as
an upload. Watched pages are checked when due; what they hold is indexed, or queued for an
administrator's [Index], as ``[watch] on_new`` says. The watcher's book lives in the store.
"""

import asyncio
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import datetime

from bot.config import OnNewReport, WatchConfig
from bot.errors import ReportError
from bot.fetch.book import PageRecord, WatchBook
from bot.fetch.client import Fetcher
from bot.fetch.errors import FetchError, NoReportFoundError
from bot.fetch.locate import FoundListing, FoundReport, is_html, locate
from bot.fetch.settings import FetchSettings
from bot.fetch.watch import PageRound, watch_round
from bot.parser import ParsedReport
from bot.records import StoredReport
from store import Database
from store import watching as book_store


@dataclass(frozen=True)
class FetchedReport:
    """A report found behind a link and parsed, with the indexed report it would replace."""

    link: str
    url: str  # where the file came from (the link, or the attachment it led to)
    report: ParsedReport
    existing: StoredReport | None


@dataclass(frozen=True)
class WatchRun:
    """One round of the watcher: each checked page's outcome, the reports it indexed (their
    one-line results) and those it queued for an administrator."""

    rounds: tuple[PageRound, ...] = ()
    indexed: tuple[str, ...] = ()
    queued: tuple[FetchedReport, ...] = field(default=())


class LinkDesk(ABC):
    """Links and watched pages, over the service's store (a part of the service)."""

    db: Database
    watch_settings: WatchConfig
    fetch_settings: FetchSettings

    @abstractmethod
    def preview(self, name: str, data: bytes) -> tuple[ParsedReport, StoredReport | None]:
        """Parse a file (time-limited) and find the report it would replace."""

    @abstractmethod
    def index_line(self, report: ParsedReport, *, now: datetime) -> str:
        """Index a parsed report; one line saying what became of it."""

    async def fetch_report(self, link: str) -> FetchedReport:
        """The report behind ``link``, parsed. Raises ``FetchError`` (blocked, too large,
        unreachable…), ``NoReportFoundError`` (a page with no report, or a listing of them) or
        ``ReportError`` (a file that is no readable report)."""
        async with Fetcher(self.fetch_settings) as fetcher:
            found = await locate(fetcher, link)
            if isinstance(found, FoundListing):
                raise NoReportFoundError(
                    link,
                    f"the page lists {len(found.links)} annual reports rather than being one:"
                    " send the link of a report, or add the page to [watch] pages",
                )
            return await self._parsed(fetcher, found)

    async def _parsed(self, fetcher: Fetcher, found: FoundReport) -> FetchedReport:
        """Parse the file found; when it is no report, the page's next attachments in turn."""
        try:
            report, existing = await asyncio.to_thread(self.preview, found.name, found.data)
            return FetchedReport(found.link, found.url, report, existing)
        except ReportError as first:
            for other in found.others:
                try:
                    fetched = await fetcher.get(other.url)
                    if is_html(fetched):
                        continue
                    report, existing = await asyncio.to_thread(
                        self.preview, fetched.name, fetched.data
                    )
                except (FetchError, ReportError):
                    continue
                return FetchedReport(found.link, fetched.final_url, report, existing)
            raise first

    async def watch(self, now: datetime, *, every_page: bool = False) -> WatchRun:
        """Check the watched pages that are due (``every_page``: all), follow their new
        report links, index or queue what they hold; the book is saved after the round."""
        if not self.watch_settings.pages:
            return WatchRun()
        book = WatchBook.from_json(await asyncio.to_thread(book_store.load_watch_book, self.db))
        indexed: list[str] = []
        queued: list[FetchedReport] = []

        async with Fetcher(self.fetch_settings) as fetcher:

            async def handle(found: FoundReport) -> str:
                fetched = await self._parsed(fetcher, found)
                if self.watch_settings.on_new is OnNewReport.QUEUE:
                    queued.append(fetched)
                    return f"queued for an administrator: {fetched.report.source_name}"
                line = await asyncio.to_thread(self.index_line, fetched.report, now=now)
                indexed.append(line)
                return line

            book, rounds = await watch_round(
                fetcher, book, self.watch_settings, now, handle, every_page=every_page
            )
        await asyncio.to_thread(book_store.save_watch_book, self.db, book=book.to_json(), now=now)
        return WatchRun(tuple(rounds), tuple(indexed), tuple(queued))

    def sources(self) -> list[PageRecord]:
        """Every watched page with its last check and result, in the config's order."""
        book = WatchBook.from_json(book_store.load_watch_book(self.db))
        return list(book.for_pages(self.watch_settings.pages).pages)
