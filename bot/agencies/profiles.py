"""An agency's name as parts: which must be named for the agency to be meant, which may not.

沭阳县发展和改革局 is 沭阳 (required) · 县 · 发展和改革 (required: 发改, fagai, "development and
reform") · 局; 汉屯路街道办事处 is 汉屯 (required) · 路 · 街道办事处. Each part has every form
people write it in (Chinese, pinyin, English), normalised to compact keys. Matching a question
checks parts, in any order, instead of listing every combination of forms.
"""

from dataclasses import dataclass
from functools import cached_property, lru_cache

from bot.agencies.aliases import Segment, core_segments, latin_key, pinyin, region_segments
from bot.agencies.identify import region_chain

_OFFICE_PENALTY = 3.0  # a missing 办公厅 or 局 makes another agency likelier; 人民政府 does not
_REGION_PENALTY = 1.0  # "Shuyang" for 沭阳县: the 县 is usually left out
_REGION_GENERICS = frozenset({"省", "市", "县", "区", "旗", "州", "盟"})


@dataclass(frozen=True)
class Part:
    """One part of a name: its forms, whether it must be named, what its absence costs."""

    forms: frozenset[str]
    required: bool
    penalty: float
    size: int
    proper: bool = False
    office: bool = False  # the 办公厅 of 上海市人民政府办公厅: unnamed, the government is meant


@dataclass(frozen=True, eq=False)
class Profile:
    """The parts of a name (and, on demand, its English rendering)."""

    parts: tuple[Part, ...]
    segments: tuple[Segment, ...]
    required: tuple[Part, ...]
    key: Part  # the part to look the name up by: a proper name before a department

    @cached_property
    def english(self) -> str:
        """The name in English: pinyin for proper names, generic parts translated."""
        return _display(self.segments)


def _profile(parts: list[Part], segments: list[Segment]) -> Profile:
    required = tuple(p for p in parts if p.required)
    key = next((p for p in required if p.proper), required[0] if required else parts[0])
    return Profile(tuple(parts), tuple(segments), required, key)


def _forms(segment: Segment) -> frozenset[str]:
    zh = {z for z in segment.zh if z}
    spelt = {pinyin(z) for z in zh}
    # ü is typed v or u (旅游: lvyou, luyou); v stands for nothing else in pinyin
    latin = spelt | {p.replace("v", "u") for p in spelt} | {latin_key(e) for e in segment.en if e}
    return frozenset(f for f in zh | latin if f)


@lru_cache(maxsize=100_000)
def _part(segment: Segment, *, required: bool, qualifier: bool = False) -> Part:
    droppable = "" in segment.zh or qualifier
    penalty = 0.0 if required or droppable else _OFFICE_PENALTY
    if not required and not droppable and segment.zh[0] in _REGION_GENERICS:
        penalty = _REGION_PENALTY
    size = max((len(z) for z in segment.zh if z), default=1)
    return Part(_forms(segment), required, penalty, size, segment.proper, segment.office)


@lru_cache(maxsize=200_000)
def profile(name: str) -> Profile:
    """The parts of an agency's name (namesakes share one profile)."""
    regions, rest = region_chain(name)
    prefix = [s for r in regions for s in region_segments(r)]
    core = list(core_segments(rest)) if rest else []
    named_body = bool(core) and core[0].proper
    # 平潭综合实验区君山片区管理局: 君山 names it; 平潭 only places it (a qualifier)
    parts = [_part(s, required=s.proper and not named_body, qualifier=named_body) for s in prefix]
    if not core:  # the name is a region: 平潭综合实验区
        parts = [_part(s, required=s.proper) for s in prefix]
    parts += [_part(s, required=s.proper or s.domain) for s in core]
    return _profile(parts, prefix + core)


@lru_cache(maxsize=20_000)
def region_profile(region: str) -> Profile:
    """The parts of a region's name: 淮安 (required) · 市."""
    segments = list(region_segments(region))
    return _profile([_part(s, required=s.proper) for s in segments], segments)


_SMALL_WORDS = frozenset({"and", "of", "the"})


def _display(parts: tuple[Segment, ...] | list[Segment]) -> str:
    words = " ".join(p.en[0] for p in parts if p.en[0]).split()
    return " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in words)
