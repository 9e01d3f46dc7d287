"""The watcher's memory, as plain data: per watched page, its last check and the links seen.

``WatchBook`` is immutable: each change returns a new book. ``to_json``/``from_json`` turn it
into JSON-ready data for whatever stores it (a table, a file), with datetimes as ISO strings.
A link is "seen" once it was handled (indexed, queued, or found not to be a report), so a
link whose server failed for a while is tried again at the next check.
"""

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from bot.fetch.download import Validators

#: Links remembered per page; the oldest are forgotten past this (a listing shows the latest).
MAX_SEEN = 5000


class CheckStatus(StrEnum):
    """How a page's last check went."""

    FOUND = "found"  # links to reports not seen before
    NOTHING_NEW = "nothing_new"  # the page changed, but lists no new report
    NOT_MODIFIED = "not_modified"  # the server said the page has not changed (304)
    FAILED = "failed"  # the page could not be fetched; ``detail`` says why


@dataclass(frozen=True)
class PageRecord:
    """What the watcher knows of one watched page."""

    url: str
    last_check: datetime | None = None
    status: CheckStatus | None = None
    detail: str = ""  # a failure's reason, or a summary of what was found
    validators: Validators = field(default_factory=Validators)
    seen: tuple[str, ...] = ()  # report links handled, oldest first


@dataclass(frozen=True)
class WatchBook:
    """Every watched page's record, in the order the config lists the pages."""

    pages: tuple[PageRecord, ...] = ()

    def page(self, url: str) -> PageRecord:
        """The record of ``url`` (a blank one for a page never checked)."""
        return next((page for page in self.pages if page.url == url), PageRecord(url))

    def for_pages(self, urls: tuple[str, ...]) -> "WatchBook":
        """The book for the configured ``urls``: records kept for those still listed."""
        return WatchBook(tuple(self.page(url) for url in dict.fromkeys(urls)))

    def unseen(self, url: str, links: tuple[str, ...]) -> tuple[str, ...]:
        """``links`` of page ``url`` not handled before, in the given order."""
        seen = set(self.page(url).seen)
        return tuple(link for link in dict.fromkeys(links) if link not in seen)

    def checked(
        self,
        url: str,
        when: datetime,
        status: CheckStatus,
        detail: str = "",
        validators: Validators | None = None,
    ) -> "WatchBook":
        """The book after a check of ``url``; a failed check keeps the old validators."""
        page = self.page(url)
        kept = validators if validators is not None else page.validators
        if status is CheckStatus.FAILED:
            kept = page.validators
        return self._with(replace(page, last_check=when, status=status, detail=detail,
                                  validators=kept))  # fmt: skip

    def mark_seen(self, url: str, links: tuple[str, ...]) -> "WatchBook":
        """The book with ``links`` of page ``url`` handled."""
        page = self.page(url)
        seen = tuple(dict.fromkeys((*page.seen, *links)))[-MAX_SEEN:]
        return self._with(replace(page, seen=seen))

    def _with(self, record: PageRecord) -> "WatchBook":
        if all(page.url != record.url for page in self.pages):
            return WatchBook((*self.pages, record))
        return WatchBook(tuple(record if p.url == record.url else p for p in self.pages))

    def to_json(self) -> dict[str, Any]:
        """JSON-ready data (``from_json`` reads it back)."""
        return {"pages": [_page_json(page) for page in self.pages]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "WatchBook":
        """The book ``to_json`` wrote."""
        return cls(tuple(_page_from(item) for item in data.get("pages", [])))


def _page_json(page: PageRecord) -> dict[str, Any]:
    return {
        "url": page.url,
        "last_check": page.last_check.isoformat() if page.last_check else None,
        "status": page.status.value if page.status else None,
        "detail": page.detail,
        "etag": page.validators.etag,
        "last_modified": page.validators.last_modified,
        "seen": list(page.seen),
    }


def _page_from(item: dict[str, Any]) -> PageRecord:
    last = item.get("last_check")
    status = item.get("status")
    return PageRecord(
        url=str(item["url"]),
        last_check=datetime.fromisoformat(last) if last else None,
        status=CheckStatus(status) if status else None,
        detail=str(item.get("detail", "")),
        validators=Validators(item.get("etag"), item.get("last_modified")),
        seen=tuple(str(link) for link in item.get("seen", [])),
    )
