"""How a setting is declared: once, as a field of its section's frozen dataclass.

The field gives the name, the type (its annotation) and the default; ``setting(...)`` adds the
help text, the environment variable that overrides it, and a check of its value. The loader
(``bot.config.load``) and the documented example file (``bot.config.example``) both read these
declarations, so nothing about a setting is written twice.
"""

from collections.abc import Callable
from dataclasses import MISSING, Field, dataclass, field, fields
from typing import Any

#: A check of a value: the problem in a few words ("must be between 1 and 60"), or ``None``.
Check = Callable[[Any], str | None]


@dataclass(frozen=True)
class About:
    """What a setting's field says beyond its name, type and default."""

    help: str
    env: str | None = None
    check: Check | None = None
    example: str | None = None  # TOML shown (commented out) in place of the default
    adds_to_default: bool = False  # what the file gives comes after the default, not instead


def setting(
    default: Any = MISSING,
    help: str = "",
    *,
    factory: Callable[[], Any] | None = None,
    env: str | None = None,
    check: Check | None = None,
    example: str | None = None,
    adds_to_default: bool = False,
) -> Any:
    """A setting's field: its default (or ``factory``), help and checks."""
    about = {"about": About(help, env, check, example, adds_to_default)}
    if factory is not None:
        return field(default_factory=factory, metadata=about)
    return field(default=default, metadata=about)


def about(item: Field[Any]) -> About:
    """The declaration of a setting's field."""
    found = item.metadata.get("about")
    assert isinstance(found, About), f"{item.name} is not declared with setting()"
    return found


def settings_of(section: type) -> tuple[Field[Any], ...]:
    """The settings of a section (its fields), in declaration order."""
    return fields(section)


def default_of(item: Field[Any]) -> Any:
    """A setting's default value."""
    if item.default_factory is not MISSING:
        return item.default_factory()
    return item.default


# -- checks -----------------------------------------------------------------------------------


def between(low: float, high: float, unit: str = "") -> Check:
    """A number from ``low`` to ``high``."""
    words = f"must be between {low:g} and {high:g}{' ' + unit if unit else ''}"
    return lambda value: None if low <= value <= high else words


def one_of(*choices: str) -> Check:
    """One of the given words."""
    shown = " or ".join(repr(c) for c in choices)
    return lambda value: None if value in choices else f"must be {shown}, got {value!r}"


def each(check: Check, words: str) -> Check:
    """Every item of a list passes ``check``."""
    return lambda values: None if all(check(v) is None for v in values) else words


def web_address(value: str) -> str | None:
    """An http:// or https:// address."""
    return (
        None
        if value.startswith(("http://", "https://"))
        else "must be an http:// or https:// address"
    )
