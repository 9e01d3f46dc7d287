"""What the bot says when it asks back about an agency (bot/answers/naming.py): each agency
labelled with its region, the choices numbered, at most five (eight for a region's agencies,
with how many more), the typed name quoted, in the user's language. The expected texts are
typed here from the reply tables (bot/texts), not taken from the program's output."""

import pytest
from conftest import SEED, fixed_now

from bot.agencies.entries import Hit
from bot.answers.answer import AnswerKind
from bot.answers.naming import (
    _not_indexed,
    _region_of,
    agency_label,
    choose_agency,
    choose_among,
    compared_alone,
    did_you_mean,
    not_indexed_here,
)
from bot.answers.which import FigureQuestion, figure_keys
from bot.questions.fields import match_fields
from bot.records import AgencyRecord
from bot.service.core import DisclosureService
from bot.texts import Language

ZH, EN = Language.ZH, Language.EN
# a township under a district, a bureau under a city, a department under a province only,
# a region's own government (no parent): each shows a different part of its place
XIGONG = AgencyRecord(1, "汉屯路街道办事处", "西工区", "洛阳市", "河南省", "township")
FINANCE = AgencyRecord(2, "财政局", None, "淮安市", "江苏省", "city")
EDUCATION = AgencyRecord(3, "教育厅", None, None, "江苏省", "province")
HUAIAN = AgencyRecord(4, "淮安市人民政府", None, "淮安市", "江苏省", "city")
BARE = AgencyRecord(5, "某机构", None, None, None, None)


@pytest.mark.parametrize(
    ("entry", "lang", "label"),
    [
        (XIGONG, ZH, "汉屯路街道办事处（西工区）"),
        (XIGONG, EN, "汉屯路街道办事处 (西工区)"),
        (FINANCE, ZH, "财政局（淮安市）"),
        (EDUCATION, EN, "教育厅 (江苏省)"),
        (HUAIAN, ZH, "淮安市人民政府"),  # its name already says where
        (BARE, EN, "某机构"),
    ],
)
def test_an_agency_is_labelled_with_its_nearest_region(
    entry: AgencyRecord, lang: Language, label: str
) -> None:
    assert agency_label(entry, lang) == label


def entries(count: int) -> list[AgencyRecord]:
    return [AgencyRecord(10 + i, f"第{i}街道办事处", "某区") for i in range(1, count + 1)]


def test_which_one_numbers_five_choices_at_most() -> None:
    answer = choose_among(entries(6), EN)
    assert answer.kind is AnswerKind.CHOOSE_AGENCY and answer.language == EN
    assert answer.text == "\n".join(
        ["Which agency do you mean?"] + [f"{i}. 第{i}街道办事处 (某区)" for i in range(1, 6)]
    )
    assert [c.agency_id for c in answer.choices] == [11, 12, 13, 14, 15]
    assert answer.choices[0].label == "第1街道办事处 (某区)"


def test_which_one_in_chinese() -> None:
    answer = choose_among([XIGONG, FINANCE], ZH)
    assert answer.language == ZH
    assert answer.text == "您指的是哪个机构？\n1. 汉屯路街道办事处（西工区）\n2. 财政局（淮安市）"


def test_a_comparison_with_one_agency_indexed_says_so() -> None:
    answer = compared_alone(XIGONG, EN)
    assert answer.kind is AnswerKind.NOT_INDEXED and answer.language == EN
    assert answer.text == (
        "Of the agencies to compare, only 汉屯路街道办事处 (西工区) is indexed; the other "
        "is not. Its figures alone:"
    )
    assert [(c.label, c.agency_id) for c in answer.choices] == [("汉屯路街道办事处 (西工区)", 1)]


def test_did_you_mean_quotes_the_name_and_offers_five_at_most() -> None:
    answer = did_you_mean(entries(7), "第街道  办事处", EN)
    assert answer.kind is AnswerKind.CHOOSE_AGENCY and answer.language == EN
    names = " or ".join(f"第{i}街道办事处 (某区)" for i in range(1, 6))
    assert answer.text == f"第街道 办事处 is not indexed as typed. Did you mean {names}?"
    assert [c.agency_id for c in answer.choices] == [11, 12, 13, 14, 15]


