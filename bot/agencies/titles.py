"""The title of a report: which agency, which year."""

import itertools
import re
from dataclasses import dataclass

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
