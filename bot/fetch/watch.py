"""One round of the watcher: check each watched page, follow the links it has not seen.

``check_page`` fetches a listing page (conditionally: an unchanged page costs a 304) and tells
which report links are new. ``watch_round`` checks every page that is due, or all of them, and
hands each new report to ``handle`` (the caller's: parse in the worker, then index or queue,
and say what became of it). A link is marked seen once handled; one whose server failed for a
reason that may pass (a time-out, a 5xx) is left unseen, to be tried at the next check.
"""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from bot.config import WatchConfig
from bot.errors import ReportError
from bot.fetch.book import CheckStatus, WatchBook
from bot.fetch.charset import decode_page
from bot.fetch.client import Fetcher
from bot.fetch.discovery import Link, discover
from bot.fetch.download import Validators
from bot.fetch.errors import ConnectFailedError, FetchError, FetchTimeoutError, HTTPStatusError
from bot.fetch.locate import FoundListing, FoundReport, is_html, locate
from bot.fetch.schedule import is_due

#: What the caller does with a found report: a line saying what became of it. A
#: ``ReportError`` (not a report, unreadable) counts as handled, its reason reported.
Handle = Callable[[FoundReport], Awaitable[str]]


@dataclass(frozen=True)
class PageCheck:
    """The result of fetching one watched page."""

    url: str
    status: CheckStatus
    detail: str
    validators: Validators | None = None  # to send next time (None: keep the ones held)
    new_links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class LinkOutcome:
    """What became of one new link: the handler's words, or why it could not be followed."""

    link: Link
    done: str  # the handler's line, or the reason it failed
    ok: bool
    retry: bool = False  # a failure that may pass: the link stays unseen


@dataclass(frozen=True)
class PageRound:
    """One page's check and its new links' outcomes."""

    check: PageCheck
    links: tuple[LinkOutcome, ...] = ()


async def check_page(fetcher: Fetcher, book: WatchBook, url: str) -> PageCheck:
    """Fetch watched page ``url`` (conditionally, with the validators the book holds) and
    list its report links not seen before."""
    record = book.page(url)
    try:
        fetched = await fetcher.get(url, validators=record.validators)
    except FetchError as error:
        return PageCheck(url, CheckStatus.FAILED, error.reason)
    given = fetched.validators if fetched.validators.headers() else None
    if fetched.not_modified:
        return PageCheck(url, CheckStatus.NOT_MODIFIED, "unchanged since the last check", given)
    if not is_html(fetched):
        return PageCheck(url, CheckStatus.FAILED, "not a web page listing reports")
    html = decode_page(fetched.data, fetched.charset, fetched.name)
    found = await asyncio.to_thread(discover, fetched.final_url, html)
    fresh = set(book.unseen(url, tuple(link.url for link in found.report_links)))
    new = tuple(link for link in found.report_links if link.url in fresh)
    status = CheckStatus.FOUND if new else CheckStatus.NOTHING_NEW
    detail = f"{len(found.report_links)} report links, {len(new)} new"
    return PageCheck(url, status, detail, given, new)


async def follow(fetcher: Fetcher, link: Link, handle: Handle) -> LinkOutcome:
    """Locate the report behind a new link and hand it to ``handle``."""
    try:
        found = await locate(fetcher, link.url)
        if isinstance(found, FoundListing):
            return LinkOutcome(link, "a listing page, not a report", ok=False)
        return LinkOutcome(link, await handle(found), ok=True)
    except FetchError as error:
        return LinkOutcome(link, error.reason, ok=False, retry=_may_pass(error))
    except ReportError as error:
        return LinkOutcome(link, error.reason, ok=False)


def _may_pass(error: FetchError) -> bool:
    if isinstance(error, FetchTimeoutError | ConnectFailedError):
        return True
    return isinstance(error, HTTPStatusError) and (error.status == 429 or error.status >= 500)


async def watch_round(
    fetcher: Fetcher,
    book: WatchBook,
    settings: WatchConfig,
    now: datetime,
    handle: Handle,
    *,
    every_page: bool = False,
) -> tuple[WatchBook, list[PageRound]]:
    """Check the pages that are due (``every_page``: all of them, as ``watch --once`` does),
    follow their new links; the updated book and what happened, page by page."""
    book = book.for_pages(settings.pages)
    rounds: list[PageRound] = []
    for url in settings.pages:
        if not every_page and not is_due(book.page(url).last_check, now, settings):
            continue
        check = await check_page(fetcher, book, url)
        outcomes = tuple([await follow(fetcher, link, handle) for link in check.new_links])
        handled = tuple(o.link.url for o in outcomes if not o.retry)
        book = book.mark_seen(url, handled)
        book = book.checked(url, now, check.status, check.detail, check.validators)
        rounds.append(PageRound(check, outcomes))
    return book, rounds
