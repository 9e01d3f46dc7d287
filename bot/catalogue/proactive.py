"""Section 二: what the agency published proactively, in the 2021 and the 2019 layouts."""

from bot.catalogue.labels import DECISIONS, DOCUMENTS, ITEMS, TEN_THOUSAND_YUAN, Field, Label, Unit

RULES = Label(
    "rules",
    "规章",
    "government rules",
    (),
    ("政府规章",),
    ("rules", "government rules", "regulations"),
)
NORMATIVE = Label(
    "normative_docs",
    "行政规范性文件",
    "normative documents",
    ("规范性文件",),
    ("规范文件",),
    ("normative documents", "normative docs", "regulatory documents", "policy documents"),
)
LICENSING = Label(
    "licensing",
    "行政许可",
    "administrative licensing",
    (),
    ("许可",),
    ("licensing", "licences", "licenses", "permits", "approvals"),
)
OTHER_SERVICES = Label(
    "other_services",
    "其他对外管理服务事项",
    "other external services",
    ("其他对外管理服务",),
    (),
    ("other services", "other management services"),
)
PENALTY = Label(
    "penalty",
    "行政处罚",
    "administrative penalties",
    (),
    ("处罚",),
    ("penalties", "penalty", "fines", "administrative penalties", "sanctions"),
)
COERCION = Label(
    "coercion",
    "行政强制",
    "administrative coercion",
    (),
    ("强制措施",),
    ("coercion", "coercive measures", "enforcement measures", "compulsory measures"),
)
FEES = Label(
    "fees",
    "行政事业性收费",
    "administrative fees",
    ("事业性收费",),
    ("收费",),
    ("fees", "fee", "charges", "administrative fees", "fees collected"),
)
PROCUREMENT = Label(
    "procurement",
    "政府集中采购",
    "central government procurement",
    ("集中采购",),
    ("采购",),
    ("procurement", "government procurement", "purchasing"),
)

ISSUED = Label(
    "issued",
    "本年制发件数",
    "issued this year",
    ("制发件数",),
    ("制发", "新制发"),
    ("issued", "new", "made", "adopted"),
)
REPEALED = Label(
    "repealed",
    "本年废止件数",
    "repealed this year",
    ("废止件数",),
    ("废止",),
    ("repealed", "abolished", "revoked"),
)
IN_FORCE = Label(
    "in_force",
    "现行有效件数",
    "in force",
    ("现行有效",),
    ("有效",),
    ("in force", "valid", "current", "effective"),
)
DECIDED = Label(
    "decisions",
    "本年处理决定数量",
    "decisions this year",
    ("处理决定数量", "处理决定数"),
    ("决定",),
    ("decisions", "decided", "cases decided"),
)
AMOUNT = Label(
    "amount",
    "本年收费金额（单位：万元）",
    "amount collected",
    ("本年收费金额", "收费金额"),
    ("金额", "多少钱"),
    ("amount", "collected", "revenue", "how much money"),
)
CREATED = Label(
    "created",
    "本年新制作数量",
    "created this year",
    ("新制作数量",),
    ("新制作",),
    ("created", "made"),
)
PUBLISHED = Label(
    "published",
    "本年新公开数量",
    "published this year",
    ("新公开数量",),
    ("新公开",),
    ("published", "newly published"),
)
TOTAL_PUBLISHED = Label(
    "total_published",
    "对外公开总数量",
    "published in total",
    ("公开总数量",),
    ("总数量",),
    ("total published", "published in total"),
)
ITEMS_LAST_YEAR = Label(
    "items_last_year",
    "上一年项目数量",
    "items last year",
    ("上一年项目数",),
    ("上年项目",),
    ("items last year",),
)
ITEMS_CHANGE = Label(
    "items_change",
    "本年增/减",
    "change this year",
    ("本年增减", "增/减"),
    ("增减",),
    ("change", "increase", "decrease"),
)
PROCUREMENT_ITEMS = Label(
    "items", "采购项目数量", "procurement items", ("项目数量",), (), ("items", "projects")
)
PROCUREMENT_AMOUNT = Label(
    "amount",
    "采购总金额",
    "procurement amount",
    ("总金额",),
    ("金额",),
    ("amount", "spent", "how much money"),
)

