"""The parser's caches and hand-over: the same answers, bounded memory."""

import pickle
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from conftest import REPORTS, SEED

from bot.parser import parse_report
from bot.parser.caches import forget_all, memo
from bot.validation import check_rules


def _counted() -> tuple[list[str], Callable[..., str]]:
    calls: list[str] = []

    @memo(entries=3, small=lambda text: len(text) <= 5, keep=lambda result: result != "KEEP-NOT")
    def shout(text: str) -> str:
        calls.append(text)
        return "KEEP-NOT" if text == "no" else text.upper()

    return calls, shout


def test_a_repeated_call_is_answered_from_the_cache() -> None:
    calls, shout = _counted()
    assert [shout("ab"), shout("ab"), shout("cd")] == ["AB", "AB", "CD"]
    assert calls == ["ab", "cd"]


def test_large_arguments_and_unkept_results_are_never_stored() -> None:
    calls, shout = _counted()
    for _ in range(2):
        shout("a long text")
        shout("no")
    assert calls == ["a long text", "no", "a long text", "no"]


def test_the_oldest_entry_goes_when_the_cache_is_full() -> None:
    calls, shout = _counted()
    for text in ("a", "b", "c", "d", "b", "a"):
        shout(text)
    # "a" was dropped for "d"; "b" stayed
    assert calls == ["a", "b", "c", "d", "a"]


def test_keyword_calls_bypass_the_cache() -> None:
    calls, shout = _counted()
    shout(text="ab")
    shout(text="ab")
    assert calls == ["ab", "ab"]


def test_a_parsed_report_crosses_to_the_parent_process_unchanged() -> None:
    """Workers send reports pickled, the figures packed as text: every value comes back
    exactly (its digits and places), as do the other fields; a report with no figures too."""
    report = parse_report("seed.txt", (REPORTS / SEED).read_bytes())
    odd = {"proactive.fees.amount": Decimal("7539.443252"), "review.total": Decimal("0.0")}
    for sent in (
        report,
        replace(report, figures={**report.figures, **odd}),
        replace(report, figures={}),
    ):
        received = pickle.loads(pickle.dumps(sent))
        assert received == sent
        assert [str(v) for v in received.figures.values()] == [
            str(v) for v in sent.figures.values()
        ]


def test_the_range_rule_sees_past_the_common_counts() -> None:
    """Whole counts below 1,000 skip the arithmetic; everything else is still checked."""
    key = "applications.new.natural_person"
    for value, broken in [
        ("0", False),
        ("-0", False),
        ("1.0", False),
        ("999", False),
        ("1000", False),
        ("10000", False),
        ("123456789", False),
        ("-1", True),
        ("2.5", True),
        ("10000.5", True),
    ]:
        findings = check_rules({key: Decimal(value)}, "2021")
        assert [f.rule for f in findings] == (["values.range"] if broken else []), value


def test_forget_all_empties_every_cache() -> None:
    calls, shout = _counted()
    shout("ab")
    forget_all()
    shout("ab")
    assert calls == ["ab", "ab"]
