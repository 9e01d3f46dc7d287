"""Finding the six numbered sections of a report in its text."""

import re
from dataclasses import dataclass

from bot.catalogue import SECTIONS, Section

_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class SectionSpan:
    """Where a section's heading and body lie in the text."""

    section: Section
    heading: str
    start: int
    end: int


def _heading_pattern(section: Section) -> re.Pattern[str]:
    keywords = "|".join(re.escape(k) for k in sorted(section.keywords, key=len, reverse=True))
    # "三、收到和处理…", "三．收到…", "（三）收到…", "第三部分 收到…"; numbering is required so
    # that prose mentioning a title is not taken for a heading.
    return re.compile(
        rf"(?<![{_NUMERALS}])(?:第?[{_NUMERALS}]+(?:部分)?\s*[、.．:：]?|[(（][{_NUMERALS}]+[)）])\s*"
        rf"(?:因)?(?:政府信息公开)?(?:申请)?(?:工作)?(?:{keywords})"
    )


def find_sections(text: str) -> dict[str, SectionSpan]:
    """Each section found, by number (一 … 六), in the order the report prints them.

    A section is looked for only after the one before it, so a table row such as
    ``一、本年新收…`` is never taken for the heading of section 一.
    """
    found: list[tuple[Section, re.Match[str]]] = []
    position = 0
    for section in SECTIONS:
        match = _heading_pattern(section).search(text, position)
        if match:
            found.append((section, match))
            position = match.end()
    spans: dict[str, SectionSpan] = {}
    for index, (section, match) in enumerate(found):
        end = found[index + 1][1].start() if index + 1 < len(found) else len(text)
        heading = match.group(0).strip()
        spans[section.number] = SectionSpan(section, heading, match.end(), end)
    return spans
