"""The time limit on parsing: a file that hangs the parser gets a ``ReportError`` after the
limit, in a child process that is then killed; the other files of a folder go on, in order.

The hanging parse is injected through the ``parse`` parameter: the functions below are
pickled by name, and each worker process imports this module to run them.
"""

import multiprocessing
import os
import queue
import resource
import sys
import threading
import time
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

import pytest

from bot.errors import NotAReportError, ReportError, UnreadableFileError
from bot.parser import ParsedReport, parse_report, workers
from bot.parser.workers import (
    PARSE_SECONDS,
    WORKER_MEMORY,
    WORKER_NICENESS,
    Clock,
    Outcome,
    Waitable,
    default_workers,
    parse_bytes_limited,
    parse_file,
    parse_files,
)

LIMIT = 1 << 20
# Not imported from conftest: a worker imports this module to find the functions below, and
# conftest would bring the whole bot (Telegram included) into each one
REPORTS = Path(__file__).parents[1] / "fixtures" / "reports"
SEED = REPORTS / "000_hantunlu_2023.txt"


def hang_on_hang_files(name: str, data: bytes) -> ParsedReport:
    """``parse_report``, except that a file named ``*hang*`` never finishes."""
    if "hang" in name:
        threading.Event().wait()  # for ever: only a kill ends it
    return parse_report(name, data)


def die_on_die_files(name: str, data: bytes) -> ParsedReport:
    """``parse_report``, except that a file named ``*die*`` ends the process (a segfault in a C
    library would look the same)."""
    if "die" in name:
        os._exit(3)
    return parse_report(name, data)


def take_all_memory(name: str, data: bytes) -> ParsedReport:
    """More memory than a worker may have."""
    hoard = [bytearray(2**28) for _ in range(64)]
    raise AssertionError(len(hoard))


def fail_with_a_bug(name: str, data: bytes) -> ParsedReport:
    raise IndexError("list index out of range")


def tell_niceness(name: str, data: bytes) -> ParsedReport:
    """Report the worker's scheduling priority, as an error the parent receives."""
    raise NotAReportError(name, f"niceness {os.nice(0)}")


def test_workers_yield_the_cpu_to_the_process_that_saves_and_answers() -> None:
    result = parse_bytes_limited("any.txt", b"x", seconds=30, parse=tell_niceness)
    assert isinstance(result, NotAReportError)
    assert result.reason == f"niceness {min(os.nice(0) + WORKER_NICENESS, 19)}"


def test_default_limit_is_a_minute() -> None:
    assert PARSE_SECONDS == 60


@pytest.mark.timeout(30)
def test_a_parse_that_hangs_is_stopped_at_the_limit() -> None:
    result = parse_bytes_limited("hang.txt", b"x", seconds=0.5, parse=hang_on_hang_files)
    assert isinstance(result, UnreadableFileError)
    assert str(result) == "hang.txt: reading took longer than 0.5 s; the file may be damaged"


@pytest.mark.timeout(60)
def test_limited_parse_gives_what_a_plain_parse_gives() -> None:
    for path in (SEED, REPORTS / "008_pingtan_2023.docx", REPORTS / "008_pingtan_2023.pdf"):
        data = path.read_bytes()
        result = parse_bytes_limited(f"dir/{path.name}", data)
        assert isinstance(result, ParsedReport)
        assert result == parse_report(path.name, data)


@pytest.mark.timeout(30)
def test_limited_parse_passes_report_errors_through() -> None:
    result = parse_bytes_limited("minutes.txt", "会议纪要：无。\n".encode())
    assert isinstance(result, NotAReportError)
    assert result.reason.startswith("no title")


@pytest.mark.timeout(30)
def test_a_worker_that_dies_is_reported() -> None:
    result = parse_bytes_limited("die.txt", b"x", parse=die_on_die_files)
    assert isinstance(result, UnreadableFileError)
    assert (
        result.reason == "the reader stopped on this file (exit code 3); the file may be damaged"
    )


@pytest.mark.timeout(30)
def test_a_parse_that_needs_too_much_memory_is_reported() -> None:
    result = parse_bytes_limited("big.txt", b"x", parse=take_all_memory)
    assert isinstance(result, UnreadableFileError)
    assert result.reason == "reading the file needs more memory than is allowed"


