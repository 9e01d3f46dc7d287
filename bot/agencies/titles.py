"""The title of a report: which agency, which year."""

import itertools
import re
from dataclasses import dataclass

from bot.agencies.gazetteer import is_division
from bot.normalize import normalize_line

_REPORT = r"政府信息公开\s*(?:工作)?\s*(?:年度)?\s*(?:工作)?\s*报\s*告"
_NAME_FIRST = re.compile(
    r"^(?:标题\s*[:：])?\s*(?P<name>[^\d:：]{2,60}?)\s*(?P<year>(?:19|20)\d{2})\s*年\s*度?\s*"
    + _REPORT
)
_YEAR_FIRST = re.compile(
    r"^(?:标题\s*[:：])?\s*(?P<year>(?:19|20)\d{2})\s*年\s*度?\s*(?P<name>[^\d:：]{2,60}?)\s*"
    + _REPORT
)


@dataclass(frozen=True)
class Title:
    """The agency name and year as the title prints them."""

    name: str
    year: int | None
    line: int


def find_title(lines: list[str], *, search_lines: int = 60) -> Title | None:
    """The first line among the first ``search_lines`` that reads like a report title; a
    title broken after the agency's name (淮安市人民政府 / 2024 年政府信息公开…) is joined."""
    heads: list[str] = []
    for raw in lines[:search_lines]:  # normalised one by one: the title is nearly always first
        head = normalize_line(raw).replace("\t", " ")
        if head:
            heads.append(head.lstrip("•·-*# "))
            if title := _title_in(heads[-1], len(heads) - 1):
                return title
    for index, (a, b) in enumerate(itertools.pairwise(heads)):
        if title := _title_in(a + b, index):
            return title
    return None


def _title_in(text: str, index: int) -> Title | None:
    match = _NAME_FIRST.match(text) or _YEAR_FIRST.match(text)
    if match is None:
        return None
    name = re.sub(r"\s+", "", match["name"]).strip('《》"“”')
    return Title(name, int(match["year"]), index)


# An agency the body names as the one reporting: a name ending in a body word, just before
# what it does (认真贯彻…) or the report's own words (政府信息依申请公开…).
_BODY_NAME = re.compile(
    r"(?:^|[，,。；;、：:\s]|年)(?:我|本)?(?P<name>[\u4e00-\u9fff]{1,16}?"
    r"(?:街道办事处|街道|人民政府|管理委员会|委员会|办公室|镇|乡|局))"
    r"(?=认真|坚持|深入|全面|始终|严格|积极|高度|进一步|切实|紧紧|紧扣|按照|根据|围绕|"
    r"政府信息|依申请|主动公开|重视)"
)
# A name relative to its region (县审计局, 区民政局): the body often prints it whole elsewhere.
_RELATIVE = re.compile(r"^[县区市州旗]")


def body_title(lines: list[str], year: int | None, *, search_lines: int = 60) -> Title:
    """For a copy without its title: the agency the body names and the year it states
    (``line`` is -1: no title line). The name is ``""`` when the body names none."""
    head = "\n".join(normalize_line(line) for line in lines[:search_lines])
    match = _BODY_NAME.search(head)
    if match is None:
        return Title("", year, -1)
    name = match["name"]
    if _RELATIVE.match(name):
        fuller = re.search(rf"([\u4e00-\u9fff]{{1,6}}){re.escape(name)}", head)
        if fuller:
            name = _shortest_region(fuller[1], name[0]) + name
    return Title(name, year, -1)


def _shortest_region(before: str, level: str) -> str:
    """The place name right before a relative name (请联系桃江县审计局 → 桃江): the shortest
    tail of ``before`` that names a division of the name's level."""
    for size in range(1, len(before) + 1):
        if is_division(before[-size:] + level):
            return before[-size:]
    return ""
