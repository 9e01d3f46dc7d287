"""Parsing many files: in worker processes when there are enough of them, results in order,
a bounded number in flight; a file that breaks the parser is reported, not fatal."""

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from bot.errors import ReportError, UnreadableFileError
from bot.reports.model import ParsedReport
from bot.reports.parse import parse_report

log = logging.getLogger(__name__)

Outcome = ParsedReport | ReportError
BATCH = 8  # files per task: fewer round trips, still even work for the workers


def default_workers() -> int:
    """One worker per CPU this process may run on."""
    return max(1, len(os.sched_getaffinity(0)))


def parse_file(path: Path, *, max_bytes: int) -> Outcome:
    """Read and parse one file; every failure becomes a ``ReportError`` saying why."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return UnreadableFileError(
                path.name, f"the file is {size:,} bytes; the limit is {max_bytes:,}"
            )
        return parse_report(path.name, path.read_bytes())
    except ReportError as error:
        return error
    except OSError as error:
        return UnreadableFileError(path.name, error.strerror or str(error))
    except Exception as error:  # a parser bug must not end a folder's ingest
        log.exception("the parser failed on %s", path.name)
        return UnreadableFileError(
            path.name, f"the parser failed on this file ({type(error).__name__}); it is logged"
        )


def parse_files(
    paths: Sequence[Path], *, max_bytes: int, workers: int = 1
) -> Iterator[tuple[Path, Outcome]]:
    """Each path with its parsed report or the error, in the order given."""
    if workers <= 1 or len(paths) < 2 * BATCH:
        for path in paths:
            yield path, parse_file(path, max_bytes=max_bytes)
        return
    # forkserver: workers start from a clean process, not a fork of one holding threads
    # and database connections
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["bot.reports.batch"])
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        pending: deque[Future[list[tuple[Path, Outcome]]]] = deque()
        for batch in _batches(paths, BATCH):
            pending.append(pool.submit(_parse_batch, batch, max_bytes))
            if len(pending) >= 3 * workers:  # memory stays flat however many files
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _batches(paths: Sequence[Path], size: int) -> Iterator[tuple[Path, ...]]:
    files = iter(paths)
    while batch := tuple(islice(files, size)):
        yield batch


def _parse_batch(paths: tuple[Path, ...], max_bytes: int) -> list[tuple[Path, Outcome]]:
    return [(path, parse_file(path, max_bytes=max_bytes)) for path in paths]