@pytest.mark.timeout(30)
def test_a_parser_bug_is_reported_without_pythons_words() -> None:
    result = parse_bytes_limited("bug.txt", b"x", parse=fail_with_a_bug)
    assert isinstance(result, UnreadableFileError)
    assert result.reason == "the parser failed on this file (IndexError); it is logged"


@pytest.fixture
def folder(tmp_path: Path) -> list[Path]:
    names = [
        "000_hantunlu_2023.txt",
        "008_pingtan_2023.docx",
        "004_pingtan_2019.html",
        "014_pingtan_junshan_2022.txt",
        "015_pingtan_scjgj_2019.txt",
    ]
    paths = []
    for index, name in enumerate(names):
        path = tmp_path / f"{index:02}_{name}"
        path.write_bytes((REPORTS / name).read_bytes())
        paths.append(path)
    for index, name in ((2, "hang_a.txt"), (4, "die_b.txt"), (5, "hang_c.txt")):
        path = tmp_path / f"{index:02}_{name}"
        path.write_bytes(SEED.read_bytes())
        paths.insert(index, path)
    return paths


def hang_or_die(name: str, data: bytes) -> ParsedReport:
    return die_on_die_files(name, data) if "die" in name else hang_on_hang_files(name, data)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("workers", [1, 2])
def test_a_hung_file_does_not_hold_up_the_folder(folder: list[Path], workers: int) -> None:
    results = list(
        parse_files(folder, max_bytes=LIMIT, workers=workers, seconds=1.0, parse=hang_or_die)
    )
    assert [path for path, _ in results] == folder
    for path, result in results:
        if "hang" in path.name:
            assert isinstance(result, UnreadableFileError)
            assert result.reason == "reading took longer than 1 s; the file may be damaged"
        elif "die" in path.name:
            assert isinstance(result, UnreadableFileError)
            assert result.reason.startswith("the reader stopped on this file (exit code 3)")
        else:
            assert result == parse_report(path.name, path.read_bytes())


@pytest.mark.timeout(60)
def test_every_file_of_a_folder_may_hang(tmp_path: Path) -> None:
    paths = []
    for index in range(7):
        path = tmp_path / f"hang_{index}.txt"
        path.write_bytes(b"x")
        paths.append(path)
    results = list(
        parse_files(paths, max_bytes=LIMIT, workers=3, seconds=0.5, parse=hang_on_hang_files)
    )
    assert [path for path, _ in results] == paths
    assert all(isinstance(result, ReportError) for _, result in results)


@pytest.mark.timeout(60)
def test_stopping_early_ends_the_workers(tmp_path: Path) -> None:
    paths = [tmp_path / f"hang_{index}.txt" for index in range(4)]
    for path in paths:
        path.write_bytes(b"x")
    parsing = parse_files(paths, max_bytes=LIMIT, workers=2, seconds=0.5, parse=hang_on_hang_files)
    first = next(parsing)
    assert first[0] == paths[0]
    parsing.close()  # the caller stops reading: every worker goes
    assert multiprocessing.active_children() == []


def test_files_over_the_size_limit_and_missing_files(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (LIMIT + 1))
    missing = tmp_path / "missing.txt"
    results = dict(parse_files([big, missing], max_bytes=LIMIT))
    assert str(results[big]) == f"big.txt: the file is {LIMIT + 1:,} bytes; the limit is {LIMIT:,}"
    assert str(results[missing]) == "missing.txt: No such file or directory"


def test_a_file_of_exactly_the_size_limit_is_read(tmp_path: Path) -> None:
    text = SEED.read_bytes()
    exact = tmp_path / "exact.txt"
    exact.write_bytes(text)
    (_, result), *_ = parse_files([exact], max_bytes=len(text))
    assert result == parse_report("exact.txt", text)


def test_a_file_of_exactly_the_size_limit_is_read_by_the_worker_s_own_step(
    tmp_path: Path,
) -> None:
    # the step a worker runs, here in this process: one byte over is refused (above)
    text = SEED.read_bytes()
    exact = tmp_path / "exact.txt"
    exact.write_bytes(text)
    assert parse_file(exact, max_bytes=len(text)) == parse_report("exact.txt", text)
    refused = parse_file(exact, max_bytes=len(text) - 1)
    assert (
        str(refused)
        == f"exact.txt: the file is {len(text):,} bytes; the limit is {len(text) - 1:,}"
    )


