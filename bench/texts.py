"""The prose of a generated report (sections 一, 五, 六), from the sentences tests/reportgen
writes reports in, and how an agency refers to itself (我县, 本局 …)."""

import random

from bench.agencies import AgencySpec
from bench.testgen import (
    FEE_SENTENCES,
    IMPROVEMENT_SENTENCES,
    OTHER_SENTENCES,
    OVERVIEW_SENTENCES,
    PROBLEM_SENTENCES,
)

_ORDINALS = "一二三四五六七八九"


def short(agency: AgencySpec) -> str:
    """How the agency's report names itself: 我街道, 我镇, 本局, 本委, 本办, 我县, 我市 …"""
    name = agency.name
    if agency.level == "township":
        return "我街道" if name.endswith("街道办事处") else "我镇"
    if agency.level == "department":
        return "本委" if name.endswith("委员会") else "本办" if name.endswith("办公室") else "本局"
    return "我" + name.removesuffix("人民政府")[-1]  # 我县, 我区, 我市, 我州, 我盟, 我省


def _some(rng: random.Random, sentences: tuple[str, ...], keep: int) -> list[str]:
    """The first ``keep`` sentences and, in order, a random half of the rest."""
    return [s for i, s in enumerate(sentences) if i < keep or rng.random() < 0.5]


def report_texts(
    rng: random.Random, agency: AgencySpec, year: int, figures: dict[str, str]
) -> dict[str, str]:
    """Sections 一 (quoting the application counts), 五 and 六 of one report."""
    me = short(agency)
    values = {
        "year": year,
        "short": me,
        "published": 12 + int(rng.random() * 3000),
        "new_total": figures["applications.new.total"],
        "carried_over": figures["applications.carried_over.total"],
        "carried_forward": figures["applications.carried_forward.total"],
        "trainings": 1 + int(rng.random() * 12),
        "fee": 10 + int(rng.random() * 2000),
    }
    overview = _some(rng, OVERVIEW_SENTENCES, keep=1)
    if OVERVIEW_SENTENCES[2] not in overview:
        overview.insert(1, OVERVIEW_SENTENCES[2])
    problems = _some(rng, PROBLEM_SENTENCES, keep=1)
    numbered = "；".join(f"{_ORDINALS[i]}是{s}" for i, s in enumerate(problems))
    better = "".join(_some(rng, IMPROVEMENT_SENTENCES, keep=0)).rstrip("，")
    other = [rng.choice(FEE_SENTENCES), *_some(rng, OTHER_SENTENCES, keep=0)]
    return {
        "overview": "\n".join(s.format(**values) for s in overview),
        "problems": (
            f"{year}年，{me}政府信息公开工作虽然取得了一定成效，但也存在一些不足："
            f"{numbered}。" + (f"\n{better.format(**values)}。" if better else "")
        ),
        "other_matters": "\n".join(s.format(**values) for s in other),
    }
