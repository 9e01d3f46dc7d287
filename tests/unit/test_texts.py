"""The chat's words: one module per language, and the two say the same things.

A key missing in one language, or a placeholder one translation forgot (``{year}``), would
raise or print a hole only when a user in that language reaches that reply."""

from string import Formatter
from types import ModuleType
from typing import Any

import pytest

from bot.texts import en, zh

TABLES = sorted(name for name in vars(en) if name.isupper())
#: Placeholders one language uses and the other leaves out on purpose: an English heading adds
#: the agency's English name after the Chinese one that both print.
ONE_LANGUAGE_ONLY = {("ANSWERS", "heading"): {"english"}}


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(text) if field is not None}


def shape(value: Any) -> Any:
    """What must agree between languages: keys, lengths, command names and placeholders."""
    if isinstance(value, str):
        return placeholders(value)
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):  # the command menu: (command, description) pairs
        return [(command, placeholders(text)) for command, text in value]
    if isinstance(value, tuple):
        return tuple(shape(item) for item in value)
    raise TypeError(f"unexpected text table value: {value!r}")


def tables(module: ModuleType) -> list[str]:
    return sorted(name for name in vars(module) if name.isupper())


def test_both_languages_have_the_same_tables() -> None:
    assert tables(en) == tables(zh)
    assert len(TABLES) >= 10


@pytest.mark.parametrize("name", TABLES)
def test_both_languages_have_the_same_keys_and_placeholders(name: str) -> None:
    english, chinese = shape(getattr(en, name)), shape(getattr(zh, name))
    for (table, key), extra in ONE_LANGUAGE_ONLY.items():
        if table == name:
            assert extra <= english[key] and not extra & chinese[key]
            english[key] = english[key] - extra
    assert english == chinese


@pytest.mark.parametrize("name", TABLES)
def test_every_text_is_said(name: str) -> None:
    for module in (en, zh):
        value = getattr(module, name)
        texts = value.values() if isinstance(value, dict) else [value]
        assert all(texts), f"{module.__name__}.{name} has an empty text"


def test_a_forgotten_placeholder_is_caught() -> None:
    assert shape({"a": "{year}年"}) != shape({"a": "in {yeer}"})
    assert shape([("start", "x")]) != shape([("help", "x")])