def test_did_you_mean_in_chinese_lists_with_the_enumeration_comma() -> None:
    answer = did_you_mean([XIGONG, FINANCE], "汉屯陆", ZH)
    assert answer.language == ZH and answer.kind is AnswerKind.CHOOSE_AGENCY
    assert answer.text == "没有收录汉屯陆。您是指汉屯路街道办事处（西工区）、财政局（淮安市）吗？"


def test_a_body_not_indexed_offers_eight_of_its_region_and_counts_the_rest() -> None:
    answer = _not_indexed("某区财政局", "某区", entries(11), EN)
    assert answer.kind is AnswerKind.NOT_INDEXED and answer.language == EN
    assert answer.text.split("\n") == [
        "某区财政局 is not indexed; I answer only with its own figures. Indexed in 某区:",
        *(f"{i}. 第{i}街道办事处 (某区)" for i in range(1, 9)),
        "and 3 more",
    ]
    assert [c.agency_id for c in answer.choices] == list(range(11, 19))


def test_eight_agencies_of_a_region_are_all_shown_with_no_more_line() -> None:
    answer = _not_indexed("某区财政局", "某区", entries(8), ZH)
    assert answer.language == ZH and answer.kind is AnswerKind.NOT_INDEXED
    assert answer.text.split("\n") == [
        "尚未收录某区财政局的报告，不能用其他机构的数据回答。某区已收录：",
        *(f"{i}. 第{i}街道办事处（某区）" for i in range(1, 9)),
    ]


def test_nine_agencies_of_a_region_leave_one_more_in_chinese() -> None:
    answer = _not_indexed("某区财政局", "某区", entries(9), ZH)
    assert answer.text.split("\n")[-1] == "等1个"


@pytest.mark.parametrize(
    ("entry", "region"),
    [(HUAIAN, "淮安市"), (XIGONG, "西工区"), (FINANCE, None)],
)
def test_a_government_is_its_own_region_another_body_its_parents(
    entry: AgencyRecord, region: str | None
) -> None:
    assert _region_of(entry) == region


def test_a_comparison_with_one_agency_indexed_in_chinese() -> None:
    answer = compared_alone(XIGONG, ZH)
    assert answer.language == ZH
    assert answer.text == (
        "要对比的机构中只收录了汉屯路街道办事处（西工区），另一个尚未收录。只看它的数据："
    )
    assert [c.label for c in answer.choices] == ["汉屯路街道办事处（西工区）"]


# Which figure (bot/answers/which.py): a figure the words name, or the question back with the
# figures to choose from; never a default figure, never a group's total for a part the words
# name that the catalogue does not know. The keys are typed from the catalogue's tables.
COMMON = (
    "applications.new.total",
    "applications.outcome.total.total",
    "applications.outcome.withheld.total",
    "review.total",
    "litigation.total",
    "proactive.fees.amount",
)
REVIEW_PARTS = {"review.upheld", "review.corrected", "review.other", "review.pending"}


def keys_for(rest: str, *, needs_figure: bool = True) -> list[str] | FigureQuestion:
    return figure_keys(rest, match_fields(rest), needs_figure=needs_figure)


def test_no_figure_named_where_one_is_needed_offers_the_common_ones() -> None:
    assert keys_for("") == FigureQuestion("", COMMON)


def test_no_figure_named_where_a_summary_will_do_asks_nothing() -> None:
    assert keys_for("", needs_figure=False) == []


@pytest.mark.parametrize(
    ("rest", "first"),
    [
        ("行政复议多少件", "review.total"),
        ("行政复议被撤回几件", "review.other"),  # 撤回 is among 其他结果's words
        ("applications", "applications.new.total"),  # a generic word with nothing beside it
        # 没经过复议 says what 未经复议 says: no other figure asked for
        ("没经过复议直接起诉几件", "litigation.direct.total"),
        # asking words on both sides of the figure's name: nothing more precise asked for
        ("有多少行政复议呢", "review.total"),
        ("一共有行政诉讼多少件", "litigation.total"),
    ],
)
def test_words_that_name_a_figure_are_answered(rest: str, first: str) -> None:
    found = keys_for(rest)
    assert isinstance(found, list) and found[0] == first


def test_a_part_of_review_the_catalogue_does_not_know_asks_which() -> None:
    found = keys_for("行政复议被调解几件")
    assert isinstance(found, FigureQuestion)
    assert (found.words, found.unknown, found.keys[0]) == ("调解", False, "review.total")
    assert set(found.keys[1:]) == REVIEW_PARTS


