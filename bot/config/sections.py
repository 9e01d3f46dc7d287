"""Every setting, declared once: one frozen dataclass per table of the config file.

Reading them, checking them and documenting them in ``config.example.toml`` all follow from
these declarations (``bot.config.load``, ``bot.config.example``).
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from bot.config.declare import between, each, one_of, setting, web_address

AppliesTo = Literal["all", "departments", "governments"]
Townships = Literal["departments", "governments"]


class Secret:
    """A value that must not be printed: ``str()`` and ``repr()`` hide it."""

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The secret itself, for the one place that needs it."""
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Secret('***')" if self._value else "Secret('')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


def _token(value: Secret) -> str | None:
    token = value.reveal()
    if token and (":" not in token or any(ch.isspace() for ch in token)):
        return "does not look like a bot token (id:secret)"
    return None


def _database_url(value: str) -> str | None:
    return None if "://" in value else f"not a database URL: {value!r}"


class TelegramMode(StrEnum):
    """How the bot hears from Telegram."""

    POLLING = "polling"  # it asks Telegram for updates
    WEBHOOK = "webhook"  # Telegram posts them to webhook_url


@dataclass(frozen=True)
class TelegramConfig:
    """How the bot talks to the Telegram Bot API."""

    token: Secret = setting(
        Secret(""),
        "The bot token from @BotFather. Prefer the TELEGRAM_BOT_TOKEN environment variable; "
        "the token is never printed or logged. Without a token, `make run` opens the local "
        "console.",
        env="TELEGRAM_BOT_TOKEN",
        check=_token,
    )
    base_url: str = setting(
        "https://api.telegram.org/bot",
        "The Bot API address (change it for a self-hosted Bot API server or a test server); "
        "the token is appended to it.",
        env="TELEGRAM_BASE_URL",
        check=web_address,
    )
    base_file_url: str = setting(
        "https://api.telegram.org/file/bot",
        "The address files are downloaded from; the token is appended to it.",
        env="TELEGRAM_BASE_FILE_URL",
        check=web_address,
    )
    mode: TelegramMode = setting(
        TelegramMode.POLLING,
        '"polling" (asks Telegram for updates) or "webhook" (Telegram posts to webhook_url).',
    )
    webhook_url: str = setting(
        "", "Webhook mode only: the public https:// address Telegram posts updates to."
    )
    webhook_listen: str = setting(
        "127.0.0.1", "Webhook mode only: where to listen, behind the reverse proxy."
    )
    webhook_port: int = setting(
        8443, "Webhook mode only: the port to listen on.", check=between(1, 65535)
    )
    webhook_secret: Secret = setting(
        Secret(""),
        "Webhook mode only: a secret Telegram sends back in a header.",
        env="TELEGRAM_WEBHOOK_SECRET",
    )
    max_file_mb: int = setting(
        20,
        "The largest file accepted (uploads, photos, links), in MB; the public Bot API serves "
        "files up to 20 MB.",
        check=between(1, 2000),
    )
    parse_seconds: float = setting(
        60.0,
        "Seconds one file may take to read (uploaded, fetched or ingested from a folder); past "
        "it the reader is stopped and the file refused as damaged. Real reports take well "
        "under 5 seconds; a scanned one read by OCR up to half a minute.",
        check=between(1, 3600, "seconds"),
    )
    timeout: float = setting(
        10.0,
        "Seconds to wait for the Bot API to answer a call. A message whose call timed out is "
        "not sent again (Telegram may have delivered it); reads and command lists are retried.",
        check=between(0.1, 300, "seconds"),
    )
    concurrent_updates: int = setting(
        8,
        "How many updates (questions, button presses) are handled at once, each chat's in "
        "order: a slow answer in one chat does not hold up the others.",
        check=between(1, 256),
    )


@dataclass(frozen=True)
class StoreConfig:
    """Where reports are indexed, and which sample reports the local console starts with."""

    url: str = setting(
        "sqlite:///data/disclosure-bot.db",
        "Any SQLAlchemy URL: sqlite:///path/to.db (created if missing) or "
        "postgresql+psycopg://user:password@host/dbname for larger deployments.",
        env="DISCLOSURE_BOT_DB_URL",
        check=_database_url,
    )
    samples: str = setting(
        "",
        "The folder of reports the local console indexes when there is no token; empty means "
        "the sample reports bundled with the package.",
    )


