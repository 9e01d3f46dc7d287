"""Judging an answer against the agency, year and figure the question was made from.

Each answer is one of:
- right: what the question wants (the figure of that agency, year and key; "which one?"
  with the agency among the choices for a namesake or a name typed wrong; "not indexed" for
  an agency that is not; the trend, comparison, total or ranking asked for);
- asked: the bot asked back ("which one?", "which figure?", "not indexed here, these are")
  where it could have answered: no number, nothing wrong;
- wrong: a number for another agency, year or figure (the worst defect);
- missed: no number and no question (help, "not indexed" for an indexed agency).
"""

import re
from collections import Counter
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from bench.questions import Question
from bot.answers import Answer

# Answers that ask back, with choices or not, and give no number
ASKING = frozenset(
    {"choose_agency", "choose_figure", "choose_region", "unknown_field", "not_indexed", "no_rate"}
)
# Answers that give one agency's numbers
NUMBERS = frozenset({"figure", "change", "rate", "summary", "breakdown", "status"})


class Verdict(StrEnum):
    """How an answer stands to what the question wants."""

    RIGHT = "right"
    ASKED = "asked"
    WRONG = "wrong"
    MISSED = "missed"


def cited_agency(answer: Answer) -> int | None:
    """The agency id of the report the answer cites (source names end in ``_<id>.<ext>``)."""
    if answer.source is None:
        return answer.agency_id
    match = re.search(r"_(\d+)\.\w+$", answer.source.report)
    return int(match.group(1)) if match else None


def describe(answer: Answer) -> str:
    """The answer in one line: kind, agency, year, key, and its first line of text."""
    parts = [answer.kind, answer.agency or "", str(answer.year or ""), answer.key or ""]
    cited = cited_agency(answer)
    if cited is not None:
        parts.append(f"(agency #{cited})")
    first = answer.text.splitlines()[0] if answer.text else ""
    return " ".join(p for p in parts if p) + f" · {first[:70]}"


def judge(question: Question, answer: Answer) -> tuple[Verdict, bool | None, str]:
    """(verdict; agency right — for questions about one agency's figure, else None; what
    was answered, in one line)."""
    got = describe(answer)
    wrong = _wrong_number(question, answer)
    if wrong:
        return Verdict.WRONG, False if question.want == "figure" else None, got + f" · {wrong}"
    if question.want == "figure":
        agency = cited_agency(answer) == question.agency_id
        exact = (answer.kind, answer.year, answer.key) == ("figure", question.year, question.key)
        if agency and exact:
            return Verdict.RIGHT, True, got
        return _no_number(answer), agency if answer.kind in NUMBERS else None, got
    return _other(question, answer), None, got


def _other(question: Question, answer: Answer) -> Verdict:
    if question.want == "choose_agency":  # namesakes, and names typed wrong
        offered = {c.agency_id for c in answer.choices}
        meant = question.agency_id is None or question.agency_id in offered
        if answer.kind == "choose_agency" and meant:
            return Verdict.RIGHT
        # a typo in a generic word (Distrcct) leaves the name itself exact: answering is right
        exact = (cited_agency(answer), answer.kind, answer.year, answer.key)
        if exact == (question.agency_id, "figure", question.year, question.key):
            return Verdict.RIGHT
        return _no_number(answer)
    if question.want == "not_indexed":
        return Verdict.RIGHT if answer.kind == "not_indexed" else _no_number(answer)
    if answer.kind == question.want:
        return Verdict.RIGHT
    return _no_number(answer)


def _no_number(answer: Answer) -> Verdict:
    return Verdict.ASKED if answer.kind in ASKING else Verdict.MISSED


def _wrong_number(question: Question, answer: Answer) -> str:
    """Why the answer's number belongs to another agency, year or figure ("" if it does not,
    or gives none)."""
    if answer.kind in NUMBERS:
        return _one_agency(question, answer)
    if answer.kind == "trend":
        if question.want in {"trend", "figure"} and answer.agency == question.agency:
            return "" if answer.key == question.key else f"figure {answer.key}"
        return f"trend of {answer.agency}"
    if answer.kind == "compare":
        compared = sorted(str(row.get("agency")) for row in answer.rows)
        if question.want != "compare" or compared != sorted(question.others):
            return f"compared {compared}"
        return "" if answer.key == question.key else f"figure {answer.key}"
    if answer.kind in {"total", "ranking"}:
        return _regional(question, answer)
    return ""


def _one_agency(question: Question, answer: Answer) -> str:
    cited = cited_agency(answer)
    if question.agency_id is None or cited != question.agency_id:
        return f"agency #{cited}, not #{question.agency_id}"
    if question.year is not None and answer.year != question.year:
        return f"year {answer.year}"
    if answer.kind in {"figure", "change"} and answer.key != question.key:
        return f"figure {answer.key}"
    return ""


def _regional(question: Question, answer: Answer) -> str:
    if question.want != answer.kind:
        return f"a {answer.kind} over a region"
    if answer.key != question.key:
        return f"figure {answer.key}"
    if answer.kind == "total":
        row: dict[str, Any] = answer.rows[0] if answer.rows else {}
        if row.get("region") != question.region or row.get("members") != question.members:
            return f"region {row.get('region')} of {row.get('members')} agencies"
        return ""
    first = answer.text.splitlines()[0] if answer.text else ""
    return "" if question.region and question.region in first else f"region in {first[:30]}"


def summary(size: int, results: Sequence[dict[str, Any]], single: Sequence[str]) -> str:
    """How many answers were right at this size: one agency's figure, and every kind."""
    ones = [r for r in results if r["kind"] in single and r["kind"] != "typo"]
    agency = sum(bool(r["agency"]) for r in ones)
    exact = sum(r["verdict"] == Verdict.RIGHT for r in ones)
    verdicts = Counter(r["verdict"] for r in results)
    n = max(1, len(ones))
    return (
        f"at {size:,} agencies: single-figure questions: agency right {agency}/{len(ones)} "
        f"({agency / n:.1%}), agency+year+figure right {exact}/{len(ones)} ({exact / n:.1%}); "
        f"all questions: right {verdicts[Verdict.RIGHT]}, asked back {verdicts[Verdict.ASKED]},"
        f" missed {verdicts[Verdict.MISSED]}, wrong {verdicts[Verdict.WRONG]} "
        f"of {len(results)}"
    )
