"""What an uploaded report holds, and how it differs from the one already indexed: the text an
administrator reads before pressing [Index]."""

from decimal import Decimal

from bot.answers.findings import finding_text
from bot.answers.format import field_label, format_value
from bot.catalogue import field
from bot.parser.report import ParsedReport
from bot.records import StoredReport
from bot.texts import Language, say

KEY_FIGURES = (
    "applications.new.total",
    "applications.outcome.total.total",
    "applications.carried_forward.total",
    "review.total",
    "litigation.direct.total",
    "litigation.after_review.total",
)
_MAX_DIFFERENCES = 10


def describe(report: ParsedReport, lang: Language) -> str:
    """Agency, year, layout, key figures and findings (where a cut-off copy stops among
    them) of a parsed report, in the reader's words."""
    agency = report.agency
    where = " · ".join(x for x in (agency.parent, agency.city, agency.province) if x)
    lines = [
        f"{agency.name or '?'}{f' ({where})' if where else ''}",
        say(
            lang,
            "preview_counts",
            year=report.year or "?",
            layout=report.layout,
            figures=len(report.figures),
            blank=len(report.not_reported),
        ),
    ]
    for key in KEY_FIGURES:
        value = report.figures.get(key)
        if value is not None:
            spec = field(key)
            lines.append(f"• {field_label(spec, lang)}: {format_value(spec, value, lang)}")
    for finding in report.findings[:6]:
        lines.append(f"⚠ {finding_text(finding, lang)}")
    return "\n".join(lines)


def differences(new: ParsedReport, old: StoredReport, lang: Language) -> list[str]:
    """The cells whose value changes if ``new`` replaces ``old``."""
    changed = []
    for key in sorted(set(new.figures) | {k for k, v in old.figures.items() if v is not None}):
        before, after = old.figures.get(key), new.figures.get(key)
        if before != after:
            changed.append(
                f"• {field_label(field(key), lang)}: {_shown(before)} → {_shown(after)}"
            )
    if len(changed) > _MAX_DIFFERENCES:
        extra = len(changed) - _MAX_DIFFERENCES
        changed = [*changed[:_MAX_DIFFERENCES], say(lang, "more", count=extra).strip()]
    return changed


def _shown(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.normalize():f}"