def test_the_parts_offered_are_five_at_most_beside_the_total() -> None:
    found = keys_for("行政诉讼被调解几件")
    assert isinstance(found, FigureQuestion) and found.words == "调解"
    assert found.keys[0] == "litigation.total" and len(found.keys) == 6
    assert set(found.keys[1:]) < {
        "litigation.direct.total",
        "litigation.after_review.total",
        "litigation.upheld",
        "litigation.corrected",
        "litigation.other",
        "litigation.pending",
    }


def test_english_words_of_the_catalogue_left_over_ask_which() -> None:
    found = keys_for("reviews mediated by the court")
    assert isinstance(found, FigureQuestion) and not found.unknown
    assert found.words == "mediated court" and found.keys[0] == "review.total"
    assert set(found.keys[1:]) == REVIEW_PARTS


def test_english_words_outside_the_catalogue_leave_the_figure() -> None:
    assert keys_for("reviews mediated") == ["review.total"]


@pytest.mark.parametrize(
    ("rest", "words"),
    [("被撤回", "撤回"), ("applications withdrawn", "withdrawn"), ("申请被撤回", "撤回")],
)
def test_words_that_name_no_figure_ask_with_six_closest(rest: str, words: str) -> None:
    found = keys_for(rest)
    assert isinstance(found, FigureQuestion)
    assert (found.words, found.unknown, len(found.keys)) == (words, True, 6)


@pytest.mark.parametrize(
    ("question", "lang", "text"),
    [
        (
            "西工区财政局2023年收到多少申请",
            ZH,
            "尚未收录西工区财政局的报告，不能用其他机构的数据回答。西工区已收录：\n"
            "1. 汉屯路街道办事处（西工区）",
        ),
        (
            "Xigong District Finance Bureau 2023 applications",
            EN,
            "Xigong District Finance Bureau is not indexed; I answer only with its own figures. "
            "Indexed in 西工区:\n1. 汉屯路街道办事处 (西工区)",
        ),
    ],
)
def test_a_body_not_indexed_is_said_so_with_what_its_region_has(
    seeded: DisclosureService, question: str, lang: Language, text: str
) -> None:
    answer = seeded.ask(question, now=fixed_now())
    assert (answer.kind, answer.language, answer.text) == (AnswerKind.NOT_INDEXED, lang, text)
    assert [c.agency_id for c in answer.choices] == [1]


def test_a_body_with_no_region_known_is_offered_itself(seeded: DisclosureService) -> None:
    answer = not_indexed_here(seeded, seeded.agency_index(), "财政所", FINANCE, ZH)
    assert (answer.kind, answer.language) == (AnswerKind.NOT_INDEXED, ZH)
    assert answer.text == (
        "尚未收录财政所的报告，不能用其他机构的数据回答。财政局已收录：\n1. 财政局（淮安市）"
    )


def test_a_region_s_agencies_are_offered_government_first_then_by_name(
    seeded: DisclosureService,
) -> None:
    # stored in another order (汉屯路 first): the list is not the store's order
    text = SEED.read_text(encoding="utf-8")
    government = text.replace("西工区汉屯路街道办事处", "洛阳市西工区人民政府")
    government = government.replace("汉屯路街道办事处", "西工区人民政府")
    for name, report in (("gov.txt", government), ("db.txt", text.replace("汉屯路", "道北路"))):
        assert seeded.ingest_bytes(name, report.encode(), now=fixed_now()).status == "indexed"
    answer = seeded.ask("西工区财政局2023年收到多少申请", now=fixed_now())
    assert answer.text.split("\n")[1:] == [
        "1. 西工区人民政府（洛阳市）",
        "2. 汉屯路街道办事处（西工区）",
        "3. 道北路街道办事处（西工区）",
    ]


def hits(agencies: list[AgencyRecord]) -> list[Hit]:
    return [Hit(10.0, "街道", 0, 2, "exact", typed="街道", agency=a) for a in agencies]


def test_which_one_among_namesakes_offers_each_agency_once_five_at_most() -> None:
    six = entries(6)
    answer = choose_agency(hits([six[0], six[0], *six[1:]]), EN)
    assert (answer.kind, answer.language) == (AnswerKind.CHOOSE_AGENCY, EN)
    assert answer.text == "\n".join(
        ["Which agency do you mean?"] + [f"{i}. 第{i}街道办事处 (某区)" for i in range(1, 6)]
    )
    assert [c.agency_id for c in answer.choices] == [11, 12, 13, 14, 15]


