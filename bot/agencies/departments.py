"""Departments of a government, declared once: how reports print them, how people shorten
them, and the English government websites use. Read by the title reader (a title's 上海市科委
is 上海市科学技术委员会; 城市管理局 is no city called 城), by the name matcher (a question's
平潭国资局 or "Pingtan State-owned Assets Administration") and by the body finder (洪泽区财政局
names a finance bureau, which 洪泽区人民政府 is not).
"""

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Department:
    """One kind of department. ``core`` (printed between the region and 局/委员会) is its
    identity; ``cores`` other printed cores; ``short`` what people call the core for short;
    ``words`` whole short names with the full name each stands for; ``english`` first the
    websites' rendering of the core, then other ways to say it."""

    core: str
    english: tuple[str, ...]
    cores: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    words: tuple[tuple[str, str], ...] = ()

    @property
    def printed(self) -> tuple[str, ...]:
        """Every printed core, the canonical one first."""
        return (self.core, *self.cores)


def _d(
    core: str,
    english: str | tuple[str, ...],
    *,
    cores: tuple[str, ...] = (),
    short: tuple[str, ...] = (),
    words: dict[str, str] | None = None,
) -> Department:
    en = (english,) if isinstance(english, str) else english
    return Department(core, en, cores, short, tuple((words or {}).items()))


