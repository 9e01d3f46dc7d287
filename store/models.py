"""Every table of the store, in one place."""

from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlmodel import Field, SQLModel


class AwareDateTime(sa.types.TypeDecorator[datetime]):
    """Stores UTC, returns aware datetimes on every backend (SQLite keeps no offset)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; pass an aware one")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        result: datetime = value
        return result.replace(tzinfo=UTC) if result.tzinfo is None else result.astimezone(UTC)


class Agency(SQLModel, table=True):
    """A reporting agency: its region and its body, under its canonical name.

    ``identity`` is the region's division code (``code``; a zone the gazetteer does not know
    by its name) and the canonical body: ``320813|government`` for 洪泽区人民政府, whether a
    report prints 淮安市洪泽区人民政府 or 洪泽区政府 (the printed names are its aliases).
    """

    id: int | None = Field(default=None, primary_key=True)
    identity: str = Field(unique=True, max_length=320)
    name: str = Field(index=True, max_length=200)
    code: str | None = Field(default=None, index=True, max_length=12)
    parent: str | None = Field(default=None, index=True, max_length=100)
    level: str | None = Field(default=None, max_length=20)
    city: str | None = Field(default=None, index=True, max_length=100)
    province: str | None = Field(default=None, index=True, max_length=100)


class AgencyAlias(SQLModel, table=True):
    """A name an agency's reports printed: 淮安市洪泽区人民政府, 上海市科委."""

    __table_args__ = (sa.UniqueConstraint("agency_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    agency_id: int = Field(foreign_key="agency.id", index=True)
    name: str = Field(index=True, max_length=200)


class Report(SQLModel, table=True):
    """One annual report. A replaced report is kept with ``current`` false, as history."""

    __table_args__ = (
        sa.Index(
            "uq_report_current_agency_year",
            "agency_id",
            "year",
            unique=True,
            # as SQLAlchemy writes the test on SQLite: the planner uses a partial index only
            # for a query that repeats its WHERE word for word
            sqlite_where=sa.text("current = 1"),
            postgresql_where=sa.text("current"),
        ),
        # a year's current reports, of a region's agencies or of all: region totals, rankings
        sa.Index(
            "ix_report_year_agency",
            "year",
            "agency_id",
            sqlite_where=sa.text("current = 1"),
            postgresql_where=sa.text("current"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    agency_id: int = Field(foreign_key="agency.id", index=True)
    year: int
    layout: str = Field(max_length=8)
    source_name: str = Field(max_length=300)
    sha256: str = Field(index=True, max_length=64)
    ingested_at: datetime = Field(sa_type=AwareDateTime)
    published: date | None = None
    current: bool = True
    text_json: str = "{}"
    labels_json: str = "{}"


class Figure(SQLModel, table=True):
    """One cell of a report. ``value`` is the exact decimal text; NULL means not reported."""

    # Clustered on (report, key) in SQLite too: no separate rowid b-tree for 200 cells a report.
    __table_args__ = {"sqlite_with_rowid": False}

    report_id: int = Field(foreign_key="report.id", primary_key=True)
    key: str = Field(primary_key=True, max_length=80)
    value: str | None = Field(default=None, max_length=40)


class Finding(SQLModel, table=True):
    """A rule the report breaks, as found when it was indexed."""

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="report.id", index=True)
    rule: str = Field(max_length=60)
    cells_json: str = "[]"
    expected: str | None = Field(default=None, max_length=40)
    found: str | None = Field(default=None, max_length=40)
    message: str = ""


class Subscription(SQLModel, table=True):
    """A chat's request to be reminded of deadlines. Paused (``active`` false) when the chat
    blocked the bot."""

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(index=True, sa_type=sa.BigInteger)
    deadlines_json: str = "[]"
    offsets_json: str = "[30, 14, 7, 3, 1, 0]"
    at: str = Field(default="09:00", max_length=5)
    region: str = Field(default="", max_length=100)
    agency_ids_json: str = "[]"
    language: str = Field(default="zh", max_length=5)
    active: bool = Field(default=True, index=True)
    created_at: datetime = Field(sa_type=AwareDateTime)


class ReminderSent(SQLModel, table=True):
    """A reminder sent (or being sent): at most one per subscription, deadline, year, offset."""

    __table_args__ = (sa.UniqueConstraint("subscription_id", "deadline", "year", "offset_days"),)

    id: int | None = Field(default=None, primary_key=True)
    subscription_id: int = Field(foreign_key="subscription.id", index=True)
    deadline: str = Field(max_length=100)
    year: int
    offset_days: int
    sent_at: datetime = Field(sa_type=AwareDateTime)
    late: bool = False


class StoreState(SQLModel, table=True):
    """One row (id 1): a counter that every change to the indexed reports raises, so that a
    reader (the bot's name index) notices another process's ingest with one cheap query."""

    id: int = Field(default=1, primary_key=True)
    reports_version: int = 0


class WatchState(SQLModel, table=True):
    """One row (id 1): the watcher's book of watched pages (last checks, links seen), as the
    JSON ``bot.fetch.book.WatchBook.to_json`` writes."""

    id: int = Field(default=1, primary_key=True)
    book_json: str = "{}"
    updated_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
