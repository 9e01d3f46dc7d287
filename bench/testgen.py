"""The report generator of the tests (``tests/reportgen``), importable from the benchmarks."""

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

from reportgen import GeneratedReport, render  # noqa: E402
from reportgen.figures import (  # noqa: E402
    APPLICANTS,
    COMMON_OUTCOMES,
    RESULTS,
    REVIEW_GROUPS,
    outcome_items,
)
from reportgen.names import (  # noqa: E402
    FEE_SENTENCES,
    IMPROVEMENT_SENTENCES,
    OTHER_SENTENCES,
    OVERVIEW_SENTENCES,
    PROBLEM_SENTENCES,
)

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
