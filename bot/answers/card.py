"""A report at a glance: the card /report shows, with its figures, findings and source."""

from bot.answers.figures import read_figure
from bot.answers.findings import finding_text
from bot.answers.format import field_label, format_value
from bot.answers.model import Answer
from bot.answers.single import OUTCOME_KEYS, SUMMARY_KEYS, value_text
from bot.answers.subject import Subject
from bot.answers.texts import say
from bot.catalogue import field

_PROACTIVE = (
    "proactive.rules.issued",
    "proactive.normative_docs.issued",
    "proactive.licensing.decisions",
    "proactive.penalty.decisions",
    "proactive.fees.amount",
    "proactive.rules.created",
    "proactive.normative_docs.created",
)
_TITLES = {
    "en": (
        "Applications",
        "Outcomes",
        "Reconsiderations and lawsuits",
        "Proactive disclosure",
        "Findings",
    ),
    "zh": ("依申请公开", "办理结果", "行政复议与行政诉讼", "主动公开", "勾稽关系"),
}


def report_card(subject: Subject) -> Answer:
    """The main figures of one report, grouped as the report prints them."""
    lang = "zh" if subject.lang == "zh" else "en"
    titles = _TITLES[lang]
    lines = [subject.heading()]
    groups = (SUMMARY_KEYS[:4], OUTCOME_KEYS, SUMMARY_KEYS[4:], _PROACTIVE)
    for title, keys in zip(titles, groups, strict=False):
        shown = [line for key in keys if (line := _line(subject, key))]
        if shown:
            lines.append(f"【{title}】" if lang == "zh" else f"— {title}")
            lines.extend(shown)
    breaks = [f for f in subject.report.findings if f.rule != "ambiguous_cells"]
    lines.append(f"【{titles[4]}】" if lang == "zh" else f"— {titles[4]}")
    if breaks:
        lines.extend(f"⚠ {finding_text(f, lang)}" for f in breaks[:5])
        if len(breaks) > 5:
            lines.append(say(lang, "more", count=len(breaks) - 5).strip())
    else:
        lines.append(say(lang, "status_ok"))
    lines.append(say(lang, "source_short", report=subject.report.source_name))
    return Answer(
        "\n".join(lines),
        "report",
        lang,
        agency=subject.entry.name,
        agency_id=subject.entry.id,
        year=subject.report.year,
    )


def _line(subject: Subject, key: str) -> str | None:
    spec = field(key)
    found = read_figure(subject.report, spec)
    if not found.in_layout:
        return None
    if found.lacking is not None:
        value = value_text(subject, spec)  # cut off before it, or not read: says which
    elif found.value is None:
        value = "—"
    else:
        value = format_value(spec, found.value, subject.lang)
    return f"• {field_label(spec, subject.lang)}: {value}"
