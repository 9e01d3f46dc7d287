"""Understanding questions: agency names, fields and years."""

from datetime import date

import pytest

from bot.agencies import AgencyRecord, NameIndex, name_forms
from bot.questions.fields import match_fields
from bot.questions.language import detect_language
from bot.questions.years import find_years
from bot.texts import Language

AGENCIES = [
    AgencyRecord(1, "汉屯路街道办事处", "西工区", "洛阳市", "河南省"),
    AgencyRecord(2, "沭阳县发展和改革局", "沭阳县", "宿迁市", "江苏省"),
    AgencyRecord(3, "沭阳县人民政府", None, "宿迁市", "江苏省"),
    AgencyRecord(4, "淮安市人民政府", None, "淮安市", "江苏省"),
    AgencyRecord(5, "洪泽区人民政府", "淮安市", "淮安市", "江苏省"),
    AgencyRecord(6, "重庆市人民政府", None, None, "重庆市"),
    AgencyRecord(7, "汉屯路街道办事处", "老城区", "洛阳市", "河南省"),
]


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return NameIndex(AGENCIES)


def _names(index: NameIndex, question: str) -> list[list[str]]:
    """For each mention, its candidates' names (with parent), best first."""
    return [
        [f"{h.agency.name}|{h.agency.parent}" for h in m.candidates if h.agency]
        for m in index.find(question).agencies
    ]


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
def test_agency_found(index: NameIndex, question: str, agency: str) -> None:
    mentions = index.find(question).agencies
    assert len(mentions) == 1, question
    assert mentions[0].best.agency is not None
    assert mentions[0].best.agency.name == agency


@pytest.mark.parametrize("question", ["Essen", "hessen", "roadster", "nothing here", "2023"])
def test_no_agency_is_no_match(index: NameIndex, question: str) -> None:
    assert index.find(question).agencies == ()


def test_latin_alias_needs_word_boundaries(index: NameIndex) -> None:
    # "shuyang" inside another word is not the county.
    assert index.find("xshuyangx").agencies == ()


def test_namesakes_are_candidates_of_one_mention(index: NameIndex) -> None:
    assert _names(index, "Hantun Road 2023") == [
        ["汉屯路街道办事处|西工区", "汉屯路街道办事处|老城区"]
    ]


@pytest.mark.parametrize(
    "question",
    [
        "Hantun Road in Xigong",
        "西工区汉屯路",
        "汉屯路 2023 西工区",
        "Hantun Road, Xigong District",
    ],
)
def test_a_region_settles_namesakes(index: NameIndex, question: str) -> None:
    assert _names(index, question) == [["汉屯路街道办事处|西工区"]]


def test_two_agencies_are_two_mentions(index: NameIndex) -> None:
    assert _names(index, "compare Hongze and Huaian") == [
        ["洪泽区人民政府|淮安市"],
        ["淮安市人民政府|None"],
    ]
    assert _names(index, "洪泽区和淮安市对比") == [
        ["洪泽区人民政府|淮安市"],
        ["淮安市人民政府|None"],
    ]


@pytest.mark.parametrize(
    ("question", "listed"),
    [
        # 、 lists names: the city beside its district is one of the list, not the district's
        # place (a place is written before, 淮安市洪泽区, or with 的)
        ("洪泽区、淮安市2024年行政复议", ["洪泽区人民政府|淮安市", "淮安市人民政府|None"]),
        ("淮安市、洪泽区2024年行政复议", ["淮安市人民政府|None", "洪泽区人民政府|淮安市"]),
        (
            "洪泽区、沭阳县和淮安市",
            ["洪泽区人民政府|淮安市", "沭阳县人民政府|None", "淮安市人民政府|None"],
        ),
        (
            "沭阳县、淮安市、洪泽区",
            ["沭阳县人民政府|None", "淮安市人民政府|None", "洪泽区人民政府|淮安市"],
        ),
    ],
)
def test_names_listed_with_the_enumeration_comma_are_each_asked_of(
    index: NameIndex, question: str, listed: list[str]
) -> None:
    found = index.find(question)
    assert [m.outside for m in found.agencies] == [None] * len(listed)
    assert _names(index, question) == [[name] for name in listed]


def test_regions_are_found(index: NameIndex) -> None:
    found = index.find("江苏省各机构合计")
    assert [r.region.name for r in found.regions if r.region] == ["江苏省"]
    assert index.regions["江苏省"].members == frozenset({2, 3, 4, 5})


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
        # written short or in Chinese numerals: read, never left for "the latest year"
        ("平潭23年收到多少申请", (2023,)),
        ("洪泽区19年度", (2019,)),
        ("Pingtan '23 applications", (2023,)),
        ("Pingtan ’21", (2021,)),
        ("二〇二三年", (2023,)),
        ("二零二一年度", (2021,)),
        ("二○一九年", (2019,)),
        ("23年和24年", (2023, 2024)),
        ("27年", (2027,)),  # next year's report, this century
        ("99年", (1999,)),  # no report that old: "not indexed", not 2099 nor the latest
        # the last few years: those whose reports are out by now (2026's comes in 2027)
        ("近3年", (2023, 2024, 2025)),
        ("过去五年", (2021, 2022, 2023, 2024, 2025)),
        ("最近两年", (2024, 2025)),
        ("近二年", (2024, 2025)),
        ("applications over the last 3 years", (2023, 2024, 2025)),
        ("in the past two years", (2024, 2025)),
    ],
)
def test_years(question: str, years: tuple[int, ...]) -> None:
    found = find_years(question, date(2026, 11, 27))
    assert found is not None and found.years == years


