"""The words of every reply, in Chinese and English. Replies are plain text, never markup."""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "heading": "{agency} ({english}), {year}{latest}",
        "latest": " (latest indexed year)",
        "figure": "{label}: {value}",
        "not_reported": "{label}: not reported (the cell is blank or marked “/” in the report)",
        "not_in_layout": "{label}: not part of the {layout} layout of this report",
        "source": "Source: {report} · section {section} {title} · row “{row}” · column “{column}”",
        "source_short": "Source: {report}",
        "warning": "⚠ The report breaks a rule on this figure: {message}",
        "summary_line": "{label}: {value}",
        "no_agency": "I found no indexed agency in “{question}”.",
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
    },
    "zh": {
        "heading": "{agency} {year}年{latest}",
        "latest": "（已收录的最新年度）",
        "figure": "{label}：{value}",
        "not_reported": "{label}：未填报（报告中该格为空或为“/”）",
        "not_in_layout": "{label}：该报告采用{layout}版格式，没有这一项",
        "source": "来源：{report} · 第{section}部分 {title} · 行“{row}” · 列“{column}”",
        "source_short": "来源：{report}",
        "warning": "⚠ 该报告此处不符合勾稽关系：{message}",
        "summary_line": "{label}：{value}",
        "no_agency": "没有在“{question}”中找到已收录的机构。",
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
    },
}


def say(language: str, key: str, **values: object) -> str:
    """The reply text ``key`` in ``language`` (English when unknown), filled with ``values``."""
    table = TEXTS.get(language, TEXTS["en"])
    return table[key].format(**values)
