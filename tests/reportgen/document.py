"""The national template as a list of blocks (paragraphs and tables with merged cells).

Every renderer walks the same blocks, so the four formats print the same report. Tables are
rows of cells, each cell with its row and column span as in the template (国办公开办函〔2021〕30号,
and 〔2019〕60号 for reports of 2019 and 2020); ``grid`` expands the spans to a full matrix.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.catalogue import COLUMNS, GROUPS, OUTCOMES, ROW_GROUP, ROWS, fields_by_key

from .figures import APPLICANTS, REVIEW_GROUPS, outcome_items
from .model import GeneratedReport


@dataclass(frozen=True)
class Cell:
    """A table cell; ``key`` names the figure printed in it, if any."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    vertical: bool = False
    key: str | None = None


@dataclass(frozen=True)
class Table:
    """A table of the template: ``name`` is proactive, applications or review."""

    name: str
    columns: int
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]  # relative column widths


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: the title, a section heading or body text."""

    text: str
    kind: Literal["title", "heading", "body"] = "body"


Block = Paragraph | Table

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
CONTENT = "信息内容"


def _h(text: str, rowspan: int = 1, colspan: int = 1, vertical: bool = False) -> Cell:
    return Cell(text, rowspan, colspan, header=True, vertical=vertical)


def _v(report: GeneratedReport, key: str, colspan: int = 1) -> Cell:
    return Cell(report.cell(key), colspan=colspan, key=key)


def _article(item: str) -> tuple[Cell, ...]:
    return (_h(f"第二十条第（{item}）项", colspan=4),)


def _proactive_2021(r: GeneratedReport) -> Table:
    f = fields_by_key()
    docs = ("issued", "repealed", "in_force")
    rows: list[tuple[Cell, ...]] = [
        _article("一"),
        (_h(CONTENT), *(_h(f[f"proactive.rules.{c}"].column.zh) for c in docs)),
    ]
    for row in ("rules", "normative_docs"):
        label = f[f"proactive.{row}.issued"].row.zh
        rows.append((_h(label), *(_v(r, f"proactive.{row}.{c}") for c in docs)))
    for item, names in (("五", ("licensing",)), ("六", ("penalty", "coercion"))):
        rows += [_article(item), (_h(CONTENT), _h("本年处理决定数量", colspan=3))]
        for name in names:
            key = f"proactive.{name}.decisions"
            rows.append((_h(f[key].row.zh), _v(r, key, colspan=3)))
    rows += [
        _article("八"),
        (_h(CONTENT), _h("本年收费金额（单位：万元）", colspan=3)),
        (_h("行政事业性收费"), _v(r, "proactive.fees.amount", colspan=3)),
    ]
    return Table("proactive", 4, tuple(rows), (3, 2, 2, 2))


def _proactive_2019(r: GeneratedReport) -> Table:
    docs = ("created", "published", "total_published")
    items = ("items_last_year", "items_change", "decisions")
    rows: list[tuple[Cell, ...]] = [
        _article("一"),
        (_h(CONTENT), _h("本年新制作数量"), _h("本年新公开数量"), _h("对外公开总数量")),
    ]
    for row, label in (("rules", "规章"), ("normative_docs", "规范性文件")):
        rows.append((_h(label), *(_v(r, f"proactive.{row}.{c}") for c in docs)))
    header = (_h(CONTENT), _h("上一年项目数量"), _h("本年增/减"), _h("处理决定数量"))
    for item, names in (
        ("五", (("licensing", "行政许可"), ("other_services", "其他对外管理服务事项"))),
        ("六", (("penalty", "行政处罚"), ("coercion", "行政强制"))),
    ):
        rows += [_article(item), header]
        for name, label in names:
            rows.append((_h(label), *(_v(r, f"proactive.{name}.{c}") for c in items)))
    rows += [
        _article("八"),
        (_h(CONTENT), _h("上一年项目数量"), _h("本年增/减", colspan=2)),
        (
            _h("行政事业性收费"),
            _v(r, "proactive.fees.items_last_year"),
            _v(r, "proactive.fees.items_change", colspan=2),
        ),
        _article("九"),
        (_h(CONTENT), _h("采购项目数量"), _h("采购总金额", colspan=2)),
        (
            _h("政府集中采购"),
            _v(r, "proactive.procurement.items"),
            _v(r, "proactive.procurement.amount", colspan=2),
        ),
    ]
    return Table("proactive", 4, tuple(rows), (3, 2, 2, 2))


def _values(r: GeneratedReport, row: str) -> tuple[Cell, ...]:
    return tuple(_v(r, f"applications.{row}.{c.key}") for c in COLUMNS)


def applications_table(r: GeneratedReport) -> Table:
    """Section 三: two header rows of applicant types, the outcome rows grouped as printed."""
    label = {row.key: row.zh for row in ROWS}
    group_label = {g.key: g.zh for g in GROUPS}
    applicants = [c.zh for c in COLUMNS if c.key in APPLICANTS]
    rows: list[tuple[Cell, ...]] = [
        (_h(NOTE, rowspan=3, colspan=3), _h("申请人情况", colspan=7)),
        (_h(applicants[0], rowspan=2), _h("法人或其他组织", colspan=5), _h("总计", rowspan=2)),
        tuple(_h(name) for name in applicants[1:]),
    ]
    for row in ("new", "carried_over"):
        rows.append((_h(label[row], colspan=3), *_values(r, row)))
    items = (*outcome_items(r.layout), "outcome.total")
    seen: set[str] = set()
    for i, row in enumerate(items):
        cells: list[Cell] = []
        if i == 0:
            cells.append(_h(group_label["outcome"], rowspan=len(items), vertical=True))
        group = ROW_GROUP[row]
        members = [x for x in items if ROW_GROUP[x] == group]
        if group == "outcome" or len(members) == 1:
            # a row of its own: （一）, （二）, （七）总计, and 2019's single （六）其他处理
            text = group_label[group] if len(members) == 1 and group != "outcome" else label[row]
            cells.append(_h(text, colspan=2))
        else:
            if group not in seen:
                cells.append(_h(group_label[group], rowspan=len(members)))
                seen.add(group)
            cells.append(_h(label[row]))
        rows.append((*cells, *_values(r, row)))
    rows.append((_h(label["carried_forward"], colspan=3), *_values(r, "carried_forward")))
    return Table("applications", 10, tuple(rows), (0.5, 1.9, 4.6, *([1.15] * 7)))


def review_table(r: GeneratedReport) -> Table:
    """Section 四: 行政复议 (5 columns) and 行政诉讼 (two groups of 5), then one row of counts."""
    outcomes = [o.zh for o in OUTCOMES]
    rows: tuple[tuple[Cell, ...], ...] = (
        (_h("行政复议", colspan=5), _h("行政诉讼", colspan=10)),
        (
            *(_h(o, rowspan=2) for o in outcomes),
            _h("未经复议直接起诉", colspan=5),
            _h("复议后起诉", colspan=5),
        ),
        tuple(_h(o) for o in outcomes * 2),
        tuple(_v(r, f"{g}.{o.key}") for g in REVIEW_GROUPS for o in OUTCOMES),
    )
    return Table("review", 15, rows, (1,) * 15)


def headings(layout: str) -> tuple[str, ...]:
    """The six section headings as the layout's template prints them."""
    if layout == "2019":
        four = "四、因政府信息公开申请行政复议、提起行政诉讼的情况"
        five = "五、政府信息公开工作存在的主要问题及改进情况"
    else:
        four = "四、政府信息公开行政复议、行政诉讼情况"
        five = "五、存在的主要问题及改进情况"
    return (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        four,
        five,
        "六、其他需要报告的事项",
    )