def _date(deadline: "Deadline") -> str | None:
    days = 29 if deadline.month == 2 else 30 if deadline.month in {4, 6, 9, 11} else 31
    if 1 <= deadline.month <= 12 and 1 <= deadline.day <= days:
        return None
    return f"{deadline.month}-{deadline.day} is not a date"


@dataclass(frozen=True)
class Deadline:
    """A reporting deadline: every year on ``month``/``day`` for the agencies it applies to."""

    name: str = setting(help="What the deadline is, as reminders name it.")
    month: int = setting(help="Its month.")
    day: int = setting(help="Its day.")
    applies_to: AppliesTo = setting(
        "all",
        "Which agencies it binds: all, departments or governments.",
        check=one_of("all", "departments", "governments"),
    )
    region: str = setting("", "Only the agencies of this region (e.g. 西工区); empty: all.")


#: The two dates of the regulations (art. 49 and 50); configured deadlines come in addition.
STATUTORY_DEADLINES = (
    Deadline("部门年报发布 · departments publish", 1, 31, "departments"),
    Deadline("政府年报发布 · governments publish", 3, 31, "governments"),
)

_LOCAL_DEADLINE = """[[reminders.deadlines]]
name = "报区政务公开办 · submit to the district office"
month = 1
day = 26
applies_to = "departments"
region = "西工区\""""


@dataclass(frozen=True)
class RemindersConfig:
    """When subscribed chats are reminded of deadlines."""

    timezone: ZoneInfo = setting(
        help="Time zone of deadlines and reminders.", factory=lambda: ZoneInfo("Asia/Shanghai")
    )
    time: dt.time = setting(
        dt.time(9, 0),
        "Time of day reminders are sent (HH:MM), unless a subscription chose another.",
    )
    days_before: tuple[int, ...] = setting(
        (30, 14, 7, 3, 1, 0),
        "Days before a deadline on which subscribed chats are reminded (0 = the day itself), "
        "unless a subscription chose others.",
        check=each(between(0, 365), "must be a list of whole days from 0 to 365"),
    )
    deadlines: tuple[Deadline, ...] = setting(
        STATUTORY_DEADLINES,
        "The statutory deadlines (31 January for departments, 31 March for governments) "
        "always apply. Add local ones: name, month, day, which agencies (all, departments or "
        "governments), and optionally a region.",
        example=_LOCAL_DEADLINE,
        adds_to_default=True,
    )
    townships: Townships = setting(
        "departments",
        "Street offices and towns, which the regulations' two dates do not name, are reminded "
        'with "departments" (31 January, as most local notices require) or "governments" '
        "(31 March).",
        check=one_of("departments", "governments"),
    )


@dataclass(frozen=True)
class AccessConfig:
    """Who may use the bot and who may feed it reports."""

    public: bool = setting(True, "true: anyone may ask questions. false: only those listed below.")
    admins: frozenset[int] = setting(
        frozenset(), "Telegram user ids that may upload, fetch, index, replace and delete reports."
    )
    allowed_users: frozenset[int] = setting(
        frozenset(), "With public = false: the user ids allowed to use the bot."
    )
    allowed_chats: frozenset[int] = setting(
        frozenset(), "With public = false: the chat ids allowed (groups are negative)."
    )


class OnNewReport(StrEnum):
    """What the watcher does with a report it found on a watched page."""

    INDEX = "index"  # index it at once and tell the administrators
    QUEUE = "queue"  # show the administrators its preview with [Index]


_MONTH_DAY = re.compile(r"(\d{2})-(\d{2})")


def _month_day(value: str) -> str | None:
    match = _MONTH_DAY.fullmatch(value)
    if match is None or _date(Deadline("x", int(match[1]), int(match[2]))) is not None:
        return f"must be a date as MM-DD, got {value!r}"
    return None


