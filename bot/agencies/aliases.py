"""Every way people write an agency's name: Chinese short forms, pinyin and English."""

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from bot.agencies.departments import DEPARTMENTS, department_forms, department_of, expand_short
from bot.agencies.generic import AUTONOMOUS, GENERICS, OFFICES, PEOPLES, Generic
from bot.agencies.identify import region_chain

_SMALL_WORDS = frozenset({"and", "of", "the"})


@dataclass(frozen=True)
class Segment:
    """A piece of a name with its Chinese and English forms (``""`` = may be left out)."""

    zh: tuple[str, ...]
    en: tuple[str, ...]
    proper: bool = False
    domain: bool = False
    office: bool = False  # 办公厅, 办公室: the body that an office is and a government is not


@dataclass(frozen=True)
class NameForms:
    """The forms of one name: compact Chinese, normalised Latin, and an English display name."""

    zh: frozenset[str]
    latin: frozenset[str]
    english: str
    parts: frozenset[str] = frozenset()


def latin_key(text: str) -> str:
    """Lower-case letters and digits only, accents dropped: ``Hàn Tún Lù`` → ``hantunlu``."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum())


# Pinyin already worked out: the index snapshot keeps it, so that a warm start never loads
# pypinyin's dictionaries (a third of a second, 50 MB) unless a question needs a new word.
_PINYIN: dict[str, str] = {}


def pinyin(text: str) -> str:
    """Toneless pinyin of Chinese text, joined: 重庆 → ``chongqing`` (phrase-aware)."""
    found = _PINYIN.get(text)
    if found is None:
        found = _PINYIN[text] = _convert(text)
    return found


def _convert(text: str) -> str:
    from pypinyin import Style, lazy_pinyin  # noqa: PLC0415  (loaded on the first miss only)

    return "".join(lazy_pinyin(text, style=Style.NORMAL, errors="default")).lower()


def known_pinyin() -> dict[str, str]:
    """Every text whose pinyin was worked out so far."""
    return dict(_PINYIN)


def remember_pinyin(known: Mapping[str, str]) -> None:
    """Pinyin worked out before (by the process that saved a snapshot)."""
    _PINYIN.update(known)


_AUTONOMOUS = re.compile(rf"^(?P<proper>.*?)(?P<peoples>(?:{PEOPLES})*)自治(?P<kind>[州县旗区])$")


def _autonomous(text: str) -> tuple[str, list[Generic]] | None:
    """黔东南苗族侗族自治州 → 黔东南 | 苗族侗族自治州 (or 州, or nothing); 鄂温克族自治旗 →
    鄂温克 | 族自治旗 (the people's name is the place's name)."""
    match = _AUTONOMOUS.match(text)
    if match is None:
        return None
    proper, peoples, kind = match["proper"], match["peoples"], match["kind"]
    if len(proper) < 2:  # 鄂温克族自治旗: named after its people
        proper, peoples = proper + peoples.removesuffix("族"), ""
    suffix = text[len(proper) :]
    forms = tuple(dict.fromkeys((suffix, f"自治{kind}", kind, "")))
    return proper, [Generic(suffix, forms, (*AUTONOMOUS[kind], ""))]


def _peel(text: str) -> tuple[str, list[Generic]]:
    """Take generic parts off the end of ``text`` while at least two characters remain."""
    autonomous = _autonomous(text)
    if autonomous is not None:
        return autonomous
    parts: list[Generic] = []
    while True:
        generic = next(
            (g for g in GENERICS if text.endswith(g.zh) and len(text) - len(g.zh) >= 2), None
        )
        if generic is None:
            return text, parts
        parts.insert(0, generic)
        text = text[: -len(generic.zh)]


def _generic(text: str) -> Generic | None:
    return next((g for g in GENERICS if g.zh == text), None)


def _pieces(text: str) -> list[Segment]:
    """Proper name and generic parts: 汉屯路街道办事处 → 汉屯 | 路 | 街道办事处."""
    whole = _generic(text)
    if whole is not None:
        return [Segment(whole.zh_short, whole.en, office=whole.zh in OFFICES)]
    proper, generics = _peel(text)
    head = Segment((proper,), (pinyin(proper).capitalize(),), proper=True)
    return [head, *(Segment(g.zh_short, g.en) for g in generics)]


_DOMAINS = sorted(DEPARTMENTS, key=len, reverse=True)


def _core(text: str) -> list[Segment]:
    """The part after the regions: a department (发展和改革 + 局) or a named body."""
    text = expand_short(text)  # 科委 is 科学技术委员会
    for domain in _DOMAINS:
        if text.startswith(domain) and len(text) > len(domain):
            department = department_of(domain)
            assert department is not None  # every printed core is declared
            rest = _pieces(text[len(domain) :])
            # "沭阳发改", "Shuyang Development and Reform": the 局 or Bureau is often left out.
            last = Segment((*rest[-1].zh, ""), (*rest[-1].en, ""))
            forms = department_forms(department)
            return [Segment(forms, department.english, domain=True), *rest[:-1], last]
    return _pieces(text) if text else []


def _combine(choices: list[tuple[str, ...]], sep: str = "") -> set[str]:
    """Every string made by picking one form per segment; short forms only in the last two."""
    results = {""}
    for index, forms in enumerate(choices):
        usable = forms if index >= len(choices) - 2 else forms[:1]
        results = {
            sep.join(x for x in (prefix, form) if x) for prefix in results for form in usable
        }
    return {r for r in results if r}


def name_forms(name: str) -> NameForms:
    """The Chinese, pinyin and English forms by which people name the agency ``name``."""
    regions, rest = region_chain(name)
    region = [_pieces(r) for r in regions]
    core = _core(rest)
    prefix = [s for r in region for s in r]
    zh = {name, *_combine([s.zh for s in prefix + core])}
    en = _combine([s.en for s in prefix + core], sep=" ")
    if region:
        last = region[-1]
        zh |= {last[0].zh[0] + z for z in _combine([s.zh for s in core])}
        en |= {last[0].en[0] + " " + e for e in _combine([s.en for s in core], sep=" ")}
    if region and all("" in s.zh for s in core):
        zh.add(region[-1][0].zh[0])  # 沭阳县人民政府 is "沭阳" for short
        en.add(region[-1][0].en[0])
    if len(core) >= 3 and core[0].proper and not core[-2].proper:
        # 君山片区管理局 is "君山片区", "Junshan Area" for short: the body without its office
        zh |= _combine([s.zh for s in core[:-1]])
        en |= _combine([s.en for s in core[:-1]], sep=" ")
    if core and (core[0].proper or not region):
        zh |= _combine([s.zh for s in core])  # 汉屯路街道: a named body needs no region
        en |= _combine([s.en for s in core], sep=" ")
    zh = {z for z in zh if len(z) >= 2}
    latin = {pinyin(z) for z in zh} | {latin_key(e) for e in en}
    return NameForms(
        frozenset(zh),
        frozenset(x for x in latin if len(x) >= 4),
        _display(prefix + core),
        _proper_parts(core),
    )


def _proper_parts(core: list[Segment]) -> frozenset[str]:
    """汉屯 and "hantun" for 汉屯路街道办事处, 君山 for 君山片区管理局: the proper name alone."""
    if len(core) < 2 or not core[0].proper:
        return frozenset()
    proper = core[0].zh[0]
    forms = {proper, pinyin(proper)}
    return frozenset(f for f in forms if len(f) >= 2 and (not f.isascii() or len(f) >= 5))


def _display(parts: list[Segment]) -> str:
    words = " ".join(p.en[0] for p in parts if p.en[0]).split()
    return " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in words)


def region_forms(region: str) -> frozenset[str]:
    """Forms of a region's name: 淮安市, 淮安, huaianshi, huaian, huaiancity."""
    pieces = _pieces(region)
    zh = {region, pieces[0].zh[0]} if len(pieces) > 1 else {region}
    en = {" ".join(p.en[0] for p in pieces), pieces[0].en[0]}
    forms = {z for z in zh if len(z) >= 2} | {pinyin(z) for z in zh} | {latin_key(e) for e in en}
    return frozenset(f for f in forms if len(f) >= 2)


def region_english(region: str) -> str:
    """A region's English name: 西工区 → "Xigong District"."""
    return _display(_pieces(region))


@lru_cache(maxsize=100_000)
def core_segments(text: str) -> tuple[Segment, ...]:
    """The segments of a name after its regions (a department or a named body)."""
    return tuple(_core(text))


@lru_cache(maxsize=20_000)
def region_segments(region: str) -> tuple[Segment, ...]:
    """The segments of a region's name: 沭阳 | 县."""
    return tuple(_pieces(region))
