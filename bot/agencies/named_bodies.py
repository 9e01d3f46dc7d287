"""The body a question names next to a place: 洪泽区|财政局, 上海市人民政府|办公厅, "Hongze |
Finance Bureau". When the agency found for the place is another body (洪泽区人民政府 is no
finance bureau), the question is about an agency that is not indexed, never about that one.
"""

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz.distance import DamerauLevenshtein

from bot.agencies.aliases import latin_key
from bot.agencies.bodies import Body, BodyKind, body_of
from bot.agencies.departments import DEPARTMENT_TABLE
from bot.agencies.identify import agency_body
from bot.questions.words import known_words

# What ends a Chinese body's name (局, 委员会, 街道 …)
_ZH_END = re.compile(
    r"委员会|办公室|办公厅|管理局|街道办事处|街道|人民政府|政府办|政府|局|委|厅|办|镇|乡|中心|署"
    r"|人大常委会|人大|政协|人民法院|法院|人民检察院|检察院"
)
_FULL_ENDINGS = ("局", "委员会", "办公室", "中心", "署")
#: Bodies of a place that are not its government and publish no report of ours, named short
#: right after the place: 洪泽区委 (the Party committee), 淮安市人大, 洪泽区法院. Asked about,
#: they are "not indexed", never the government's numbers.
_OTHER_BODIES = frozenset(
    {"委", "党委", "纪委", "监委", "人大", "人大常委会", "政协"}
    | {"省委", "市委", "州委", "县委", "区委", "旗委"}  # 洪泽区区委: the level typed again
    | {"法院", "人民法院", "检察院", "人民检察院"}
)
# A government's name typed whole (洪泽区政府: the mention takes in 政府), then 办: its general
# office, unless 办 begins a verb (政府办结多少件: how many it concluded). 市府办 needs nothing
# here: the mention ends at 市, and 府办 is one of the office's forms (bodies.py).
_GOVERNMENT_BEFORE = re.compile(r"(?:人民)?政府$")
# what makes 办 the start of a verb: 办结 (concluded), 办理, 办完, 办好, 办成, 办了
_OFFICE_VERB = re.compile(r"[结理完好成了]")
_ASKING = re.compile(r"多少|几|吗|呢|申请|收到|哪|什么|怎么|是否")
_EN = re.compile(
    r"^[\s,]*(?P<body>(?:[A-Za-z'’,-]+\s+){0,5}?"
    r"(?:bureau|commission|committee|office|administration|department|subdistrict|"
    r"sub-district|township|town|congress)"
    # a court right after the place: "lawsuits in court", "court cases" are a figure's words
    r"|(?:(?:intermediate\s+)?people'?s\s+)?(?:court|procuratorate)"
    r"(?!\s+(?:cases?|proceedings?|rulings?|actions?|suits?)\b))\b",
    re.IGNORECASE,
)
_EN_OFFICE = re.compile(r"^(?:(?:people'?s\s+)?government\s+)?(?:general\s+)?office$", re.I)
_EN_TOWNSHIP = re.compile(r"\b(?:subdistrict|sub-district|township|town)$", re.I)
_EN_GENERIC = re.compile(
    r"\s*\b(?:bureau|commission|committee|administration|department|office)$", re.I
)


@dataclass(frozen=True)
class NamedBody:
    """A body named in the question: the words, where, and what body they name."""

    text: str
    start: int
    end: int
    body: Body


def body_after(question: str, end: int) -> NamedBody | None:
    """The body named right after position ``end`` (where a place was named), if any."""
    rest = question[end:]
    lead = re.match(r"[\s的]*", rest)
    offset = lead.end() if lead else 0
    run = re.match(r"[\u4e00-\u9fff]{1,12}", rest[offset:])
    if run is not None and offset == 0 and _GOVERNMENT_BEFORE.search(question[:end]):
        office = _office_of_government(run.group(0), end)
        if office is not None:
            return office
    if run is not None:  # the shortest body the characters after the place name
        for ending in _ZH_END.finditer(run.group(0)):
            text = run.group(0)[: ending.end()]
            body = body_of(text)
            if text.endswith("办") and not _office_ends(run.group(0)[len(text) :]):
                continue  # 府办结: concluded, a verb
            if _plausible(text, body):
                return NamedBody(text, end + offset, end + offset + len(text), body)
    match = _EN.match(rest)
    if match is not None:
        text = " ".join(match["body"].split())
        start = end + match.start("body")
        return NamedBody(text, start, start + len(match["body"]), _english_body(text))
    typed = _misspelt_body(rest, end)
    if typed is not None:
        return typed
    match = _PINYIN_BODY.match(rest)
    if match is not None:
        text = match["body"]
        start = end + match.start("body")
        return NamedBody(text, start, start + len(text), Body(BodyKind.NAMED, text, text))
    return None


def _office_of_government(run: str, end: int) -> NamedBody | None:
    """办 right after a government's name (洪泽区政府|办): the government's general office,
    where 办 is not the start of a verb (办结, 办理)."""
    if not run.startswith("办"):
        return None
    rest = run[1:]
    if not _office_ends(rest):
        return None
    text = "办" + rest[:2] if rest.startswith(("公室", "公厅")) else "办"
    return NamedBody(text, end, end + len(text), body_of("政府" + text))


def _office_ends(rest: str) -> bool:
    """Whether the characters after an office's 办 leave it an office (办公室, 办和…, 办收到…),
    not the start of a verb (办结, 办理)."""
    return not _OFFICE_VERB.match(rest)


