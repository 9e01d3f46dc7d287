"""Drawing the question mix: one method per kind of question (see ``bench.questions.MIX``)."""

import random
from collections import Counter, defaultdict

from bench.agencies import AgencySpec, canonical, proper
from bench.questions import (
    ABSENT,
    EN_FIELDS,
    MIX,
    SUB_EN,
    SUB_ZH,
    ZH_FIELDS,
    Forms,
    Question,
    english,
    fake_names,
    pinyin,
    region_en,
    typo,
)

FIRST_YEAR, LAST_YEAR = 2021, 2025
UNKNOWN_EN: tuple[str, ...] = (
    "Springfield",
    "Gotham City",
    "Rivendell District",
    "Atlantis County",
    "Shangri-La Finance Bureau",
    "Middle Earth Town",
    "Narnia Subdistrict",
)
ZH_TRENDS = (
    ("历年收到申请趋势", "applications.new.total"),
    ("近几年行政诉讼趋势", "litigation.total"),
)
EN_TRENDS = (
    ("{name} applications trend", "applications.new.total"),
    ("{name} lawsuits over the years", "litigation.total"),
)


class Mixer:
    """Questions about ``agencies`` (ids are positions + 1), drawn with ``rng``."""

    def __init__(self, agencies: list[AgencySpec], rng: random.Random) -> None:
        self.agencies = agencies
        self.rng = rng
        self.forms = Forms(agencies)
        self.counties: dict[tuple[str | None, str], list[int]] = defaultdict(list)
        for index, a in enumerate(agencies):
            if a.county:
                self.counties[(a.city or a.province, a.county)].append(index)
        self.county_keys = sorted(self.counties, key=str)
        self.county_names = Counter(county for _, county in self.county_keys)
        # the same department of the counties of one city (沭阳财政局, 泗阳财政局 …)
        self.peers: dict[tuple[str | None, str], list[int]] = defaultdict(list)
        for index, a in enumerate(agencies):
            if a.level == "department":
                self.peers[(a.city or a.province, a.unit)].append(index)
        self.peer_keys = sorted((k for k, v in self.peers.items() if len(v) > 1), key=str)
        names = Counter(a.name for a in agencies if a.level == "township")
        self.namesakes = sorted(n for n, c in names.items() if c > 1)
        self.unit = {a.name: a.unit for a in agencies if a.level == "township"}
        self.cities = sorted({a.city for a in agencies if a.city})
        self.fakes = fake_names(agencies, 50, random.Random(rng.random()))
        # the names the store and the answers give (福州市鼓楼区财政局 is 鼓楼区财政局)
        self.names = [canonical(a).name for a in agencies]
        # each county's government and general office (by position)
        self.offices: dict[tuple[str | None, str], tuple[int, int]] = {}
        for key, members in self.counties.items():
            levels = {
                agencies[i].level if agencies[i].unit != "人民政府办公室" else "office": i
                for i in members
            }
            if "county" in levels and "office" in levels:
                self.offices[key] = (levels["county"], levels["office"])
        self.office_keys = sorted(self.offices, key=str)

    def draw(self, count: int) -> list[Question]:
        """``count`` questions, kinds weighted as in ``MIX``."""
        kinds = self.rng.choices(list(MIX), weights=list(MIX.values()), k=count)
        return [self.one(kind) for kind in kinds]

    def one(self, kind: str) -> Question:
        """One question of ``kind``."""
        if kind in _OWN_METHOD:
            return getattr(self, f"_{kind}")()  # type: ignore[no-any-return]
        return self._single(kind)

    def _pick(self) -> tuple[int, AgencySpec]:
        index = self.rng.randrange(len(self.agencies))
        return index + 1, self.agencies[index]

    def _year(self) -> int:
        return self.rng.randint(FIRST_YEAR, LAST_YEAR)

    def _en(self, template: str, name: str, year: int | None) -> str:
        when = f" in {year}" if year else ""
        return template.format(name=name, in_year=when, year=f" {year}" if year else "")

    def _single(self, kind: str) -> Question:
        agency_id, a = self._pick()
        year: int | None = self._year()
        form = kind
        if kind == "no_year":
            year, form = None, self.rng.choice(("zh_full", "zh_short", "en"))
        elif kind == "typo":
            form = "en"
        name = self.forms.unique(form, a)
        if kind == "typo":
            name = typo(self.rng, name)
        if form in {"zh_full", "zh_short"}:
            phrase, key = self.rng.choice(ZH_FIELDS)
            text = f"{name}{year}年{phrase}" if year else f"{name}{phrase}"
        else:
            template, key = self.rng.choice(EN_FIELDS)
            text = self._en(template, name, year)
        name = self.names[agency_id - 1]
        # a name typed wrong is asked about ("did you mean …?"), with the agency as a choice
        want = "choose_agency" if kind == "typo" else "figure"
        return Question(kind, text, want, agency_id, name, year or LAST_YEAR, key)

    def _namesake(self) -> Question:
        name = self.rng.choice(self.namesakes)
        unit, street = self.unit[name], name.endswith("街道办事处")
        year = self._year()
        if self.rng.random() < 0.7:
            text = f"{unit}{'街道' if street else '镇'}{year}年收到多少申请"
        else:
            where = f"{pinyin(unit).capitalize()} {'Subdistrict' if street else 'Town'}"
            text = f"how many applications did {where} receive in {year}"
        return Question("namesake", text, "choose_agency", agency=name, year=year)

    def _unknown(self) -> Question:
        year = self._year()
        if self.rng.random() < 0.6:
            text = f"{self.rng.choice(self.fakes)}{year}年收到多少政府信息公开申请"
        else:
            text = f"how many applications did {self.rng.choice(UNKNOWN_EN)} receive in {year}"
        return Question("unknown", text, "not_indexed", year=year)

    def _trend(self) -> Question:
        agency_id, a = self._pick()
        if self.rng.random() < 0.5:
            phrase, key = self.rng.choice(ZH_TRENDS)
            text = self.forms.unique("zh_full", a) + phrase
        else:
            template, key = self.rng.choice(EN_TRENDS)
            text = template.format(name=self.forms.unique("en", a))
        return Question("trend", text, "trend", agency_id, self.names[agency_id - 1], key=key)

    def _compare(self) -> Question:
        """Two agencies of one county, or one department of two counties of a city."""
        if self.rng.random() < 0.5 or not self.peer_keys:
            members = self.counties[self.rng.choice(self.county_keys)]
        else:
            members = self.peers[self.rng.choice(self.peer_keys)]
        picked = self.rng.sample(members, 2)
        first, second = (self.agencies[i] for i in picked)
        year = self._year()
        if self.rng.random() < 0.6:
            form = self.rng.choice(("zh_full", "zh_short"))
            one, two = (self.forms.unique(form, a) for a in (first, second))
            text = f"{one}和{two}{year}年行政诉讼对比"
        else:
            one, two = (self.forms.unique("en", a) for a in (first, second))
            text = f"compare {one} and {two} applications in {year}"
        others = tuple(self.names[i] for i in picked)
        key = "litigation.total" if "诉讼" in text else "applications.new.total"
        ids = tuple(i + 1 for i in picked)
        return Question(
            "compare", text, "compare", year=year, key=key, others=others, other_ids=ids
        )

    def _total(self) -> Question:
        up, county = self.rng.choice(self.county_keys)
        year = self._year()
        namesake = self.county_names[county] > 1  # 鼓楼区: say which city's
        if self.rng.random() < 0.7:
            text = f"{up if namesake else ''}{county}各部门{year}年收到申请合计"
        else:
            where = region_en(county) + (f", {region_en(up or '')}" if namesake else "")
            text = f"total applications received by all agencies in {where} in {year}"
        members = len(self.counties[(up, county)])
        key = "applications.new.total"
        return Question("total", text, "total", year=year, key=key, region=county, members=members)

    def _ranking(self) -> Question:
        city = self.rng.choice(self.cities)
        year = self._year()
        if self.rng.random() < 0.6:
            text = f"{city}{year}年行政诉讼排名前5"
        else:
            text = f"{region_en(city)} top 5 by lawsuits in {year}"
        return Question("ranking", text, "ranking", year=year, key="litigation.total", region=city)

    def _unknown_body(self) -> Question:
        """A department no county of the corpus has, in a real county: not indexed (its
        government's figures would be another agency's)."""
        up, county = self.rng.choice(self.county_keys)
        zh, en = self.rng.choice(ABSENT)
        year = self._year()
        namesake = self.county_names[county] > 1  # 鼓楼区: say which city's
        if self.rng.random() < 0.6:
            place = (up or "") + county if namesake else county
            place = place if self.rng.random() < 0.5 else proper(place)
            text = f"{place}{zh}{year}年收到多少申请"
        else:
            where = region_en(county) + (f", {region_en(up or '')}" if namesake else "")
            if self.rng.random() < 0.5:
                text = f"how many applications did {region_en(county)} {en} receive in {year}"
            else:
                text = f"how many applications did the {en} of {where} receive in {year}"
        return Question("unknown_body", text, "not_indexed", year=year, region=county)

    def _sub_figure(self) -> Question:
        """A sub-figure named in everyday words: that figure, not its group's total."""
        agency_id, a = self._pick()
        year = self._year()
        if self.rng.random() < 0.6:
            phrase, key = self.rng.choice(SUB_ZH)
            text = f"{self.forms.unique('zh_full', a)}{year}年{phrase}"
        else:
            template, key = self.rng.choice(SUB_EN)
            text = self._en(template, self.forms.unique("en", a), year)
        name = self.names[agency_id - 1]
        return Question("sub_figure", text, "figure", agency_id, name, year, key)

    def _gov_office(self) -> Question:
        """A county's government or its general office, both indexed: each its own figure."""
        government, office = self.offices[self.rng.choice(self.office_keys)]
        index = self.rng.choice((government, office))
        a = self.agencies[index]
        year = self._year()
        if self.rng.random() < 0.6:
            phrase, key = self.rng.choice(ZH_FIELDS)
            text = f"{self.forms.unique('zh_short', a)}{year}年{phrase}"
        else:
            template, key = self.rng.choice(EN_FIELDS)
            text = self._en(template, self.forms.unique("en", a), year)
        return Question("gov_office", text, "figure", index + 1, self.names[index], year, key)


_OWN_METHOD = frozenset(
    {
        "namesake",
        "unknown",
        "trend",
        "compare",
        "total",
        "ranking",
        "unknown_body",
        "sub_figure",
        "gov_office",
    }
)


def question_mix(agencies: list[AgencySpec], count: int, seed: int = 7) -> list[Question]:
    """``count`` questions about ``agencies`` (agency ids are positions + 1), seeded."""
    return Mixer(agencies, random.Random(seed)).draw(count)


__all__ = ["Mixer", "Question", "english", "question_mix"]
