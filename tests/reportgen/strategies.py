"""The hypothesis strategy for whole reports."""

from __future__ import annotations

from decimal import Decimal

import hypothesis.strategies as st

from .figures import figures_for
from .model import BLANK_MARKS, YEARS, GeneratedReport
from .names import (
    FEE_SENTENCES,
    IMPROVEMENT_SENTENCES,
    OTHER_SENTENCES,
    OVERVIEW_SENTENCES,
    PROBLEM_SENTENCES,
    Agency,
    agencies,
)

LAYOUTS: tuple[str, ...] = ("2019", "2021")
_ORDINALS = "一二三四五六七八九"


@st.composite
def _subset(draw: st.DrawFn, sentences: tuple[str, ...], keep: int = 1) -> list[str]:
    """The first ``keep`` sentences and, in order, a random selection of the rest."""
    chosen = draw(st.lists(st.booleans(), min_size=len(sentences), max_size=len(sentences)))
    return [s for i, s in enumerate(sentences) if i < keep or chosen[i]]


@st.composite
def _texts(
    draw: st.DrawFn, agency: Agency, year: int, figures: dict[str, Decimal]
) -> tuple[str, str, str]:
    """Prose for sections 一, 五 and 六; the overview quotes the application counts."""
    values = {
        "year": year,
        "short": agency.short,
        "published": draw(st.integers(12, 3000)),
        "new_total": int(figures["applications.new.total"]),
        "carried_over": int(figures["applications.carried_over.total"]),
        "carried_forward": int(figures["applications.carried_forward.total"]),
        "trainings": draw(st.integers(1, 12)),
        "fee": draw(st.integers(10, 2000)),
    }
    overview_parts = draw(_subset(OVERVIEW_SENTENCES, keep=1))
    if OVERVIEW_SENTENCES[2] not in overview_parts:
        overview_parts.insert(1, OVERVIEW_SENTENCES[2])
    overview = "\n".join(s.format(**values) for s in overview_parts)
    problems_found = draw(_subset(PROBLEM_SENTENCES, keep=1))
    numbered = "；".join(f"{_ORDINALS[i]}是{s}" for i, s in enumerate(problems_found))
    improvements = "".join(s.format(**values) for s in draw(_subset(IMPROVEMENT_SENTENCES)))
    problems = (
        f"{year}年，{agency.short}政府信息公开工作虽然取得了一定成效，但也存在一些不足："
        f"{numbered}。\n{improvements.rstrip('，')}。"
    )
    other = [draw(st.sampled_from(FEE_SENTENCES))]
    other += draw(_subset(OTHER_SENTENCES, keep=0))
    other_matters = "\n".join(s.format(**values) for s in other)
    return overview, problems, other_matters


@st.composite
def _blanks(draw: st.DrawFn, figures: dict[str, Decimal]) -> frozenset[str]:
    """Cells printed blank: a few zero cells, or every zero cell of section 三."""
    zeros = [k for k, v in figures.items() if v == 0]
    if not zeros:
        return frozenset()
    if draw(st.booleans()):
        return frozenset(k for k in zeros if k.startswith("applications."))
    return frozenset(draw(st.sets(st.sampled_from(zeros), min_size=1, max_size=15)))


@st.composite
def reports(
    draw: st.DrawFn,
    layout: str | None = None,
    *,
    kind: str | None = None,
    blanks: bool = False,
) -> GeneratedReport:
    """A whole report of ``layout`` ("2019" or "2021"; any if None).

    ``kind`` picks the agency level (township, county, city, department; any if None).
    With ``blanks``, some cells whose value is 0 are printed blank, ``/`` or ``—`` and listed
    in ``not_reported``.
    """
    layout = layout or draw(st.sampled_from(LAYOUTS))
    if layout not in YEARS:
        raise ValueError(f"unknown layout {layout!r}")
    first, last = YEARS[layout]
    year = draw(st.integers(first, last))
    agency = draw(agencies(kind))
    figures = draw(figures_for(layout, agency.kind))
    overview, problems, other_matters = draw(_texts(agency, year, figures))
    not_reported: frozenset[str] = frozenset()
    blank_mark = ""
    if blanks:
        not_reported = draw(_blanks(figures))
        blank_mark = draw(st.sampled_from(BLANK_MARKS))
    return GeneratedReport(
        agency=agency.name,
        parent=agency.parent,
        year=year,
        layout=layout,
        figures=figures,
        overview=overview,
        problems=problems,
        other_matters=other_matters,
        kind=agency.kind,
        not_reported=not_reported,
        blank_mark=blank_mark,
        procurement_unit=draw(st.sampled_from(("元", "万元"))),
    )
