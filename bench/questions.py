"""A fixed, seeded mix of questions about the generated agencies, each with what a right
answer is (the agency, year and figure; "which one?" for a namesake; a trend, comparison,
region total or ranking), weighted as people ask: most ask for one figure."""

import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from bench.agencies import AgencySpec, proper

# kind → weight (per 100 questions)
MIX: dict[str, int] = {
    "zh_full": 22,
    "zh_short": 14,
    "en": 14,
    "pinyin": 4,
    "no_year": 8,
    "typo": 6,
    "namesake": 4,
    "unknown": 4,
    "trend": 6,
    "compare": 5,
    "total": 4,
    "ranking": 3,
    "unknown_body": 4,
    "sub_figure": 5,
    "gov_office": 4,
}
SINGLE = ("zh_full", "zh_short", "en", "pinyin", "no_year", "typo")

ZH_FIELDS: tuple[tuple[str, str], ...] = (
    ("收到多少政府信息公开申请", "applications.new.total"),
    ("收到多少申请", "applications.new.total"),
    ("受理了多少申请", "applications.new.total"),
    ("办结多少件", "applications.outcome.total.total"),
    ("行政复议多少件", "review.total"),
    ("行政诉讼多少件", "litigation.total"),
    ("企业申请多少件", "applications.new.commercial"),
    ("自然人申请多少", "applications.new.natural_person"),
    ("不予公开多少件", "applications.outcome.withheld.total"),
    ("予以公开多少件", "applications.outcome.disclosed.total"),
    ("行政处罚多少件", "proactive.penalty.decisions"),
    ("行政事业性收费金额", "proactive.fees.amount"),
    ("结转下年度继续办理多少", "applications.carried_forward.total"),
)
# {in_year} is " in 2024" (or nothing), {year} " 2024" (or nothing)
EN_FIELDS: tuple[tuple[str, str], ...] = (
    ("how many applications did {name} receive{in_year}", "applications.new.total"),
    ("how many applications did {name} receive{in_year}", "applications.new.total"),
    ("{name}{year} applications received", "applications.new.total"),
    ("{name}{year} lawsuits", "litigation.total"),
    ("how many requests did {name} refuse{in_year}", "applications.outcome.withheld.total"),
    ("{name}{year} fees collected", "proactive.fees.amount"),
    ("how many reconsiderations did {name} face{in_year}", "review.total"),
    ("{name}{year} applications from individuals", "applications.new.natural_person"),
    ("applications carried over at {name}{in_year}", "applications.carried_over.total"),
    ("{name}{year} administrative penalties", "proactive.penalty.decisions"),
    ("{name}{year} partly disclosed", "applications.outcome.partly_disclosed.total"),
)
DEPT_EN: dict[str, str] = {
    "发展和改革局": "Development and Reform Bureau",
    "财政局": "Finance Bureau",
    "教育局": "Education Bureau",
    "公安局": "Public Security Bureau",
    "民政局": "Civil Affairs Bureau",
    "司法局": "Justice Bureau",
    "人力资源和社会保障局": "Human Resources and Social Security Bureau",
    "自然资源局": "Natural Resources Bureau",
    "生态环境局": "Ecology and Environment Bureau",
    "住房和城乡建设局": "Housing and Urban-Rural Development Bureau",
    "交通运输局": "Transport Bureau",
    "水利局": "Water Resources Bureau",
    "农业农村局": "Agriculture and Rural Affairs Bureau",
    "商务局": "Commerce Bureau",
    "文化广电和旅游局": "Culture, Radio, Television and Tourism Bureau",
    "卫生健康委员会": "Health Commission",
    "应急管理局": "Emergency Management Bureau",
    "审计局": "Audit Bureau",
    "市场监督管理局": "Market Regulation Administration",
    "统计局": "Statistics Bureau",
    "医疗保障局": "Healthcare Security Administration",
    "城市管理局": "Urban Management Bureau",
    "行政审批局": "Administrative Approval Bureau",
    "退役军人事务局": "Veterans Affairs Bureau",
    "人民政府办公室": "People's Government Office",
}
# How people shorten department names (沭阳发改局, 沭阳卫健委).
DEPT_ZH: dict[str, str] = {
    "发展和改革局": "发改局",
    "人力资源和社会保障局": "人社局",
    "住房和城乡建设局": "住建局",
    "交通运输局": "交通局",
    "生态环境局": "环保局",
    "文化广电和旅游局": "文旅局",
    "卫生健康委员会": "卫健委",
    "应急管理局": "应急局",
    "市场监督管理局": "市场监管局",
    "医疗保障局": "医保局",
    "城市管理局": "城管局",
    "行政审批局": "审批局",
    "退役军人事务局": "退役军人局",
    "人民政府办公室": "政府办",
}
# Sub-figures in the words people use for them ({name}, {year}, {in_year} as in EN_FIELDS)
SUB_ZH: tuple[tuple[str, str], ...] = (
    ("行政复议被纠错几件", "review.corrected"),
    ("复议后又起诉的有几件", "litigation.after_review.total"),
    ("因为本机关不掌握而无法提供的有多少", "applications.outcome.unavailable.not_held.total"),
    ("信息不存在的申请有多少", "applications.outcome.unavailable.not_held.total"),
    ("当被告多少次", "litigation.total"),
    ("公司申请了多少", "applications.new.commercial"),
    ("律所申请多少件", "applications.new.legal_service"),
    ("因涉密不公开的有多少", "applications.outcome.withheld.state_secret.total"),
    ("过程性信息不予公开多少件", "applications.outcome.withheld.process_info.total"),
    ("重复申请不予处理的多少", "applications.outcome.not_processed.duplicate.total"),
    ("没经过复议直接起诉的有几件", "litigation.direct.total"),
)
SUB_EN: tuple[tuple[str, str], ...] = (
    ("how many reconsiderations were overturned at {name}{in_year}", "review.corrected"),
    ("{name}{year} lawsuits after reconsideration", "litigation.after_review.total"),
    (
        "{name}{year} requests for information that does not exist",
        "applications.outcome.unavailable.not_held.total",
    ),
    ("{name}{year} duplicate requests", "applications.outcome.not_processed.duplicate.total"),
    ("{name}{year} requests from lawyers", "applications.new.legal_service"),
    ("{name}{year} state secrets", "applications.outcome.withheld.state_secret.total"),
)
# Departments no county of the corpus has: asked for, they are not indexed
ABSENT: tuple[tuple[str, str], ...] = (
    ("档案局", "Archives Bureau"),
    ("林业局", "Forestry Bureau"),
    ("体育局", "Sports Bureau"),
    ("科技局", "Science and Technology Bureau"),
    ("信访局", "Petitions Bureau"),
    ("人防办", "Civil Air Defense Office"),
    ("机关事务局", "Government Offices Administration"),
    ("民宗局", "Ethnic and Religious Affairs Bureau"),
    ("大数据局", "Big Data Bureau"),
    ("乡村振兴局", "Rural Revitalization Bureau"),
)
_REGION_EN: tuple[tuple[str, str], ...] = (
    ("自治县", "County"),
    ("县", "County"),
    ("区", "District"),
    ("市", "City"),
    ("旗", "Banner"),
    ("州", "Prefecture"),
    ("盟", "League"),
    ("地区", "Prefecture"),
)
_FAKE = "霓琥珀翡翠琉璃玳瑁麒麟翔鸿雁鹭鸥鹂"


