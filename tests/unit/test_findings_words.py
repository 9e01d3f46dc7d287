"""Previews and findings speak to people (issue 14, item 5): no canonical key (``review.total``,
``applications.outcome.other.other.total``) and no rule's code name in any message a user
reads: the upload preview, the worded findings, /status and a figure's warnings, in English
and Chinese, for every shared report and a cut-off copy."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import HUAIAN, REPORTS, fixed_now
from cut_copies import cut_report

from bot.answers.findings import CANONICAL_KEY, finding_text
from bot.answers.preview import describe
from bot.catalogue import fields_by_key
from bot.errors import ReportError
from bot.parser import ParsedReport, parse_report
from bot.parser.report import Finding
from bot.service.core import DisclosureService
from bot.texts import Language
from handlers.uploads import preview_reply

# the shared folder beside the project (../shared, or ../../shared from a worktree): its cut-off
# copies 101–107 are not among the fixtures
SHARED = next(
    (
        p / "shared" / "reports"
        for p in Path(__file__).resolve().parents[1:4]
        if (p / "shared").is_dir()
    ),
    Path("no-shared-folder"),
)
RULES = (
    "applications.balance",
    "applications.outcome_total",
    "applications.row_total",
    "review.total",
    "values.range",
    "applications.carried_over",
    "identical_to_previous_year",
    "year_mismatch",
    "ambiguous_cells",
    "read_by_ocr",
)


def report_files() -> list[Path]:
    shared = sorted(SHARED.glob("1*_*.txt")) if SHARED.is_dir() else []
    return [*sorted(p for p in REPORTS.iterdir() if p.suffix != ".json"), *shared]


def keys_in(text: str) -> list[str]:
    """The canonical keys and rule code names a text holds."""
    known = [k for k in (*fields_by_key(), *RULES) if k in text]
    return known


def messages(service: DisclosureService, report: ParsedReport) -> Iterator[str]:
    """Every text a person reads about the report: preview, findings, /status."""
    for lang in Language:
        yield preview_reply(service, report, None, lang)[0]
        yield describe(report, lang)
        for finding in report.findings:
            worded = finding_text(finding, lang)
            assert not CANONICAL_KEY.search(worded), worded
            yield worded


@pytest.mark.parametrize("path", report_files(), ids=lambda p: p.name)
def test_no_message_about_a_report_holds_a_canonical_key(
    service: DisclosureService, path: Path
) -> None:
    try:
        report = service.parse(path.name, path.read_bytes())
    except ReportError:
        pytest.skip("not a report the reader takes")  # its refusal is the reader's text
    for text in messages(service, report):
        assert keys_in(text) == [], text


def test_a_cut_copy_and_every_rule_are_worded_without_keys(service: DisclosureService) -> None:
    text = HUAIAN.read_text(encoding="utf-8")
    parsed = parse_report("huaian_cut.txt", text[: text.index("（四）无")].encode())
    constructed = cut_report()
    every_rule = tuple(
        Finding(rule, (k,), None, None, f"{k}: generic note") for rule in RULES for k in keys(3)
    )
    for report in (parsed, constructed, constructed.with_findings(every_rule)):
        for message in messages(service, report):
            assert keys_in(message) == [], message
    service.index_parsed(constructed.with_findings(every_rule), now=fixed_now())
    for question in ("淮安市2024年报告有没有问题", "does the Huaian 2024 report add up"):
        answer = service.ask(question, now=fixed_now()).text
        assert keys_in(answer) == [], answer
    for question in ("淮安市2024年收到多少申请", "Huaian 2024 new applications"):
        answer = service.ask(question, now=fixed_now()).text
        assert keys_in(answer) == [], answer


def test_an_unknown_rules_note_has_its_keys_put_into_words() -> None:
    note = Finding("new.rule", ("review.total",), None, None, "review.total looks odd")
    assert finding_text(note, Language.EN) == "Administrative reconsiderations looks odd"
    assert finding_text(note, Language.ZH) == "行政复议 looks odd"


def keys(count: int) -> list[str]:
    """A few keys of the 2021 layout, for findings built by hand."""
    return ["review.total", "applications.new.total", "applications.outcome.other.other.total"][
        :count
    ]
