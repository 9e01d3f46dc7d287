"""Every word the bot says in Chinese, table by table (the English ones in ``en``, with the
same names, keys and placeholders: tests/unit/test_texts.py checks)."""

#: every reply to a question
ANSWERS = {
    "heading": "{agency} {year}年{latest}",
    "latest": "（已收录的最新年度）",
    "figure": "{label}：{value}",
    "not_reported": "{label}：未填报（报告中该格为空或为“/”）",
    "not_in_layout": "{label}：该报告采用{layout}版格式，没有这一项",
    "source": "来源：{report} · 第{section}部分 {title} · 行“{row}” · 列“{column}”",
    "source_short": "来源：{report}",
    "sources": "来源：{reports}",
    "warning": "⚠ 该报告此处不符合勾稽关系：{message}",
    "summary_line": "{label}：{value}",
    "no_agency": "没有在“{question}”中找到已收录的机构。",
    "nearest": "最接近的名称：{names}。",
    "indexed": "已收录：{names}{more}。",
    "more": "等{count}个",
    "try": "例如：“{example}”",
    "no_year": "{agency}尚未收录{year}年的报告。已收录年度：{years}。",
    "choose": "您指的是哪个机构？",
    "help": "我可以回答政府信息公开工作年度报告中的数据问题：申请数量、办理结果、"
    "行政复议、行政诉讼、主动公开等。",
    "example": "{agency}{year}年收到多少政府信息公开申请？",
    "empty_index": "还没有收录任何报告。",
    "change": "{label}：{value}（比{before}年的{previous}{sign}{delta}）",
    "change_flat": "{label}：{value}（与{before}年持平）",
    "change_none": "{label}：{value}；尚未收录{before}年的报告，无法比较",
    "trend_title": "{label}，{first}—{last}年",
    "trend_line": "{year}年：{value}",
    "trend_missing": "{year}年：未收录报告",
    "compare_title": "{label}，{year}年",
    "compare_line": "{agency}：{value}",
    "compare_missing": "{agency}：未收录{year}年报告",
    "breakdown_applicants": "{label}，按申请人：",
    "breakdown_outcomes": "办理结果构成：",
    "region_title": "{region} {year}年 {label}",
    "region_total": "{members}个机构中{reported}个有报告，合计：{value}",
    "region_missing": "尚未收录{year}年报告的：{names}{more}",
    "region_none": "{region}的{members}个机构都还没有{year}年的报告。",
    "ranking_title": "{region} {year}年 {label}{direction}{count}名",
    "ranking_top": "前",
    "ranking_bottom": "后",
    "ranking_line": "{rank}. {agency}：{value}",
    "ranking_note": "在{members}个机构中有报告的{reported}个里排名；"
    "⚠ 表示该报告此项不符合勾稽关系。",
    "status_ok": "该报告满足所有可核对的勾稽关系。",
    "status_breaks": "该报告有{count}处不符合勾稽关系：",
    "status_line": "• {message}",
    "indexed_title": "已收录{agencies}个机构、{reports}份报告，年度：{years}。",
    "indexed_line": "• {agency}：{years}",
    "region_word": "{region}所有机构",
    "all_agencies": "所有已收录机构",
    "did_you_mean": "没有收录{typed}。您是指{names}吗？",
    "not_indexed_body": "尚未收录{typed}的报告，不能用其他机构的数据回答。{region}已收录：",
    "choose_figure": "您问的是哪一项数据{words}？",
    "choose_figure_words": "（“{words}”）",
    "unknown_field_choose": "我不知道“{words}”是哪一项数据。您指的是以下哪一项？",
    "rate": "{rate}（计算值）：{value}",
    "rate_formula": "公式：{formula} = {value}",
    "rate_note": "报告本身不列比率，此值由报告数据计算得出。",
    "rate_missing": "{rate}：无法计算，报告没有给出{label}。",
    "rate_zero": "{rate}：无法计算，{label}为0。",
    "no_rate": "报告不列“{words}”。我可以计算：{rates}。",
    "breakdown_items": "{label}，分项：",
    "breakdown_columns": "{label}，按结果：",
    "source_section": "来源：{report} · 第{section}部分 {title}",
    "passage_intro": "报告原文（第{section}部分 {title}）：",
    "passage_none": "报告第{section}部分（{title}）没有谈到这一点。",
    "passage_missing": "这份报告的第{section}部分（{title}）没有保存下来。",
    "deadlines_title": "年度报告的截止期限：",
    "deadline_line": "{line} 已发布：{reported}/{total}",
    "compared_alone": "要对比的机构中只收录了{agency}，另一个尚未收录。只看它的数据：",
    "which_region": "您指的是哪个地区？{regions}。请加上所属的市再问一次。",
    "read_back_title": "表格识读结果（{count}个数据；— 为空白，? 为无法确认、未采用）：",
    "read_back_section": "第{section}部分",
    "read_by_ocr": "⚠ 该数据由报告的照片或扫描件文字识别得出，引用前请与原件核对。",
    "read_back_ocr": "以上数据由照片或扫描件文字识别得出，请与纸面逐项核对。",
    "cut_off": "{label}：已收录的{agency}{year}年报告文本在这一项之前中断（{stops}），"
    "无法得知该数据",
    "unread": "{label}：报告中这一项无法确认，已略去、未猜测",
    "cut_short": "—（文本在此之前中断）",
    "unread_short": "—（无法确认）",
    "status_cut": "⚠ 已收录的文本不完整：{stops}。",
    "preview_counts": "{year}年 · {layout}版格式 · {figures}个数据，{blank}项未填报",
    "region_cut": "未计入（已收录的文本缺这一项：在此之前中断或无法确认）：{names}",
}


