"""Real-looking agencies and the sentences their reports are written in."""

from __future__ import annotations

from dataclasses import dataclass

import hypothesis.strategies as st


@dataclass(frozen=True)
class County:
    """A county-level region (区/县/县级市) and the townships under it."""

    name: str
    townships: tuple[str, ...]


@dataclass(frozen=True)
class City:
    """A prefecture-level city, its province and some of its counties."""

    province: str
    name: str
    counties: tuple[County, ...]


CITIES: tuple[City, ...] = (
    City(
        "河南省",
        "洛阳市",
        (
            County("西工区", ("汉屯路街道办事处", "王城路街道办事处", "唐宫路街道办事处")),
            County("老城区", ("西关街道办事处", "东南隅街道办事处", "邙山镇人民政府")),
            County("涧西区", ("长安路街道办事处", "重庆路街道办事处")),
        ),
    ),
    City(
        "江苏省",
        "淮安市",
        (
            County("洪泽区", ("高良涧街道办事处", "岔河镇人民政府", "老子山镇人民政府")),
            County("清江浦区", ("清河街道办事处", "长西街道办事处", "城南街道办事处")),
        ),
    ),
    City(
        "江苏省",
        "宿迁市",
        (
            County("沭阳县", ("沭城街道办事处", "南湖街道办事处", "胡集镇人民政府")),
            County("宿城区", ("幸福街道办事处", "项里街道办事处")),
        ),
    ),
    City(
        "福建省",
        "福州市",
        (
            County("鼓楼区", ("鼓东街道办事处", "温泉街道办事处", "华大街道办事处")),
            County("仓山区", ("仓前街道办事处", "盖山镇人民政府")),
        ),
    ),
    City(
        "浙江省",
        "杭州市",
        (
            County("西湖区", ("北山街道办事处", "西溪街道办事处", "转塘街道办事处")),
            County("余杭区", ("五常街道办事处", "径山镇人民政府")),
        ),
    ),
    City(
        "四川省",
        "成都市",
        (
            County("武侯区", ("浆洗街街道办事处", "望江路街道办事处", "玉林街道办事处")),
            County("双流区", ("东升街道办事处", "黄甲街道办事处")),
        ),
    ),
)

DEPARTMENTS: tuple[str, ...] = (
    "发展和改革局",
    "财政局",
    "教育局",
    "民政局",
    "自然资源和规划局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "农业农村局",
    "卫生健康委员会",
    "人力资源和社会保障局",
    "市场监督管理局",
    "应急管理局",
    "医疗保障局",
)

KINDS: tuple[str, ...] = ("township", "county", "city", "department")


@dataclass(frozen=True)
class Agency:
    """Who publishes the report: its name, the region above it and its level."""

    name: str
    parent: str | None
    kind: str
    short: str  # how the report names itself in its prose (我街道, 本局 …)


@st.composite
def agencies(draw: st.DrawFn, kind: str | None = None) -> Agency:
    """A real-looking agency of ``kind`` (township, county, city, department), or any."""
    kind = kind or draw(st.sampled_from(KINDS))
    city = draw(st.sampled_from(CITIES))
    county = draw(st.sampled_from(city.counties))
    if kind == "township":
        township = draw(st.sampled_from(county.townships))
        short = "我街道" if township.endswith("街道办事处") else "我镇"
        return Agency(township, county.name, "township", short)
    if kind == "county":
        short = "我县" if county.name.endswith("县") else "我区"
        return Agency(f"{county.name}人民政府", city.name, "county", short)
    if kind == "city":
        return Agency(f"{city.name}人民政府", None, "city", "我市")
    department = draw(st.sampled_from(DEPARTMENTS))
    region = draw(st.sampled_from((county.name, city.name)))
    short = "本委" if department.endswith("委员会") else "本局"
    return Agency(f"{region}{department}", region, "department", short)


OVERVIEW_SENTENCES: tuple[str, ...] = (
    "{year}年，{short}认真贯彻落实《中华人民共和国政府信息公开条例》及上级关于政务公开工作的"
    "部署要求，完善工作机制，细化职责分工，政府信息公开工作取得新进展。",
    "主动公开方面。{short}围绕中心工作，通过政府门户网站、政务新媒体和公示栏等渠道，及时发布"
    "政策文件、工作动态和政策解读等信息，全年主动公开政府信息{published}条。",
    "依申请公开方面。全年共收到政府信息公开申请{new_total}件，上年结转{carried_over}件，"
    "均在法定期限内予以答复，结转下年度继续办理{carried_forward}件。",
    "政府信息管理方面。严格落实公开属性源头认定和保密审查制度，做到“先审查、后公开”，"
    "涉密信息不上网，上网信息不涉密。",
    "平台建设方面。持续优化政府信息公开专栏，规范栏目设置，及时更新政府信息公开指南和目录，"
    "提升信息检索和获取的便利性。",
    "监督保障方面。调整充实政府信息公开工作领导小组，明确专人负责，将政务公开工作纳入年度"
    "绩效考核，组织开展业务培训{trainings}次。",
)

PROBLEM_SENTENCES: tuple[str, ...] = (
    "公开内容的深度和广度仍需拓展，政策解读形式较为单一",
    "工作人员业务水平有待提高，对新《条例》的理解和把握还不够准确",
    "政务新媒体与门户网站的联动不够紧密，信息更新的及时性有待加强",
    "依申请公开办理的规范化水平还需进一步提升",
)

IMPROVEMENT_SENTENCES: tuple[str, ...] = (
    "下一步，{short}将进一步加强组织领导，压实工作责任，",
    "加强业务培训，提升工作人员的业务能力，",
    "丰富政策解读形式，积极回应社会关切，",
    "推动政府信息公开工作规范化、标准化水平持续提升，",
)

FEE_SENTENCES: tuple[str, ...] = (
    "本年度未收取政府信息公开信息处理费。",
    "依据《政府信息公开信息处理费管理办法》，本年度共收取信息处理费{fee}元。",
)

OTHER_SENTENCES: tuple[str, ...] = (
    "无其他需要报告的事项。",
    "{short}全面落实政务公开年度工作要点各项任务，人大代表建议和政协委员提案办理结果"
    "均已按要求公开。",
    "本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
)