def test_a_folder_is_parsed_by_one_worker_unless_more_are_asked_for(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    made: list[int] = []

    real = workers._Worker

    def counted(*args: Any, **kwargs: Any) -> workers._Worker:
        made.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(workers, "_Worker", counted)
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for path in paths:
        path.write_bytes(SEED.read_bytes())
    assert len(list(parse_files(paths, max_bytes=LIMIT))) == 2  # the default: one
    assert len(made) == 1
    for asked, started in ((0, 1), (1, 1), (2, 2)):
        made.clear()
        assert len(list(parse_files(paths, max_bytes=LIMIT, workers=asked))) == 2
        assert len(made) == started, asked


def test_one_worker_per_cpu_this_process_may_use() -> None:
    cpus = os.sched_getaffinity(0)
    assert default_workers() == len(cpus)
    os.sched_setaffinity(0, {min(cpus)})  # this thread, on one CPU
    try:
        assert default_workers() == 1
    finally:
        os.sched_setaffinity(0, cpus)


# -- the limits pinned on the workers' clock ----------------------------------------------------
#
# The parent measures each file's time on a ``Clock``; here it is a clock that only the test
# moves, so "stopped at the limit" and "each file gets its own limit" are exact statements
# about when the parent acts, whatever the machine's load. Files are "held": the parse waits
# until the test releases it (a file next to the report), or for ever.

TIMED_OUT = "reading took longer than 60 s; the file may be damaged"


class ManualClock:
    """A clock that stands still until ``move_to``; the parent's waits end when a worker
    answers or when the clock passes their end. ``seen`` tells when the parent has looked at
    the clock at a given time and gone on waiting (its deadline not reached)."""

    def __init__(self) -> None:
        self._state = threading.Condition()
        self._now = 0.0
        self._waited_at = -1.0  # the latest time the parent went on waiting at
        self.waits = 0  # how often the parent began to wait
        self.clock = Clock(now=self.now, wait=self.wait)

    def now(self) -> float:
        with self._state:
            return self._now

    def wait(self, objects: list[Waitable], timeout: float) -> list[object]:
        with self._state:
            end = self._now + timeout
            self.waits += 1
            self._state.notify_all()
        while True:
            ready = wait(objects, 0.02)  # a real wait, short: the clock may move meanwhile
            if ready:
                return list(ready)
            with self._state:
                if self._now >= end - 1e-9:  # rounding: end is now + (deadline - now)
                    return []
                self._waited_at = self._now
                self._state.notify_all()

    def waits_again(self, after: int) -> None:
        """Wait until the parent has begun more than ``after`` waits."""
        deadline = time.monotonic() + 30  # only the positive case waits this long
        with self._state:
            while self.waits <= after:
                assert time.monotonic() < deadline, "the parser never waited again"
                self._state.wait(0.02)

    def move_to(self, when: float) -> None:
        with self._state:
            self._now = when

    def seen(self, when: float, done: Callable[[], bool]) -> None:
        """Wait until the parent waited at ``when`` (or later), or ``done()``."""
        deadline = time.monotonic() + 30  # only the positive case waits this long
        with self._state:
            while self._waited_at < when and not done():
                assert time.monotonic() < deadline, f"the parser never waited at {when}"
                self._state.wait(0.02)


def hold(name: str, data: bytes) -> ParsedReport:
    """A parse that says it started (``<data>.started``) and waits for the test: it ends (as
    a report error) once ``<data>.go`` exists; a file that must hang is never released."""
    Path(data.decode() + ".started").touch()
    release = Path(data.decode() + ".go")
    while not release.exists():
        time.sleep(0.01)
    raise NotAReportError(name, "released")


class Run:
    """``parse_files`` on a thread, its outcomes in a queue as they come."""

    def __init__(
        self, paths: list[Path], clock: ManualClock, workers: int, seconds: float | None
    ) -> None:
        self.outcomes: queue.Queue[tuple[Path, Outcome]] = queue.Queue()
        self.finished = threading.Event()

        def run() -> None:
            try:
                limited = partial(parse_files, paths, max_bytes=LIMIT, workers=workers, parse=hold)
                # without ``seconds``: the default limit
                parsing = (
                    limited(clock=clock.clock)
                    if seconds is None
                    else limited(seconds=seconds, clock=clock.clock)
                )
                for item in parsing:
                    self.outcomes.put(item)
            finally:
                self.finished.set()

        self.thread = threading.Thread(target=run, daemon=True)

    def next(self) -> tuple[Path, Outcome]:
        return self.outcomes.get(timeout=30)  # the positive case: it comes, soon


@contextmanager
def running(
    paths: list[Path], clock: ManualClock, workers: int = 1, seconds: float | None = None
) -> Iterator[Run]:
    run = Run(paths, clock, workers, seconds)
    run.thread.start()
    try:
        yield run
    finally:
        for path in paths:  # release whatever still waits, then the thread ends
            Path(f"{path}.go").touch()
        clock.move_to(10**9)
        run.thread.join(30)


def held_files(folder: Path, *names: str) -> list[Path]:
    paths = []
    for name in names:
        path = folder / name
        path.write_text(str(path))
        paths.append(path)
    return paths


def release(path: Path) -> None:
    Path(f"{path}.go").touch()


def assert_released(item: tuple[Path, Outcome], path: Path) -> None:
    """The outcome of a held file that ran until the test released it: never stopped."""
    assert item[0] == path
    assert isinstance(item[1], NotAReportError) and item[1].reason == "released", item[1]


def assert_stopped(run: Run, clock: ManualClock, when: float, path: Path, reason: str) -> None:
    """Move the clock to ``when``: the next outcome is ``path``, stopped there for ``reason``."""
    clock.move_to(when)
    stopped, outcome = run.next()
    assert stopped == path and isinstance(outcome, UnreadableFileError)
    assert outcome.reason == reason


def started(path: Path | str) -> None:
    """Wait until the parse of ``path`` has begun (its limit runs from before that)."""
    deadline = time.monotonic() + 30  # only the positive case waits this long
    while not Path(f"{path}.started").exists():
        assert time.monotonic() < deadline, f"{path} never started"
        time.sleep(0.01)


def test_a_file_that_hangs_is_stopped_at_the_default_limit_not_before(tmp_path: Path) -> None:
    clock = ManualClock()
    (hung,) = held_files(tmp_path, "hung.txt")
    with running([hung], clock) as run:
        started(hung)
        clock.move_to(PARSE_SECONDS - 0.1)
        clock.seen(PARSE_SECONDS - 0.1, lambda: not run.outcomes.empty())
        assert run.outcomes.empty()  # at the limit less a tenth of a second: still parsing
        assert_stopped(run, clock, PARSE_SECONDS, hung, TIMED_OUT)


def test_a_single_parse_is_stopped_at_the_default_limit_not_before(tmp_path: Path) -> None:
    clock = ManualClock()
    outcomes: queue.Queue[Outcome] = queue.Queue()
    marker = str(tmp_path / "never")
    worker = threading.Thread(
        target=lambda: outcomes.put(
            parse_bytes_limited("hung.txt", marker.encode(), parse=hold, clock=clock.clock)
        ),
        daemon=True,
    )
    worker.start()
    started(marker)
    clock.move_to(PARSE_SECONDS - 0.1)
    clock.seen(PARSE_SECONDS - 0.1, lambda: not outcomes.empty())
    assert outcomes.empty()
    clock.move_to(PARSE_SECONDS)
    outcome = outcomes.get(timeout=30)
    worker.join(30)
    assert isinstance(outcome, UnreadableFileError) and outcome.reason == TIMED_OUT


def test_each_queued_file_gets_its_own_full_limit(tmp_path: Path) -> None:
    """One worker, three files in its queue: the limit of each starts when the one before it
    is answered, not when it was queued."""
    clock = ManualClock()
    slow, slower, hung = held_files(tmp_path, "a_slow.txt", "b_slower.txt", "c_hung.txt")
    with running([slow, slower, hung], clock, workers=1) as run:
        started(slow)
        clock.move_to(50)  # the first file takes 50 s of its 60
        clock.seen(50, lambda: not run.outcomes.empty())
        release(slow)
        assert_released(run.next(), slow)
        started(slower)
        # the second started at 50: at 100 it is past the first file's limit, not its own
        clock.move_to(100)
        clock.seen(100, lambda: not run.outcomes.empty())
        assert run.outcomes.empty()
        release(slower)
        assert_released(run.next(), slower)
        started(hung)
        # the third started at 100 and hangs: stopped at 160, not before
        clock.move_to(159.9)
        clock.seen(159.9, lambda: not run.outcomes.empty())
        assert run.outcomes.empty()
        assert_stopped(run, clock, 160, hung, TIMED_OUT)


def test_a_hung_file_is_stopped_at_its_limit_when_another_worker_answered_just_before(
    tmp_path: Path,
) -> None:
    # a worker holds four files: the fifth is the second worker's, which answers half a
    # second before the first file's limit; the parent then waits only that half second
    clock = ManualClock()
    hung, *queued, quick = held_files(tmp_path, "a.txt", "b.txt", "c.txt", "d.txt", "e.txt")
    with running([hung, *queued, quick], clock, workers=2) as run:
        started(hung)
        started(quick)
        clock.move_to(PARSE_SECONDS - 0.5)
        clock.seen(PARSE_SECONDS - 0.5, lambda: False)
        waits = clock.waits
        release(quick)
        clock.waits_again(waits)  # its answer taken, the parent waits for the first again
        assert_stopped(run, clock, PARSE_SECONDS, hung, TIMED_OUT)


def test_a_hung_file_after_a_hung_one_is_stopped_on_the_same_clock(tmp_path: Path) -> None:
    # the new worker measures the second file's limit on the clock the first was measured on
    clock = ManualClock()
    first, second = held_files(tmp_path, "a_hung.txt", "b_hung.txt")
    with running([first, second], clock, workers=1, seconds=10) as run:
        started(first)
        clock.move_to(10)
        assert run.next()[0] == first
        started(second)
        assert_stopped(
            run, clock, 20, second, "reading took longer than 10 s; the file may be damaged"
        )


def test_a_file_after_a_hung_one_gets_its_own_limit_in_a_new_worker(tmp_path: Path) -> None:
    clock = ManualClock()
    hung, after = held_files(tmp_path, "a_hung.txt", "b_after.txt")
    with running([hung, after], clock, workers=1, seconds=10) as run:
        started(hung)
        clock.move_to(10)  # the first is stopped; its worker is replaced
        path, outcome = run.next()
        assert path == hung and isinstance(outcome, UnreadableFileError)
        assert outcome.reason == "reading took longer than 10 s; the file may be damaged"
        started(after)
        clock.move_to(19.9)  # the second started at 10, in the new worker
        clock.seen(19.9, lambda: not run.outcomes.empty())
        assert run.outcomes.empty()
        release(after)
        assert_released(run.next(), after)


@pytest.mark.parametrize(("count", "held"), [(1, 4), (2, 12)])
def test_while_the_first_file_is_held_the_files_sent_ahead_stay_bounded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, count: int, held: int
) -> None:
    """A worker holds the file it parses and three more; past that, at most six files a
    worker are sent ahead of the one the caller waits for: memory stays flat on a folder of
    thousands behind one slow file."""
    given: list[int] = []
    give = workers._Worker.give

    def counted(worker: workers._Worker, task: Any, seconds: float) -> None:
        given.append(task[0])
        give(worker, task, seconds)

    monkeypatch.setattr(workers._Worker, "give", counted)
    clock = ManualClock()
    sent_when_alone: queue.Queue[int] = queue.Queue()
    wait_on = clock.wait

    def watching(objects: list[Waitable], timeout: float) -> list[object]:
        if len(objects) == 2:  # the held file's worker alone: nothing else can be sent
            sent_when_alone.put(len(given))
        return wait_on(objects, timeout)

    clock.clock = Clock(now=clock.now, wait=watching)
    first, *others = held_files(tmp_path, *(f"{n:02}.txt" for n in range(20)))
    for path in others:
        release(path)
    with running([first, *others], clock, workers=count) as run:
        assert sent_when_alone.get(timeout=30) == held
        release(first)
        for path in [first, *others]:
            assert_released(run.next(), path)
    assert given == list(range(20))  # each file sent once, in order


