"""The core the CLI, the console and the chat share: ingest files, answer questions."""

import hashlib
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Self
from zoneinfo import ZoneInfo

from bot.agencies import NameIndex
from bot.answers import Answer, answer_question
from bot.answers.figures import LACKING_RULES
from bot.config import Config, RemindersConfig, WatchConfig
from bot.errors import ReportError, UnreadableFileError
from bot.fetch.settings import FetchSettings
from bot.parser import ParsedReport
from bot.records import DeleteOutcome, IngestStatus, ReportDump
from bot.service.ingesting import (
    DEFAULT,
    IngestOptions,
    IngestResult,
    complete,
    report_files,
)
from bot.service.links import LinkDesk
from bot.service.reminders import ReminderDesk
from bot.service.snapshot import IndexSnapshot, load_snapshot, save_snapshot, snapshot_path
from bot.texts import Language
from bot.validation import compare_with_previous
from store import Database, StoredReport, dump, open_database, repo, writes


class DisclosureService(ReminderDesk, LinkDesk):
    """Indexed reports, the questions about them and the reminders, over one store: the one
    door to it for the chat and the command line alike. Use it as a context manager (or call
    ``close``) so that its connections are released."""

    def __init__(
        self,
        db: Database,
        *,
        timezone: ZoneInfo,
        max_file_bytes: int,
        parse_seconds: float | None = None,
        snapshot: Path | None = None,
        reminders: RemindersConfig | None = None,
        watch: WatchConfig | None = None,
    ) -> None:
        self.db = db
        self.reminders = reminders or RemindersConfig(timezone=timezone)
        self.watch_settings = watch or WatchConfig()
        self.fetch_settings = FetchSettings.from_config(
            self.watch_settings, max(1, max_file_bytes // (1024 * 1024))
        )
        # None: parse here (tests, trusted callers); a number: in a child process stopped
        # after that long, as for files from strangers
        self.parse_seconds = parse_seconds
        self.snapshot = snapshot
        self.timezone = timezone
        self.max_file_bytes = max_file_bytes
        self._version: int | None = None
        self._index = NameIndex([])
        self._years: dict[int, list[int]] = {}
        self._building = threading.Lock()

    def close(self) -> None:
        """Release the store's connections (the service may not be used afterwards)."""
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- reading (the answer engine's Library) -------------------------------------------

    def agency_index(self) -> NameIndex:
        """The name index, rebuilt when the store changed (another process may ingest).

        One thread builds it; others asking meanwhile wait for it rather than build twice.
        """
        version = repo.index_version(self.db)
        if version == self._version:
            return self._index
        with self._building:
            if version != self._version:
                snapshot = self._load_or_build(version)
                self._index, self._years = snapshot.index, snapshot.years
                self._version = version
        return self._index

    def _load_or_build(self, version: int) -> IndexSnapshot:
        if self.snapshot is not None and (loaded := load_snapshot(self.snapshot, version)):
            return loaded
        # read after the version: a report indexed meanwhile is in, and noticed again later
        agencies = repo.iter_agencies(self.db)
        built = IndexSnapshot(
            version,
            NameIndex(agencies),
            repo.report_years(self.db),
        )
        if self.snapshot is not None:
            save_snapshot(self.snapshot, built)
        return built

    def years(self, agency_id: int) -> list[int]:
        """Years with a report for the agency, ascending."""
        return self._years.get(agency_id, [])

    def years_by_agency(self) -> dict[int, list[int]]:
        """For every indexed agency, the years of its reports (fresh: rebuilt on change)."""
        self.agency_index()
        return self._years

    def report(self, agency_id: int, year: int) -> StoredReport | None:
        """The current report of the agency for the year."""
        return repo.get_report(self.db, agency_id=agency_id, year=year)

    def values(
        self, *, keys: list[str], year: int, agency_ids: list[int]
    ) -> dict[int, dict[str, Decimal | None]]:
        """The cells ``keys`` of each agency's report for the year (agencies without one are
        left out)."""
        return repo.figure_values(self.db, keys=keys, year=year, agency_ids=agency_ids)

    def flagged(self, *, keys: list[str], year: int, agency_ids: list[int]) -> set[int]:
        """Agencies whose report for the year breaks a rule touching any of ``keys``."""
        return repo.flagged_agencies(self.db, keys=keys, year=year, agency_ids=agency_ids)

    def lacking(self, *, keys: list[str], year: int, agency_ids: list[int]) -> set[int]:
        """Agencies whose indexed copy for the year lacks any of ``keys`` (cut off before it,
        or not read for certain)."""
        return repo.flagged_agencies(
            self.db, keys=keys, year=year, agency_ids=agency_ids, rules=LACKING_RULES
        )

    # -- questions -------------------------------------------------------------------------

    def today(self, now: datetime | None = None) -> date:
        """Today in the configured time zone."""
        return (now or datetime.now(self.timezone)).astimezone(self.timezone).date()

    def ask(
        self,
        question: str,
        *,
        now: datetime | None = None,
        agency_id: int | None = None,
        key: str | None = None,
        language: Language | None = None,
    ) -> Answer:
        """Answer a question as the chat, the console and ``ask`` all do; ``agency_id`` and
        ``key`` settle the agency and the figure (a choice picked)."""
        return answer_question(
            self,
            question,
            today=self.today(now),
            agency_id=agency_id,
            key=key,
            language=language,
            reminders=self.reminders,
        )

    # -- ingesting -----------------------------------------------------------------------

    def parse(self, name: str, data: bytes) -> ParsedReport:
        """Parse one file, with the cross-year checks against the indexed previous report."""
        if len(data) > self.max_file_bytes:
            raise UnreadableFileError(
                name, f"the file is {len(data):,} bytes; the limit is {self.max_file_bytes:,}"
            )
        # the parser loads with the first file: answering questions never needs it
        from bot.parser.parse import parse_report  # noqa: PLC0415
        from bot.parser.workers import parse_bytes_limited  # noqa: PLC0415

        if self.parse_seconds is None:
            return self._with_previous_year(parse_report(name, data))
        outcome = parse_bytes_limited(name, data, seconds=self.parse_seconds)
        if isinstance(outcome, ReportError):
            raise outcome
        return self._with_previous_year(outcome)

    def _with_previous_year(self, report: ParsedReport) -> ParsedReport:
        if report.year is None:
            return report
        previous = repo.previous_figures(self.db, agency=report.agency, year=report.year - 1)
        if previous is None:
            return report
        return report.with_findings(tuple(compare_with_previous(report.figures, previous)))

    def preview(self, name: str, data: bytes) -> tuple[ParsedReport, StoredReport | None]:
        """Parse a file and find the report it would replace (same agency and year)."""
        report = self.parse(name, data)
        if report.year is None or not report.agency.name:
            return report, None
        existing = repo.find_report(self.db, agency=report.agency, year=report.year)
        return report, existing

    def index_parsed(
        self, report: ParsedReport, *, now: datetime, options: IngestOptions = DEFAULT
    ) -> IngestResult:
        """Index a parsed report, in one transaction; refused if it is incomplete (unless
        ``options`` allow it) or names no agency and year."""
        try:
            report = complete(report, options)
        except ReportError as error:
            return IngestResult(report.source_name, IngestStatus.REJECTED, detail=error.reason)
        outcome = writes.save_report(self.db, report=report, now=now)
        result = IngestResult(report.source_name, outcome.status, outcome.agency, outcome.year)
        source, count = outcome.current_source, outcome.current_figures
        if outcome.status is IngestStatus.REPLACED:
            return replace(result, detail=f"replaces {source}", replaced=source)
        if outcome.status is IngestStatus.INDEXED:
            return result
        if outcome.status is IngestStatus.KEPT:
            detail = f"a fuller copy ({source}, {count} figures) is already indexed"
        elif source == report.source_name:
            detail = "the same file is already indexed"
        else:
            detail = f"the same figures are already indexed (from {source})"
        return replace(result, detail=detail, current=source, current_figures=count)

    def index_line(self, report: ParsedReport, *, now: datetime) -> str:
        """Index a parsed report (fetched by link or from a watched page); what became of it,
        in one line."""
        return self.index_parsed(report, now=now).line()

    def delete_report(self, agency_id: int, year: int) -> DeleteOutcome | None:
        """Remove an agency's report for a year (and the files it replaced), or ``None``."""
        return writes.delete_report(self.db, agency_id=agency_id, year=year)

    def export_reports(self) -> Iterator[ReportDump]:
        """Every report, current or replaced, in the order it was indexed."""
        return dump.dump_reports(self.db)

    def import_reports(self, dumps: Iterable[ReportDump]) -> tuple[int, int]:
        """Exported reports back in: (added, already there)."""
        return dump.restore_reports(self.db, dumps=dumps)

    def refusal(self, report: ParsedReport) -> str | None:
        """Why a parsed report would not be indexed as it is (no title, incomplete), or
        ``None`` if it would."""
        try:
            complete(report, DEFAULT)
        except ReportError as error:
            return error.reason
        return None

    def fuller_indexed(self, report: ParsedReport, existing: StoredReport) -> bool:
        """Whether the indexed copy holds more cells than ``report``: it stays (a cut copy
        never replaces a fuller one)."""
        return writes.cells_held(report) < len(existing.figures)

    def ingest_bytes(
        self, name: str, data: bytes, *, now: datetime, options: IngestOptions = DEFAULT
    ) -> IngestResult:
        """Parse and index one file; a bad file is rejected with the reason, nothing written."""
        try:
            report = self.parse(name, data)
        except ReportError as error:
            return IngestResult(Path(name).name, IngestStatus.REJECTED, detail=error.reason)
        return self.index_parsed(report, now=now, options=options)

    def ingest_paths(
        self,
        paths: Iterable[Path],
        *,
        now: Callable[[], datetime],
        options: IngestOptions = DEFAULT,
        workers: int = 1,
    ) -> Iterator[IngestResult]:
        """Ingest files and folders (recursively), one result per file, in name order; files
        are parsed by ``workers`` processes, and each report is indexed atomically."""
        from bot.parser.workers import PARSE_SECONDS, parse_files  # noqa: PLC0415

        files = report_files(paths)
        seconds = self.parse_seconds or PARSE_SECONDS
        parsed_files = parse_files(
            files, max_bytes=self.max_file_bytes, workers=workers, seconds=seconds
        )
        for path, parsed in parsed_files:
            if isinstance(parsed, ReportError):
                yield IngestResult(path.name, IngestStatus.REJECTED, detail=parsed.reason)
                continue
            yield self.index_parsed(self._with_previous_year(parsed), now=now(), options=options)


def save_chart(png: bytes) -> Path:
    """Write a chart to a file named after its content (for the console and ``ask``)."""
    folder = Path(tempfile.gettempdir()) / "disclosure-bot-charts"
    folder.mkdir(exist_ok=True)
    path = folder / f"chart-{hashlib.sha256(png).hexdigest()[:12]}.png"
    path.write_bytes(png)
    return path


def open_service(config: Config) -> DisclosureService:
    """The core service over the configured store."""
    return DisclosureService(
        open_database(config.store.url),
        timezone=config.reminders.timezone,
        max_file_bytes=config.telegram.max_file_mb * 1024 * 1024,
        parse_seconds=config.telegram.parse_seconds,
        snapshot=snapshot_path(config.store.url),
        reminders=config.reminders,
        watch=config.watch,
    )


__all__ = [
    "DisclosureService",
    "IngestOptions",
    "IngestResult",
    "open_service",
    "report_files",
    "save_chart",
]
