"""One identity per agency: its region (the gazetteer's division code) and its canonical
body, whatever name its reports print; stores that hold one agency twice are merged."""

from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import FIXTURES, REPORTS, SHANGHAI, fixed_now

from bot.agencies.bodies import BodyKind, body_of
from bot.agencies.identify import identify_agency
from bot.agencies.named_bodies import body_after, is_other_body
from bot.answers.format import printed_row
from bot.answers.listing import agency_page
from bot.records import IngestStatus
from bot.service.core import DisclosureService
from bot.texts import Language
from store import open_database
from store.migrate import downgrade, migrate

NAMED = FIXTURES / "named"
pytestmark = pytest.mark.backends


@pytest.mark.parametrize(
    ("printed", "name", "identity"),
    [
        ("淮安市洪泽区人民政府", "洪泽区人民政府", "320813|government"),
        ("洪泽区人民政府", "洪泽区人民政府", "320813|government"),
        ("洪泽区政府", "洪泽区人民政府", "320813|government"),
        ("江苏省淮安市洪泽区人民政府办公室", "洪泽区人民政府办公室", "320813|office"),
        ("洪泽区政府办", "洪泽区人民政府办公室", "320813|office"),
        ("上海市科委", "上海市科学技术委员会", "310000|department:科学技术"),
        ("上海市科学技术委员会", "上海市科学技术委员会", "310000|department:科学技术"),
        ("宿迁市沭阳县发改局", "沭阳县发展和改革局", "321322|department:发展和改革"),
        ("沭阳县发展改革局", "沭阳县发展和改革局", "321322|department:发展和改革"),
        ("沭阳县市监局", "沭阳县市场监督管理局", "321322|department:市场监督管理"),
        ("沭阳县人社局", "沭阳县人力资源和社会保障局", "321322|department:人力资源和社会保障"),
        ("沭阳县卫健委", "沭阳县卫生健康委员会", "321322|department:卫生健康"),
        ("沭阳县医保局", "沭阳县医疗保障局", "321322|department:医疗保障"),
        ("沭阳县退役军人局", "沭阳县退役军人事务局", "321322|department:退役军人事务"),
        ("西工区汉屯路街道", "汉屯路街道办事处", "410303|township:汉屯路街道办事处"),
        ("平潭综合实验区管委会", "平潭综合实验区", "~平潭综合实验区|government"),
        (
            "平潭综合实验区国资局",
            "平潭综合实验区国有资产管理局",
            "~平潭综合实验区|department:国有资产管理",
        ),
        (
            "平潭综合实验区旅文体局",
            "平潭综合实验区旅游与文化体育局",
            "~平潭综合实验区|department:旅游与文化体育",
        ),
        (
            "平潭综合实验区君山片区管理局",
            "平潭综合实验区君山片区管理局",
            "~平潭综合实验区|named:君山片区管理局",
        ),
        ("福州市鼓楼区财政局", "鼓楼区财政局", "350102|department:财政"),
        ("南京市鼓楼区财政局", "鼓楼区财政局", "320106|department:财政"),
    ],
)
def test_every_printed_form_is_one_identity(printed: str, name: str, identity: str) -> None:
    agency = identify_agency(printed)
    assert (agency.name, agency.identity, agency.printed) == (name, identity, printed)


def test_regions_are_right_at_every_level() -> None:
    county = identify_agency("淮安市洪泽区人民政府")
    assert (county.parent, county.city, county.province) == ("淮安市", "淮安市", "江苏省")
    office = identify_agency("上海市人民政府办公厅")
    assert (office.parent, office.city, office.province) == ("上海市", None, "上海市")
    district = identify_agency("北京市朝阳区人民政府")  # a municipality's district: no city
    assert (district.parent, district.city, district.province) == ("北京市", None, "北京市")