@pytest.fixture
def unimportable_parse() -> Iterator[Callable[[str, bytes], ParsedReport]]:
    """A parse function the parent can send but a worker cannot import: the worker dies
    before it says it is ready, as it would on a broken installation."""
    module = types.ModuleType("parser_only_the_parent_has")
    exec("def parse(name, data):\n    raise AssertionError('never runs')\n", module.__dict__)
    sys.modules[module.__name__] = module
    try:
        yield module.parse
    finally:
        del sys.modules[module.__name__]


def test_a_worker_that_cannot_start_is_the_machines_fault_not_the_files(
    unimportable_parse: Callable[[str, bytes], ParsedReport], tmp_path: Path
) -> None:
    message = r"^a parsing worker did not start \(exit code 1\)$"
    with pytest.raises(RuntimeError, match=message):
        parse_bytes_limited("any.txt", b"x", parse=unimportable_parse)
    (path,) = held_files(tmp_path, "any.txt")
    with pytest.raises(RuntimeError, match=message):
        list(parse_files([path], max_bytes=LIMIT, parse=unimportable_parse))
    assert multiprocessing.active_children() == []


# -- the worker's own loop, here in this process (its limits recorded, not applied) -------------


def test_a_worker_sets_its_limits_says_it_is_ready_and_answers_each_task(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    applied: list[tuple[str, object]] = []
    monkeypatch.setattr(resource, "setrlimit", lambda *a: applied.append(("as", a)))
    monkeypatch.setattr(os, "nice", lambda n: applied.append(("nice", n)))
    parent, child = multiprocessing.Pipe()
    loop = threading.Thread(target=workers._serve, args=(child, parse_report, LIMIT))
    loop.start()
    assert parent.recv() is None  # ready
    assert applied == [
        ("as", (resource.RLIMIT_AS, (WORKER_MEMORY, WORKER_MEMORY))),
        ("nice", WORKER_NICENESS),
    ]
    seed = tmp_path / "seed.txt"
    seed.write_bytes(SEED.read_bytes())
    parent.send((3, seed))
    assert parent.recv() == (3, parse_report("seed.txt", SEED.read_bytes()))
    parent.send((4, ("folder/minutes.txt", "会议纪要：无。\n".encode())))
    index, outcome = parent.recv()
    assert index == 4 and isinstance(outcome, NotAReportError)
    assert outcome.source == "minutes.txt" and outcome.reason.startswith("no title")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (LIMIT + 1))
    parent.send((5, big))
    assert (
        str(parent.recv()[1])
        == f"big.txt: the file is {LIMIT + 1:,} bytes; the limit is {LIMIT:,}"
    )
    parent.close()  # no more tasks: the loop ends
    loop.join(30)
    assert not loop.is_alive()