def test_which_one_among_namesakes_in_chinese() -> None:
    answer = choose_agency(hits([XIGONG, FINANCE]), ZH)
    assert (answer.kind, answer.language) == (AnswerKind.CHOOSE_AGENCY, ZH)
    assert answer.text == "您指的是哪个机构？\n1. 汉屯路街道办事处（西工区）\n2. 财政局（淮安市）"
    assert [c.label for c in answer.choices] == ["汉屯路街道办事处（西工区）", "财政局（淮安市）"]


@pytest.mark.parametrize(
    "question",
    ["浦东新政府办2023年收到多少申请", "浦东政府办2023年收到多少申请"],
)
def test_an_office_named_after_its_region_is_answered_not_its_government(
    service: DisclosureService, question: str
) -> None:
    # 浦东|新|政府办: the words after the region's name (its 新 of 浦东新区 spelt out) name
    # the office, a candidate that read less of the question than the government
    text = SEED.read_text(encoding="utf-8")
    for title, name in (
        ("上海市浦东新区人民政府", "gov.txt"),
        ("上海市浦东新区人民政府办公室", "office.txt"),
    ):
        report = text.replace("西工区汉屯路街道办事处", title).replace("汉屯路街道办事处", title)
        assert service.ingest_bytes(name, report.encode(), now=fixed_now()).status == "indexed"
    answer = service.ask(question, now=fixed_now()).to_json()
    assert (answer["kind"], answer["agency"], answer["year"]) == (
        "figure",
        "浦东新区人民政府办公室",
        2023,
    )
    assert "office.txt" in str(answer["answer"])


def test_an_office_named_after_its_region_is_compared_with_the_next_agency(
    service: DisclosureService,
) -> None:
    # the office settled by its body, the agency after it is still read: both compared
    text = SEED.read_text(encoding="utf-8")
    assert service.ingest_bytes(SEED.name, text.encode(), now=fixed_now()).status == "indexed"
    for title, name in (
        ("上海市浦东新区人民政府", "gov.txt"),
        ("上海市浦东新区人民政府办公室", "office.txt"),
    ):
        report = text.replace("西工区汉屯路街道办事处", title).replace("汉屯路街道办事处", title)
        assert service.ingest_bytes(name, report.encode(), now=fixed_now()).status == "indexed"
    answer = service.ask("比较浦东新政府办和汉屯路2023年收到多少申请", now=fixed_now())
    assert answer.kind is AnswerKind.COMPARE, answer.text
    assert [r["agency"] for r in answer.to_json()["rows"]] == [
        "浦东新区人民政府办公室",
        "汉屯路街道办事处",
    ]


@pytest.mark.parametrize(
    ("rest", "closest"),
    [
        ("行政复议尚未审完几件", "review.pending"),  # 尚未审完: one character off 尚未审结
        ("reviews still pendng", "review.pending"),  # pending, typed wrong
        ("reviews corected by court", "review.corrected"),  # corrected, typed wrong
        ("reviews undecidd by court", "review.pending"),  # undecided (pending), typed wrong
        ("reviews upheldd by court", "review.upheld"),  # upheld, typed wrong
    ],
)
def test_the_part_closest_to_the_words_is_offered_first(rest: str, closest: str) -> None:
    found = keys_for(rest)
    assert isinstance(found, FigureQuestion) and not found.unknown
    assert found.keys[:2] == ("review.total", closest)
    assert set(found.keys[1:]) == REVIEW_PARTS


def test_the_next_agency_s_own_words_are_not_a_body_of_the_first(
    seeded: DisclosureService,
) -> None:
    # 汉屯路和道北路街道办事处: 街道办事处 after 汉屯路 belongs to 道北路, another agency
    # named: both are compared, neither is "not indexed"
    report = SEED.read_text(encoding="utf-8").replace("汉屯路", "道北路")
    assert seeded.ingest_bytes("db.txt", report.encode(), now=fixed_now()).status == "indexed"
    answer = seeded.ask("比较汉屯路和道北路街道办事处2023年收到多少申请", now=fixed_now())
    assert answer.kind is AnswerKind.COMPARE
    assert [r["agency"] for r in answer.to_json()["rows"]] == [
        "汉屯路街道办事处",
        "道北路街道办事处",
    ]


