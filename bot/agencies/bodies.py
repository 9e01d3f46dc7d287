"""What kind of body an agency is, once its regions are taken off its name: the government,
its general office, a department, a township or street office, or another named body.

A body has one canonical form however it is printed: 政府办 and 人民政府办公室 are one office,
发改局 and 发展和改革局 one department, 汉屯路街道 and 汉屯路街道办事处 one street office.
"""

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from bot.agencies.departments import DEPARTMENTS, department_of, expand_short


class BodyKind(StrEnum):
    """The kinds of body an agency can be."""

    GOVERNMENT = "government"
    OFFICE = "office"
    DEPARTMENT = "department"
    TOWNSHIP = "township"
    NAMED = "named"  # 君山片区管理局, or a department the table does not declare


@dataclass(frozen=True)
class Body:
    """An agency's body: its kind, what tells it from others of the kind (a department's
    core, a township's name), and its canonical printed form."""

    kind: BodyKind
    key: str
    name: str

    @property
    def identity(self) -> str:
        """The body's part of an agency's identity: ``department:发展和改革``."""
        return f"{self.kind}:{self.key}" if self.key else str(self.kind)


GOVERNMENT = Body(BodyKind.GOVERNMENT, "", "人民政府")
_GOVERNMENT_WORDS = frozenset({"", "人民政府", "政府", "管委会", "管理委员会"})
_OFFICES = {
    "人民政府办公厅": "人民政府办公厅",
    "政府办公厅": "人民政府办公厅",
    "办公厅": "人民政府办公厅",
    "人民政府办公室": "人民政府办公室",
    "政府办公室": "人民政府办公室",
    "政府办": "人民政府办公室",
    "府办": "人民政府办公室",  # 市府办: 市政府办公室
    "办公室": "人民政府办公室",
}
# A township's forms, each with its canonical ending: 汉屯路街道 is 汉屯路街道办事处.
_TOWNSHIPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?P<name>.+?)(?:街道办事处|街道办|街道)$"), "街道办事处"),
    (re.compile(r"^(?P<name>.+?)(?:镇人民政府|镇政府|镇)$"), "镇人民政府"),
    (re.compile(r"^(?P<name>.+?民族乡)(?:人民政府|政府)?$"), "人民政府"),
    (re.compile(r"^(?P<name>.+?)(?:乡人民政府|乡政府|乡)$"), "乡人民政府"),
    (re.compile(r"^(?P<name>.+?苏木)(?:人民政府|政府)?$"), "人民政府"),
)
# What a department's core may be followed by, and the canonical form of each
_SUFFIXES = {
    "委员会": "委员会",
    "委": "委员会",
    "管理局": "管理局",
    "局": "局",
    "厅": "厅",
    "办公室": "办公室",
    "办": "办公室",
    "中心": "中心",
    "署": "署",
}
_DOMAINS = sorted(DEPARTMENTS, key=len, reverse=True)


@lru_cache(maxsize=50_000)
def body_of(rest: str) -> Body:
    """The body named by what follows an agency's regions: ``发改局`` is the department of
    发展和改革, ``街道`` endings a township, nothing or 人民政府 the government."""
    if rest in _GOVERNMENT_WORDS:
        return GOVERNMENT
    if rest in _OFFICES:
        return Body(BodyKind.OFFICE, "", _OFFICES[rest])
    township = township_name(rest)
    if township is not None:
        return Body(BodyKind.TOWNSHIP, township, township)
    department = _department(expand_short(rest))
    if department is not None:
        return department
    return Body(BodyKind.NAMED, rest, rest)


def township_name(text: str) -> str | None:
    """The canonical name of a township or street office, or ``None`` for another body."""
    for pattern, ending in _TOWNSHIPS:
        match = pattern.match(text)
        if match and len(match["name"]) >= 2 and not _is_department(match["name"]):
            return match["name"] + ending
    return None


def _is_department(text: str) -> bool:
    return any(text.startswith(core) for core in _DOMAINS)


def _department(text: str) -> Body | None:
    for core in _DOMAINS:
        if not text.startswith(core):
            continue
        suffix = _SUFFIXES.get(text[len(core) :])
        department = department_of(core)
        if suffix is None or department is None:
            return None
        if suffix == "管理局" and department.core.endswith("管理"):
            suffix = "局"  # 国有资产管理 + 局: the 管理 is the core's
        return Body(BodyKind.DEPARTMENT, department.core, department.core + suffix)
    return None
