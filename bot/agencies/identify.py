"""The reporting agency: its identity (region and body), its canonical name, its parent region
and its level, from the name a title prints."""

import re
from dataclasses import replace
from functools import lru_cache

from bot.agencies.bodies import Body, BodyKind, body_of
from bot.agencies.departments import DEPARTMENTS, whole_words
from bot.agencies.gazetteer import Division, find_division, is_division
from bot.parser.report import Agency

# A region name: anything up to an administrative-division suffix. 片区, 园区, 景区, 社区 and
# 小区 end in 区 but are not divisions with their own government.
_REGION = re.compile(
    r"^(?P<region>[\u4e00-\u9fff]{1,12}?(?:特别行政区|自治区|自治州|自治县|自治旗|新区|"
    r"(?<![片园景社小校营])区|省|市|县|旗|盟))"
)
_SUFFIXES = frozenset("省市县区旗州盟")
_DEPARTMENT_WORDS = (*DEPARTMENTS, *whole_words())
_TOWNSHIP = re.compile(r"(街道办事处|街道|镇人民政府|乡人民政府|民族乡|镇|乡|苏木)$")
_OF_GOVERNMENT = re.compile(r"^(?:人民政府|政府)(?=[\u4e00-\u9fff]{2,}(?:街道|镇|乡))")
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
    known = _known_division(text)  # 公安县 is a county, though 公安 names a department
    if known is not None:
        return known
    if text.startswith(_DEPARTMENT_WORDS):
        return None
    match = _REGION.match(text)
    if match is None:
        return None
    region, longer = match["region"], text[: match.end() + 1]
    if longer[-1:] in _SUFFIXES and is_division(longer) and not is_division(region):
        return longer
    return region


def _known_division(text: str) -> str | None:
    """The longest name of a division (from the gazetteer) that ``text`` starts with and
    that a name or an ending follows: 下花园区 is a district, though 园区 ends it."""
    for size in range(min(len(text) - 1, 12), 1, -1):
        head = text[:size]
        ending = head[-1] in _SUFFIXES or size >= 4  # 南沙群岛 ends in no suffix
        if ending and is_division(head) and head not in _PLACEHOLDERS:
            return head
    return None


_PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})


def identify_agency(title_name: str, body: str = "") -> Agency:
    """The agency named in a report title, e.g. ``西工区汉屯路街道办事处``, as its identity:
    its region (the gazetteer's division, by code) and its canonical body, under its
    canonical name; the printed name is kept as an alias.

    淮安市洪泽区人民政府 and 洪泽区人民政府 are one agency (320813, the government);
    上海市科委 is 上海市科学技术委员会 (310000, the department of 科学技术). A township's name
    does not include its district (汉屯路街道办事处, parent 西工区); a department's does
    (沭阳县发展和改革局, parent 沭阳县).
    """
    printed = re.sub(r"\s+", "", title_name)
    name = _corrected(printed, body)
    regions, rest = region_chain(name)
    # 荔湾区人民政府南源街道办事处: the office of the district's government is the township's
    rest = _OF_GOVERNMENT.sub("", rest)
    if not regions and _whole_region(rest):  # 平潭综合实验区, 淮安市: a government
        regions, rest = [rest], ""
    kind = body_of(rest)
    region = regions[-1] if regions else None
    context = "".join(regions[:-1]) + body
    division = find_division(region, context) if region else None
    if kind.kind is BodyKind.GOVERNMENT:
        agency = _government(name, regions, rest, division, body)
    else:
        own = region if kind.kind is not BodyKind.TOWNSHIP else ""
        level = "township" if kind.kind is BodyKind.TOWNSHIP else "department"
        # a township's parent is its region as the title prints it: 广州市海珠区
        parent = "".join(regions) or None if kind.kind is BodyKind.TOWNSHIP else region
        agency = _placed(Agency((own or "") + kind.name, parent, level), division)
    where = division.code if division else "~" + (region or "")
    return replace(
        agency,
        code=division.code if division else None,
        identity=f"{where}|{kind.identity}",
        printed=printed,
    )


def _whole_region(name: str) -> bool:
    match = _REGION.match(name)
    return match is not None and match.end() == len(name)


def _government(
    name: str, regions: list[str], rest: str, division: Division | None, body: str
) -> Agency:
    """A government: its region's, named 洪泽区人民政府 (a zone keeps its bare name); its parent
    the region printed before it, in the title or, for a title without one, in the body."""
    region = regions[-1] if regions else re.sub(r"(人民政府|管委会|管理委员会)$", "", name)
    canonical = f"{division.name}人民政府" if division else f"{region}人民政府"
    if division is None and rest in {"", "管委会", "管理委员会"}:
        canonical = region
    if len(regions) > 1:
        parent: str | None = regions[-2]
    elif len(regions) == 1 and rest:
        parent = _parent_from_body(canonical, body)
    else:
        parent = None  # 平潭综合实验区: the whole title is the region
    level = division.level if division else _level(region)
    return _placed(Agency(canonical, parent, level), division)


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


def _placed(agency: Agency, division: Division | None) -> Agency:
    """Add the city and province of the agency's region, where the gazetteer knows them."""
    if division is None:
        return agency
    city = division.city if division.level != "province" else None
    return replace(agency, city=city, province=division.province)


def _level(region: str) -> str:
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


def canonical_agency(agency: Agency) -> Agency:
    """``agency`` identified, when it comes without its identity (made by hand, read from an
    older export or store): its name is read again with its parent before it, its city and
    province as context."""
    if agency.identity:
        return agency
    name = agency.name
    if agency.parent and agency.parent not in name:
        name = agency.parent + name
    context = "".join(r for r in (agency.province, agency.city) if r)
    found = identify_agency(name, context)
    kept = {p: getattr(found, p) or getattr(agency, p) for p in ("parent", "city", "province")}
    return replace(found, printed=agency.printed or agency.name, **kept)


@lru_cache(maxsize=100_000)
def agency_body(name: str) -> Body:
    """The body of an agency from its canonical name: 洪泽区人民政府 and 平潭综合实验区 are
    governments, 上海市人民政府办公厅 an office, 沭阳县发展和改革局 a department."""
    regions, rest = region_chain(name)
    if not regions and _whole_region(rest):
        return body_of("")
    return body_of(rest)
