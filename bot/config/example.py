"""``config.example.toml``, written from the declarations: every setting with its help and its
default. ``python -m bot.config.example > config.example.toml`` rewrites it; a test checks
that the file in the repository is what this writes."""

import json
import textwrap
from dataclasses import Field, fields
from datetime import time
from typing import Any
from zoneinfo import ZoneInfo

from bot.config.declare import about, default_of
from bot.config.sections import SECTIONS, Secret

HEADER = (
    "Disclosure Bot settings. Copy to config.toml (read from the working directory), or pass "
    "--config FILE, or set DISCLOSURE_BOT_CONFIG=FILE. Every setting below shows its default. "
    "Environment variables override the file: {variables}. (Written by `python -m "
    "bot.config.example` from the declarations in bot/config/sections.py.)"
)


def render_example() -> str:
    """The documented example file."""
    variables = [
        about(item).env for kind in SECTIONS.values() for item in fields(kind) if about(item).env
    ]
    out = _comment(HEADER.format(variables=", ".join(v for v in variables if v)))
    for name, kind in SECTIONS.items():
        out.append(f"\n[{name}]")
        out.extend(line for item in fields(kind) for line in _setting(name, item))
    return "\n".join(out) + "\n"


def _setting(section: str, item: Field[Any]) -> list[str]:
    declared = about(item)
    lines = _comment(declared.help)
    if declared.example is not None:
        lines += [f"# {line}" for line in declared.example.splitlines()]
    else:
        lines.append(f"{item.name} = {toml_value(default_of(item))}")
    return lines


def _comment(text: str) -> list[str]:
    return [f"# {line}" for line in textwrap.wrap(text, width=97)]


def toml_value(value: Any) -> str:
    """A default as TOML writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, Secret):
        return '""'
    if isinstance(value, ZoneInfo):
        return json.dumps(value.key)
    if isinstance(value, time):
        return json.dumps(value.strftime("%H:%M"))
    if isinstance(value, frozenset):
        value = sorted(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


if __name__ == "__main__":
    print(render_example(), end="")
