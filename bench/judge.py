"""Whether an answer is right: the agency (by the report it cites), year and figure the
question was made from; "which one?" for a namesake; the agencies compared; the region."""

import re
from collections.abc import Sequence
from typing import Any

from bench.questions import Question
from bot.answers import Answer


def cited_agency(answer: Answer) -> int | None:
    """The agency id of the report the answer cites (source names end in ``_<id>.<ext>``)."""
    if answer.source is None:
        return None
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


def judge(question: Question, answer: Answer) -> tuple[bool, bool | None, str]:
    """(right, agency right — for questions about one agency, else None, what was answered)."""
    got = describe(answer)
    if question.want == "figure":
        agency = cited_agency(answer) == question.agency_id
        exact = (answer.kind, answer.year, answer.key) == ("figure", question.year, question.key)
        return agency and exact, agency, got
    if question.want == "trend":
        agency = answer.agency == question.agency
        return answer.kind == "trend" and agency, agency, got
    if question.want == "compare":
        compared = sorted(str(row.get("agency")) for row in answer.rows)
        right = answer.kind == "compare" and compared == sorted(question.others)
        return right, None, got + (f" · compared {compared}" if answer.kind == "compare" else "")
    if question.want == "total":
        row: dict[str, Any] = answer.rows[0] if answer.rows else {}
        members = row.get("members")
        right = row.get("region") == question.region and members == question.members
        note = f" · region {row.get('region')} of {members} agencies (want {question.members})"
        return answer.kind == "total" and right, None, got + note
    if question.want == "ranking":
        named = question.region is not None and question.region in answer.text.splitlines()[0]
        return answer.kind == "ranking" and named and bool(answer.rows), None, got
    if question.want == "not_indexed":
        return answer.kind == "not_indexed" and answer.agency is None, None, got
    return answer.kind == question.want, None, got


def summary(size: int, results: Sequence[dict[str, Any]], single: Sequence[str]) -> str:
    """How many answers were right at this size: one agency's figure, and every kind."""
    ones = [r for r in results if r["kind"] in single and r["kind"] != "typo"]
    agency = sum(bool(r["agency"]) for r in ones)
    exact = sum(bool(r["right"]) for r in ones)
    typos = [r for r in results if r["kind"] == "typo"]
    right = sum(bool(r["right"]) for r in results)
    n = max(1, len(ones))
    return (
        f"at {size:,} agencies: single-figure questions: agency right {agency}/{len(ones)} "
        f"({agency / n:.1%}), agency+year+figure right {exact}/{len(ones)} ({exact / n:.1%}); "
        f"typos: {sum(bool(r['agency']) for r in typos)}/{len(typos)} agency right; "
        f"all questions: {right}/{len(results)} ({right / max(1, len(results)):.1%}) as expected"
    )
