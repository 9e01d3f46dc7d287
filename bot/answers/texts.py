"""The words of every reply, in Chinese and English. Replies are plain text, never markup."""

from collections.abc import Mapping

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "heading": "{agency} ({english}), {year}{latest}",
        "latest": " (latest indexed year)",
        "figure": "{label}: {value}",
        "not_reported": "{label}: not reported (the cell is blank or marked “/” in the report)",
        "not_in_layout": "{label}: not part of the {layout} layout of this report",
        "source": "Source: {report} · section {section} {title} · row “{row}” · column “{column}”",
        "source_short": "Source: {report}",
        "sources": "Sources: {reports}",
        "warning": "⚠ The report breaks a rule on this figure: {message}",
        "summary_line": "{label}: {value}",
        "no_agency": "I found no indexed agency in “{question}”.",
        "nearest": "Closest names: {names}.",
        "indexed": "Indexed: {names}{more}.",
        "more": " and {count} more",
        "try": "Try: “{example}”",
        "no_year": "{agency} has no report for {year} indexed. Indexed years: {years}.",
        "choose": "Which agency do you mean?",
        "fuzzy": "(I read “{typed}” as {agency}.)",
        "help": "I answer questions about government information disclosure annual reports "
        "(政府信息公开工作年度报告): applications, outcomes, reconsiderations, lawsuits, "
        "proactive disclosure.",
        "example": "How many applications did {agency} receive in {year}?",
        "empty_index": "No reports are indexed yet.",
        "unknown_field": "I don't know the figure “{words}”. Closest: {fields}.",
        "change": "{label}: {value} ({sign}{delta} from {previous} in {before})",
        "change_flat": "{label}: {value} (unchanged from {before})",
        "change_none": "{label}: {value}; no report for {before} is indexed to compare with",
        "trend_title": "{label}, {first}–{last}",
        "trend_line": "{year}: {value}",
        "trend_missing": "{year}: no report indexed",
        "compare_title": "{label}, {year}",
        "compare_line": "{agency}: {value}",
        "compare_missing": "{agency}: no report for {year}",
        "breakdown_applicants": "{label} by applicant:",
        "breakdown_outcomes": "How the applications were handled:",
        "region_title": "{region}, {year}: {label}",
        "region_total": "Total over {reported} of {members} agencies: {value}",
        "region_missing": "No report for {year} from: {names}{more}",
        "region_none": "None of the {members} agencies in {region} has a report for {year}.",
        "ranking_title": "{region}, {year}: {direction} {count} by {label}",
        "ranking_top": "top",
        "ranking_bottom": "bottom",
        "ranking_line": "{rank}. {agency}: {value}",
        "ranking_note": "Ranked among {reported} of {members} agencies with a report; "
        "⚠ marks a report that breaks a rule on this figure.",
        "status_ok": "The report satisfies every arithmetic rule (勾稽关系) that can be checked.",
        "status_breaks": "The report breaks {count} rule(s):",
        "status_line": "• {message}",
        "indexed_title": "Indexed: {agencies} agencies, {reports} reports, years {years}.",
        "indexed_line": "• {agency}: {years}",
        "region_word": "all agencies in {region}",
        "all_agencies": "All indexed agencies",
        "read_back_title": "The tables as I read them ({count} figures; — blank, ? unsure, "
        "left out):",
        "read_back_section": "Section {section}",
        "read_by_ocr": "⚠ Read by OCR from a photo or scan of the report: check it against the "
        "original before relying on it.",
        "read_back_ocr": "Read by OCR from a photo or scan: compare each figure with the paper.",
    },
    "zh": {
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
        "fuzzy": "（已将“{typed}”识别为{agency}。）",
        "help": "我可以回答政府信息公开工作年度报告中的数据问题：申请数量、办理结果、"
        "行政复议、行政诉讼、主动公开等。",
        "example": "{agency}{year}年收到多少政府信息公开申请？",
        "empty_index": "还没有收录任何报告。",
        "unknown_field": "我不知道“{words}”是哪一项数据。最接近的是：{fields}。",
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
        "read_back_title": "表格识读结果（{count}个数据；— 为空白，? 为无法确认、未采用）：",
        "read_back_section": "第{section}部分",
        "read_by_ocr": "⚠ 该数据由报告的照片或扫描件文字识别得出，引用前请与原件核对。",
        "read_back_ocr": "以上数据由照片或扫描件文字识别得出，请与纸面逐项核对。",
    },
}


def localized(
    table: Mapping[str, Mapping[str, str]],
    language: str,
    key: str,
    *args: object,
    **values: object,
) -> str:
    """``table[language][key]`` (English when the language is unknown), filled with the
    values: every bilingual text table of the bot is read through this."""
    return table.get(language, table["en"])[key].format(*args, **values)


def say(language: str, key: str, **values: object) -> str:
    """The reply text ``key`` in ``language`` (English when unknown), filled with ``values``."""
    return localized(TEXTS, language, key, **values)


def join(language: str, items: list[str]) -> str:
    """Items joined the way each language lists them."""
    return ("、" if language == "zh" else ", ").join(items)