_2021 = ("2021",)
_2019 = ("2019",)

# (row, column, unit, layouts, decimal, signed)
_CELLS: tuple[tuple[Label, Label, Unit, tuple[str, ...], bool, bool], ...] = (
    (RULES, ISSUED, DOCUMENTS, _2021, False, False),
    (RULES, REPEALED, DOCUMENTS, _2021, False, False),
    (RULES, IN_FORCE, DOCUMENTS, _2021, False, False),
    (NORMATIVE, ISSUED, DOCUMENTS, _2021, False, False),
    (NORMATIVE, REPEALED, DOCUMENTS, _2021, False, False),
    (NORMATIVE, IN_FORCE, DOCUMENTS, _2021, False, False),
    (LICENSING, DECIDED, DECISIONS, ("2019", "2021"), False, False),
    (PENALTY, DECIDED, DECISIONS, ("2019", "2021"), False, False),
    (COERCION, DECIDED, DECISIONS, ("2019", "2021"), False, False),
    (FEES, AMOUNT, TEN_THOUSAND_YUAN, _2021, True, False),
    (RULES, CREATED, DOCUMENTS, _2019, False, False),
    (RULES, PUBLISHED, DOCUMENTS, _2019, False, False),
    (RULES, TOTAL_PUBLISHED, DOCUMENTS, _2019, False, False),
    (NORMATIVE, CREATED, DOCUMENTS, _2019, False, False),
    (NORMATIVE, PUBLISHED, DOCUMENTS, _2019, False, False),
    (NORMATIVE, TOTAL_PUBLISHED, DOCUMENTS, _2019, False, False),
    (LICENSING, ITEMS_LAST_YEAR, ITEMS, _2019, False, False),
    (LICENSING, ITEMS_CHANGE, ITEMS, _2019, False, True),
    (OTHER_SERVICES, ITEMS_LAST_YEAR, ITEMS, _2019, False, False),
    (OTHER_SERVICES, ITEMS_CHANGE, ITEMS, _2019, False, True),
    (OTHER_SERVICES, DECIDED, DECISIONS, _2019, False, False),
    (PENALTY, ITEMS_LAST_YEAR, ITEMS, _2019, False, False),
    (PENALTY, ITEMS_CHANGE, ITEMS, _2019, False, True),
    (COERCION, ITEMS_LAST_YEAR, ITEMS, _2019, False, False),
    (COERCION, ITEMS_CHANGE, ITEMS, _2019, False, True),
    (FEES, ITEMS_LAST_YEAR, ITEMS, _2019, False, False),
    (FEES, ITEMS_CHANGE, ITEMS, _2019, False, True),
    (PROCUREMENT, PROCUREMENT_ITEMS, ITEMS, _2019, False, False),
    (PROCUREMENT, PROCUREMENT_AMOUNT, TEN_THOUSAND_YUAN, _2019, True, False),
)


# Columns in the order the tables print them (both layouts).
COLUMN_ORDER: tuple[Label, ...] = (
    ISSUED,
    REPEALED,
    IN_FORCE,
    CREATED,
    PUBLISHED,
    TOTAL_PUBLISHED,
    ITEMS_LAST_YEAR,
    ITEMS_CHANGE,
    DECIDED,
    AMOUNT,
    PROCUREMENT_ITEMS,
    PROCUREMENT_AMOUNT,
)


def proactive_fields() -> list[Field]:
    """Every cell of the section 二 tables of both layouts."""
    return [
        Field(f"proactive.{row.key}.{col.key}", "二", row, col, unit, layouts, decimal, signed)
        for row, col, unit, layouts, decimal, signed in _CELLS
    ]
