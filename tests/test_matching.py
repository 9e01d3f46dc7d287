"""Understanding questions: agency names, fields and years."""

from datetime import date

import pytest

from bot.names import AgencyIndex, name_forms
from bot.questions.fields import match_fields
from bot.questions.language import detect_language
from bot.questions.years import find_years

AGENCIES = [
    (1, "汉屯路街道办事处", "西工区"),
    (2, "沭阳县发展和改革局", "沭阳县"),
    (3, "沭阳县人民政府", None),
    (4, "淮安市人民政府", None),
    (5, "洪泽区人民政府", "淮安市"),
    (6, "重庆市人民政府", None),
]


@pytest.fixture(scope="module")
def index() -> AgencyIndex:
    return AgencyIndex(AGENCIES)


@pytest.mark.parametrize(
    ("question", "agency"),
    [
        ("how many applications did Hantun Road receive in 2023", "汉屯路街道办事处"),
        ("汉屯路街道2023年收到多少政府信息公开申请", "汉屯路街道办事处"),
        ("汉屯路街道办事处", "汉屯路街道办事处"),
        ("汉屯路办事处", "汉屯路街道办事处"),
        ("汉屯路", "汉屯路街道办事处"),
        ("hantunlu 2023", "汉屯路街道办事处"),
        ("Han Tun Lu", "汉屯路街道办事处"),
        ("Hàntún Lù", "汉屯路街道办事处"),
        ("Hantun Road Subdistrict", "汉屯路街道办事处"),
        ("Hantun Road Sub-district Office", "汉屯路街道办事处"),
        ("Hantun Road Street Office", "汉屯路街道办事处"),
        ("汉豚路街道", "汉屯路街道办事处"),  # homophone typo
        ("Hantun Raod", "汉屯路街道办事处"),  # English typo
        ("沭阳发改局", "沭阳县发展和改革局"),
        ("Shuyang County Development and Reform Bureau", "沭阳县发展和改革局"),
        ("Shuyang", "沭阳县人民政府"),
        ("淮安市洪泽区", "洪泽区人民政府"),  # 淮安市 qualifies 洪泽区, its parent
        ("Hongze District, Huai'an", "洪泽区人民政府"),
        ("Chongqing", "重庆市人民政府"),  # polyphone: chong, not zhong
    ],
)
def test_agency_found(index: AgencyIndex, question: str, agency: str) -> None:
    hits = index.find(question)
    assert hits, question
    assert hits[0].agency.name == agency


@pytest.mark.parametrize("question", ["Essen", "hessen", "roadster", "nothing here", "2023"])
def test_no_agency_is_no_match(index: AgencyIndex, question: str) -> None:
    assert index.find(question) == []


def test_latin_alias_needs_word_boundaries(index: AgencyIndex) -> None:
    # "shuyang" inside another word is not the county.
    assert index.find("xshuyangx") == []


def test_english_name() -> None:
    assert name_forms("汉屯路街道办事处").english == "Hantun Road Subdistrict Office"
    assert name_forms("沭阳县发展和改革局").english == (
        "Shuyang County Development and Reform Bureau"
    )


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("how many applications did  receive", "applications.new.total"),
        ("收到多少政府信息公开申请", "applications.new.total"),
        ("how many requests were refused", "applications.outcome.withheld.total"),
        ("不予公开多少件", "applications.outcome.withheld.total"),
        ("partly disclosed", "applications.outcome.partly_disclosed.total"),
        ("how many lawsuits", "litigation.total"),
        ("行政诉讼", "litigation.total"),
        ("reconsiderations upheld", "review.upheld"),
        ("行政复议纠正", "review.corrected"),
        ("applications from companies", "applications.new.commercial"),
        ("自然人申请多少", "applications.new.natural_person"),
        ("carried over from last year", "applications.carried_over.total"),
        ("上年结转", "applications.carried_over.total"),
        ("how many were answered", "applications.outcome.total.total"),
        ("fees collected", "proactive.fees.amount"),
        ("规章 本年制发件数", "proactive.rules.issued"),
    ],
)
def test_field_found(question: str, key: str) -> None:
    matches = match_fields(question)
    assert matches and matches[0].key == key, [m.key for m in matches[:3]]


def test_unknown_field_is_no_match() -> None:
    assert match_fields("what is the weather like") == []


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("in 2023", (2023,)),
        ("2023年", (2023,)),
        ("2021-2023", (2021, 2022, 2023)),
        ("2021年到2023年", (2021, 2022, 2023)),
        ("去年", (2025,)),
        ("last year", (2025,)),
        ("前年", (2024,)),
        ("今年", (2026,)),
        ("this year", (2026,)),
    ],
)
def test_years(question: str, years: tuple[int, ...]) -> None:
    found = find_years(question, date(2026, 11, 27))
    assert found is not None and found.years == years


@pytest.mark.parametrize(
    "question", ["上年结转", "本年新收", "carried over from last year", "汉屯路"]
)
def test_table_words_are_not_years(question: str) -> None:
    assert find_years(question, date(2026, 11, 27)) is None


def test_language() -> None:
    assert detect_language("汉屯路 2023") == "zh"
    assert detect_language("Hantun Road 2023") == "en"
    assert detect_language("2023", default="zh") == "zh"
