"""The reporting agency: its name from the title, its parent region and its level."""

import re
from dataclasses import replace

from bot.agencies.departments import DEPARTMENTS
from bot.agencies.gazetteer import find_division, is_division
from bot.parser.model import Agency

# A region name: anything up to an administrative-division suffix. 片区, 园区, 景区, 社区 and
# 小区 end in 区 but are not divisions with their own government.
_REGION = re.compile(
    r"^(?P<region>[\u4e00-\u9fff]{1,12}?(?:特别行政区|自治区|自治州|自治县|自治旗|新区|"
    r"(?<![片园景社小校营])区|省|市|县|旗|盟))"
)
_SUFFIXES = frozenset("省市县区旗州盟")
_DEPARTMENT_WORDS = tuple(DEPARTMENTS)
_TOWNSHIP = re.compile(r"(街道办事处|街道|镇人民政府|乡人民政府|民族乡|镇|乡|苏木)$")
_GOVERNMENT = re.compile(r"^(人民政府|管委会|管理委员会)?$")
_MUNICIPALITIES = frozenset({"北京市", "上海市", "天津市", "重庆市"})


def region_chain(name: str) -> tuple[list[str], str]:
    """Split ``福建省福州市鼓楼区东街街道`` into ``[福建省, 福州市, 鼓楼区]`` and ``东街街道``."""
    regions: list[str] = []
    rest = name
    while region := _first_region(rest):
        if len(region) == len(rest) and not regions:
            break  # the whole name is one region, e.g. 平潭综合实验区
        if _TOWNSHIP.search(region):
            break  # e.g. 汉屯路街道 ends the chain even if followed by more text
        regions.append(region)
        rest = rest[len(region) :]
    return regions, rest


def _first_region(text: str) -> str | None:
    """The region ``text`` starts with: the shortest division name, unless one character
    more makes a division and the shorter is none (社旗县 and 红旗区 are not banners); none
    where a department's name starts (城市管理局 is no city called 城)."""
    match = _REGION.match(text)
    if match is None or text.startswith(_DEPARTMENT_WORDS):
        return None
    region, longer = match["region"], text[: match.end() + 1]
    if longer[-1:] in _SUFFIXES and is_division(longer) and not is_division(region):
        return longer
    return region


def identify_agency(title_name: str, body: str = "") -> Agency:
    """The agency named in a report title, e.g. ``西工区汉屯路街道办事处``.

    A township's name does not include its district (汉屯路街道办事处, parent 西工区); a
    department's does (沭阳县发展和改革局, parent 沭阳县). A government with no region before
    its name may name its parent in the body (淮安市洪泽区人民政府).
    """
    name = _corrected(re.sub(r"\s+", "", title_name), body)
    regions, rest = region_chain(name)
    parent = regions[-1] if regions else None
    if regions and _TOWNSHIP.search(rest):
        return _placed(Agency(rest, parent, "township"), parent, body)
    level = _level(name, regions, rest)
    if _GOVERNMENT.match(rest):  # the government of the last region, or a bare region name
        parent = regions[-2] if len(regions) > 1 else _parent_from_body(name, body)
        own = regions[-1] if regions else re.sub(r"(人民政府|管委会|管理委员会)$", "", name)
        return _placed(Agency(name, parent, level), own, body, government=True)
    return _placed(Agency(name, parent, level), parent, body)


def _corrected(name: str, body: str) -> str:
    """The name with OCR-misread region names (沐阳县) spelled as the gazetteer does."""
    # the stroke tables load with the first title read, not with the bot answering questions
    from bot.agencies.place_corrections import correct_region  # noqa: PLC0415

    regions, _rest = region_chain(name)
    for region in regions:
        fixed = correct_region(region, body)
        if fixed and fixed != region:
            name = name.replace(region, fixed, 1)
    return name


def _placed(agency: Agency, region: str | None, body: str, *, government: bool = False) -> Agency:
    """Add the city and province of the agency's region, where the gazetteer knows them."""
    division = find_division(region, body) if region else None
    if division is None:
        return agency
    level = division.level if government else agency.level
    city = division.city if division.level != "province" else None
    return replace(agency, level=level, city=city, province=division.province)


def _level(name: str, regions: list[str], rest: str) -> str:
    if _TOWNSHIP.search(rest or name):
        return "township"
    if regions and not _GOVERNMENT.match(rest):
        return "department"
    region = regions[-1] if regions else re.sub(r"(人民政府|管委会|管理委员会)$", "", name)
    if region in _MUNICIPALITIES or region.endswith(("省", "自治区")):
        return "province"
    if region.endswith(("市", "自治州", "盟")):
        return "city"
    return "county"


def _parent_from_body(name: str, body: str) -> str | None:
    """Find ``淮安市`` in ``淮安市洪泽区人民政府办公室`` for the agency ``洪泽区人民政府``: the
    division named right before the agency's own region, as the gazetteer knows it."""
    region = re.sub(r"(人民政府|管委会|管理委员会)$", "", name)
    if not region:
        return None
    for match in re.finditer(re.escape(region), body):
        before = body[max(0, match.start() - 10) : match.start()]
        for size in range(2, len(before) + 1):
            candidate = before[-size:]
            if candidate != region and find_division(candidate, body) is not None:
                return candidate
    return None