@pytest.mark.parametrize(
    ("question", "typed"),
    [
        # another agency named after the body: the body is still the first one's
        ("比较汉屯路财政局和道北路街道办事处2023年收到多少申请", "汉屯路财政局"),
        # the next agency's name right where the body ends (typed with no 和 between them)
        ("比较汉屯路人民政府道北路街道办事处2023年收到多少申请", "汉屯路人民政府"),
        # a body the reader does not know (派出所) before the next agency's 街道办事处: the
        # police station's own words, never the street office's numbers
        ("比较汉屯路派出所和道北路街道办事处2023年收到多少申请", "汉屯路派出所"),
        ("汉屯路派出所与道北路街道办事处2023年收到多少申请", "汉屯路派出所"),
        # the other agency named before the body: the body is still the second one's
        ("比较道北路街道办事处和汉屯路财政局2023年收到多少申请", "汉屯路财政局"),
    ],
)
def test_a_body_named_before_the_next_agency_is_not_indexed_not_its_neighbour(
    seeded: DisclosureService, question: str, typed: str
) -> None:
    report = SEED.read_text(encoding="utf-8").replace("汉屯路", "道北路")
    assert seeded.ingest_bytes("db.txt", report.encode(), now=fixed_now()).status == "indexed"
    answer = seeded.ask(question, now=fixed_now())
    assert answer.kind is AnswerKind.NOT_INDEXED
    assert answer.text.startswith(f"尚未收录{typed}的报告")


@pytest.fixture
def with_district(seeded: DisclosureService) -> DisclosureService:
    """The seeded store with 汉屯路's district government indexed too (西工区人民政府)."""
    report = SEED.read_text(encoding="utf-8").replace("汉屯路街道办事处", "西工区人民政府")
    assert seeded.ingest_bytes("xg.txt", report.encode(), now=fixed_now()).status == "indexed"
    return seeded


@pytest.mark.parametrize(
    ("question", "agencies"),
    [
        ("汉屯路、西工区2023年收到多少申请", ["汉屯路街道办事处", "西工区人民政府"]),
        ("西工区、汉屯路2023年收到多少申请", ["西工区人民政府", "汉屯路街道办事处"]),
        # 以及 joins as 和 does: no figure is asked for "以"
        ("汉屯路以及西工区2023年收到多少申请", ["汉屯路街道办事处", "西工区人民政府"]),
    ],
)
def test_agencies_listed_or_joined_are_all_compared(
    with_district: DisclosureService, question: str, agencies: list[str]
) -> None:
    # 西工区 is 汉屯路's district: listed with 、 it is an agency of the list, never the place
    # that drops one of them (the city once vanished from "洪泽区、淮安市和沭阳县")
    answer = with_district.ask(question, now=fixed_now())
    assert answer.kind is AnswerKind.COMPARE
    assert [r["agency"] for r in answer.to_json()["rows"]] == agencies


def test_a_district_written_before_its_street_office_still_places_it(
    with_district: DisclosureService,
) -> None:
    answer = with_district.ask("西工区汉屯路2023年收到多少申请", now=fixed_now())
    assert answer.kind is AnswerKind.FIGURE
    assert answer.to_json()["agency"] == "汉屯路街道办事处"


@pytest.fixture
def two_years(seeded: DisclosureService) -> DisclosureService:
    """The seeded store with 汉屯路's 2024 report too (the 2023 one copied, its year changed)."""
    report = SEED.read_text(encoding="utf-8").replace("2023", "2024")
    assert seeded.ingest_bytes("h24.txt", report.encode(), now=fixed_now()).status == "indexed"
    return seeded


