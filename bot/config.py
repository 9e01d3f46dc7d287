"""Settings: a TOML file read into typed, frozen sections, with environment overrides.

Where the file comes from: ``--config``, else ``DISCLOSURE_BOT_CONFIG``, else ``config.toml``
in the working directory when present, else the built-in defaults. ``TELEGRAM_BOT_TOKEN``,
``DISCLOSURE_BOT_DB_URL``, ``TELEGRAM_BASE_URL`` and ``TELEGRAM_BASE_FILE_URL`` override the
file. A bad value raises ``ConfigError`` naming the setting. The token is a ``Secret``: it never
shows in a repr, a log line or an error message.
"""

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.errors import ConfigError

T = TypeVar("T")
ENV_CONFIG = "DISCLOSURE_BOT_CONFIG"


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


@dataclass(frozen=True)
class TelegramConfig:
    """How the bot talks to the Telegram Bot API."""

    token: Secret = field(default_factory=lambda: Secret(""))
    base_url: str = "https://api.telegram.org/bot"
    base_file_url: str = "https://api.telegram.org/file/bot"
    mode: str = "polling"
    webhook_url: str = ""
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    webhook_secret: Secret = field(default_factory=lambda: Secret(""))
    max_file_mb: int = 20
    parse_seconds: float = 60.0
    timeout: float = 10.0
    concurrent_updates: int = 8


@dataclass(frozen=True)
class StoreConfig:
    """Where reports are indexed, and which sample reports the local console starts with."""

    url: str = "sqlite:///data/disclosure-bot.db"
    samples: str = ""


@dataclass(frozen=True)
class Deadline:
    """A reporting deadline: every year on ``month``/``day`` for the agencies it applies to."""

    name: str
    month: int
    day: int
    applies_to: str = "all"
    region: str = ""


STATUTORY_DEADLINES = (
    Deadline("部门年报发布 · departments publish", 1, 31, "departments"),
    Deadline("政府年报发布 · governments publish", 3, 31, "governments"),
)


@dataclass(frozen=True)
class RemindersConfig:
    """When subscribed chats are reminded of deadlines."""

    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))
    time: time = time(9, 0)
    days_before: tuple[int, ...] = (30, 14, 7, 3, 1, 0)
    deadlines: tuple[Deadline, ...] = STATUTORY_DEADLINES


@dataclass(frozen=True)
class AccessConfig:
    """Who may use the bot and who may feed it reports."""

    public: bool = True
    admins: frozenset[int] = frozenset()
    allowed_users: frozenset[int] = frozenset()
    allowed_chats: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Config:
    """All settings."""

    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    store: StoreConfig = field(default_factory=StoreConfig)
    reminders: RemindersConfig = field(default_factory=RemindersConfig)
    access: AccessConfig = field(default_factory=AccessConfig)
    path: Path | None = None


def find_config_file(explicit: Path | None, env: Mapping[str, str]) -> Path | None:
    """The config file to read, following the documented order; ``None`` for defaults."""
    if explicit is not None:
        return explicit
    if env.get(ENV_CONFIG):
        return Path(env[ENV_CONFIG])
    default = Path("config.toml")
    return default if default.is_file() else None


