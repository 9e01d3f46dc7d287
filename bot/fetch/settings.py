"""The ``[watch]`` settings: which portal pages to watch, when, and how politely to fetch.

Two frozen dataclasses with defaults; each field's ``metadata["help"]`` says what it does (for
``config.example.toml`` and ``--help`` texts). ``watch_settings`` reads the flat ``[watch]``
table of the config file into them, raising ``ConfigError`` naming the bad setting.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, time
from enum import StrEnum
from importlib.metadata import PackageNotFoundError, version
from typing import Any, TypeVar
from urllib.parse import urlsplit

from bot.errors import ConfigError


class OnNewReport(StrEnum):
    """What the watcher does with a report it found."""

    INDEX = "index"  # index it at once and tell the administrators
    QUEUE = "queue"  # show the administrators its preview with [Index]


def _help(text: str) -> dict[str, str]:
    return {"help": text}


def _user_agent() -> str:
    try:
        release = version("disclosure-bot")
    except PackageNotFoundError:  # running from a source tree that was never installed
        release = "dev"
    return f"disclosure-bot/{release} (reads government information disclosure annual reports)"


@dataclass(frozen=True)
class FetchSettings:
    """How the bot downloads pages and files, for links from administrators and watched pages."""

    max_file_mb: int = field(default=20, metadata=_help("largest page or file downloaded, MB"))
    connect_timeout: float = field(
        default=10.0, metadata=_help("seconds to resolve and connect to a server")
    )
    read_timeout: float = field(
        default=30.0, metadata=_help("seconds the server may stay silent while sending")
    )
    total_timeout: float = field(
        default=120.0, metadata=_help("seconds one download may take, redirects included")
    )
    max_redirects: int = field(default=5, metadata=_help("redirects followed per download"))
    per_host_seconds: float = field(
        default=2.0, metadata=_help("least seconds between two requests to the same host")
    )
    allow_hosts: tuple[str, ...] = field(
        default=(),
        metadata=_help(
            "hosts that may be on private, loopback or link-local addresses (intranet portals);"
            " every other host must be on a public address"
        ),
    )
    user_agent: str = field(
        default_factory=_user_agent, metadata=_help("the User-Agent header naming the bot")
    )

    @property
    def max_bytes(self) -> int:
        """``max_file_mb`` in bytes."""
        return self.max_file_mb * 1024 * 1024


@dataclass(frozen=True)
class WatchSettings:
    """Which listing pages the bot watches for new annual reports, and on what schedule."""

    pages: tuple[str, ...] = field(
        default=(),
        metadata=_help("pages that list annual reports (a portal's 政府信息公开年报 column)"),
    )
    on_new: OnNewReport = field(
        default=OnNewReport.INDEX,
        metadata=_help("index: index found reports at once; queue: ask an administrator first"),
    )
    busy_from: tuple[int, int] = field(
        default=(1, 1), metadata=_help("first day (MM-DD) of the season of daily checks")
    )
    busy_until: tuple[int, int] = field(
        default=(4, 30), metadata=_help("last day (MM-DD) of the season of daily checks")
    )
    quiet_weekday: int = field(
        default=0, metadata=_help("weekday of the weekly check outside the season (0 = Monday)")
    )
    check_at: time = field(default=time(9, 0), metadata=_help("time of day (HH:MM) of checks"))
    fetch: FetchSettings = field(default_factory=FetchSettings)


N = TypeVar("N", int, float)
_MONTH_DAY = re.compile(r"(\d{1,2})-(\d{1,2})")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")
_FETCH_KEYS = frozenset(f.name for f in fields(FetchSettings))
_WATCH_KEYS = frozenset(f.name for f in fields(WatchSettings)) - {"fetch"}


def watch_settings(table: Mapping[str, Any]) -> WatchSettings:
    """The ``[watch]`` table of the config file as settings; ``ConfigError`` names a bad key."""
    unknown = sorted(set(table) - _FETCH_KEYS - _WATCH_KEYS)
    if unknown:
        raise ConfigError(f"watch.{unknown[0]}: unknown setting")
    defaults = WatchSettings()
    return WatchSettings(
        pages=tuple(_url(page) for page in _strings(table, "pages")),
        on_new=_choice(table.get("on_new", defaults.on_new.value)),
        busy_from=_month_day(table, "busy_from", defaults.busy_from),
        busy_until=_month_day(table, "busy_until", defaults.busy_until),
        quiet_weekday=_number(table, "quiet_weekday", int, defaults.quiet_weekday, (0, 6)),
        check_at=_clock(table.get("check_at", "09:00")),
        fetch=_fetch_settings(table),
    )


def _fetch_settings(table: Mapping[str, Any]) -> FetchSettings:
    d = FetchSettings()
    return FetchSettings(
        max_file_mb=_number(table, "max_file_mb", int, d.max_file_mb, (1, 2000)),
        connect_timeout=_number(table, "connect_timeout", float, d.connect_timeout, (0.1, 600)),
        read_timeout=_number(table, "read_timeout", float, d.read_timeout, (0.1, 600)),
        total_timeout=_number(table, "total_timeout", float, d.total_timeout, (0.1, 3600)),
        max_redirects=_number(table, "max_redirects", int, d.max_redirects, (0, 30)),
        per_host_seconds=_number(table, "per_host_seconds", float, d.per_host_seconds, (0, 3600)),
        allow_hosts=tuple(host.strip().lower() for host in _strings(table, "allow_hosts")),
        user_agent=_text(table, "user_agent", d.user_agent),
    )


def _strings(table: Mapping[str, Any], key: str) -> list[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"watch.{key}: must be a list of strings, got {value!r}")
    return value


def _url(page: str) -> str:
    parts = urlsplit(page.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"watch.pages: {page!r} is not an http or https address")
    return page.strip()


def _choice(value: object) -> OnNewReport:
    try:
        return OnNewReport(str(value))
    except ValueError:
        choices = ", ".join(repr(c.value) for c in OnNewReport)
        raise ConfigError(f"watch.on_new: must be one of {choices}, got {value!r}") from None


def _number(
    table: Mapping[str, Any], key: str, kind: type[N], default: N, bounds: tuple[float, float]
) -> N:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"watch.{key}: must be a number, got {value!r}")
    if kind is int and not isinstance(value, int):
        raise ConfigError(f"watch.{key}: must be a whole number, got {value!r}")
    low, high = bounds
    if not low <= value <= high:
        raise ConfigError(f"watch.{key}: must be between {low:g} and {high:g}, got {value!r}")
    return kind(value)


def _text(table: Mapping[str, Any], key: str, default: str) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        raise ConfigError(f"watch.{key}: must be a one-line text, got {value!r}")
    return value.strip()


def _month_day(table: Mapping[str, Any], key: str, default: tuple[int, int]) -> tuple[int, int]:
    value = table.get(key, f"{default[0]:02d}-{default[1]:02d}")
    match = _MONTH_DAY.fullmatch(value) if isinstance(value, str) else None
    try:
        if match is None:
            raise ValueError(value)
        date(2000, int(match[1]), int(match[2]))  # a leap year: 02-29 is a day
    except ValueError:
        raise ConfigError(f"watch.{key}: must be a date as MM-DD, got {value!r}") from None
    return int(match[1]), int(match[2])


def _clock(value: object) -> time:
    match = _CLOCK.fullmatch(value) if isinstance(value, str) else None
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise ConfigError(f"watch.check_at: must be a time as HH:MM, got {value!r}")
    return time(int(match[1]), int(match[2]))
