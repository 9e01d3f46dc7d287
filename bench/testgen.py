"""The report generator of the tests (``tests/reportgen``), for the benchmarks: ``tests`` is a
namespace package seen from the repository's root (where ``python -m bench`` runs), and the
generator's modules import one another relatively, so nothing edits ``sys.path``."""

from pathlib import Path

from tests.reportgen import GeneratedReport, render
from tests.reportgen.figures import (
    APPLICANTS,
    COMMON_OUTCOMES,
    RESULTS,
    REVIEW_GROUPS,
    outcome_items,
)
from tests.reportgen.names import (
    FEE_SENTENCES,
    IMPROVEMENT_SENTENCES,
    OTHER_SENTENCES,
    OVERVIEW_SENTENCES,
    PROBLEM_SENTENCES,
)

TESTS = Path(__file__).resolve().parent.parent / "tests"

__all__ = [
    "APPLICANTS",
    "COMMON_OUTCOMES",
    "FEE_SENTENCES",
    "IMPROVEMENT_SENTENCES",
    "OTHER_SENTENCES",
    "OVERVIEW_SENTENCES",
    "PROBLEM_SENTENCES",
    "RESULTS",
    "REVIEW_GROUPS",
    "TESTS",
    "GeneratedReport",
    "outcome_items",
    "render",
]