#: the headings of a report's card
CARD_TITLES = ("依申请公开", "办理结果", "行政复议与行政诉讼", "主动公开", "勾稽关系")


#: deleting a report
DELETION = {
    "how": "请写明机构和年份，例如 /delete 汉屯路街道 2023",
    "unknown": "没有收录这个名称的机构。",
    "ambiguous": "这个名称可能指：{0}。请写出机构全称。",
    "no_report": "{0} 没有 {1} 年的报告（已收录：{2}）。",
    "confirm": "删除 {agency} {year}年的报告（{source}）及其全部数据？删除后无法恢复。",
    "deleted": "已删除：{agency} {year}年（{source}）。",
    "deleted_older": "已删除：{agency} {year}年（{source}，及较早的 {older}）。",
}


#: /help: its first line
HELP_INTRO = "用中文或英文提问，例如："


#: /help: the figures heading
HELP_FIELDS = "可以查询的数据："


#: /help: the applicants heading
HELP_APPLICANTS = "按申请人："


#: /help: shapes of question to try, about the first indexed agencies
HELP_EXAMPLES = {
    "trend": "{name} 行政诉讼趋势",
    "compare": "{name}和{other}对比",
    "ranking": "哪个机构收到的申请最多",
    "agency": "汉屯路街道办事处",
}

#: /help: its last line
HELP_MORE = "不写年份时按已收录的最新年度回答。每个回答都注明报告、部分、行和列。"


#: a reminder and /deadlines
REMINDERS = {
    "before": "⏰ {name}：{when}（还剩{days}天）——{year}年度报告。",
    "published": "已发布",
    "today": "⏰ {name}：今天，{when}——{year}年度报告。",
    "after": "⏰ {name}：{when}已过（{days}天前）——{year}年度报告。",
    "late": "（补发：到期时机器人不在线）",
    "count": "跟踪的{total}个机构中，{reported}个已收录{year}年度报告。",
    "missing": "尚未发布：{names}{more}",
    "overdue": "已逾期：{names}{more}",
    "more": "等{count}个",
}


#: the chat: buttons, refusals, uploads, links
CHAT = {
    "private_only": "此机器人仅为指定的用户和群组提供服务。",
    "not_admin_upload": "只有管理员可以添加报告。如只想核对文件，请在发送时附上说明 /check。",
    "not_admin": "只有管理员可以执行此操作。",
    "too_big": "该文件为 {size} MB，上限为 {limit} MB。",
    "not_indexable": "无法在聊天中收录：{reason}。管理员可在服务器上用 disclosure-bot ingest "
    "收录。",
    "reading": "正在读取 {name}…",
    "index": "收录",
    "replace": "替换",
    "cancel": "取消",
    "cancelled": "已取消，未收录。",
    "delete": "删除",
    "delete_cancelled": "已取消，未删除。",
    "expired": "已过期，请重新发送。",
    "replaces": "该年度已收录（{source}）。如替换，以下数据会变化：",
    "same_figures": "该年度已收录（{source}），数据相同。",
    "indexed": "已收录：{agency} {year}年。",
    "replaced": "已替换：{agency} {year}年（原为 {source}）。",
    "unchanged": "已收录过同一文件。",
    "rejected": "未收录：{reason}",
    "unreadable": "无法读取 {name}：{reason}",
    "check_ok": "{name}：没有违反勾稽关系。",
    "check_how": "请发送报告文件并附上说明 /check，或回复该文件 /check。",
    "ask_how": "请这样提问：/ask {example}",
    "report_how": "用法：/report 机构 [年份]，例如 /report {agency}",
    "compare_how": "用法：/compare 机构A, 机构B[, …] [年份] [数据项]，例如 /compare {a}, {b}",
    "trend_how": "用法：/trend 机构 [数据项]，例如 /trend {agency} 行政诉讼",
    "export_how": "用法：/export 机构 [年份] [csv|xlsx]，或 /export 加一个问题",
    "lang_set": "我将用中文回答。",
    "lang_how": "用法：/lang zh 或 /lang en",
    "prev": "‹ 上一页",
    "next": "下一页 ›",
    "examples": "试试：",
    "export_csv": "CSV",
    "export_xlsx": "XLSX",
    "nothing_to_export": "这个回答没有可导出的数据。",
    "not_admin_link": "只有管理员可以通过链接添加报告；我没有打开这个链接。",
    "fetching": "正在获取 {url}…",
    "fetch_failed": "无法从 {url} 获取报告：{reason}",
    "fetch_how": "用法：/fetch 链接（报告网页或文件的地址，仅限管理员）。",
    "sources_none": "没有关注的网页。管理员可在配置的 [watch] pages 中列出。",
    "sources_title": "关注的网页：",
    "sources_line": "• {url}\n  {when}：{status}",
    "never_checked": "尚未检查",
    "status_found": "发现新报告",
    "status_nothing_new": "没有新报告",
    "status_not_modified": "未变化",
    "status_failed": "失败",
    "watch_indexed": "关注的网页上的新报告：",
    "watch_queued": "在关注的网页上发现（{url}）：",
    "watch_failed": "无法检查关注的网页：{url}（{reason}）",
    "unchanged_figures": "已收录过数据相同的文件（{source}），没有变化。",
    "kept": "未收录：{agency} {year}年已收录更完整的文本（{source}，{count}个数据），"
    "数据更少的文本不会替换它。",
    "fuller_indexed": "该报告已收录更完整的文本（{source}，{count}个数据）：这份数据更少，"
    "不会替换它。",
}


