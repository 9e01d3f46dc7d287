"""A national set of reporting agencies, from China's administrative-division table.

Every county-level division (the gazetteer's table: province ``xx0000``, city ``xxxx00``,
county-level otherwise) gets its government, 25 departments and 8 townships or subdistricts
with plausible names that repeat across the country (城关镇, 城东街道); every city and province
its government. Deterministic: the same seed gives the same agencies in the same order.
"""

import random
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from bot.agencies.gazetteer import _table
from bot.agencies.identify import canonical_agency
from bot.parser.report import Agency

SEED = 20240501

DEPARTMENTS: tuple[str, ...] = (
    "发展和改革局",
    "财政局",
    "教育局",
    "公安局",
    "民政局",
    "司法局",
    "人力资源和社会保障局",
    "自然资源局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化广电和旅游局",
    "卫生健康委员会",
    "应急管理局",
    "审计局",
    "市场监督管理局",
    "统计局",
    "医疗保障局",
    "城市管理局",
    "行政审批局",
    "退役军人事务局",
    "人民政府办公室",
)

# Township names: a few that nearly every county has, and two-character names drawn at random.
COMMON_TOWNSHIPS: tuple[str, ...] = (
    "城关",
    "城东",
    "城西",
    "城南",
    "城北",
    "新城",
    "东城",
    "西城",
    "新华",
    "人民",
    "解放",
    "中山",
    "和平",
    "胜利",
    "长安",
    "永安",
    "太平",
    "新兴",
    "兴隆",
    "龙泉",
    "石桥",
    "双河",
    "白沙",
    "青山",
    "北关",
    "东关",
    "西关",
    "南关",
    "金山",
    "王庄",
)
_FIRST = "东西南北新老大小上中金石马龙凤白黄青红高长安永太兴福河湖山水林柳桃梅杨李王张刘陈"
_SECOND = "庄集店桥河湖山坪坝岗台口沟湾寨营堡铺屯港坡园塘峪岭关村源溪滩洲阳平丰宁"
_PLACEHOLDERS = re.compile(r"市辖区|^县$|直辖县级行政区划")
_ETHNIC = (
    "蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|"
    "水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|普米|塔吉克|怒|"
    "鄂温克|德昂|保安|裕固|京|独龙|鄂伦春|赫哲|各"
)
_AUTONOMOUS = re.compile(f"(?:(?:{_ETHNIC})族?)+自治[县旗州]$")
TOWNSHIPS_PER_COUNTY = 8


@dataclass(frozen=True)
class AgencySpec:
    """One agency: ``name``, the region above it, its level, and where it lies.

    ``parent`` is the county for departments and townships, the city (or the province for a
    county directly under it) for county governments, ``None`` for city and province
    governments. ``county`` is the county-level region it belongs to (its own for a county
    government); ``unit`` is the department (财政局) or the township's proper name (城关).
    """

    name: str
    parent: str | None
    city: str | None
    province: str | None
    level: str
    county: str | None = None
    unit: str = ""


@dataclass(frozen=True)
class County:
    """A county-level division with the regions above it."""

    code: str
    name: str
    city: str | None
    province: str


def proper(region: str) -> str:
    """A region's name without its generic ending: 沭阳县 → 沭阳, 本溪满族自治县 → 本溪,
    鄂温克族自治旗 → 鄂温克."""
    stripped = _AUTONOMOUS.sub("", region)
    if stripped != region:
        return stripped if len(stripped) >= 2 else re.sub("族?自治[县旗州]$", "", region)
    if len(region) > 2 and region[-1] in "县区市旗盟州省":
        return region[:-1]
    return region


@cache
def counties() -> tuple[County, ...]:
    """Every real county-level division (placeholders such as 市辖区 left out), by code."""
    table = _table()
    found = []
    for code, name in sorted(table.items()):
        if code.endswith("00") or _PLACEHOLDERS.search(name):
            continue
        city = table.get(code[:4] + "00")
        province = table.get(code[:2] + "0000", "")
        found.append(
            County(code, name, None if not city or _PLACEHOLDERS.search(city) else city, province)
        )
    return tuple(found)


def _township_names(rng: random.Random, taken: set[str], district: bool) -> list[tuple[str, str]]:
    """Eight (proper name, full name) pairs; districts mostly have 街道, counties mostly 镇."""
    names: list[tuple[str, str]] = []
    streets = 6 if district else 2
    while len(names) < TOWNSHIPS_PER_COUNTY:
        if rng.random() < 0.35:
            x = rng.choice(COMMON_TOWNSHIPS)
        else:
            x = rng.choice(_FIRST) + rng.choice(_SECOND)
        full = f"{x}街道办事处" if len(names) < streets else f"{x}镇人民政府"
        if x in {n for n, _ in names} or full in taken:
            continue
        names.append((x, full))
        taken.add(full)
    return names


@cache
def _county_agencies(seed: int) -> dict[str, list[AgencySpec]]:
    """The government, departments and townships of every county, by county code."""
    namesakes = Counter(c.name for c in counties())
    taken: dict[str, set[str]] = {}  # township names under each county name (namesakes share)
    by_code: dict[str, list[AgencySpec]] = {}
    for c in counties():
        rng = random.Random(f"{seed}:{c.code}")
        up = c.city or c.province
        specs = [AgencySpec(f"{c.name}人民政府", up, c.city, c.province, "county", c.name)]
        # namesake counties (four 鼓楼区): their departments are titled with the city as well
        prefix = f"{up}{c.name}" if namesakes[c.name] > 1 else c.name
        specs += [
            AgencySpec(f"{prefix}{d}", c.name, c.city, c.province, "department", c.name, d)
            for d in DEPARTMENTS
        ]
        district = c.name.endswith("区")
        for x, full in _township_names(rng, taken.setdefault(c.name, set()), district):
            specs.append(AgencySpec(full, c.name, c.city, c.province, "township", c.name, x))
        by_code[c.code] = specs
    return by_code


def canonical(spec: AgencySpec) -> Agency:
    """The agency as the store keys it (region code and body) under its canonical name, as
    ingesting its report would: 福州市鼓楼区财政局 is 鼓楼区财政局 of 350102."""
    return canonical_agency(Agency(spec.name, spec.parent, spec.level, spec.city, spec.province))


def national_agencies(limit: int | None = None, seed: int = SEED) -> list[AgencySpec]:
    """Agencies county by county (in a seeded random order across the country), each city's
    and province's government before its first county; with ``limit``, whole counties until
    the limit is reached, so a smaller set is a prefix of a larger one."""
    order = list(counties())
    random.Random(seed).shuffle(order)
    by_code = _county_agencies(seed)
    agencies: list[AgencySpec] = []
    seen: set[str] = set()
    for c in order:
        if limit is not None and len(agencies) >= limit:
            break
        if c.province not in seen:
            seen.add(c.province)
            agencies.append(
                AgencySpec(f"{c.province}人民政府", None, None, c.province, "province")
            )
        if c.city and c.city not in seen:
            seen.add(c.city)
            agencies.append(AgencySpec(f"{c.city}人民政府", None, c.city, c.province, "city"))
        agencies.extend(by_code[c.code])
    return agencies
