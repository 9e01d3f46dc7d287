"""Parsing files in worker processes, each file with a time limit: results in order, a bounded
number in flight; a file that breaks the parser, or takes too long, is reported, not fatal.

Every parse runs in a child process because only a process can be stopped: pdfminer can spin
for minutes on a damaged PDF, and neither a thread nor ``ProcessPoolExecutor`` can end one
task. The workers here are our own, so a worker past its deadline is killed and replaced.
"""

import logging
import multiprocessing
import os
import resource
import time
from collections import deque
from collections.abc import Callable, Generator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkServerContext
from pathlib import Path, PurePath

from bot.errors import ReportError, UnreadableFileError
from bot.parser.parse import parse_report
from bot.parser.report import ParsedReport
from bot.readers import READER_MODULES

log = logging.getLogger(__name__)

Outcome = ParsedReport | ReportError
Parse = Callable[[str, bytes], ParsedReport]
#: Seconds one file may take to parse; real reports take well under five.
PARSE_SECONDS = 60.0
#: Address space of a worker: a file that needs more gets an error, not the machine's memory.
WORKER_MEMORY = 2 * 1024**3
#: Parsing yields the CPU to the parent: it saves the reports (a serial step: with it slowed,
#: every worker waits) and, in the bot, answers questions.
WORKER_NICENESS = 5
_STARTUP_SECONDS = 60.0
#: Seconds an idle worker has to end on its own once told to go, before it is killed.
_STOP_SECONDS = 5.0
#: Tasks a worker holds: the one it parses and the next few, so that it never waits for the
#: parent, busy saving a run of reports, before it starts on the next file.
_QUEUED = 4
# A task: the index of the file, then its path, or its name and content.
_Task = tuple[int, Path | tuple[str, bytes]]
Waitable = Connection | int


def _wait(objects: list[Waitable], timeout: float) -> list[object]:
    return list(wait(objects, timeout))


@dataclass(frozen=True)
class Clock:
    """The clock the time limits are measured on, and the wait for a worker (for at most
    ``timeout`` seconds of that clock): a test moves its own clock to pin the limits."""

    now: Callable[[], float] = time.monotonic
    wait: Callable[[list[Waitable], float], list[object]] = _wait


MONOTONIC = Clock()


def default_workers() -> int:
    """One worker per CPU this process may run on."""
    return max(1, len(os.sched_getaffinity(0)))


