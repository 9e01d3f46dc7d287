"""Finding the six numbered sections of a report in its text."""

import re
from dataclasses import dataclass
from functools import cache

from bot.catalogue import SECTIONS, Section

_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class SectionSpan:
    """Where a section's heading and body lie in the text."""

    section: Section
    heading: str
    start: int
    end: int


@cache
def _heading_pattern(section: Section, own_number: bool) -> re.Pattern[str]:
    """A heading: a number, then one of the section's title keywords.

    With ``own_number`` the number must be the section's own (二, 2, （二）, 第二部分), so that a
    subsection such as （一）主动公开政府信息情况 inside section 一 is not taken for section 二.
    """
    keywords = "|".join(re.escape(k) for k in sorted(section.keywords, key=len, reverse=True))
    numeral = section.number if own_number else f"[{_NUMERALS}]+"
    digit = str(_NUMERALS.index(section.number) + 1) if own_number else "[1-6]"
    return re.compile(
        rf"(?:(?<![{_NUMERALS}])(?:第?{numeral}(?:部分)?\s*[、.．:：]?|[(（]{numeral}[)）])"
        rf"|(?<![\d.]){digit}\s*[、.．])\s*"
        rf"(?:因)?(?:政府信息公开)?(?:申请)?(?:工作)?(?:{keywords})"
        # the rest of a heading line (五、存在的主要问题|及改进情况), never into running text
        r"(?:[^\n。，,]{0,12}?(?=\n))?"
    )


def find_sections(text: str) -> dict[str, SectionSpan]:
    """Each section found, by number (一 … 六), in the order the report prints them.

    A section is looked for only after the one before it, so a table row such as
    ``一、本年新收…`` is never taken for the heading of section 一; a heading with the
    section's own number is preferred to one numbered otherwise.
    """
    found: list[tuple[Section, re.Match[str]]] = []
    position = 0
    for section in SECTIONS:
        match = _heading_pattern(section, True).search(text, position) or _heading_pattern(
            section, False
        ).search(text, position)
        if match:
            found.append((section, match))
            position = match.end()
    spans: dict[str, SectionSpan] = {}
    for index, (section, match) in enumerate(found):
        end = found[index + 1][1].start() if index + 1 < len(found) else len(text)
        heading = match.group(0).strip()
        spans[section.number] = SectionSpan(section, heading, match.end(), end)
    return spans
