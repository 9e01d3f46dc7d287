"""A report at a glance: the card /report shows, with its figures, findings and source."""

from bot.answers.answer import Answer, AnswerKind
from bot.answers.figures import read_figure
from bot.answers.findings import finding_text
from bot.answers.format import field_label, format_value
from bot.answers.single import OUTCOME_KEYS, SUMMARY_KEYS, value_text
from bot.answers.subject import Subject
from bot.catalogue import field
from bot.parser.report import AMBIGUOUS_CELLS
from bot.texts import Language, en, say, zh

_PROACTIVE = (
    "proactive.rules.issued",
    "proactive.normative_docs.issued",
    "proactive.licensing.decisions",
    "proactive.penalty.decisions",
    "proactive.fees.amount",
    "proactive.rules.created",
    "proactive.normative_docs.created",
)
_TITLES = {"en": en.CARD_TITLES, "zh": zh.CARD_TITLES}


def report_card(subject: Subject) -> Answer:
    """The main figures of one report, grouped as the report prints them."""
    lang = subject.lang
    titles = _TITLES[lang]
    lines = [subject.heading()]
    groups = (SUMMARY_KEYS[:4], OUTCOME_KEYS, SUMMARY_KEYS[4:], _PROACTIVE)
    for title, keys in zip(titles, groups, strict=False):
        shown = [line for key in keys if (line := _line(subject, key))]
        if shown:
            lines.append(f"【{title}】" if lang == Language.ZH else f"— {title}")
            lines.extend(shown)
    breaks = [f for f in subject.report.findings if f.rule != AMBIGUOUS_CELLS]
    lines.append(f"【{titles[4]}】" if lang == Language.ZH else f"— {titles[4]}")
    if breaks:
        lines.extend(f"⚠ {finding_text(f, lang)}" for f in breaks[:5])
        if len(breaks) > 5:
            lines.append(say(lang, "more", count=len(breaks) - 5).strip())
    else:
        lines.append(say(lang, "status_ok"))
    lines.append(say(lang, "source_short", report=subject.report.source_name))
    return Answer(
        "\n".join(lines),
        AnswerKind.REPORT,
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