def _web_pages(pages: tuple[str, ...]) -> str | None:
    bad = [p for p in pages if web_address(p) is not None]
    return f"{bad[0]!r} is not an http:// or https:// address" if bad else None


def _user_agent() -> str:
    try:
        release = version("disclosure-bot")
    except PackageNotFoundError:  # running from a source tree that was never installed
        release = "dev"
    return f"disclosure-bot/{release} (reads government information disclosure annual reports)"


@dataclass(frozen=True)
class WatchConfig:
    """Portal pages the bot watches for new annual reports, and how it fetches pages and files
    (for those pages and for links administrators send)."""

    pages: tuple[str, ...] = setting(
        (),
        "Pages that list annual reports (a portal's 政府信息公开年报 column), checked on the "
        "schedule below; new reports found there are indexed or queued (on_new).",
        check=_web_pages,
    )
    on_new: OnNewReport = setting(
        OnNewReport.INDEX,
        '"index": index reports found on watched pages at once and tell the administrators; '
        '"queue": send the administrators each preview with [Index].',
    )
    busy_from: str = setting(
        "01-01", "First day (MM-DD) of the season of daily checks.", check=_month_day
    )
    busy_until: str = setting(
        "04-30", "Last day (MM-DD) of the season of daily checks.", check=_month_day
    )
    quiet_weekday: int = setting(
        0, "Weekday of the weekly check outside the season (0 = Monday).", check=between(0, 6)
    )
    check_at: dt.time = setting(dt.time(9, 0), "Time of day (HH:MM) of the checks.")
    allow_hosts: tuple[str, ...] = setting(
        (),
        "Hosts that may be on private, loopback or link-local addresses (intranet portals, "
        "tests); every other host must be on a public address, checked after DNS and after "
        "every redirect.",
    )
    connect_timeout: float = setting(
        10.0, "Seconds to resolve and connect to a server.", check=between(0.1, 600, "seconds")
    )
    read_timeout: float = setting(
        30.0,
        "Seconds a server may stay silent while sending.",
        check=between(0.1, 600, "seconds"),
    )
    total_timeout: float = setting(
        120.0,
        "Seconds one download may take, redirects included.",
        check=between(0.1, 3600, "seconds"),
    )
    max_redirects: int = setting(5, "Redirects followed per download.", check=between(0, 30))
    per_host_seconds: float = setting(
        2.0,
        "Least seconds between two requests to the same host.",
        check=between(0, 3600, "seconds"),
    )
    user_agent: str = setting(help="The User-Agent header naming the bot.", factory=_user_agent)

    def season(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """The season of daily checks as (month, day) pairs."""
        start, end = (
            tuple(int(x) for x in d.split("-")) for d in (self.busy_from, self.busy_until)
        )
        return (start[0], start[1]), (end[0], end[1])


@dataclass(frozen=True)
class Config:
    """All settings, one section per table of the file."""

    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    store: StoreConfig = field(default_factory=StoreConfig)
    reminders: RemindersConfig = field(default_factory=RemindersConfig)
    access: AccessConfig = field(default_factory=AccessConfig)
    watch: WatchConfig = field(default_factory=WatchConfig)
    path: Path | None = None  # the file read, if any


#: The tables of the file, in the order the example documents them.
SECTIONS: dict[str, type] = {
    "telegram": TelegramConfig,
    "store": StoreConfig,
    "reminders": RemindersConfig,
    "access": AccessConfig,
    "watch": WatchConfig,
}


def _webhook(config: TelegramConfig) -> tuple[str, str] | None:
    if config.mode is TelegramMode.WEBHOOK and not config.webhook_url.startswith("https://"):
        return "webhook_url", "webhook mode needs an https:// address"
    return None


def _deadline(deadline: Deadline) -> tuple[str, str] | None:
    if not deadline.name:
        return "name", "must not be empty"
    problem = _date(deadline)
    return ("", problem) if problem else None


#: Checks that read several settings of a section: (setting, problem), or ``None``.
SECTION_CHECKS: dict[type, Callable[[Any], tuple[str, str] | None]] = {
    TelegramConfig: _webhook,
    Deadline: _deadline,
}
