"""The watcher's schedule, its settings and its book: pure functions and data."""

from dataclasses import fields
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.config import OnNewReport, WatchConfig
from bot.config.load import read_section
from bot.errors import ConfigError
from bot.fetch.book import MAX_SEEN, CheckStatus, WatchBook
from bot.fetch.download import Validators
from bot.fetch.schedule import is_due, next_check, season
from bot.fetch.settings import FetchSettings

SHANGHAI = ZoneInfo("Asia/Shanghai")
DEFAULT = WatchConfig()


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=SHANGHAI)  # type: ignore[arg-type, misc]


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (at(2026, 2, 10, 8, 0), at(2026, 2, 10, 9, 0)),  # in season, before today's check
        (at(2026, 2, 10, 9, 0), at(2026, 2, 11, 9, 0)),  # at a check: the next one
        (at(2026, 4, 29, 12, 0), at(2026, 4, 30, 9, 0)),  # 30 April is still daily
        (at(2026, 4, 30, 12, 0), at(2026, 5, 4, 9, 0)),  # then Mondays (1 May is a Friday)
        (at(2026, 7, 7, 9, 30), at(2026, 7, 13, 9, 0)),  # a Tuesday: next Monday
        (at(2026, 12, 29, 10, 0), at(2027, 1, 1, 9, 0)),  # the season starts before Monday
    ],
)
def test_daily_in_the_season_weekly_otherwise(now: datetime, expected: datetime) -> None:
    assert next_check(now, DEFAULT) == expected


def test_a_season_may_run_over_new_year() -> None:
    winter = WatchConfig(busy_from="12-15", busy_until="02-28", check_at=time(7, 30))
    assert next_check(at(2026, 12, 20, 12, 0), winter) == at(2026, 12, 21, 7, 30)
    assert next_check(at(2026, 3, 3, 12, 0), winter) == at(2026, 3, 9, 7, 30)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        next_check(datetime(2026, 1, 1), DEFAULT)  # noqa: DTZ001


def test_due_once_a_check_time_has_passed_since_the_last() -> None:
    last = at(2026, 2, 10, 9, 0)
    assert is_due(None, last, DEFAULT)
    assert not is_due(last, at(2026, 2, 11, 8, 59), DEFAULT)
    assert is_due(last, at(2026, 2, 11, 9, 0), DEFAULT)
    monday = at(2026, 5, 4, 9, 0)
    assert not is_due(monday, at(2026, 5, 10, 23, 0), DEFAULT)
    assert is_due(monday, at(2026, 6, 30, 15, 0), DEFAULT)  # weeks down: one check on return


def watch_settings(table: dict[str, object]) -> WatchConfig:
    """The ``[watch]`` table of a config file as the loader reads it."""
    section: WatchConfig = read_section(WatchConfig, table, "watch", {})
    return section


def test_settings_from_the_config_table() -> None:
    settings = watch_settings(
        {
            "pages": ["https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/"],
            "on_new": "queue",
            "busy_until": "05-15",
            "check_at": "07:30",
            "quiet_weekday": 4,
            "allow_hosts": ["Intranet.Example"],
            "per_host_seconds": 0.5,
        }
    )
    assert settings.pages == ("https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/",)
    assert settings.on_new is OnNewReport.QUEUE
    assert season(settings) == ((1, 1), (5, 15))
    assert (settings.check_at, settings.quiet_weekday) == (time(7, 30), 4)
    fetch = FetchSettings.from_config(settings, max_file_mb=5)
    assert fetch.allow_hosts == ("intranet.example",)
    assert (fetch.max_bytes, fetch.per_host_seconds) == (5 * 1024 * 1024, 0.5)
    assert watch_settings({}) == WatchConfig()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"page": []}, "watch.page: unknown setting"),
        ({"pages": ["ftp://x.gov.cn/"]}, "watch.pages: 'ftp://x.gov.cn/' is not an http"),
        ({"pages": "https://x.gov.cn/"}, "watch.pages: must be a list"),
        ({"on_new": "later"}, "watch.on_new: must be 'index' or 'queue'"),
        ({"busy_until": "02-30"}, "watch.busy_until: must be a date as MM-DD"),
        ({"check_at": "24:00"}, "watch.check_at: must be HH:MM"),
        ({"max_redirects": 2.5}, "watch.max_redirects: must be int"),
        ({"read_timeout": True}, "watch.read_timeout: must be int or float"),
        ({"quiet_weekday": 7}, "watch.quiet_weekday: must be between 0 and 6"),
    ],
)
def test_bad_settings_name_the_setting(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as error:
        watch_settings(table)
    assert str(error.value).startswith(message)


def test_every_setting_has_help() -> None:
    for item in fields(WatchConfig):
        assert item.metadata["about"].help, item.name


def test_the_book_keeps_checks_links_and_validators() -> None:
    page = "https://x.gov.cn/nb/"
    book = WatchBook().for_pages((page,))
    book = book.checked(
        page, at(2026, 3, 1, 9, 0), CheckStatus.FOUND, "3 new", Validators('"a"', None)
    )
    book = book.mark_seen(page, ("https://x.gov.cn/nb/1.htm", "https://x.gov.cn/nb/2.htm"))
    assert book.unseen(page, ("https://x.gov.cn/nb/2.htm", "https://x.gov.cn/nb/3.htm")) == (
        "https://x.gov.cn/nb/3.htm",
    )
    failed = book.checked(page, at(2026, 3, 2, 9, 0), CheckStatus.FAILED, "time-out", Validators())
    assert failed.page(page).validators == Validators('"a"', None)  # kept for the next try
    assert WatchBook.from_json(failed.to_json()) == failed
    assert book.for_pages(("https://y.gov.cn/",)).pages[0].seen == ()


def test_the_book_forgets_the_oldest_links_past_its_cap() -> None:
    page = "https://x.gov.cn/nb/"
    links = tuple(f"https://x.gov.cn/nb/{i}.htm" for i in range(MAX_SEEN + 2))
    seen = WatchBook().mark_seen(page, links).page(page).seen
    assert len(seen) == MAX_SEEN
    assert seen[0] == "https://x.gov.cn/nb/2.htm"
