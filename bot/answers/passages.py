"""Answers in the report's own words: the sentences of section 一, 五 or 六 that answer the
question, quoted and cited; or that the section does not say."""

from bot.answers.answer import Answer, AnswerKind
from bot.answers.subject import Subject
from bot.catalogue import section
from bot.questions.topics import Topic, answering_sentences
from bot.texts import say

_EMPTY = frozenset({"", "无", "无。", "暂无", "没有"})


def passage(subject: Subject, topic: Topic) -> Answer:
    """The report's sentences on ``topic``, quoted, with the section they come from."""
    lang = subject.lang
    title = section(topic.section).title
    text = subject.report.text.get(topic.text_key)
    where = {"section": topic.section, "title": title}
    lines = [subject.heading()]
    quotes: list[str] = []
    if text is None:
        lines.append(say(lang, "passage_missing", **where))
    else:
        quotes = [] if text.strip() in _EMPTY else answering_sentences(text, topic)
        if quotes:
            lines.append(say(lang, "passage_intro", **where))
            lines.extend(f"「{q}」" for q in quotes)
        else:
            lines.append(say(lang, "passage_none", **where))
    lines.append(say(lang, "source_section", report=subject.report.source_name, **where))
    rows = tuple({"section": topic.section, "sentence": q} for q in quotes)
    return Answer(
        "\n".join(lines),
        AnswerKind.PASSAGE if quotes else AnswerKind.PASSAGE_NONE,
        lang,
        agency=subject.entry.name,
        agency_id=subject.entry.id,
        year=subject.report.year,
        rows=rows,
    )