def preamble(r: GeneratedReport) -> str:
    """The opening paragraph: who compiled the report, under which rules, for which period."""
    full = r.agency if r.parent is None or r.agency.startswith(r.parent) else r.parent + r.agency
    return (
        f"本报告由{full}根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。"
        f"报告中所列数据的统计期限自{r.year}年1月1日起至{r.year}年12月31日止。"
        "如对本报告有疑问，请与本机关政府信息公开工作机构联系。"
    )


def _body(text: str) -> list[Block]:
    return [Paragraph(line) for line in text.split("\n") if line]


def document(r: GeneratedReport) -> list[Block]:
    """The whole report, top to bottom."""
    one, two, three, four, five, six = headings(r.layout)
    proactive = _proactive_2019(r) if r.layout == "2019" else _proactive_2021(r)
    return [
        Paragraph(r.title, "title"),
        Paragraph(preamble(r)),
        Paragraph(one, "heading"),
        *_body(r.overview),
        Paragraph(two, "heading"),
        proactive,
        Paragraph(three, "heading"),
        applications_table(r),
        Paragraph(four, "heading"),
        review_table(r),
        Paragraph(five, "heading"),
        *_body(r.problems),
        Paragraph(six, "heading"),
        *_body(r.other_matters),
    ]


def grid(table: Table) -> list[list[Cell | None]]:
    """The table as a full matrix: each cell at its top-left slot, ``None`` where it spans."""
    matrix: list[list[Cell | None]] = [[None] * table.columns for _ in table.rows]
    taken = [[False] * table.columns for _ in table.rows]
    for i, row in enumerate(table.rows):
        j = 0
        for cell in row:
            while taken[i][j]:
                j += 1
            matrix[i][j] = cell
            for di in range(cell.rowspan):
                for dj in range(cell.colspan):
                    taken[i + di][j + dj] = True
            j += cell.colspan
    return matrix


def positions(table: Table) -> dict[str, tuple[int, int]]:
    """The (row, column) slot of every figure in the table."""
    return {
        cell.key: (i, j)
        for i, row in enumerate(grid(table))
        for j, cell in enumerate(row)
        if cell is not None and cell.key
    }
