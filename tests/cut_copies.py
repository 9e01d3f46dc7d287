"""A cut-off copy of the Huai'an 2024 report, for the tests of cut copies (issue 14): the text as
an archive keeping only its start holds it, and the report as the reader gives it."""

from dataclasses import replace

from conftest import HUAIAN

from bot.catalogue import layout_keys
from bot.parser import ParsedReport, parse_report
from bot.parser.report import Finding

CUT_AT = "2.没有现成信息需要另行制作"
FIRST_LACKING = "applications.outcome.unavailable.needs_creation.natural_person"
NEEDS_CREATION = "applications.outcome.unavailable.needs_creation.total"
# What the cut copy lacks, counted from the 2021 layout's tables: section 三 from row （四）2 on
# is 12 rows of 7 columns ((四)2-3, (五)1-5, (六)1-3, (七)总计, 四、结转下年度), and section 四
# is 3 groups of 5 columns
LACKING = 12 * 7 + 3 * 5


def cut_text() -> bytes:
    """The Huaian report as an archive keeping only its start would hold it."""
    text = HUAIAN.read_text(encoding="utf-8")
    return text[: text.index(CUT_AT)].encode()


def cut_report(*, name: str = "huaian_cut.txt") -> ParsedReport:
    """A cut copy as the reader gives one (the interface of issue 14): the figures before the
    cut, every layout key after it named in an ``incomplete`` finding, none marked blank."""
    full = parse_report(name, HUAIAN.read_bytes())
    keys = [k for k in layout_keys(full.layout) if k in full.figures]
    before, after = keys[: keys.index(FIRST_LACKING)], keys[keys.index(FIRST_LACKING) :]
    stops = Finding("incomplete", tuple(after), None, None, "section 三 stops after row （四）1")
    return replace(
        full,
        source_name=name,
        sha256="cut-" + full.sha256[4:],
        figures={k: full.figures[k] for k in before},
        not_reported=(),
        findings=(stops,),
    )
