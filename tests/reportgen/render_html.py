"""A portal page: site header and navigation around the report, tables with rowspan/colspan."""

from __future__ import annotations

from html import escape

from .document import Block, Cell, Paragraph, Table, document
from .model import GeneratedReport

_STYLE = """
body { font-family: "Microsoft YaHei", "SimSun", sans-serif; margin: 0; }
.top { background: #c00; color: #fff; padding: 12px 24px; font-size: 22px; }
.nav a { margin-right: 18px; color: #333; text-decoration: none; }
.nav { padding: 8px 24px; border-bottom: 1px solid #ddd; }
.article { width: 900px; margin: 0 auto; }
.article h1 { text-align: center; font-size: 22px; }
.article p { text-indent: 2em; line-height: 1.8; font-family: 仿宋_GB2312, FangSong; }
.article p.heading { font-family: 黑体, SimHei; }
table.report { border-collapse: collapse; margin: 0 auto; }
table.report td { border: 1px solid #000; padding: 2px 4px; text-align: center; }
td.vertical { writing-mode: vertical-rl; }
""".strip()

_SITE_CODE = "4103000001"
_ICP = "ICP备05000000号"
_NAV = ("首页", "政务公开", "政府信息公开", "政府信息公开年报", "政务服务", "互动交流")


def _cell(cell: Cell) -> str:
    attrs = ""
    if cell.rowspan > 1:
        attrs += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        attrs += f' colspan="{cell.colspan}"'
    if cell.vertical:
        attrs += ' class="vertical"'
    text = escape(cell.text) if cell.text else "&nbsp;"
    return f'<td{attrs}><p align="center">{text}</p></td>'


def _table(table: Table) -> str:
    rows = "".join("<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in table.rows)
    return (
        f'<table class="report" border="1" cellspacing="0" '
        f'cellpadding="0"><tbody>{rows}</tbody></table>'
    )


def _block(block: Block) -> str:
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Paragraph) and block.kind == "title":
        return f"<h1>{escape(block.text)}</h1>"
    if isinstance(block, Paragraph) and block.kind == "heading":
        return f'<p class="heading"><strong>{escape(block.text)}</strong></p>'
    return f"<p>{escape(block.text)}</p>"


def render_html(report: GeneratedReport) -> bytes:
    """The report as a whole UTF-8 HTML page, as a government portal serves it."""
    site = f"{report.parent}人民政府" if report.parent else report.agency
    nav = "".join(f'<a href="#">{escape(item)}</a>' for item in _NAV)
    body = "\n".join(_block(b) for b in document(report))
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="ArticleTitle" content="{escape(report.title)}">
<title>{escape(report.title)} - {escape(site)}</title>
<style>
{_STYLE}
</style>
<script>var _siteId = "gov-portal"; function shareTo(t) {{ return false; }}</script>
</head>
<body>
<div class="top">{escape(site)}门户网站</div>
<div class="nav">{nav}</div>
<div class="crumb">当前位置：<a href="#">首页</a> &gt; <a href="#">政府信息公开</a>
 &gt; <a href="#">政府信息公开年报</a></div>
<div class="article">
<div class="info">发布机构：{escape(report.agency)}　发布日期：{report.year + 1}-01-20</div>
{body}
</div>
<div class="share">分享到：<a href="#" onclick="return shareTo('wx')">微信</a></div>
<div class="footer">主办单位：{escape(site)}办公室　网站标识码：{_SITE_CODE}
　ICP备案号：{_ICP}</div>
</body>
</html>
"""
    return page.encode("utf-8")