def load_config(explicit: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Read the settings; raise ``ConfigError`` with the setting's name on a bad value."""
    env = env if env is not None else {}
    path = find_config_file(explicit, env)
    data: dict[str, Any] = {}
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file {path}: not found") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise ConfigError(f"config file {path}: not valid TOML ({error})") from None
    _only(data, "", {"telegram", "store", "reminders", "access"})
    return Config(
        telegram=_telegram(_table(data, "telegram"), env),
        store=_store(_table(data, "store"), env),
        reminders=_reminders(_table(data, "reminders")),
        access=_access(_table(data, "access")),
        path=path,
    )


def _table(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{name}: must be a table ([{name}])")
    return value


def _only(table: dict[str, Any], prefix: str, allowed: set[str]) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ConfigError(f"{prefix}{unknown[0]}: unknown setting")


def _get(
    table: dict[str, Any],
    section: str,
    key: str,
    kind: type[T] | tuple[type[T], ...],
    default: T,
) -> T:
    value = table.get(key, default)
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if (int in kinds and isinstance(value, bool)) or not isinstance(value, kinds):
        names = " or ".join(k.__name__ for k in kinds)
        raise ConfigError(f"{section}.{key}: must be {names}, got {value!r}")
    return value


def _telegram(table: dict[str, Any], env: Mapping[str, str]) -> TelegramConfig:
    defaults = TelegramConfig()
    _only(table, "telegram.", set(TelegramConfig.__dataclass_fields__))
    token = env.get("TELEGRAM_BOT_TOKEN") or _get(table, "telegram", "token", str, "")
    if token and (":" not in token or any(ch.isspace() for ch in token)):
        raise ConfigError("telegram.token: does not look like a bot token (id:secret)")
    mode = _get(table, "telegram", "mode", str, defaults.mode)
    if mode not in {"polling", "webhook"}:
        raise ConfigError(f"telegram.mode: must be 'polling' or 'webhook', got {mode!r}")
    config = TelegramConfig(
        token=Secret(token),
        base_url=env.get("TELEGRAM_BASE_URL")
        or _get(table, "telegram", "base_url", str, defaults.base_url),
        base_file_url=env.get("TELEGRAM_BASE_FILE_URL")
        or _get(table, "telegram", "base_file_url", str, defaults.base_file_url),
        mode=mode,
        webhook_url=_get(table, "telegram", "webhook_url", str, ""),
        webhook_listen=_get(table, "telegram", "webhook_listen", str, defaults.webhook_listen),
        webhook_port=_get(table, "telegram", "webhook_port", int, defaults.webhook_port),
        webhook_secret=Secret(
            env.get("TELEGRAM_WEBHOOK_SECRET")
            or _get(table, "telegram", "webhook_secret", str, "")
        ),
        max_file_mb=_get(table, "telegram", "max_file_mb", int, defaults.max_file_mb),
        parse_seconds=float(
            _get(table, "telegram", "parse_seconds", (int, float), defaults.parse_seconds)
        ),
        timeout=float(_get(table, "telegram", "timeout", (int, float), defaults.timeout)),
        concurrent_updates=_get(
            table, "telegram", "concurrent_updates", int, defaults.concurrent_updates
        ),
    )
    _check_telegram(config)
    return config


def _check_telegram(config: TelegramConfig) -> None:
    for key in ("base_url", "base_file_url"):
        if not getattr(config, key).startswith(("http://", "https://")):
            raise ConfigError(f"telegram.{key}: must be an http:// or https:// address")
    if config.mode == "webhook" and not config.webhook_url.startswith("https://"):
        raise ConfigError("telegram.webhook_url: webhook mode needs an https:// address")
    if not 1 <= config.webhook_port <= 65535:
        raise ConfigError("telegram.webhook_port: must be between 1 and 65535")
    if not 1 <= config.max_file_mb <= 2000:
        raise ConfigError("telegram.max_file_mb: must be between 1 and 2000")
    if not 1 <= config.parse_seconds <= 3600:
        raise ConfigError("telegram.parse_seconds: must be between 1 and 3600 seconds")
    if not 0.1 <= config.timeout <= 300:
        raise ConfigError("telegram.timeout: must be between 0.1 and 300 seconds")
    if not 1 <= config.concurrent_updates <= 256:
        raise ConfigError("telegram.concurrent_updates: must be between 1 and 256")


def _store(table: dict[str, Any], env: Mapping[str, str]) -> StoreConfig:
    _only(table, "store.", {"url", "samples"})
    url = env.get("DISCLOSURE_BOT_DB_URL") or _get(table, "store", "url", str, StoreConfig.url)
    if "://" not in url:
        raise ConfigError(f"store.url: not a database URL: {url!r}")
    return StoreConfig(url=url, samples=_get(table, "store", "samples", str, ""))


def _reminders(table: dict[str, Any]) -> RemindersConfig:
    _only(table, "reminders.", {"timezone", "time", "days_before", "deadlines"})
    name = _get(table, "reminders", "timezone", str, "Asia/Shanghai")
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"reminders.timezone: unknown time zone {name!r}") from None
    at = _get(table, "reminders", "time", str, "09:00")
    try:
        when = time.fromisoformat(at)
    except ValueError:
        raise ConfigError(f"reminders.time: must be HH:MM, got {at!r}") from None
    days = _get(table, "reminders", "days_before", list, [30, 14, 7, 3, 1, 0])
    if not all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 365 for d in days):
        raise ConfigError("reminders.days_before: must be a list of whole days from 0 to 365")
    deadlines = _get(table, "reminders", "deadlines", list, [])
    parsed = tuple(_deadline(i, d) for i, d in enumerate(deadlines))
    return RemindersConfig(
        zone, when, tuple(sorted(set(days), reverse=True)), STATUTORY_DEADLINES + parsed
    )


def _deadline(index: int, raw: object) -> Deadline:
    where = f"reminders.deadlines[{index}]"
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: must be a table with name, month and day")
    _only(raw, f"{where}.", {"name", "month", "day", "applies_to", "region"})
    deadline = Deadline(
        name=_get(raw, where, "name", str, ""),
        month=_get(raw, where, "month", int, 0),
        day=_get(raw, where, "day", int, 0),
        applies_to=_get(raw, where, "applies_to", str, "all"),
        region=_get(raw, where, "region", str, ""),
    )
    if not deadline.name:
        raise ConfigError(f"{where}.name: must not be empty")
    if not (1 <= deadline.month <= 12 and 1 <= deadline.day <= _days_in(deadline.month)):
        raise ConfigError(f"{where}: {deadline.month}-{deadline.day} is not a date")
    if deadline.applies_to not in {"all", "departments", "governments"}:
        raise ConfigError(f"{where}.applies_to: must be all, departments or governments")
    return deadline


def _days_in(month: int) -> int:
    return 29 if month == 2 else 30 if month in {4, 6, 9, 11} else 31


def _access(table: dict[str, Any]) -> AccessConfig:
    _only(table, "access.", {"public", "admins", "allowed_users", "allowed_chats"})
    ids = {}
    for key in ("admins", "allowed_users", "allowed_chats"):
        values = _get(table, "access", key, list, [])
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            raise ConfigError(f"access.{key}: must be a list of numeric Telegram ids")
        ids[key] = frozenset(values)
    return AccessConfig(
        public=_get(table, "access", "public", bool, True),
        admins=ids["admins"],
        allowed_users=ids["allowed_users"],
        allowed_chats=ids["allowed_chats"],
    )