@pytest.mark.parametrize(
    "question",
    [
        "上年结转",
        "本年新收",
        "carried over from last year",
        "汉屯路",
        # counts of years, not years
        "10年来",
        "满10年",
        "第10年",
        "每年",
        "10年以上",
    ],
)
def test_table_words_are_not_years(question: str) -> None:
    assert find_years(question, date(2026, 11, 27)) is None


def test_language() -> None:
    assert detect_language("汉屯路 2023") == "zh"
    assert detect_language("Hantun Road 2023") == "en"
    assert detect_language("2023", default=Language.ZH) == "zh"


def test_a_county_whose_name_holds_a_division_word_is_not_a_banner() -> None:
    # 社旗县 is a county, not the banner 社旗 followed by 县: read so, 宁晋县人民政府 named
    # 社旗县人民政府办公室 (the 县人民政府 of its name was all a question had to say)
    index = NameIndex(
        [
            AgencyRecord(1, "宁晋县人民政府", None, "邢台市", "河北省"),
            AgencyRecord(2, "社旗县人民政府办公室", "社旗县", "南阳市", "河南省"),
            AgencyRecord(3, "红旗区人民政府", None, "新乡市", "河南省"),
        ]
    )
    assert _names(index, "宁晋县人民政府2022年办结多少件") == [["宁晋县人民政府|None"]]
    assert _names(index, "宁晋县人民政府办结多少件") == [["宁晋县人民政府|None"]]
    assert _names(index, "县人民政府办公室") == []
    assert _names(index, "社旗县政府办") == [["社旗县人民政府办公室|社旗县"]]
    assert _names(index, "红旗区 2023") == [["红旗区人民政府|None"]]


def test_a_region_inside_a_longer_one_does_not_place_an_agency() -> None:
    index = NameIndex(
        [
            AgencyRecord(1, "城南镇人民政府", "榕城区", "揭阳市", "广东省"),
            AgencyRecord(2, "城南镇人民政府", "城区", "晋城市", "山西省"),
        ]
    )
    # 城区 (a district of 晋城市) is written inside 榕城区
    assert _names(index, "榕城区城南镇人民政府2021年结转多少") == [["城南镇人民政府|榕城区"]]
    assert _names(index, "晋城市城区城南镇 2021") == [["城南镇人民政府|城区"]]


@pytest.mark.parametrize(
    ("question", "agency"),
    [
        ("Xiufeng District Urban Management Bureau 2024", "秀峰区城市管理局"),  # not a city 城
        ("秀峰城管 2024", "秀峰区城市管理局"),
        ("Zhengxiangbai Banner People's Government Office", "正镶白旗人民政府办公室"),
        ("正镶白旗政府办", "正镶白旗人民政府办公室"),
        ("Zhengxiangbai Banner", "正镶白旗人民政府"),
        ("Luxi County Healthcare Security Administration", "泸西县医疗保障局"),
    ],
)
def test_department_words_banners_and_administrations(question: str, agency: str) -> None:
    index = NameIndex(
        [
            AgencyRecord(1, "秀峰区人民政府", None, "桂林市", "广西壮族自治区"),
            AgencyRecord(2, "秀峰区城市管理局", "秀峰区", "桂林市", "广西壮族自治区"),
            AgencyRecord(3, "正镶白旗人民政府", None, "锡林郭勒盟", "内蒙古自治区"),
            AgencyRecord(4, "正镶白旗人民政府办公室", "正镶白旗", "锡林郭勒盟", "内蒙古自治区"),
            AgencyRecord(5, "泸西县人民政府", None, "红河哈尼族彝族自治州", "云南省"),
            AgencyRecord(6, "泸西县医疗保障局", "泸西县", "红河哈尼族彝族自治州", "云南省"),
        ]
    )
    mentions = index.find(question).agencies
    assert len(mentions) == 1 and mentions[0].best.agency is not None
    assert mentions[0].best.agency.name == agency


