"""What is indexed, a page at a time, grouped by region: /agencies."""

from dataclasses import dataclass

from bot.agencies import AgencyRecord, latin_key
from bot.answers.library import Library
from bot.texts import Language, join

PER_PAGE = 12


@dataclass(frozen=True)
class Page:
    """One page of the listing."""

    text: str
    page: int
    pages: int
    total: int


def _matches(entry: AgencyRecord, needle: str) -> bool:
    if not needle:
        return True
    places = " ".join(r for r in (entry.name, *entry.regions))
    latin = latin_key(needle)
    return needle in places or (bool(latin) and latin in latin_key(entry.english))


def agency_page(library: Library, needle: str, page: int, lang: Language) -> Page:
    """Agencies whose name or region contains ``needle``, page ``page`` (from 0)."""
    entries = [e for e in library.agency_index().entries.values() if _matches(e, needle.strip())]
    entries.sort(key=lambda e: (_where(e), e.name))
    pages = max(1, -(-len(entries) // PER_PAGE))
    page = min(max(page, 0), pages - 1)
    lines = [_title(len(entries), needle, page, pages, lang)]
    region = None
    for entry in entries[page * PER_PAGE : (page + 1) * PER_PAGE]:
        where = _where(entry)
        if where != region:
            # an agency that names no region (平潭综合实验区) is a region itself: no heading
            if where:
                lines.append(f"【{where}】" if lang == Language.ZH else f"— {where}")
            region = where
        years = join(lang, [str(y) for y in library.years(entry.id)])
        lines.append(f"• {entry.name}: {years}")
    return Page("\n".join(lines), page, pages, len(entries))


def _where(entry: AgencyRecord) -> str:
    """The regions an agency lies in, outermost first, each once: 江苏省 · 淮安市 for
    洪泽区人民政府 (its parent is its city), 上海市 for 上海市人民政府办公厅."""
    chain = [r for r in (entry.province, entry.city, entry.parent) if r]
    return " · ".join(dict.fromkeys(chain))


def _title(count: int, needle: str, page: int, pages: int, lang: Language) -> str:
    scope = f"“{needle}”" if needle else ""
    if lang == Language.ZH:
        return f"已收录机构{scope}：{count}个（第{page + 1}/{pages}页）"
    return (
        f"Indexed agencies{' matching ' + scope if scope else ''}: {count} "
        f"(page {page + 1}/{pages})"
    )