@pytest.mark.parametrize("question", ["汉屯路23年收到多少申请", "汉屯路二〇二三年收到多少申请"])
def test_a_year_written_short_is_the_year_asked_not_the_latest(
    two_years: DisclosureService, question: str
) -> None:
    # with 2024 indexed too, "23年" read as no year answered with 2024's numbers
    answer = two_years.ask(question, now=fixed_now())
    assert answer.kind is AnswerKind.FIGURE
    assert answer.to_json()["year"] == 2023


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # the government's office, named short after the government's whole name
        ("西工区政府办2023年收到多少申请", AnswerKind.CHOOSE_AGENCY),
        ("西工区人民政府办收到多少申请", AnswerKind.CHOOSE_AGENCY),
        ("西工区府办2023年收到多少申请", AnswerKind.CHOOSE_AGENCY),
        # the district's Party committee, congress and court: not its government
        ("西工区委2023年收到多少申请", AnswerKind.NOT_INDEXED),
        ("西工区区委2023年收到多少申请", AnswerKind.NOT_INDEXED),
        ("西工区人大2023年收到多少申请", AnswerKind.NOT_INDEXED),
        ("西工区法院2023年收到多少申请", AnswerKind.NOT_INDEXED),
        ("Xigong District People's Congress 2023 applications", AnswerKind.NOT_INDEXED),
        ("Xigong District Court 2023 applications", AnswerKind.NOT_INDEXED),
    ],
)
def test_another_body_of_a_place_never_gets_its_government_s_numbers(
    with_district: DisclosureService, question: str, kind: AnswerKind
) -> None:
    answer = with_district.ask(question, now=fixed_now())
    assert answer.kind is kind, answer.text
    assert "西工区人民政府" not in answer.to_json().get("agency", "")


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("西工区政府办2023年收到多少申请", "没有收录西工区政府办。您是指西工区人民政府吗？"),
        (
            "Xigong District Government Office 2023 applications",
            "Xigong District Government Office is not indexed as typed."
            " Did you mean 西工区人民政府?",
        ),
    ],
)
def test_a_government_s_office_not_indexed_offers_the_government_in_the_question_s_language(
    with_district: DisclosureService, question: str, text: str
) -> None:
    answer = with_district.ask(question, now=fixed_now())
    assert (answer.kind, answer.text) == (AnswerKind.CHOOSE_AGENCY, text)


def test_a_government_that_concluded_applications_is_still_the_government(
    with_district: DisclosureService,
) -> None:
    answer = with_district.ask("西工区政府2023年办结多少件", now=fixed_now())
    assert answer.to_json().get("agency") == "西工区人民政府", answer.text


@pytest.mark.parametrize(
    "question",
    ["汉屯路2023年和2024年收到申请对比", "compare Hantun Road 2023 and 2024 applications"],
)
def test_two_years_of_one_agency_compared_are_its_trend(
    two_years: DisclosureService, question: str
) -> None:
    # 和 joins the years: no second agency was asked for, none is "not indexed"
    answer = two_years.ask(question, now=fixed_now())
    assert answer.kind is AnswerKind.TREND, answer.text
    assert answer.to_json()["series"] == {"2023": 0.0, "2024": 0.0}  # the seed's zeros


def test_a_comparison_with_an_agency_not_indexed_still_says_so(
    seeded: DisclosureService,
) -> None:
    answer = seeded.ask("比较汉屯路和XX县2023年收到申请", now=fixed_now())
    assert answer.kind is AnswerKind.NOT_INDEXED, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "汉屯路哪年收到申请最多",
        "汉屯路申请最多的一年",
        "which year did Hantun Road receive the most",
    ],
)
def test_which_year_had_the_most_shows_the_agency_s_years(
    two_years: DisclosureService, question: str
) -> None:
    # not a ranking of the agencies of the latest year, whose top may be any year's number
    answer = two_years.ask(question, now=fixed_now())
    assert answer.kind is AnswerKind.TREND, answer.text
    assert set(answer.to_json()["series"]) == {"2023", "2024"}


@pytest.mark.parametrize(
    ("question", "text"),
    [
        (
            "老城区汉屯路2023年收到多少申请",
            "尚未收录汉屯路（老城区）的报告，不能用其他机构的数据回答。老城区已收录：\n"
            "1. 老城区人民政府（洛阳市）",
        ),
        (
            "Hantun Road, Laocheng District 2023 applications",
            "Hantun Road (老城区) is not indexed; I answer only with its own figures."
            " Indexed in 老城区:\n1. 老城区人民政府 (洛阳市)",
        ),
    ],
)
def test_a_name_placed_in_a_region_none_of_its_agencies_lies_in_is_not_indexed(
    seeded: DisclosureService, question: str, text: str
) -> None:
    # 汉屯路 is indexed in 西工区 only: placed in 老城区, it is another agency, not indexed
    report = SEED.read_text(encoding="utf-8").replace(
        "西工区汉屯路街道办事处", "洛阳市老城区人民政府"
    )
    report = report.replace("汉屯路街道办事处", "老城区人民政府")
    assert seeded.ingest_bytes("lc.txt", report.encode(), now=fixed_now()).status == "indexed"
    answer = seeded.ask(question, now=fixed_now())
    assert (answer.kind, answer.text) == (AnswerKind.NOT_INDEXED, text)