@pytest.mark.parametrize(
    "question",
    [
        "how many applications did Wuyuan County Housing and Urban-Rural Development Bureau,"
        " Bayannaoer City receive",
        "巴彦淖尔市五原县住建局 2024",
        "bayannaoershi wuyuanxian zhujianju 2024",
    ],
)
def test_a_city_above_the_county_places_a_department_not_a_second_agency(question: str) -> None:
    index = NameIndex(
        [
            AgencyRecord(1, "巴彦淖尔市人民政府", None, "巴彦淖尔市", "内蒙古自治区"),
            AgencyRecord(2, "五原县住房和城乡建设局", "五原县", "巴彦淖尔市", "内蒙古自治区"),
        ]
    )
    assert _names(index, question) == [["五原县住房和城乡建设局|五原县"]]


def test_two_agencies_joined_by_and_stay_two() -> None:
    index = NameIndex(
        [
            AgencyRecord(1, "巴彦淖尔市人民政府", None, "巴彦淖尔市", "内蒙古自治区"),
            AgencyRecord(2, "五原县住房和城乡建设局", "五原县", "巴彦淖尔市", "内蒙古自治区"),
        ]
    )
    assert len(index.find("巴彦淖尔市和五原县住建局 2024 对比").agencies) == 2


TYPO_AGENCIES = [
    AgencyRecord(1, "牟定县人民政府", None, "楚雄彝族自治州", "云南省"),
    AgencyRecord(2, "牟定县市场监督管理局", "牟定县", "楚雄彝族自治州", "云南省"),
    AgencyRecord(3, "拱墅区人民政府", None, "杭州市", "浙江省"),
    AgencyRecord(4, "拱墅区文化广电和旅游局", "拱墅区", "杭州市", "浙江省"),
]


@pytest.mark.parametrize(
    ("question", "agency", "how"),
    [
        ("Mouding County Market Regylation Administration 2024", "牟定县市场监督管理局", "fuzzy"),
        (
            "Gongshu District Culture, Radio, Tepevision and Tourism Bureau",
            "拱墅区文化广电和旅游局",
            "fuzzy",
        ),
        ("Mouding County Market Regulation Administration 2024", "牟定县市场监督管理局", "exact"),
        # no department near the words typed: the government, not a guess
        ("Mouding County Zebra Administration 2024", "牟定县人民政府", "exact"),
        ("Mouding County 2024 fees collected", "牟定县人民政府", "exact"),
    ],
)
def test_a_department_typed_wrong_after_a_place_typed_right(
    question: str, agency: str, how: str
) -> None:
    (mention,) = NameIndex(TYPO_AGENCIES).find(question).agencies
    assert mention.best.agency is not None
    assert (mention.best.agency.name, mention.best.how) == (agency, how)


READ_ALIKE = NameIndex(
    [
        AgencyRecord(11, "林西县水利局", "林西县", "赤峰市", "内蒙古自治区", "department"),
        AgencyRecord(12, "临西县水利局", "临西县", "邢台市", "河北省", "department"),
        AgencyRecord(13, "大理市自然资源局", "大理市", "大理白族自治州", "云南省", "department"),
        AgencyRecord(14, "云龙县自然资源局", "云龙县", "大理白族自治州", "云南省", "department"),
        AgencyRecord(15, "荔浦县行政审批局", "荔浦县", "桂林市", "广西壮族自治区", "department"),
        AgencyRecord(
            16, "荔浦县人民政府办公室", "荔浦县", "桂林市", "广西壮族自治区", "department"
        ),
        AgencyRecord(17, "公安县农业农村局", "公安县", "荆州市", "湖北省", "department"),
        AgencyRecord(18, "麟游县公安局", "麟游县", "宝鸡市", "陕西省", "department"),
        AgencyRecord(19, "麟游县农业农村局", "麟游县", "宝鸡市", "陕西省", "department"),
        AgencyRecord(20, "西安区统计局", "西安区", "辽源市", "吉林省", "department"),
        AgencyRecord(21, "中宁县统计局", "中宁县", "中卫市", "宁夏回族自治区", "department"),
    ]
)


@pytest.mark.parametrize(
    ("question", "agencies"),
    [
        # the region beside a name places it; the name's own words settle no namesake
        ("Linxi County Water Resources Bureau, Chifeng City lawsuits", [["林西县水利局"]]),
        # another place's name between a name's parts: 云龙's bureau, in 大理
        ("大理云龙自然资源局2021年办结多少件", [["云龙县自然资源局"]]),
        # each name read where most of it is named
        ("荔浦审批局和荔浦政府办2022年对比", [["荔浦县行政审批局"], ["荔浦县人民政府办公室"]]),
        # no name read across 和: 公安 of one, 农业农村 of the other is no 公安县农业农村局
        ("麟游县公安局和麟游县农业农村局对比", [["麟游县公安局"], ["麟游县农业农村局"]]),
        # xian is 县 here, not 西安
        ("zhongningxian tongjiju 2024", [["中宁县统计局"]]),
    ],
)
def test_names_that_read_alike(question: str, agencies: list[list[str]]) -> None:
    found = READ_ALIKE.find(question).agencies
    assert [[h.agency.name for h in m.candidates if h.agency] for m in found] == agencies