@pytest.mark.parametrize(
    ("question", "end", "kind", "key"),
    [
        ("洪泽区财政局2023年收到多少申请", 3, BodyKind.DEPARTMENT, "财政"),
        ("平潭交通局2023年", 2, BodyKind.DEPARTMENT, "交通运输"),
        ("上海市人民政府办公厅2025年", 7, BodyKind.OFFICE, ""),
        ("上海市政府2025年", 3, BodyKind.GOVERNMENT, ""),
        ("洪泽区高良涧街道2023年", 3, BodyKind.TOWNSHIP, "高良涧街道办事处"),
        ("洪泽区园林局2023年", 3, BodyKind.NAMED, "园林局"),
        # the Party committee, the congress, the court: no government, named short
        ("洪泽区委2023年", 3, BodyKind.NAMED, "委"),
        ("淮安市人大2024年", 3, BodyKind.NAMED, "人大"),
        ("洪泽区法院收到多少申请", 3, BodyKind.NAMED, "法院"),
        # 办 after a government's whole name: its general office
        ("洪泽区政府办2023年", 5, BodyKind.OFFICE, ""),
        ("洪泽区人民政府办收到多少申请", 7, BodyKind.OFFICE, ""),
        ("洪泽区政府办公室2023年", 5, BodyKind.OFFICE, ""),
        ("淮安市府办2024年", 3, BodyKind.OFFICE, ""),  # 市府办: 市政府办公室
        ("洪泽区区委2023年", 3, BodyKind.NAMED, "区委"),  # the level typed again
        ("Hongze District Finance Bureau 2023", 15, BodyKind.DEPARTMENT, "财政"),
        ("Shanghai general office 2025", 8, BodyKind.OFFICE, ""),
    ],
)
def test_the_body_a_question_names_after_a_place(
    question: str, end: int, kind: BodyKind, key: str
) -> None:
    named = body_after(question, end)
    assert named is not None and (named.body.kind, named.body.key) == (kind, key)


@pytest.mark.parametrize(
    ("question", "end"),
    [
        ("洪泽区2023年收到多少申请", 3),
        ("洪泽区收到多少政府信息公开申请", 3),
        ("洪泽区政府办结多少件", 5),  # 办结: concluded, a verb
        ("洪泽区政府办理了多少申请", 5),
        ("淮安市府办结多少件", 3),
        ("Hongze District 2023 applications received", 15),
    ],
)
def test_no_body_where_the_question_goes_on(question: str, end: int) -> None:
    assert body_after(question, end) is None


def test_another_body_is_another_agency() -> None:
    finance = body_after("洪泽区财政局", 3)
    assert finance is not None and is_other_body(finance, "洪泽区人民政府")
    office = body_after("沭阳县政府办公室", 5)
    assert office is not None and not is_other_body(office, "沭阳县人民政府办公室")
    assert body_of("政府办").kind is BodyKind.OFFICE


@pytest.mark.parametrize(
    ("label", "row"),
    [
        (
            "三、本年度办理结果 (四)无法提供 1.本机关不掌握相关政府信息",
            "1.本机关不掌握相关政府信息",
        ),
        (
            "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)申请人情况"
            "自然人法人或其他组织总计 一、本年新收政府信息公开申请数量",
            "一、本年新收政府信息公开申请数量",
        ),
        ("三、本年度办理结果 (七)总计", "(七)总计"),
        (
            "(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)",
            "(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)",
        ),
        ("行政许可", "行政许可"),
    ],
)
def test_a_citation_reads_the_rows_own_label(label: str, row: str) -> None:
    assert printed_row(label) == row


def _service(url: str) -> DisclosureService:
    return DisclosureService(open_database(url), timezone=SHANGHAI, max_file_bytes=20 << 20)


def _ingest(service: DisclosureService, path: Path) -> None:
    assert (
        service.ingest_bytes(path.name, path.read_bytes(), now=fixed_now()).status
        is IngestStatus.INDEXED
    )


def test_one_agency_however_its_titles_print_it(db_url: str) -> None:
    service = _service(db_url)
    _ingest(service, REPORTS / "001_hongzequ_2023.pdf")  # 洪泽区人民政府
    _ingest(service, NAMED / "n01_huaian_hongze_2024.txt")  # 淮安市洪泽区人民政府
    index = service.agency_index()
    (hongze,) = index.namesakes("洪泽区人民政府")
    assert service.years(hongze) == [2023, 2024] and len(index) == 1
    with service.db.engine.connect() as connection:
        aliases = connection.execute(sa.text("SELECT name FROM agencyalias")).scalars().all()
    assert aliases == ["淮安市洪泽区人民政府"]
    page = agency_page(service, "", 0, Language.ZH).text
    assert "【江苏省 · 淮安市】" in page and "淮安市 · 淮安市" not in page
    service.db.close()


