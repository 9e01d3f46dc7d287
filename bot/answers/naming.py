"""Which agencies a question is about — or why none can be answered for: a body that is not
indexed (洪泽区财政局 is no 洪泽区人民政府), a government asked for where only its office is
indexed, a name typed one edit or one sound away, namesakes. Never another agency's number:
each of these asks back, with the agencies that are indexed as choices."""

from dataclasses import dataclass

from bot.agencies import AgencyRecord, Found, Hit, Mention, NameIndex
from bot.agencies.bodies import BodyKind, body_of
from bot.agencies.identify import agency_body
from bot.agencies.named_bodies import NamedBody, body_after, body_before, is_other_body
from bot.answers.answer import Answer, AnswerKind, Choice
from bot.answers.format import quoted
from bot.answers.library import Library
from bot.questions.intent import without_joiner
from bot.texts import Language, say

_CLOSE = 2.0  # candidates within this score of the best are asked about
_SHOWN = 8  # agencies of a region offered when the one asked for is not indexed
_NOT_A_BODY = ("各", "所有", "全", "每", "哪", "本", "该", "其")
_GOVERNMENT_OR_OFFICE = {BodyKind.GOVERNMENT, BodyKind.OFFICE}


@dataclass(frozen=True)
class Settled:
    """The agencies a question names, one per mention, each certain."""

    entries: list[AgencyRecord]


def settle(library: Library, found: Found, text: str, lang: Language) -> Settled | Answer:
    """The agencies ``found`` names in ``text`` (positions as found), or the question to ask
    back when one of them is not certain."""
    index = library.agency_index()
    entries: list[AgencyRecord] = []
    for mention in found.agencies:
        best = mention.best
        assert best.agency is not None
        others = [m for m in found.agencies if m is not mention]
        after = _past_own_region(text, mention, best.agency)
        named = _named_body(text, after) or body_before(text, mention.start)
        if named is not None:
            named = _before_others(text, named, others)
        if named is not None and is_other_body(named, best.agency.name):
            meant = _of_body(named, mention, best.agency)
            if meant is not None:  # 浦东新政府办: the office, a candidate that read less
                entries.append(meant)
                continue
            typed = text[min(mention.start, named.start) : max(named.end, mention.end)]
            if {named.body.kind, agency_body(best.agency.name).kind} == _GOVERNMENT_OR_OFFICE:
                return did_you_mean([best.agency], typed, lang)  # the government's office
            return not_indexed_here(library, index, typed, best.agency, lang)
        if mention.outside is not None:  # none of the agencies of this name lies there
            typed = (
                f"{mention.typed}（{mention.outside}）"
                if lang == Language.ZH
                else (f"{mention.typed} ({mention.outside})")
            )
            members = _members(library, index, mention.outside)
            return _not_indexed(typed, mention.outside, members, lang)
        if best.partial:  # 上海市人民政府 asked, only its 办公厅 indexed
            return did_you_mean(_agencies(mention.candidates), mention.typed, lang)
        if best.how != "exact":  # a name one edit or one sound away: ask, never answer
            return did_you_mean(_agencies(_rivals(mention)), mention.typed, lang)
        rivals = _rivals(mention)
        if len({h.agency.id for h in rivals if h.agency}) > 1:
            return choose_agency(rivals, lang)
        entries.append(best.agency)
    return Settled(entries)


def body_in_region(library: Library, found: Found, text: str, lang: Language) -> Answer | None:
    """A region named with a body after it (江苏省财政厅, with no 江苏省人民政府 indexed): the
    body is not indexed, and the region's total is not its number."""
    index = library.agency_index()
    for hit in found.regions:
        inside = any(m.start < hit.end and hit.start < m.end for m in found.agencies)
        named = None if inside else _named_body(text, hit.end) or body_before(text, hit.start)
        if named is None or hit.region is None:
            continue
        typed = text[min(hit.start, named.start) : max(named.end, hit.end)]
        members = _members(library, index, hit.region.name)
        own = [e for e in members if _region_of(e) == hit.region.name]
        same = [e for e in own if not is_other_body(named, e.name)]
        if same:  # "Shanghai Generl Office": the region's office, its name typed wrong
            return did_you_mean(same, typed, lang)
        return _not_indexed(typed, hit.region.name, members, lang)
    return None


def _past_own_region(text: str, mention: Mention, entry: AgencyRecord) -> int:
    """Where the words after the mention start, past the rest of its own region's name that
    the question spelt out (浦东|新|政府办: 新 of 浦东新区)."""
    region = _region_of(entry) or ""
    typed = "".join(text[mention.start : mention.end].split())
    end = mention.end
    if typed and region.startswith(typed):
        for char in region[len(typed) :]:
            if end < len(text) and text[end] == char:
                end += 1
    return end


def _of_body(named: NamedBody, mention: Mention, best: AgencyRecord) -> AgencyRecord | None:
    """The one candidate of the mention in the same region that is the body named."""
    region = _region_of(best)
    found = {
        h.agency.id: h.agency
        for h in (*mention.candidates, *mention.others)
        if h.agency is not None
        and _region_of(h.agency) == region
        and not is_other_body(named, h.agency.name)
    }
    return next(iter(found.values())) if len(found) == 1 else None


