"""What a fetched HTML page holds: the report itself, attachments that are it, or a listing.

A portal publishes an annual report three ways: as the page's own text (tables in HTML), as a
short page with the report attached (PDF, DOCX, DOC or WPS), or, in its 政府信息公开年报
column, as a list of links to such pages. ``discover`` tells them apart from the page alone,
using the parser's own title and section detection for the first; the caller fetches what it
points to. Pure: ``(url, html) -> Discovery``.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.agencies.titles import find_title
from bot.errors import UnreadableFileError
from bot.fetch.charset import as_utf8_page
from bot.fetch.links import Link, LinkKind, page_links
from bot.parser.sections import find_sections
from bot.readers.html import read_html

__all__ = ["Discovery", "Link", "LinkKind", "PageKind", "discover"]

#: Sections (of the six) a page's text must show to read as a report.
MIN_SECTIONS = 4
#: Table rows with a number in them that make the report's figures visible in the page.
MIN_FIGURE_ROWS = 5
_FIGURE_ROW = re.compile(r"\t[^\t\n]*\d")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


class PageKind(StrEnum):
    """What the page is, for the one who sent or watches it."""

    REPORT = "report"  # the page's own text is the report
    ATTACHMENT = "attachment"  # the report is a file the page links to
    LISTING = "listing"  # the page lists reports (links to their pages or files)
    NONE = "none"  # nothing that looks like an annual report


@dataclass(frozen=True)
class Discovery:
    """What ``discover`` found in one page."""

    url: str
    headline: str | None  # the page's title when it names an annual report and its year
    title: str | None  # the report title in the page's text, if any (agency and year)
    year: int | None  # the year the headline or the title names
    sections: int  # how many of the six numbered sections the page's text shows
    figure_rows: int  # table rows with numbers in the page's text
    attachments: tuple[Link, ...]  # files that may be the report, the likeliest first
    report_links: tuple[Link, ...]  # links that read as annual reports, in page order

    @property
    def reads_as_report(self) -> bool:
        """The page's text shows most of a report's sections."""
        return self.sections >= MIN_SECTIONS

    @property
    def kind(self) -> PageKind:
        """What the page holds, the report's own page told from a listing by its headline."""
        if self.reads_as_report and self.figure_rows >= MIN_FIGURE_ROWS:
            return PageKind.REPORT
        if self.headline is None and len({link.url for link in self.report_links}) >= 2:
            return PageKind.LISTING  # a column's page: its headline names no one report
        if self.attachments:
            return PageKind.ATTACHMENT
        if self.reads_as_report:  # figures drawn as pictures? the parser will say
            return PageKind.REPORT
        if self.headline is None and self.report_links:
            return PageKind.LISTING
        return PageKind.NONE


def discover(url: str, html: str) -> Discovery:
    """What the page at ``url`` (its decoded ``html``) holds; see ``Discovery``."""
    text = page_text(html)
    lines = text.splitlines()
    title = find_title(lines, search_lines=200)
    found = page_links(url, html)
    named = _YEAR.search(found.headline) if found.headline else None
    year = int(named[1]) if named else title.year if title else None
    return Discovery(
        url=url,
        headline=found.headline,
        title=f"{title.name}{title.year}年政府信息公开工作年度报告" if title else None,
        year=year,
        sections=len(find_sections(text)),
        figure_rows=sum(1 for line in lines if _FIGURE_ROW.search(line)),
        attachments=_rank(found.attachments, year),
        report_links=tuple(link for link in found.reports if link.url != found.own_url),
    )


def page_text(html: str) -> str:
    """The page's text as the HTML reader reads it ("" when it holds none)."""
    try:
        return read_html("page.html", as_utf8_page(html))
    except UnreadableFileError:
        return ""


def _rank(attachments: tuple[Link, ...], year: int | None) -> tuple[Link, ...]:
    """Attachments naming a report first, then by format (PDF, DOCX, DOC, WPS, other); one
    naming another year than the page's last."""
    order = {LinkKind.PDF: 0, LinkKind.DOCX: 1, LinkKind.DOC: 2, LinkKind.WPS: 3}

    def key(item: tuple[int, Link]) -> tuple[bool, bool, int, int]:
        index, link = item
        other_year = year is not None and link.year is not None and link.year != year
        return other_year, not link.names_report, order.get(link.kind, 4), index

    return tuple(link for _, link in sorted(enumerate(attachments), key=key))