def test_the_office_is_filed_under_its_region_once(db_url: str) -> None:
    service = _service(db_url)
    _ingest(service, REPORTS / "013_shanghai_bgt_2025.txt")
    page = agency_page(service, "", 0, Language.ZH).text
    assert "【上海市】" in page and "上海市 · 上海市" not in page
    service.db.close()


def _insert(connection: sa.Connection, sql: str, **values: object) -> int:
    return int(connection.execute(sa.text(sql + " RETURNING id"), values).scalar_one())


_AGENCY = (
    "INSERT INTO agency (identity, name, parent, level, city, province) "
    "VALUES (:identity, :name, :parent, 'county', '淮安市', '江苏省')"
)
_REPORT = (
    "INSERT INTO report (agency_id, year, layout, source_name, sha256, ingested_at, "
    "current, text_json, labels_json) VALUES (:agency, :year, '2021', :source, :sha, "
    ":at, :current, '{}', '{}')"
)
_SUBSCRIPTION = (
    "INSERT INTO subscription (chat_id, deadlines_json, offsets_json, at, region, "
    "agency_ids_json, language, active, created_at) VALUES "
    "(7, '[]', '[30]', '09:00', '', :ids, 'zh', :active, :at)"
)


def test_a_store_holding_one_agency_twice_is_merged(db_url: str) -> None:
    db = open_database(db_url)
    downgrade(db.engine, "0005")  # the store as it was: an agency per printed name
    at = fixed_now()
    with db.engine.begin() as c:
        short = _insert(
            c, _AGENCY, identity="洪泽区人民政府|淮安市", name="洪泽区人民政府", parent="淮安市"
        )
        full = _insert(
            c,
            _AGENCY,
            identity="淮安市洪泽区人民政府|淮安市",
            name="淮安市洪泽区人民政府",
            parent="淮安市",
        )
        older = _insert(
            c, _REPORT, agency=short, year=2023, source="a.pdf", sha="a", at=at, current=True
        )
        newer = _insert(
            c, _REPORT, agency=full, year=2023, source="b.pdf", sha="b", at=at, current=True
        )
        other = _insert(
            c, _REPORT, agency=full, year=2024, source="c.pdf", sha="c", at=at, current=True
        )
        _insert(c, _SUBSCRIPTION, ids=f"[{full}]", active=True, at=at)
    migrate(db.engine)
    with db.engine.connect() as c:
        agencies = c.execute(sa.text("SELECT id, identity, name, code FROM agency")).all()
        reports = c.execute(sa.text("SELECT id, agency_id, current FROM report ORDER BY id")).all()
        ids = c.execute(sa.text("SELECT agency_ids_json FROM subscription")).scalar_one()
        aliases = c.execute(sa.text("SELECT agency_id, name FROM agencyalias")).all()
    assert [tuple(a) for a in agencies] == [
        (short, "320813|government", "洪泽区人民政府", "320813")
    ]
    # the report indexed last stays current for 2023; the other is kept as history
    assert [tuple(r) for r in reports] == [
        (older, short, False),
        (newer, short, True),
        (other, short, True),
    ]
    assert ids == f"[{short}]"
    assert [tuple(a) for a in aliases] == [(short, "淮安市洪泽区人民政府")]
    db.close()


def test_an_older_export_joins_the_agency_it_names(db_url: str, tmp_path: Path) -> None:
    """An export made before identities were region and body still names its agency by
    name and regions: imported, its reports join that agency."""
    source = _service(f"sqlite:///{tmp_path / 'old.db'}")
    _ingest(source, NAMED / "n01_huaian_hongze_2024.txt")
    (dump,) = list(source.export_reports())
    old = dict(dump.agency, name="淮安市洪泽区人民政府", identity="淮安市洪泽区人民政府|淮安市")
    source.db.close()
    target = _service(db_url)
    _ingest(target, REPORTS / "001_hongzequ_2023.pdf")
    assert target.import_reports([replace(dump, agency=old)]) == (1, 0)
    index = target.agency_index()
    (hongze,) = index.namesakes("洪泽区人民政府")
    assert len(index) == 1 and target.years(hongze) == [2023, 2024]
    target.db.close()
