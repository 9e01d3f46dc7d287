"""From a link to the report's bytes: the file itself, the page's text, or its attachment.

``locate`` fetches the link; a file (PDF, DOCX, DOC, WPS) is the report as it is; an HTML page
is read by ``discover``: its own text when that is the report, else its attachments are
fetched, likeliest first, until one is a file the readers take. A listing page comes back as
its links. Nothing is parsed here: the caller parses ``FoundReport.data`` in the same
time-limited worker process as an upload (``bot.parser.workers.parse_bytes_limited``).
"""

import asyncio
import re
from dataclasses import dataclass

from bot.errors import ReportError
from bot.fetch.charset import as_utf8_page, decode_page
from bot.fetch.client import Fetcher
from bot.fetch.discovery import Discovery, Link, PageKind, discover
from bot.fetch.download import Fetched
from bot.fetch.errors import FetchError, NoReportFoundError
from bot.readers import Kind, sniff

#: Attachments tried, at most, before the page is given up on.
MAX_ATTACHMENTS = 3
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")


@dataclass(frozen=True)
class FoundReport:
    """A report file found from a link, ready to parse."""

    link: str  # the link given
    url: str  # where ``data`` came from: the link's target, or an attachment's URL
    name: str  # a file name for the readers and the administrators
    data: bytes
    via: PageKind | None  # REPORT: the page's text; ATTACHMENT: a linked file; None: the link
    others: tuple[Link, ...] = ()  # further attachments, should this one not parse


@dataclass(frozen=True)
class FoundListing:
    """A page that lists annual reports rather than being one."""

    link: str
    links: tuple[Link, ...]


async def locate(fetcher: Fetcher, url: str) -> FoundReport | FoundListing:
    """The report behind ``url``, or the listing it is. Raises ``FetchError`` (and
    ``NoReportFoundError`` for a page that holds and links to no report)."""
    fetched = await fetcher.get(url)
    if not is_html(fetched):
        return FoundReport(url, fetched.final_url, fetched.name, fetched.data, None)
    html = decode_page(fetched.data, fetched.charset, fetched.name)
    found = await asyncio.to_thread(discover, fetched.final_url, html)
    kind = found.kind
    if kind is PageKind.REPORT:
        name = page_name(found, fetched)
        return FoundReport(
            url, fetched.final_url, name, as_utf8_page(html), kind, found.attachments
        )
    if kind is PageKind.ATTACHMENT:
        return await _attachment(fetcher, url, found)
    if kind is PageKind.LISTING:
        return FoundListing(url, found.report_links)
    raise NoReportFoundError(url, "the page holds no annual report and links to none")


def is_html(fetched: Fetched) -> bool:
    """Whether the download is a web page, told by its content first (a PDF served as
    text/html is a PDF), then by the media type."""
    try:
        kind = sniff(fetched.name, fetched.data)
    except ReportError:
        return False
    if kind is Kind.HTML:
        return True
    return kind is Kind.TEXT and fetched.media_type in ("text/html", "application/xhtml+xml")


async def _attachment(fetcher: Fetcher, url: str, found: Discovery) -> FoundReport:
    reasons: list[str] = []
    candidates = found.attachments[:MAX_ATTACHMENTS]
    for index, link in enumerate(candidates):
        try:
            fetched = await fetcher.get(link.url)
        except FetchError as error:
            reasons.append(f"{link.text or link.url}: {error.reason}")
            continue
        if is_html(fetched):  # a download page, not the file: nothing to read here
            reasons.append(f"{link.text or link.url}: a web page, not a file")
            continue
        rest = found.attachments[index + 1 :]
        return FoundReport(
            url, fetched.final_url, fetched.name, fetched.data, PageKind.ATTACHMENT, rest
        )
    raise NoReportFoundError(
        url, "none of the attached files could be fetched: " + "; ".join(reasons)
    )


def page_name(found: Discovery, fetched: Fetched) -> str:
    """The page's report title as a file name (``….html``), else the download's name."""
    title = found.headline or found.title
    if not title:
        return (
            fetched.name
            if fetched.name.lower().endswith((".htm", ".html"))
            else f"{fetched.name}.html"
        )
    return _UNSAFE_NAME.sub("_", title)[:100] + ".html"
