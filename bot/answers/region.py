"""Answers over a region's agencies: a total, and a ranking. Each says how many agencies
reported, which are missing, and flags reports that break a rule on the figure."""

from decimal import Decimal

from bot.agencies import AgencyRecord, Members, NameIndex, Region
from bot.answers.answer import Answer, AnswerKind
from bot.answers.format import field_label, format_value
from bot.answers.library import Library
from bot.catalogue import Field, field, json_number
from bot.texts import Language, join, say

_NAMES_SHOWN = 8


def _cells(spec: Field) -> list[str]:
    return list(spec.parts) if spec.derived else [spec.key]


def _held(
    library: Library, keys: list[str], year: int, members: list[int]
) -> tuple[dict[int, dict[str, Decimal | None]], set[int]]:
    """The members' cells, and apart the members whose copy lacks some of them (cut off
    before them, or not read): their partial value would be a wrong number in a total."""
    values = library.values(keys=keys, year=year, agency_ids=members)
    cut = library.lacking(keys=keys, year=year, agency_ids=list(values))
    return {i: c for i, c in values.items() if i not in cut}, cut


def _value(spec: Field, cells: dict[str, Decimal | None]) -> Decimal | None:
    printed = [cells[k] for k in _cells(spec) if cells.get(k) is not None]
    return sum((v for v in printed if v is not None), Decimal(0)) if printed else None


def _year(library: Library, region: Region, year: int | None) -> int:
    if year is not None:
        return year
    years = [max(library.years(i)) for i in region.members if library.years(i)]
    return max(years) if years else 0


def _region_name(region: Region, lang: Language) -> str:
    return region.name if lang == Language.ZH else f"{region.name} ({region.english})"


def settle_region(library: Library, region: Region, text: str, lang: Language) -> Region | Answer:
    """The region meant: of namesakes (城中区 of 西宁市 and of 柳州市), the one whose city the
    question names; "which one?" when it names none."""
    index = library.agency_index()
    groups: dict[str, list[int]] = {}
    for member in region.members:
        groups.setdefault(_above(index.entries[member], region.name), []).append(member)
    if len(groups) < 2:
        return region
    named = [p for p in groups if p and (p in text or p.rstrip("市省") in text)]
    if len(named) == 1:
        return Region(region.name, region.english, Members(groups[named[0]]))
    return which_region(index, [region], lang, places=sorted(groups))


def which_region(
    index: NameIndex, regions: list[Region], lang: Language, places: list[str] | None = None
) -> Answer:
    """ "Which region?": namesakes, or names that read alike in English (榆树市, 玉树市)."""
    shown = []
    for region in regions:
        for place in places or [_place_of(index, region)]:
            shown.append(f"{region.name}（{place}）" if place else region.name)
    text = say(lang, "which_region", regions=join(lang, shown))
    return Answer(text, AnswerKind.CHOOSE_REGION, lang)


def _place_of(index: NameIndex, region: Region) -> str:
    return _above(index.entries[region.members[0]], region.name)


def _above(entry: AgencyRecord, region: str) -> str:
    """The region above ``region`` that ``entry`` lies in: its province for a city, its city
    (else province) for a county; nothing for a province."""
    if entry.province == region:
        return ""
    if entry.city == region or entry.city is None:
        return entry.province or ""
    return entry.city


def total(
    library: Library,
    index: NameIndex,
    *,
    region: Region,
    keys: list[str],
    year: int | None,
    lang: Language,
) -> Answer:
    """The figure summed over the region's agencies that reported, and who is missing."""
    spec = field(keys[0])
    when = _year(library, region, year)
    members = sorted(region.members)
    values, cut = _held(library, _cells(spec), when, members)
    name = _region_name(region, lang)
    lines = [say(lang, "region_title", region=name, year=when, label=field_label(spec, lang))]
    if not values:
        lines.append(say(lang, "region_none", region=name, members=len(members), year=when))
        return Answer("\n".join(lines), AnswerKind.TOTAL, lang, year=when, key=spec.key)
    amounts = [v for v in (_value(spec, c) for c in values.values()) if v is not None]
    amount = sum(amounts, Decimal(0))
    lines.append(
        say(
            lang,
            "region_total",
            reported=len(values),
            members=len(members),
            value=format_value(spec, amount, lang),
        )
    )
    if cut:
        names = join(lang, sorted(index.entries[i].name for i in cut))
        lines.append(say(lang, "region_cut", names=names))
    missing = sorted(index.entries[i].name for i in members if i not in values and i not in cut)
    if missing:
        more = (
            say(lang, "more", count=len(missing) - _NAMES_SHOWN)
            if len(missing) > _NAMES_SHOWN
            else ""
        )
        lines.append(
            say(
                lang,
                "region_missing",
                year=when,
                names=join(lang, missing[:_NAMES_SHOWN]),
                more=more,
            )
        )
    return Answer(
        "\n".join(lines),
        AnswerKind.TOTAL,
        lang,
        year=when,
        key=spec.key,
        value=amount,
        unit=spec.unit.zh,
        rows=(
            {
                "region": region.name,
                "reported": len(values),
                "members": len(members),
                "missing": missing,
            },
        ),
    )


def ranking(
    library: Library,
    index: NameIndex,
    *,
    region: Region | None,
    keys: list[str],
    year: int | None,
    lang: Language,
    top: int,
    descending: bool,
) -> Answer:
    """The region's (or every indexed) agencies ordered by the figure: top or bottom N."""
    spec = field(keys[0])
    members = sorted(region.members) if region else sorted(index.entries)
    scope = region or Region("", "", Members(members))
    when = _year(library, scope, year)
    values, cut = _held(library, _cells(spec), when, members)
    flagged = library.flagged(keys=_cells(spec), year=when, agency_ids=list(values))
    scored = [(v, i) for i, c in values.items() if (v := _value(spec, c)) is not None]
    scored.sort(
        key=lambda item: (-item[0] if descending else item[0], index.entries[item[1]].name)
    )
    name = _region_name(region, lang) if region else say(lang, "all_agencies")
    direction = say(lang, "ranking_top" if descending else "ranking_bottom")
    lines = [
        say(
            lang,
            "ranking_title",
            region=name,
            year=when,
            direction=direction,
            count=min(top, len(scored)),
            label=field_label(spec, lang),
        )
    ]
    rows = []
    for rank, (value, agency_id) in enumerate(scored[:top], 1):
        entry = index.entries[agency_id]
        shown = entry.name if lang == Language.ZH else f"{entry.name} ({entry.english})"
        mark = " ⚠" if agency_id in flagged else ""
        lines.append(
            say(
                lang,
                "ranking_line",
                rank=rank,
                agency=shown,
                value=format_value(spec, value, lang),
            )
            + mark
        )
        rows.append(
            {
                "rank": rank,
                "agency": entry.name,
                "value": json_number(spec.key, value),
                "flagged": agency_id in flagged,
            }
        )
    lines.append(say(lang, "ranking_note", reported=len(values), members=len(members)))
    if cut:
        names = join(lang, sorted(index.entries[i].name for i in cut))
        lines.append(say(lang, "region_cut", names=names))
    return Answer(
        "\n".join(lines), AnswerKind.RANKING, lang, year=when, key=spec.key, rows=tuple(rows)
    )