_EN_BEFORE = re.compile(
    r"(?:\bthe\s+)?(?P<body>(?:[A-Za-z'’,-]+\s+){0,5}?"
    r"(?:bureau|commission|committee|office|administration|department))\s+(?:of|for|in)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# "Lingon Subdistrict, Wangcheng District": a body or place, then the place it lies in
_EN_PLACED = re.compile(
    r"(?P<body>\b(?:[A-Za-z'’-]+\s+){1,5}?(?:subdistrict|sub-district|township|town|county|"
    r"district|city|banner|bureau|commission|committee|office|administration|department|"
    r"government))\s*,\s*$",
    re.IGNORECASE,
)
_EN_PLACE = re.compile(r"\b(?:county|district|city|banner|government)$", re.IGNORECASE)
_EN_PLACE_ANY = re.compile(r"\b(?:county|district|city|banner|government)\b", re.IGNORECASE)
# a body typed in pinyin: wenhuaguangdianheluyouju (局), …jiedao (街道), …zhen (镇)
_PINYIN_BODY = re.compile(
    r"^[\s,]*(?P<body>[a-z]{2,}(?:ju|weiyuanhui|bangongshi|jiedao|zhen))\b", re.IGNORECASE
)


def body_before(question: str, start: int) -> NamedBody | None:
    """The body named right before a place, in English: "the Archives Bureau of Shuyang",
    "Lingon Subdistrict, Wangcheng District" (a place named before it is another body)."""
    placed = _EN_PLACED.search(question[:start])
    if placed is not None:
        begin = _past_asking_words(question, placed.start("body"), placed.end("body"))
        text = " ".join(question[begin : placed.end("body")].split())
        body = _english_body(text)
        if _EN_PLACE_ANY.search(text):  # She County Government, Huangshan City: another place
            body = Body(BodyKind.NAMED, latin_key(text), text)
        return NamedBody(text, begin, placed.end("body"), body)
    match = _EN_BEFORE.search(question[:start])
    if match is None:
        return None
    # "how many applications did the Finance Bureau of …": the body's own words
    begin = _past_asking_words(question, match.start("body"), match.end("body"))
    text = " ".join(question[begin : match.end("body")].split())
    return NamedBody(text, begin, match.end("body"), _english_body(text))


def _past_asking_words(question: str, start: int, end: int) -> int:
    """Where the body's own words start: after "how many requests did" and the like."""
    asking = known_words()
    for word in re.finditer(r"[A-Za-z'’-]+", question[start:end]):
        if word.group(0).lower() not in asking or _EN_PLACE.search(word.group(0)):
            return start + word.start()
    return start


_BODY_WORDS = ("bureau", "commission", "committee", "office", "administration", "department")
_WORD = re.compile(r"[A-Za-z'’-]+")


def _misspelt_body(rest: str, end: int) -> NamedBody | None:
    """A body word typed one letter wrong ("Government Officc"), within the next few words."""
    asking = known_words()
    for index, word in enumerate(_WORD.finditer(rest[:80])):
        lower = word.group(0).lower()
        if index > 5 or lower in asking:
            return None
        close = [w for w in _BODY_WORDS if DamerauLevenshtein.distance(lower, w) == 1]
        if len(lower) >= 5 and close:
            words = [m.group(0) for m in _WORD.finditer(rest[: word.start()])]
            text = " ".join([*words, close[0]])
            start = end + (rest.index(words[0]) if words else word.start())
            return NamedBody(text, start, end + word.end(), _english_body(text))
    return None


def _plausible(text: str, body: Body) -> bool:
    """A department, office or township the words clearly name; another body only with a
    name of two characters or more before a full ending (园林局, not 区委), and no asking
    words in it (收到多少…政府 is no body)."""
    if _ASKING.search(text):
        return False
    if text in _OTHER_BODIES:
        return True
    if body.kind in {BodyKind.DEPARTMENT, BodyKind.OFFICE, BodyKind.TOWNSHIP}:
        return True
    if body.kind is BodyKind.GOVERNMENT:
        return text in {"人民政府", "政府"}
    return len(text) >= 3 and text.endswith(_FULL_ENDINGS)


def _english_body(text: str) -> Body:
    """The body English words name: a department (its words, its Bureau or Office), the
    general office, a township, or another body."""
    if _EN_OFFICE.match(text):
        return body_of("人民政府办公室")
    if _EN_TOWNSHIP.search(text):
        return Body(BodyKind.TOWNSHIP, latin_key(text), text)
    words = latin_key(_EN_GENERIC.sub("", text))
    core = _english_departments().get(words)
    if core is not None:
        return Body(BodyKind.DEPARTMENT, core, core)
    if text.lower().endswith("office"):  # "Generl Office": an office, however spelt
        return body_of("人民政府办公室")
    return Body(BodyKind.NAMED, latin_key(text), text)


@cache
def _english_departments() -> dict[str, str]:
    return {latin_key(en): d.core for d in DEPARTMENT_TABLE for en in d.english}


def is_other_body(named: NamedBody, agency_name: str) -> bool:
    """True when the words name another body than the agency ``agency_name`` is."""
    own = agency_body(agency_name)
    body = named.body
    if body.kind is not own.kind:
        return True
    if body.kind in {BodyKind.GOVERNMENT, BodyKind.OFFICE}:
        return False
    if body.kind is BodyKind.TOWNSHIP and body.key.isascii():
        return False  # "Hantun Road Subdistrict": the span would have taken a name it knew
    return body.key != own.key