def test_a_worker_parses_a_file_it_is_sent_with_the_parse_it_was_given(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(resource, "setrlimit", lambda *a: None)
    monkeypatch.setattr(os, "nice", lambda n: None)
    parent, child = multiprocessing.Pipe()
    loop = threading.Thread(target=workers._serve, args=(child, fail_with_a_bug, LIMIT))
    loop.start()
    assert parent.recv() is None
    seed = tmp_path / "seed.txt"  # a good report: only the given parse fails on it
    seed.write_bytes(SEED.read_bytes())
    for task in ((1, seed), (2, ("seed.txt", SEED.read_bytes()))):
        parent.send(task)
        index, outcome = parent.recv()
        assert index == task[0] and "the parser failed on this file" in str(outcome)
    parent.close()
    loop.join(30)
    assert not loop.is_alive()


def raise_memory_error(name: str, data: bytes) -> ParsedReport:
    raise MemoryError


def test_a_parse_failure_becomes_a_reason_a_user_can_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"x")
    bug = parse_file(path, max_bytes=LIMIT, parse=fail_with_a_bug)
    assert isinstance(bug, UnreadableFileError)
    assert str(bug) == "report.txt: the parser failed on this file (IndexError); it is logged"
    assert "the parser failed on report.txt" in caplog.messages
    memory = parse_file(path, max_bytes=LIMIT, parse=raise_memory_error)
    assert isinstance(memory, UnreadableFileError)
    assert str(memory) == "report.txt: reading the file needs more memory than is allowed"
    refused = parse_file(path, max_bytes=LIMIT, parse=tell_niceness)
    assert isinstance(refused, NotAReportError) and refused.source == "report.txt"
    missing = parse_file(tmp_path / "gone.txt", max_bytes=LIMIT)
    assert str(missing) == "gone.txt: No such file or directory"