DEPARTMENT_TABLE: tuple[Department, ...] = (
    _d(
        "发展和改革",
        "development and reform",
        cores=("发展改革",),
        short=("发改",),
        words={"发改委": "发展和改革委员会", "发改局": "发展和改革局"},
    ),
    _d(
        "市场监督管理",
        ("market regulation", "market supervision", "market supervision and administration"),
        short=("市场监管",),
        words={"市监局": "市场监督管理局", "市场监管局": "市场监督管理局"},
    ),
    _d("财政", "finance"),
    _d("教育", "education"),
    _d("教育体育", "education and sports", short=("教体",), words={"教体局": "教育体育局"}),
    _d("公安", "public security"),
    _d(
        "交通运输",
        ("transport", "transportation"),
        short=("交通",),
        words={"交通局": "交通运输局", "交运局": "交通运输局"},
    ),
    _d(
        "生态环境",
        ("ecology and environment", "environment"),
        short=("环保",),
        words={"环保局": "生态环境局"},
    ),
    _d(
        "卫生健康",
        ("health", "health commission"),
        short=("卫健",),
        words={"卫健委": "卫生健康委员会", "卫健局": "卫生健康局"},
    ),
    _d(
        "卫生和计划生育",
        "health and family planning",
        short=("卫计",),
        words={"卫计委": "卫生和计划生育委员会", "卫计局": "卫生和计划生育局"},
    ),
    _d(
        "人力资源和社会保障",
        ("human resources and social security", "human resources"),
        short=("人社",),
        words={"人社局": "人力资源和社会保障局", "人社厅": "人力资源和社会保障厅"},
    ),
    _d(
        "住房和城乡建设",
        ("housing and urban-rural development", "housing and urban rural development"),
        short=("住建",),
        words={
            "住建局": "住房和城乡建设局",
            "住建委": "住房和城乡建设委员会",
            "住建厅": "住房和城乡建设厅",
        },
    ),
    _d("自然资源", "natural resources"),
    _d(
        "自然资源和规划",
        "natural resources and planning",
        short=("自然资源", "规划", "资规"),
        words={"资规局": "自然资源和规划局"},
    ),
    _d(
        "农业农村",
        ("agriculture and rural affairs", "agriculture"),
        short=("农业",),
        words={"农委": "农业农村委员会"},
    ),
    _d("水利", "water resources"),
    _d("水务", "water affairs"),
    _d("商务", "commerce"),
    _d("文化和旅游", "culture and tourism", short=("文旅",), words={"文旅局": "文化和旅游局"}),
    _d(
        "文化广电和旅游",
        ("culture, radio, television and tourism", "culture and tourism"),
        short=("文广旅", "文旅"),
        words={"文广旅局": "文化广电和旅游局"},
    ),
    _d(
        "旅游与文化体育",
        ("tourism, culture and sports", "tourism culture and sports"),
        cores=("旅游和文化体育",),
        short=("旅文体",),
        words={"旅文体局": "旅游与文化体育局"},
    ),
    _d(
        "文化体育和旅游",
        ("culture, sports and tourism", "culture sports and tourism"),
        short=("文体旅",),
        words={"文体旅局": "文化体育和旅游局"},
    ),
    _d(
        "应急管理",
        "emergency management",
        short=("应急",),
        words={"应急局": "应急管理局"},
    ),
    _d("审计", "audit"),
    _d("统计", "statistics"),
    _d("民政", "civil affairs"),
    _d("司法", "justice"),
    _d(
        "退役军人事务",
        ("veterans affairs", "veterans"),
        short=("退役军人",),
        words={"退役军人局": "退役军人事务局"},
    ),
    _d(
        "医疗保障",
        ("healthcare security", "medical security", "medical insurance"),
        short=("医保",),
        words={"医保局": "医疗保障局"},
    ),
    _d(
        "科学技术",
        ("science and technology", "science and technology commission"),
        short=("科技",),
        words={
            "科委": "科学技术委员会",
            "科技委": "科学技术委员会",
            "科技局": "科学技术局",
            "科技厅": "科学技术厅",
        },
    ),
    _d(
        "工业和信息化",
        "industry and information technology",
        short=("工信",),
        words={"工信局": "工业和信息化局", "工信厅": "工业和信息化厅"},
    ),
    _d(
        "经济和信息化",
        "economy and information technology",
        short=("经信",),
        words={"经信局": "经济和信息化局", "经信委": "经济和信息化委员会"},
    ),
    _d(
        "行政审批",
        "administrative approval",
        cores=("行政审批服务",),
        short=("审批",),
        words={"审批局": "行政审批局"},
    ),
    _d("城市管理", "urban management", short=("城管",), words={"城管局": "城市管理局"}),
    _d(
        "政务服务和数据管理",
        ("government services and data management", "government services and data"),
        short=("政数",),
        words={"政数局": "政务服务和数据管理局"},
    ),
    _d("大数据管理", "big data", short=("大数据",), words={"大数据局": "大数据管理局"}),
    _d("数据", "data"),
    _d("税务", "taxation"),
    _d("林业", "forestry"),
    _d("体育", "sport"),
    _d("档案", "archives"),
    _d("信访", "petitions"),
    _d(
        "国有资产监督管理",
        ("state-owned assets supervision and administration", "state-owned assets"),
        short=("国资",),
        words={"国资委": "国有资产监督管理委员会"},
    ),
    _d(
        "国有资产管理",
        ("state-owned assets administration", "state-owned assets"),
        short=("国资",),
        words={"国资局": "国有资产管理局", "国资办": "国有资产管理办公室"},
    ),
    _d(
        "人民防空",
        ("civil air defence", "civil air defense"),
        short=("人防",),
        words={"人防办": "人民防空办公室"},
    ),
    _d(
        "机关事务管理",
        "government offices administration",
        short=("机关事务",),
        words={"机关事务局": "机关事务管理局", "机管局": "机关事务管理局"},
    ),
    _d(
        "民族宗教事务",
        "ethnic and religious affairs",
        short=("民宗",),
        words={"民宗局": "民族宗教事务局", "民宗委": "民族宗教事务委员会"},
    ),
    _d(
        "粮食和物资储备",
        "food and strategic reserves",
        short=("粮储",),
        words={"粮储局": "粮食和物资储备局"},
    ),
    _d(
        "地方金融监督管理",
        "local financial supervision",
        short=("金融",),
        words={"金融局": "地方金融监督管理局"},
    ),
    _d("乡村振兴", "rural revitalization"),
    _d("片区管理", "area administration"),
)

# Printed core → English (the first rendering): what the name matcher and the title reader
# iterate over; every printed core, alternates included.
DEPARTMENTS: dict[str, str] = {core: d.english[0] for d in DEPARTMENT_TABLE for core in d.printed}


@cache
def department_of(core: str) -> Department | None:
    """The department a printed core (发展改革, 发展和改革) or short core (发改) names."""
    for department in DEPARTMENT_TABLE:
        if core in department.printed:
            return department
    return next((d for d in DEPARTMENT_TABLE if core in d.short), None)


@cache
def whole_words() -> dict[str, str]:
    """Whole short names (科委, 国资局, 市监局) → the full names they stand for."""
    return {short: full for d in DEPARTMENT_TABLE for short, full in d.words}


def expand_short(rest: str) -> str:
    """A title's department part with a whole short name spelt out: 科委 → 科学技术委员会;
    other text unchanged."""
    return whole_words().get(rest, rest)


@cache
def department_forms(department: Department) -> tuple[str, ...]:
    """Every Chinese form of the department's core as a question may name it: printed cores,
    short cores, and whole short names (which carry their 局 or 委)."""
    forms = [*department.printed, *department.short]
    forms += [short for short, _full in department.words]
    return tuple(dict.fromkeys(forms))