def parse_file(path: Path, *, max_bytes: int, parse: Parse = parse_report) -> Outcome:
    """Read and parse one file, here; every failure becomes a ``ReportError`` saying why."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return UnreadableFileError(
                path.name, f"the file is {size:,} bytes; the limit is {max_bytes:,}"
            )
        data = path.read_bytes()
    except OSError as error:
        return UnreadableFileError(path.name, error.strerror or str(error))
    return _parse_guarded(path.name, data, parse)


def parse_bytes_limited(
    name: str,
    data: bytes,
    *,
    seconds: float = PARSE_SECONDS,
    parse: Parse = parse_report,
    clock: Clock = MONOTONIC,
) -> Outcome:
    """``parse(name, data)`` in a child process, stopped after ``seconds``: the report, or
    the ``ReportError`` saying why not. Blocks; from async code, call it in a thread."""
    worker = _Worker(_context(), parse, max_bytes=len(data), clock=clock)
    try:
        worker.wait_ready()
        worker.give((0, (name, data)), seconds)
        while (answer := worker.outcome(seconds)) is None:
            clock.wait(
                [worker.conn, worker.process.sentinel],
                max(0.0, worker.deadline - clock.now()),
            )
        return answer[1]
    finally:
        worker.stop()


def parse_files(
    paths: Sequence[Path],
    *,
    max_bytes: int,
    workers: int = 1,
    seconds: float = PARSE_SECONDS,
    parse: Parse = parse_report,
    clock: Clock = MONOTONIC,
) -> Generator[tuple[Path, Outcome], None, None]:
    """Each path with its parsed report or the error, in the order given; ``workers``
    processes parse, each file for at most ``seconds``."""
    if not paths:
        return
    context = _context()
    count = min(max(workers, 1), len(paths))
    pool = [_Worker(context, parse, max_bytes, clock) for _ in range(count)]
    for worker in pool:  # they start side by side; a file's time starts when its worker is up
        worker.wait_ready()
    window = 6 * len(pool)  # files in flight or waiting their turn: memory stays flat
    done: dict[int, Outcome] = {}
    sent = yielded = 0
    try:
        while yielded < len(paths):
            # topped up before every yield too: the caller saves a report while they parse
            for worker in pool:
                while (
                    len(worker.tasks) < _QUEUED and sent < len(paths) and sent - yielded < window
                ):
                    worker.give((sent, paths[sent]), seconds)
                    sent += 1
            if yielded in done:
                yield paths[yielded], done.pop(yielded)
                yielded += 1
                continue
            _collect(pool, done, seconds, clock)
    finally:
        for worker in pool:
            worker.stop()


def _collect(
    pool: list["_Worker"], done: dict[int, Outcome], seconds: float, clock: Clock
) -> None:
    """Wait for a worker to answer, die or pass its deadline; record the outcome of each
    that did, and replace the workers that are gone."""
    busy = [worker for worker in pool if worker.tasks]
    soonest = min(worker.deadline for worker in busy)
    clock.wait(
        [w.conn for w in busy] + [w.process.sentinel for w in busy],
        max(0.0, soonest - clock.now()),
    )
    for position, worker in enumerate(pool):
        if not worker.tasks or (answer := worker.outcome(seconds)) is None:
            continue
        done[answer[0]] = answer[1]
        if not worker.process.is_alive():
            waiting = worker.tasks  # sent but never started: the new worker takes them
            pool[position] = _Worker(worker.context, worker.parse, worker.max_bytes, clock)
            pool[position].wait_ready()
            for task in waiting:
                pool[position].give(task, seconds)


def _context() -> ForkServerContext:
    # forkserver: workers start from a clean process, not a fork of one holding threads
    # and database connections; the server imports the parser once for all of them
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["bot.parser.workers", *READER_MODULES])
    _huge_pages_for_workers()
    return context


#: glibc's malloc backs what it maps with transparent huge pages where the system offers them
#: on request (``madvise``, the usual default); elsewhere the setting does nothing.
_HUGE_PAGES = "glibc.malloc.hugetlb=1"


@cache
def _huge_pages_for_workers() -> None:
    """Let the workers' malloc use huge pages. OCR maps and frees hundreds of megabytes a
    page (onnxruntime's buffers), and faulting them in 4 kB at a time was a tenth of a scan's
    time (bench/RESULTS.md). glibc reads its tunables when a process starts, so they are put
    in the environment the fork server, the workers' parent, starts with."""
    tunables = os.environ.get("GLIBC_TUNABLES", "")
    if "glibc.malloc.hugetlb" not in tunables:
        os.environ["GLIBC_TUNABLES"] = f"{tunables}:{_HUGE_PAGES}" if tunables else _HUGE_PAGES


class _Worker:
    """One child process that parses the tasks it is given, one at a time."""

    def __init__(
        self, context: ForkServerContext, parse: Parse, max_bytes: int, clock: Clock = MONOTONIC
    ) -> None:
        self.context, self.parse, self.max_bytes, self.clock = context, parse, max_bytes, clock
        self.conn, child_end = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(child_end, parse, max_bytes), daemon=True
        )
        self.process.start()
        child_end.close()
        self.tasks: deque[_Task] = deque()  # sent and not answered, the one in hand first
        self.deadline = 0.0  # of the task in hand

    def wait_ready(self) -> None:
        """Wait for the worker to say it is ready (imports done); raises ``RuntimeError`` if it
        dies or takes longer than ``_STARTUP_SECONDS``: the machine, not a file, is at fault."""
        try:
            if self.conn.poll(_STARTUP_SECONDS) and self.conn.recv() is None:
                return
        except (EOFError, OSError):
            pass
        self.stop()
        raise RuntimeError(f"a parsing worker did not start (exit code {self.process.exitcode})")

    def give(self, task: _Task, seconds: float) -> None:
        """Send a task; it waits in the pipe while the worker finishes the one in hand."""
        with suppress(OSError):  # the worker is gone: outcome() says so
            self.conn.send(task)
        self.tasks.append(task)
        if len(self.tasks) == 1:
            self.deadline = self.clock.now() + seconds

    def outcome(self, seconds: float) -> tuple[int, Outcome] | None:
        """The index and outcome of the task in hand if there is one now: the worker's answer,
        or the error for a worker that died or ran out of time (it is then killed, and the
        tasks after it stay in ``tasks``, never started)."""
        if self.conn.poll():
            try:
                answer: tuple[int, Outcome] = self.conn.recv()
            except (EOFError, OSError):
                pass  # it died: told below
            else:
                self.tasks.popleft()
                self.deadline = self.clock.now() + seconds  # the next one starts now
                return answer
        if self.process.is_alive() and self.clock.now() < self.deadline:
            return None
        ran_out = self.process.is_alive()
        self.stop()
        index, what = self.tasks.popleft()
        if ran_out:
            reason = f"reading took longer than {seconds:g} s; the file may be damaged"
        else:
            reason = (
                f"the reader stopped on this file (exit code {self.process.exitcode});"
                " the file may be damaged"
            )
        return index, UnreadableFileError(_name_of(what), reason)

    def stop(self) -> None:
        """End the process: an idle one is told to go, a busy one is killed (it may be stuck)."""
        if self.tasks and self.process.is_alive():
            self.process.kill()
        self.conn.close()  # an idle worker reads the end of its tasks and returns
        self.process.join(_STOP_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _serve(conn: Connection, parse: Parse, max_bytes: int) -> None:
    """A worker's life: parse each task received and send back its outcome."""
    resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY, WORKER_MEMORY))
    os.nice(WORKER_NICENESS)
    conn.send(None)  # ready
    while True:
        try:
            index, what = conn.recv()
        except EOFError:  # the parent is gone or done
            return
        if isinstance(what, Path):
            outcome = parse_file(what, max_bytes=max_bytes, parse=parse)
        else:
            outcome = _parse_guarded(_name_of(what), what[1], parse)
        conn.send((index, outcome))


def _name_of(what: Path | tuple[str, bytes]) -> str:
    """The file name a task is reported under: never a path."""
    return what.name if isinstance(what, Path) else PurePath(what[0]).name


def _parse_guarded(name: str, data: bytes, parse: Parse) -> Outcome:
    try:
        return parse(name, data)
    except ReportError as error:
        return error
    except MemoryError:
        return UnreadableFileError(name, "reading the file needs more memory than is allowed")
    except Exception as error:  # a parser bug must not end a folder's ingest
        log.exception("the parser failed on %s", name)
        return UnreadableFileError(
            name, f"the parser failed on this file ({type(error).__name__}); it is logged"
        )