def body_spans(found: Found, text: str) -> list[tuple[int, int]]:
    """Where the question names bodies beside the agencies and regions it names."""
    places = [(m.start, m.end) for m in found.agencies] + [(r.start, r.end) for r in found.regions]
    spans = []
    for start, end in places:
        for named in (_named_body(text, end), body_before(text, start)):
            if named is not None:
                spans.append((named.start, named.end))
    return spans


def _named_body(text: str, end: int) -> NamedBody | None:
    named = body_after(text, end)
    if named is None or named.text.startswith(_NOT_A_BODY):
        return None
    return named


def _before_others(text: str, named: NamedBody, others: list[Mention]) -> NamedBody | None:
    """``named``, where it holds no other agency's name. Where it does, the words before that
    name: none but a joining word, and the body is the other agency's ("汉屯路和道北路街道办
    事处", "Qingpo Town and Zhongning … Bureau"); others, and they are the first agency's own
    body ("汉屯路派出所和道北路街道办事处": 汉屯路's 派出所, not its street office)."""
    inside = [m.start for m in others if m.start < named.end and named.start < m.end]
    if not inside:
        return named
    words = without_joiner(text[named.start : min(inside)])
    if not words:
        return None
    return NamedBody(words, named.start, named.start + len(words), body_of(words))


def _rivals(mention: Mention) -> list[Hit]:
    best = mention.best.score
    return [h for h in mention.candidates if h.score >= best - _CLOSE]


def _agencies(hits: tuple[Hit, ...] | list[Hit]) -> list[AgencyRecord]:
    found = {h.agency.id: h.agency for h in hits if h.agency is not None}
    return list(found.values())


def agency_label(entry: AgencyRecord, lang: Language) -> str:
    """The agency's name with its region, as a choice shows it."""
    where = entry.parent or entry.city or entry.province
    if not where or entry.name.startswith(where):
        return entry.name
    return f"{entry.name}（{where}）" if lang == Language.ZH else f"{entry.name} ({where})"


def choose_agency(hits: list[Hit], lang: Language) -> Answer:
    """ "Which one?" with up to five candidates as choices."""
    entries = _agencies(hits)[:5]
    choices = tuple(Choice(agency_label(e, lang), agency_id=e.id) for e in entries)
    lines = [say(lang, "choose"), *(f"{i}. {c.label}" for i, c in enumerate(choices, 1))]
    return Answer("\n".join(lines), AnswerKind.CHOOSE_AGENCY, lang, choices=choices)


def choose_among(entries: list[AgencyRecord], lang: Language) -> Answer:
    """ "Which one?" between agencies a question names without comparing them."""
    choices = tuple(Choice(agency_label(e, lang), agency_id=e.id) for e in entries[:5])
    lines = [say(lang, "choose"), *(f"{i}. {c.label}" for i, c in enumerate(choices, 1))]
    return Answer("\n".join(lines), AnswerKind.CHOOSE_AGENCY, lang, choices=choices)


def compared_alone(entry: AgencyRecord, lang: Language) -> Answer:
    """A comparison of which only one agency is indexed: no number for the other."""
    label = agency_label(entry, lang)
    text = say(lang, "compared_alone", agency=label)
    return Answer(text, AnswerKind.NOT_INDEXED, lang, choices=(Choice(label, agency_id=entry.id),))


def did_you_mean(entries: list[AgencyRecord], typed: str, lang: Language) -> Answer:
    """ "Did you mean …?": the name asked for is not indexed as typed."""
    shown = entries[:5]
    choices = tuple(Choice(agency_label(e, lang), agency_id=e.id) for e in shown)
    names = (
        "、".join(c.label for c in choices)
        if lang == Language.ZH
        else " or ".join(c.label for c in choices)
    )
    text = say(lang, "did_you_mean", typed=quoted(typed), names=names)
    return Answer(text, AnswerKind.CHOOSE_AGENCY, lang, choices=choices)


def not_indexed_here(
    library: Library, index: NameIndex, typed: str, found: AgencyRecord, lang: Language
) -> Answer:
    """The body asked for is not indexed: say so, and offer what is indexed in its region."""
    region = _region_of(found)
    members = _members(library, index, region) if region else [found]
    return _not_indexed(typed, region or found.name, members or [found], lang)


def _not_indexed(typed: str, region: str, members: list[AgencyRecord], lang: Language) -> Answer:
    shown = members[:_SHOWN]
    choices = tuple(Choice(agency_label(e, lang), agency_id=e.id) for e in shown)
    lines = [say(lang, "not_indexed_body", typed=quoted(typed), region=region)]
    lines += [f"{i}. {c.label}" for i, c in enumerate(choices, 1)]
    if len(members) > _SHOWN:
        lines.append(say(lang, "more", count=len(members) - _SHOWN).strip())
    return Answer("\n".join(lines), AnswerKind.NOT_INDEXED, lang, choices=choices)


def _region_of(entry: AgencyRecord) -> str | None:
    """The region an agency belongs to: a government's own, another body's parent."""
    if agency_body(entry.name).kind is BodyKind.GOVERNMENT:
        return entry.name.removesuffix("人民政府")
    return entry.parent


def _members(library: Library, index: NameIndex, region: str) -> list[AgencyRecord]:
    """The region's indexed agencies: its government first, then by name."""
    found = index.regions.get(region)
    if found is None:
        return []
    entries = [index.entries[i] for i in found.members if library.years(i)]
    own = f"{region}人民政府"
    return sorted(entries, key=lambda e: (e.name not in {own, region}, e.name))
