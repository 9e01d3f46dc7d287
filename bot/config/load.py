"""Reading the config file into the declared sections, with environment overrides.

Where the file comes from: ``--config``, else ``DISCLOSURE_BOT_CONFIG``, else ``config.toml``
in the working directory when present, else the built-in defaults. A setting's declared
environment variable overrides the file. A bad value raises ``ConfigError`` naming the
setting; a secret's value never appears in a message.
"""

import tomllib
import typing
from collections.abc import Mapping
from dataclasses import MISSING, fields, is_dataclass
from datetime import time
from enum import StrEnum
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.config.declare import about, default_of
from bot.config.sections import SECTION_CHECKS, SECTIONS, Config, Secret
from bot.errors import ConfigError

ENV_CONFIG = "DISCLOSURE_BOT_CONFIG"


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
    data = _read(path) if path is not None else {}
    _only(data, "", set(SECTIONS))
    sections = {
        name: read_section(kind, _table(data, name), name, env) for name, kind in SECTIONS.items()
    }
    return Config(**sections, path=path)


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file {path}: not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"config file {path}: not valid TOML ({error})") from None


def read_section(kind: type, table: dict[str, Any], where: str, env: Mapping[str, str]) -> Any:
    """One table of the file as its declared section: every setting converted and checked."""
    hints = get_type_hints(kind)
    _only(table, f"{where}.", {item.name for item in fields(kind)})
    values = {}
    for item in fields(kind):
        declared, name = about(item), f"{where}.{item.name}"
        raw = env.get(declared.env) if declared.env else None
        raw = raw or table.get(item.name, MISSING)
        if raw is MISSING and item.default is MISSING and item.default_factory is MISSING:
            raise ConfigError(f"{name}: missing")
        value = default_of(item) if raw is MISSING else _convert(hints[item.name], raw, name)
        if declared.adds_to_default and raw is not MISSING:
            value = default_of(item) + value
        if declared.check is not None and (problem := declared.check(value)):
            raise ConfigError(f"{name}: {problem}")
        values[item.name] = value
    section = kind(**values)
    check = SECTION_CHECKS.get(kind)
    if check is not None and (found := check(section)):
        setting, problem = found
        raise ConfigError(f"{where}{'.' + setting if setting else ''}: {problem}")
    return section


def _convert(hint: Any, raw: Any, name: str) -> Any:
    """A value of the file as the setting's declared type."""
    origin = get_origin(hint)
    if origin in {tuple, frozenset}:
        return _items(hint, raw, name)
    if origin is typing.Literal:
        return _scalar(str, raw, name)
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return _choice(hint, _scalar(str, raw, name), name)
    if hint is Secret:
        return Secret(_scalar(str, raw, name))
    if hint is ZoneInfo:
        return _zone(_scalar(str, raw, name), name)
    if hint is time:
        return _time(_scalar(str, raw, name), name)
    return _scalar(hint, raw, name)


def _scalar(kind: type, raw: Any, name: str) -> Any:
    kinds: tuple[type, ...] = (int, float) if kind is float else (kind,)
    if (isinstance(raw, bool) and kind is not bool) or not isinstance(raw, kinds):
        shown = "***" if "token" in name or "secret" in name else repr(raw)
        raise ConfigError(f"{name}: must be {' or '.join(k.__name__ for k in kinds)}, got {shown}")
    return float(raw) if kind is float and isinstance(raw, int | float) else raw


def _items(hint: Any, raw: Any, name: str) -> Any:
    element = get_args(hint)[0]
    if not isinstance(raw, list):
        raise ConfigError(f"{name}: must be a list")
    if is_dataclass(element):
        assert isinstance(element, type)
        items = [
            read_section(
                element, _table({"item": item}, "item", f"{name}[{i}]"), f"{name}[{i}]", {}
            )
            for i, item in enumerate(raw)
        ]
        return get_origin(hint)(items)
    if element is int and not all(isinstance(v, int) and not isinstance(v, bool) for v in raw):
        raise ConfigError(f"{name}: must be a list of numeric (whole) values, got {raw!r}")
    return get_origin(hint)(_scalar(element, v, name) for v in raw)


def _choice(kind: type[StrEnum], value: str, name: str) -> StrEnum:
    try:
        return kind(value)
    except ValueError:
        shown = " or ".join(repr(c.value) for c in kind)
        raise ConfigError(f"{name}: must be {shown}, got {value!r}") from None


def _zone(value: str, name: str) -> ZoneInfo:
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"{name}: unknown time zone {value!r}") from None


def _time(value: str, name: str) -> time:
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{name}: must be HH:MM, got {value!r}") from None


def _table(data: dict[str, Any], key: str, where: str | None = None) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where or key}: must be a table ([{where or key}])")
    return value


def _only(table: dict[str, Any], prefix: str, allowed: set[str]) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ConfigError(f"{prefix}{unknown[0]}: unknown setting")


__all__ = ["ENV_CONFIG", "find_config_file", "load_config", "read_section"]
