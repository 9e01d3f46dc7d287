"""Questions the report answers in its own words (sections 一, 五 and 六), and questions about
the deadlines: which section, and which of its sentences answer.

Each topic names the section whose text answers it, the words that ask about it, and the
words that mark a sentence of that section as an answer.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    """Something a section of the report answers in prose."""

    key: str
    section: str  # 一, 五 or 六
    text_key: str  # where the section's text is kept with the report
    asks: re.Pattern[str]
    marks: re.Pattern[str]  # a sentence that answers; every sentence when it matches all


_ALL = re.compile(r"")

TOPICS: tuple[Topic, ...] = (
    Topic(
        "fees",
        "六",
        "other_matters",
        re.compile(
            # 依申请公开收费: the fee for answering an application, not the fees a government
            # collects (行政事业性收费, a figure of section 二)
            r"信息处理费|处理费|收取.{0,8}费|收费了吗|收没收费|收不收费|申请.{0,4}收费|申请费|"
            r"\bprocessing\s+fees?\b|\b(?:application|request|disclosure)\s+fees?\b|"
            r"\bcharge[sd]?\s+(?:a\s+)?fees?\b|\bfees?\s+(?:for|on)\s+"
            r"(?:disclosure|applications|requests)\b|\bcharg\w*\s+(?:the\s+)?applicants?\b",
            re.IGNORECASE,
        ),
        re.compile(r"费"),
    ),
    Topic(
        "improvements",
        "五",
        "problems",
        re.compile(
            r"改进|整改|下一步|今后|计划|打算|改进措施|整改措施|怎么改|如何改|"
            r"\bimprov\w*|\bplan(?:s|ned|ning)?\b|\bnext\s+year\b|\bmeasures\b|\bremed\w*|"
            r"\bgoing\s+to\s+do\b",
            re.IGNORECASE,
        ),
        re.compile(r"下一步|今后|将|改进|整改|加强|进一步|计划|完善|提升|推进|强化"),
    ),
    Topic(
        "problems",
        "五",
        "problems",
        re.compile(
            r"存在(?:哪些|什么|的)?(?:主要)?问题|有(?:哪些|什么)问题|问题有哪些|不足|短板|差距|"
            r"\bproblems?\b|\bissues\b|\bshortcomings?\b|\bweakness\w*|\bdifficult\w*",
            re.IGNORECASE,
        ),
        re.compile(r"问题|不足|欠缺|差距|有待|不够|薄弱|短板|不强|不高"),
    ),
    Topic(
        "other_matters",
        "六",
        "other_matters",
        re.compile(r"其他需要报告|其他事项|\bother\s+matters\b", re.IGNORECASE),
        _ALL,
    ),
    Topic(
        "overview",
        "一",
        "overview",
        re.compile(
            r"总体情况|总体上|工作概况|概述|总结|做了哪些工作|主要做法|"
            r"\boverview\b|\bwhat\s+did\s+\S+(?:\s+\S+){0,4}\s+do\b|\bsummar\w+\s+of\s+(?:the\s+)?work",
            re.IGNORECASE,
        ),
        _ALL,
    ),
)

_DEADLINES = re.compile(
    r"截止|期限|最晚|什么时候(?:前)?(?:要|必须|应当|应该)?(?:发布|公布|公开|报送|提交|出|交)|"
    r"何时(?:发布|公布|公开|报送|提交)|几月几[日号]|"
    r"\bdeadlines?\b|\bdue\b|\bwhen\s+(?:are|is|must|should|do)\b.*\b(?:report|publish|due)",
    re.IGNORECASE,
)


def topic_of(text: str) -> Topic | None:
    """The section topic the question asks about, if it asks about one."""
    return next((t for t in TOPICS if t.asks.search(text)), None)


def asks_deadlines(text: str) -> bool:
    """True when the question asks when the reports are due."""
    return bool(_DEADLINES.search(text))


_SENTENCE = re.compile(r"[^。！？；;!?\n]+[。！？；;!?]?")


def answering_sentences(text: str, topic: Topic, limit: int = 5) -> list[str]:
    """The sentences of a section's text that answer the topic, in order, at most ``limit``."""
    flat = re.sub(r"\s*\n\s*", "", text)
    flat = re.sub(r"[—-]\s*\d+\s*[—-]", "", flat)  # page numbers (— 7 —) left in the text
    sentences = [s.strip() for s in _SENTENCE.findall(flat) if len(s.strip()) >= 4]
    return [s for s in sentences if topic.marks.search(s)][:limit]
