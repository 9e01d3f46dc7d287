"""What parsing a report produces: plain data, no I/O."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

Value = Decimal
#: The finding that lists the figures read by OCR (a photo or a scanned PDF): the preview,
#: answers and exports show that these figures were read from an image.
READ_BY_OCR = "read_by_ocr"
#: The finding that lists every cell a copy lacks (cut off, a section not found) and says where
#: it stops: those cells are unknown, neither figures nor "not reported".
INCOMPLETE = "incomplete"
#: The finding that lists the cells printed but not read for certain: left out, not guessed.
AMBIGUOUS_CELLS = "ambiguous_cells"


@dataclass(frozen=True)
class Finding:
    """A rule the report breaks, or something a reader should know about its figures."""

    rule: str
    cells: tuple[str, ...]
    expected: Value | None
    found: Value | None
    message: str


@dataclass(frozen=True)
class Agency:
    """The reporting agency: its canonical name and regions; ``identity`` (its region's
    division code and its body) and ``code`` when the name was identified; ``printed``, the
    name as the report prints it (an alias)."""

    name: str
    parent: str | None = None
    level: str | None = None
    city: str | None = None
    province: str | None = None
    code: str | None = None
    identity: str = ""
    printed: str = ""


@dataclass(frozen=True)
class ParsedReport:
    """Everything read from one report file.

    ``figures`` maps canonical keys to values as printed (whole numbers, or exact decimals for
    amounts); ``not_reported`` lists cells of the layout left blank or marked ``/``, ``—``,
    ``无``; ``labels`` keeps the row and column labels as printed, for citing the source.
    """

    agency: Agency
    year: int | None  # None only for a fragment with no title (see ``incomplete``)
    layout: str
    figures: dict[str, Value]
    not_reported: tuple[str, ...]
    findings: tuple[Finding, ...]
    text: dict[str, str]
    labels: dict[str, str] = field(default_factory=dict)
    published: date | None = None
    source_name: str = ""
    sha256: str = ""

    def __reduce__(self) -> tuple[Callable[..., "ParsedReport"], tuple[str, str, dict[str, Any]]]:
        # Parsing workers send every report to their parent: the figures travel as two
        # strings, which pickle copies whole, rather than ~200 decimals pickled one at a time
        # (a fifth of the time to send one).
        rest = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "figures"}
        keys, values = "\n".join(self.figures), "\n".join(map(str, self.figures.values()))
        return _unpickle_report, (keys, values, rest)

    def with_findings(self, extra: tuple[Finding, ...]) -> "ParsedReport":
        """A copy with ``extra`` findings appended."""
        return replace(self, findings=self.findings + extra)

    def with_source(self, sha256: str) -> "ParsedReport":
        """A copy carrying the SHA-256 of the file it was read from."""
        return replace(self, sha256=sha256)


# Most cells hold one of a few small numbers: reading each once is cheaper than 200 times.
_decimal = lru_cache(maxsize=1024)(Decimal)


def _unpickle_report(keys: str, values: str, rest: dict[str, Any]) -> ParsedReport:
    if not keys:
        return ParsedReport(figures={}, **rest)
    figures = dict(zip(keys.split("\n"), map(_decimal, values.split("\n")), strict=True))
    return ParsedReport(figures=figures, **rest)


def finding_cells(findings: Iterable[Finding], rule: str) -> set[str]:
    """Every cell the findings of ``rule`` name."""
    return {cell for f in findings if f.rule == rule for cell in f.cells}