#: /subscribe, step by step
SUBSCRIBE = {
    "deadlines": "提醒本群/本聊天哪些期限？",
    "agencies": "跟踪哪些机构？点选地区，或发送地区名称或机构名称（用逗号分隔）。",
    "all": "所有已收录机构",
    "when": "何时提醒？期限前几天，以及时间：",
    "next": "下一步 ›",
    "save": "保存",
    "saved": "已订阅：{deadlines}；{agencies}；提前{days}天，{at}。",
    "unknown": "没有找到名为“{text}”的地区或机构，请重试。",
    "none": "本聊天没有订阅。",
    "end": "结束 #{id}",
    "end_all": "全部结束",
    "ended": "已结束{count}个订阅。",
    "list": "本聊天的订阅：",
    "expired": "已过期，请重新发送 /subscribe。",
    "cancelled": "未保存订阅。",
}


#: an unexpected error
SORRY = "抱歉，处理时出了问题，请稍后再试。"


#: the store busy or down
STORE_DOWN = "抱歉，报告数据库暂时繁忙或不可用，请一分钟后再试。"


#: the command menu
COMMANDS = [
    ("start", "机器人简介"),
    ("help", "示例与可查询的数据"),
    ("ask", "提问"),
    ("report", "报告概览：/report 机构 [年份]"),
    ("agencies", "已收录机构：/agencies [筛选]"),
    ("compare", "对比机构：/compare 机构A, 机构B [年份]"),
    ("trend", "历年趋势：/trend 机构 [数据项]"),
    ("export", "导出 CSV/XLSX：/export 机构 [年份]"),
    ("check", "核对报告文件（不收录）"),
    ("lang", "回复语言：/lang zh 或 /lang en"),
    ("subscribe", "订阅截止期限提醒"),
    ("unsubscribe", "取消提醒"),
    ("deadlines", "近期截止期限与发布情况"),
    ("sources", "关注的门户网页及最近检查"),
]


#: findings worded for people: the rules each finding breaks, cells by their labels
FINDINGS = {
    "incomplete": "这份文本不完整：{stops}。",
    "stops": "第{section}部分在“{row}”行之前中断，缺{count}个数据",
    "ambiguous_cells": "{count}个数据无法确认，已略去、未猜测：{labels}。",
    "read_by_ocr": "全部{count}个数据由照片或扫描件文字识别得出，引用前请与原件核对。",
    "applications.balance": "{column}：本年新收 + 上年结转 = {expected}，但办理结果总计 + "
    "结转下年度 = {found}。",
    "applications.outcome_total": "{column}：办理结果各项之和为{expected}，但总计为{found}。",
    "applications.row_total": "{row}：六类申请人之和为{expected}，但总计为{found}。",
    "review.total": "{row}：维持 + 纠正 + 其他 + 尚未审结 = {expected}，但总计为{found}。",
    "values.range": "{first}：{found}不是可能的数量。",
    "applications.carried_over": "{column}：上年结转{found}，但上一年报告的结转下年度为"
    "{expected}。",
    "identical_to_previous_year": "每个数据都与上一年报告相同：是否照抄？",
    "year_mismatch": "标题写的是{expected}年，但正文数据属于{found}年。",
    "more": "{labels}等{count}项",
}
