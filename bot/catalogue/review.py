"""Section 四: administrative reconsideration (行政复议) and litigation (行政诉讼)."""

from bot.catalogue.labels import CASES, Field, Label

OUTCOMES: tuple[Label, ...] = (
    Label(
        "upheld",
        "结果维持",
        "upheld",
        ("维持",),
        (),
        ("upheld", "maintained", "affirmed", "sustained"),
    ),
    Label(
        "corrected",
        "结果纠正",
        "corrected",
        ("纠正",),
        ("纠错", "被纠错", "被纠正", "撤销", "改正", "确认违法", "责令履行", "败诉"),
        (
            "corrected",
            "overturned",
            "reversed",
            "overruled",
            "revoked",
            "struck down",
            "lost",
            "ruled against",
        ),
    ),
    Label(
        "other",
        "其他结果",
        "other results",
        (),
        ("其他结果", "驳回", "终止", "撤回"),
        ("other results", "other result", "other outcomes", "dismissed", "withdrawn"),
    ),
    Label(
        "pending",
        "尚未审结",
        "pending",
        ("未审结",),
        ("审理中", "未结"),
        ("pending", "undecided", "ongoing", "not yet decided", "unresolved"),
    ),
    Label(
        "total",
        "总计",
        "total",
        ("合计",),
        ("总数", "一共", "共计"),
        ("total", "in total", "overall", "altogether"),
    ),
)

REVIEW = Label(
    "review",
    "行政复议",
    "administrative reconsiderations",
    ("复议",),
    ("行政复议案件", "复议案件", "被复议"),
    (
        "reconsiderations",
        "reconsideration",
        "administrative reconsideration",
        "administrative reviews",
        "review",
        "reviews",
        "appeals",
        "appeal",
    ),
)
LITIGATION_DIRECT = Label(
    "litigation.direct",
    "行政诉讼 · 未经复议直接起诉",
    "lawsuits filed directly",
    ("未经复议直接起诉", "直接起诉"),
    (
        "直诉",
        "直接提起诉讼",
        "直接向法院起诉",
        "未经复议",
        "没有经过复议",
        "没经过复议",
        "未经过复议",
        "不经复议",
    ),
    (
        "lawsuits filed directly",
        "direct lawsuits",
        "direct litigation",
        "sued directly",
        "lawsuits without reconsideration",
    ),
)
LITIGATION_AFTER_REVIEW = Label(
    "litigation.after_review",
    "行政诉讼 · 复议后起诉",
    "lawsuits after reconsideration",
    ("复议后起诉",),
    (
        "复议后诉讼",
        "复议后又起诉",
        "复议后再起诉",
        "复议后提起诉讼",
        "经复议后起诉",
        "经复议",
        "复议之后起诉",
        "复议后仍起诉",
    ),
    (
        "lawsuits after reconsideration",
        "litigation after review",
        "sued after review",
        "lawsuits after review",
        "sued after reconsideration",
        "after reconsideration",
        "after a reconsideration",
        "after review",
    ),
)
LITIGATION = Label(
    "litigation",
    "行政诉讼",
    "lawsuits",
    ("诉讼",),
    ("起诉", "被起诉", "官司", "被告", "当被告", "成为被告", "被诉", "打官司", "告上法庭"),
    (
        "lawsuits",
        "lawsuit",
        "litigation",
        "court cases",
        "sued",
        "legal actions",
        "suits",
        "defendant",
        "taken to court",
    ),
    "行政诉讼总数",
)


def review_fields() -> list[Field]:
    """The fifteen counts of section 四 and the derived sums of lawsuits of both kinds."""
    fields = [Field(f"review.{o.key}", "四", REVIEW, o, CASES) for o in OUTCOMES]
    for group in (LITIGATION_DIRECT, LITIGATION_AFTER_REVIEW):
        fields.extend(Field(f"{group.key}.{o.key}", "四", group, o, CASES) for o in OUTCOMES)
    # Lawsuits of both kinds together, outcome by outcome: what people mean by "lawsuits
    # upheld". Derived, never stored; litigation.total is the spec's own.
    fields.extend(
        Field(
            f"litigation.{o.key}",
            "四",
            LITIGATION,
            o,
            CASES,
            parts=(f"litigation.direct.{o.key}", f"litigation.after_review.{o.key}"),
        )
        for o in OUTCOMES
    )
    return fields
