"""The /help text: what the bot answers, examples, and the fields it knows (from the catalogue)."""

from bot.answers.library import Library
from bot.answers.no_figure import example_question
from bot.catalogue import COLUMNS, GROUPS, ROWS, Label
from bot.catalogue.proactive import FEES, LICENSING, NORMATIVE, PENALTY, RULES
from bot.catalogue.review import LITIGATION, REVIEW
from bot.normalize import strip_numbering
from bot.texts import EXAMPLES, Language, en, localized, say, zh

_HELP_ROWS: tuple[Label, ...] = (
    ROWS[0],
    ROWS[1],
    ROWS[2],
    ROWS[3],
    *GROUPS[1:],
    ROWS[-2],
    ROWS[-1],
    REVIEW,
    LITIGATION,
    RULES,
    NORMATIVE,
    LICENSING,
    PENALTY,
    FEES,
)

_INTRO = {"en": en.HELP_INTRO, "zh": zh.HELP_INTRO}
_FIELDS = {"en": en.HELP_FIELDS, "zh": zh.HELP_FIELDS}
_APPLICANTS = {"en": en.HELP_APPLICANTS, "zh": zh.HELP_APPLICANTS}
_MORE = {"en": en.HELP_MORE, "zh": zh.HELP_MORE}


def examples(library: Library, lang: Language) -> list[str]:
    """Questions to try: one about a real indexed agency, and a few shapes of question."""
    return [example_question(library, lang), *_static_examples(library, lang)]


def help_text(library: Library, lang: Language) -> str:
    """The full help: intro, examples, the fields and the applicant types."""
    shown = examples(library, lang)
    fields = [_label(label, lang) for label in _HELP_ROWS]
    applicants = [_label(column, lang) for column in COLUMNS[:-1]]
    return "\n".join(
        [
            say(lang, "help"),
            "",
            _INTRO[lang],
            *(f"• {e}" for e in shown),
            "",
            _FIELDS[lang] + " " + ("、" if lang == Language.ZH else "; ").join(fields),
            _APPLICANTS[lang] + " " + ("、" if lang == Language.ZH else "; ").join(applicants),
            "",
            _MORE[lang],
        ]
    )


def _label(label: Label, lang: Language) -> str:
    zh = strip_numbering(label.zh_short)
    return zh if lang == Language.ZH else f"{label.en} ({zh})"


def _static_examples(library: Library, lang: Language) -> list[str]:
    """Shapes of question (trend, comparison, ranking) about real indexed agencies."""
    entries = library.agency_index().by_id[:2]
    if not entries:
        return []
    first = entries[0]
    name = first.name if lang == Language.ZH else first.english
    shown = [localized(EXAMPLES, lang, "trend", name=name)]
    if len(entries) > 1:
        other = entries[1].name if lang == Language.ZH else entries[1].english
        shown.append(localized(EXAMPLES, lang, "compare", name=name, other=other))
    shown.append(localized(EXAMPLES, lang, "ranking"))
    return shown
