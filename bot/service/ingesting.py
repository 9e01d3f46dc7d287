"""Ingesting a parsed report: the options, the result, and the one rule of what is indexed (an
agency and a year, and at least one cell). A cut-off copy is kept for what it holds; whether it
replaces the copy already indexed is the store's decision (``store.writes.save_report``)."""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from bot.agencies.identify import identify_agency
from bot.errors import IncompleteReportError
from bot.parser import ParsedReport
from bot.records import IngestStatus


@dataclass(frozen=True)
class IngestOptions:
    """How to ingest: the agency and year to use for a fragment whose title is missing. (A
    cut-off copy is indexed for the cells it holds: nothing needs allowing.)"""

    agency: str | None = None
    year: int | None = None


DEFAULT = IngestOptions()


@dataclass(frozen=True)
class IngestResult:
    """What happened to one file (with why, in ``detail``); ``replaced`` names the file it
    replaced, ``current`` the indexed copy that stays when this one was not written."""

    name: str
    status: IngestStatus
    agency: str | None = None
    year: int | None = None
    detail: str = ""
    replaced: str | None = None
    current: str | None = None
    current_figures: int = 0

    def line(self) -> str:
        """One line for a listing: ``indexed   file.txt  汉屯路街道办事处 2023  …``."""
        what = f"{self.agency} {self.year}" if self.agency else ""
        return f"{self.status:<9} {self.name}  {what}  {self.detail}".rstrip()


def complete(report: ParsedReport, options: IngestOptions) -> ParsedReport:
    """The report, named where its title is missing; refused only when its agency or year
    stays unknown or it holds no cell at all. A cut-off copy, or one with cells that could
    not be read, is kept for what it holds: its findings say what it lacks."""
    if report.year is None and options.year is not None:
        report = replace(report, year=options.year)
    if not report.agency.name and options.agency:
        report = replace(report, agency=identify_agency(options.agency))
    if report.year is None or not report.agency.name:
        raise IncompleteReportError(
            report.source_name,
            "no title naming the agency and year: give them with --agency and --year",
        )
    if not report.figures and not report.not_reported:
        raise IncompleteReportError(report.source_name, "no figure of the report was read")
    return report


def report_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, and the files inside the folders named, skipping hidden ones."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and not any(part.startswith(".") for part in p.parts[-1:])
            )
        else:
            files.append(path)
    return files
