"""China's administrative divisions, from the ``cpca`` package's table of division codes.

Only the data file is read (the package itself would import pandas): code → name, and the
hierarchy from the code (省 ``xx0000``, 市 ``xxxx00``, 县级 otherwise).
"""

import csv
import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Division:
    """One administrative division with the divisions above it."""

    code: str
    name: str
    level: str  # province, city or county
    city: str | None
    province: str


@cache
def _table() -> dict[str, str]:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"
    with path.open(encoding="utf-8") as handle:
        return {row["adcode"][:6]: row["name"] for row in csv.DictReader(handle)}


@cache
def _by_name() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for code, name in _table().items():
        names.setdefault(name, []).append(code)
    return names


def is_division(name: str) -> bool:
    """True when some division is called exactly ``name``."""
    return name in _by_name()


# Rows of the table that stand for no city: a municipality's districts lie in no city
_PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})


def _division(code: str) -> Division:
    table = _table()
    province = table.get(code[:2] + "0000", "")
    if code.endswith("0000"):
        return Division(code, table[code], "province", None, province)
    city = table.get(code[:4] + "00")
    if city in _PLACEHOLDERS:
        city = None
    if code.endswith("00"):
        return Division(code, table[code], "city", table[code], province)
    return Division(code, table[code], "county", city, province)


def find_division(name: str, context: str = "") -> Division | None:
    """The division called ``name``; among namesakes (鼓楼区), the one whose city or province
    ``context`` mentions; ``None`` when unknown or still ambiguous."""
    codes = _by_name().get(name, [])
    divisions = [_division(c) for c in codes]
    # the city named settles it before the province (山西省 has two 矿区, in two cities)
    for level in ("city", "province"):
        if len(divisions) > 1:
            divisions = [d for d in divisions if _mentioned(d, level, context)] or divisions
    return divisions[0] if len(divisions) == 1 else None


def _mentioned(division: Division, level: str, context: str) -> bool:
    place = division.city if level == "city" else division.province
    if not place or place == division.name or len(place) <= 2:
        return False
    return place in context or place[:-1] in context


@cache
def _names_by_shape() -> dict[tuple[int, str], list[str]]:
    names: dict[tuple[int, str], list[str]] = {}
    for name in _by_name():
        names.setdefault((len(name), name[-1]), []).append(name)
    return names


def division_names(length: int, last: str) -> list[str]:
    """Known division names of this length ending in this character (县, 市, 区 …)."""
    return _names_by_shape().get((length, last), [])
