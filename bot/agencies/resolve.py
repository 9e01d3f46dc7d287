"""From hits to mentions: overlapping hits name one thing; a region or parent next to an
agency places it (西工区汉屯路, "Hantun Road in Xigong", 淮安市洪泽区), but not across "and"."""

import re
from dataclasses import replace
from functools import lru_cache

from bot.agencies.aliases import region_forms
from bot.agencies.entries import Found, Hit, Mention

#: What stands between a region and the agency it places: nothing, a comma (the English
#: "Chengguan Subdistrict, Muping District"), 的 or "in", or the blanked names of a chain. Never
#: 、: it lists names, each its own ("洪泽区、淮安市和沭阳县" asks of three).
_BLANK = "\x1f"
_QUALIFYING_GAP = re.compile(rf"^[\s,，·的之{_BLANK}]*(?:(?:in|of|at)\b[\s,]*)?$", re.IGNORECASE)


def resolve(hits: list[Hit], question: str) -> Found:
    """Mentions (agencies) and regions, with qualifiers applied and their spans noted."""
    regions = _outermost([h for h in hits if h.region is not None])
    # A chain of qualifiers (江苏省淮安市洪泽区) is adjacent through the names between them.
    question = _blank_spans(question, regions)
    all_mentions = _mentions([h for h in hits if h.agency is not None])
    mentions = _drop_parent_mentions(all_mentions, question)
    qualifiers = [(m.start, m.end) for m in all_mentions if m not in mentions]
    kept = []
    placed: set[int] = set()  # mentions a region beside them placed
    missed: dict[int, str] = {}  # mentions beside a region none of their candidates is in
    for region in regions:
        qualified = False
        for index, mention in enumerate(mentions):
            if _same_span(region, mention) or not _adjacent(region, mention, question):
                continue
            inside = _inside(mention, region)
            if inside:
                mentions[index] = replace(mention, candidates=tuple(inside), others=())
                placed.add(index)
            elif region.region is not None:  # "Chengguan Subdistrict, Muping District"
                missed.setdefault(index, region.region.name)
            qualified = True
        if qualified or _narrows(region, mentions):
            qualifiers.append((region.start, region.end))
        else:
            kept.append(region)
    for index, region_name in missed.items():
        if index not in placed:  # 大理 is 大理市 and 大理州: one of them places 云龙县
            mentions[index] = replace(mentions[index], outside=region_name)
    return Found(tuple(mentions), tuple(_best_regions(kept)), tuple(qualifiers))


def _outermost(regions: list[Hit]) -> list[Hit]:
    """Regions not named inside a longer one: in 榕城区城南镇, 城区 (a district of 晋城市)
    is only part of 榕城区 and must not place the town."""
    return [
        hit
        for hit in regions
        if not any(
            other.start <= hit.start
            and hit.end <= other.end
            and other.end - other.start > hit.end - hit.start
            for other in regions
        )
    ]


def _inside(mention: Mention, region: Hit) -> list[Hit]:
    """The candidates in the region: the best that are, else those that named less of the
    question (城关街道 of 城关区 read "Chengguan" twice; the one of 牟平区 is meant)."""
    if region.region is None:
        return []
    members = region.region.members
    inside = [h for h in mention.candidates if h.agency and h.agency.id in members]
    if inside:
        return inside
    names = {h.agency.name for h in mention.candidates if h.agency}
    # only namesakes of the candidates: another name that read less is no reading of this one
    rest = [
        h for h in mention.others if h.agency and h.agency.name in names and h.agency.id in members
    ]
    best = max((h.coverage for h in rest), default=0)
    return [h for h in rest if h.coverage == best]


def _narrows(region: Hit, mentions: list[Mention]) -> bool:
    """A region named elsewhere in the question (汉屯路…西工区) still settles which of several
    namesakes is meant; the mention keeps only the candidates in the region."""
    narrowed = False
    for index, mention in enumerate(mentions):
        if len({h.agency.id for h in mention.candidates if h.agency}) < 2:
            continue
        if region.start < mention.end and mention.start < region.end:
            continue  # the mention's own words (林西 of 林西县水利局) settle no namesake
        inside = _inside(mention, region)
        if 0 < len(inside) < len(mention.candidates):
            mentions[index] = replace(mention, candidates=tuple(inside))
            narrowed = True
    return narrowed


def _blank_spans(question: str, hits: list[Hit]) -> str:
    chars = list(question)
    for hit in hits:
        chars[hit.start : hit.end] = _BLANK * (hit.end - hit.start)
    return "".join(chars)


def _same_span(hit: Hit, mention: Mention) -> bool:
    return hit.start == mention.start and hit.end == mention.end


def _adjacent(first: Hit | Mention, second: Hit | Mention, question: str) -> bool:
    """True when only a qualifying gap (nothing, a comma, 的, "in") separates the two."""
    left, right = sorted((first, second), key=lambda x: x.start)
    gap = question[left.end : right.start]
    return left.end <= right.start and bool(_QUALIFYING_GAP.match(gap))


def _rank(hit: Hit) -> tuple[float, float, str, int]:
    # down to the id: equal candidates must come out in the same order in every process
    agency = hit.agency
    return (-hit.coverage, -hit.score, agency.name if agency else "", agency.id if agency else 0)


def _mentions(hits: list[Hit]) -> list[Mention]:
    """Overlapping hits are candidates for one mention; mentions in question order. A
    candidate naming less of the question than the best (上海市政府 inside 上海市政府办公厅)
    drops out."""
    groups: list[list[Hit]] = []
    end = -1  # where the last group ends (hits can be many: every agency of a county)
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if groups and hit.start < end:
            groups[-1].append(hit)
            end = max(end, hit.end)
        else:
            groups.append([hit])
            end = hit.end
    mentions = []
    for group in groups:
        ordered = sorted(group, key=_rank)
        best = ordered[0]
        close = [h for h in ordered if h.coverage == best.coverage]
        others = [h for h in ordered if h.coverage != best.coverage]
        mentions.append(Mention(best.start, best.end, best.typed, tuple(close), tuple(others)))
    return mentions


def _drop_parent_mentions(mentions: list[Mention], question: str) -> list[Mention]:
    """In 淮安市洪泽区, 淮安市 (a city government) qualifies 洪泽区: keep only the child. Any
    region above the agency qualifies it ("Wuyuan County Housing Bureau, Bayannaoer City")."""
    kept = []
    for mention in mentions:
        alias = mention.best.alias
        qualifies = any(
            _adjacent(mention, other, question)  # cheap, and rare: first
            and any(alias in _region_forms(h.agency.regions) for h in other.candidates if h.agency)
            for other in mentions
            if other is not mention
        )
        if not qualifies:
            kept.append(mention)
    return kept


@lru_cache(maxsize=20_000)
def _region_forms(regions: frozenset[str]) -> frozenset[str]:
    """Every form of the regions an agency lies in (namesakes' candidates share them)."""
    return frozenset().union(*(_parent_forms(r) for r in regions))


@lru_cache(maxsize=4096)
def _parent_forms(parent: str) -> frozenset[str]:
    return region_forms(parent)


def _best_regions(hits: list[Hit]) -> list[Hit]:
    best: dict[str, Hit] = {}
    for hit in hits:
        assert hit.region is not None
        if hit.region.name not in best or (hit.coverage, hit.score) > (
            best[hit.region.name].coverage,
            best[hit.region.name].score,
        ):
            best[hit.region.name] = hit
    return sorted(best.values(), key=lambda h: h.start)