@dataclass(frozen=True)
class Question:
    """A question and what a right answer is."""

    kind: str
    text: str
    want: str  # the answer kind expected: figure, choose_agency, not_indexed, trend …
    agency_id: int | None = None
    agency: str | None = None
    year: int | None = None
    key: str | None = None
    others: tuple[str, ...] = ()  # the agencies compared
    region: str | None = None
    members: int = 0  # how many agencies the region has
    other_ids: tuple[int, ...] = ()  # the agencies compared, by id


@lru_cache(maxsize=50_000)
def pinyin(text: str) -> str:
    """Toneless pinyin, joined, lower case: 沭阳 → shuyang."""
    return "".join(lazy_pinyin(text, style=Style.NORMAL, v_to_u=True)).lower().replace("ü", "u")


def region_en(region: str) -> str:
    """沭阳县 → Shuyang County; 鼓楼区 → Gulou District; 高县 → Gao County."""
    for ending, word in _REGION_EN:
        if region.endswith(ending) and len(region) > len(ending):
            name = region[:-1] if len(region) == 2 else proper(region)
            return f"{pinyin(name).capitalize()} {word}"
    return pinyin(region).capitalize()


def english(a: AgencySpec) -> str:
    """The agency's name as government websites translate it."""
    if a.level == "department":
        return f"{region_en(a.county or '')} {DEPT_EN[a.unit]}"
    if a.level == "township":
        word = "Subdistrict" if a.name.endswith("街道办事处") else "Town"
        return f"{pinyin(a.unit).capitalize()} {word}"
    return f"{region_en(a.name.removesuffix('人民政府'))} Government"


