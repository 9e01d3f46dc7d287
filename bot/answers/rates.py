"""Rates people ask for (公开率, 复议纠错率): computed from one report's figures by the
declared formula, shown with the formula and marked as computed; or declined."""

from decimal import ROUND_HALF_UP, Decimal

from bot.answers.answer import Answer, AnswerKind
from bot.answers.figures import read_figure
from bot.answers.format import field_label, format_value
from bot.answers.subject import Subject
from bot.catalogue import field, section
from bot.catalogue.rates import RATES, Rate
from bot.texts import Language, join, say

_PLACES = Decimal("0.1")


def rate(subject: Subject, declared: Rate) -> Answer:
    """The rate for the subject's report, with its formula, or why it cannot be computed."""
    lang = subject.lang
    name = declared.zh if lang == Language.ZH else declared.en
    terms: dict[str, Decimal] = {}
    for key in (*declared.numerator, *declared.denominator, *declared.minus):
        found = read_figure(subject.report, field(key))
        if not found.in_layout or found.value is None:
            label = field_label(field(key), lang)
            return _plain(subject, say(lang, "rate_missing", rate=name, label=label))
        terms[key] = found.value
    top = sum((terms[k] for k in declared.numerator), Decimal(0))
    bottom = sum((terms[k] for k in declared.denominator), Decimal(0))
    bottom -= sum((terms[k] for k in declared.minus), Decimal(0))
    if bottom <= 0:
        label = _sum_text(declared, terms, lang, denominator=True)
        return _plain(subject, say(lang, "rate_zero", rate=name, label=label))
    value = (top * 100 / bottom).quantize(_PLACES, rounding=ROUND_HALF_UP)
    shown = f"{value}%"
    formula = (
        f"{_sum_text(declared, terms, lang, denominator=False)} ÷ "
        f"{_sum_text(declared, terms, lang, denominator=True)} × 100%"
    )
    lines = [
        subject.heading(),
        say(lang, "rate", rate=name, value=shown),
        say(lang, "rate_formula", formula=formula, value=shown),
        say(lang, "rate_note"),
        _source(subject, declared),
    ]
    return Answer(
        "\n".join(lines),
        AnswerKind.RATE,
        lang,
        agency=subject.entry.name,
        agency_id=subject.entry.id,
        year=subject.report.year,
        key=declared.key,
        value=value,
        unit="%",
    )


def _sum_text(
    declared: Rate, terms: dict[str, Decimal], lang: Language, *, denominator: bool
) -> str:
    keys = declared.denominator if denominator else declared.numerator
    parts = [_term(k, terms[k], lang) for k in keys]
    text = " + ".join(parts)
    if denominator and declared.minus:
        text += "".join(f" − {_term(k, terms[k], lang)}" for k in declared.minus)
    return f"({text})" if len(parts) > 1 or (denominator and declared.minus) else text


def _term(key: str, value: Decimal, lang: Language) -> str:
    spec = field(key)
    label = field_label(spec, lang)
    if lang == Language.ZH and spec.row.zh_variants and spec.column.key == "total":
        label = spec.row.zh_variants[0]  # 部分公开, not its printed note in brackets
    return f"{label} {format_value(spec, value, lang)}"


def _source(subject: Subject, declared: Rate) -> str:
    spec = field(declared.numerator[0])
    return say(
        subject.lang,
        "source_section",
        report=subject.report.source_name,
        section=spec.section,
        title=section(spec.section).title,
    )


def _plain(subject: Subject, line: str) -> Answer:
    return Answer(
        "\n".join([subject.heading(), line]),
        AnswerKind.RATE,
        subject.lang,
        agency=subject.entry.name,
        agency_id=subject.entry.id,
        year=subject.report.year,
    )


def no_rate(words: str, lang: Language, agency: str | None) -> Answer:
    """A rate that is not declared: the report prints none; say which can be computed."""
    names = join(lang, [r.zh if lang == Language.ZH else r.en for r in RATES])
    text = say(lang, "no_rate", words=words, rates=names)
    return Answer(text, AnswerKind.NO_RATE, lang, agency=agency)