def chinese_short(a: AgencySpec) -> str:
    """沭阳发改局, 城关镇, 城东街道, 沭阳县政府, 淮安市政府."""
    if a.level == "department":
        return proper(a.county or "") + DEPT_ZH.get(a.unit, a.unit)
    if a.level == "township":
        return a.unit + ("街道" if a.name.endswith("街道办事处") else "镇")
    return a.name.removesuffix("人民政府") + "政府"


def spelled_region(region: str) -> str:
    """A region as typed in pinyin: shuyangxian, lancangxian, hangzhoushi."""
    short = proper(region)
    return pinyin(short) + (pinyin(region[-1]) if short != region else "")


def spelled(a: AgencySpec) -> str:
    """As typed in pinyin: shuyangxian caizhengju, chengguan zhen, shuyangxian zhengfu."""
    if a.level == "township":
        return f"{pinyin(a.unit)} {'jiedao' if a.name.endswith('街道办事处') else 'zhen'}"
    if a.level == "department":
        return f"{spelled_region(a.county or '')} {pinyin(a.unit)}"
    return f"{spelled_region(a.name.removesuffix('人民政府'))} zhengfu"


def _key(form: str) -> str:
    return re.sub(r"[^a-z\u4e00-\u9fff]", "", form.lower())


def _qualified(kind: str, form: str, place: str) -> str:
    """``form`` placed in ``place``: 沭阳县城关镇人民政府, 杭州西湖司法局, "Chengguan Town,
    Shuyang County", shuyangxian chengguan zhen."""
    if kind == "zh_full":
        return form if form.startswith(place) else place + form
    if kind == "zh_short":
        return form if form.startswith(proper(place)) else proper(place) + form
    if kind == "en":
        return f"{form}, {region_en(place)}"
    return f"{spelled_region(place)} {form}"


MAKERS: dict[str, Callable[[AgencySpec], str]] = {
    "zh_full": lambda a: a.name,
    "zh_short": chinese_short,
    "en": english,
    "pinyin": spelled,
}


class Forms:
    """Every form of every agency, plain and placed in its county and city, to ask about an
    agency by the shortest form that names it alone."""

    def __init__(self, agencies: list[AgencySpec]) -> None:
        self.counts = {
            kind: Counter(_key(f) for a in agencies for f in self.candidates(kind, a))
            for kind in MAKERS
        }

    def candidates(self, kind: str, a: AgencySpec) -> list[str]:
        """The agency's form, then placed in its county (townships), then its city."""
        forms = [MAKERS[kind](a)]
        places = [a.county, a.city] if a.level == "township" else [a.city or a.province]
        for place in places:
            if place and a.level != "province" and place != a.name.removesuffix("人民政府"):
                forms.append(_qualified(kind, forms[-1], place))
        return forms

    def unique(self, kind: str, a: AgencySpec) -> str:
        """The first of the agency's forms that names it alone (else the most placed)."""
        forms = self.candidates(kind, a)
        return next((f for f in forms if self.counts[kind][_key(f)] == 1), forms[-1])


def typo(rng: random.Random, text: str) -> str:
    """One letter of the name changed: any but the first of a word of four letters or more."""
    places = [
        i
        for word in re.finditer(r"[A-Za-z]{4,}", text)
        for i in range(word.start() + 1, word.end())
    ]
    at = rng.choice(places)
    letter = rng.choice([c for c in "abcdefghijklmnopqrstuvwxyz" if c != text[at].lower()])
    return text[:at] + letter + text[at + 1 :]


def fake_names(agencies: list[AgencySpec], count: int, rng: random.Random) -> list[str]:
    """Agency names that exist nowhere in the corpus (nor anywhere in China, likely)."""
    text = "".join(a.name for a in agencies)
    names: list[str] = []
    while len(names) < count:
        proper_name = rng.choice(_FAKE) + rng.choice(_FAKE)
        if proper_name[0] != proper_name[1] and proper_name not in text:
            names.append(proper_name + rng.choice(("县财政局", "区教育局", "镇人民政府", "县")))
    return names
