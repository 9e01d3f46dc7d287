"""A parsing worker's life seen from the parent: it starts or is given up on, it is sent tasks
even after it died, it is stopped even when it does not answer, and it never outlives the
program. Each test here failed while the property it names was broken on purpose (mutation
testing, docs/testing.md)."""

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.errors import UnreadableFileError
from bot.parser import ParsedReport, parse_report, workers

ROOT = Path(__file__).parents[2]


def finishes(action: Callable[[], object], seconds: float = 30) -> object:
    """Run ``action`` on a thread and return what it returned or raise what it raised, failing
    the test if it is not done within ``seconds`` (only the positive case waits that long)."""
    done: list[object] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            done.append(action())
        except BaseException as error:  # raised again in the test's thread
            failed.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if failed:
        raise failed[0]
    assert done, "it never finished"
    return done[0]


@pytest.fixture
def hanging_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """A parse function whose module hangs when a worker imports it (as a broken installation
    might, on a network drive): the worker never says it is ready, and never dies."""
    (tmp_path / "parser_that_hangs_in_a_worker.py").write_text(
        textwrap.dedent(
            """
            import multiprocessing, time
            if multiprocessing.current_process().name != "MainProcess":  # a worker
                time.sleep(3600)
            def parse(name, data):
                raise AssertionError("never runs")
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    import parser_that_hangs_in_a_worker as module  # type: ignore[import-not-found]

    yield module.parse
    del sys.modules[module.__name__]


def test_a_worker_that_never_says_it_is_ready_is_given_up_on_and_killed(
    hanging_import: Callable[[str, bytes], ParsedReport], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "_STARTUP_SECONDS", 0.5)
    worker = workers._Worker(workers._context(), hanging_import, max_bytes=100)
    with pytest.raises(RuntimeError, match=r"^a parsing worker did not start"):
        finishes(worker.wait_ready)
    assert not worker.process.is_alive()


def test_a_task_given_to_a_worker_that_died_comes_back_as_its_error() -> None:
    worker = workers._Worker(workers._context(), parse_report, max_bytes=100)
    worker.wait_ready()
    worker.process.kill()
    worker.process.join(30)
    worker.give((7, ("minutes.txt", b"x")), 60.0)  # the pipe is broken: no exception
    index, outcome = worker.outcome(60.0) or (None, None)
    assert index == 7 and isinstance(outcome, UnreadableFileError)
    assert outcome.source == "minutes.txt"
    assert outcome.reason.startswith("the reader stopped on this file (exit code -9)")


def test_an_idle_worker_that_does_not_end_when_told_is_killed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(workers, "_STOP_SECONDS", 0.2)
    worker = workers._Worker(workers._context(), parse_report, max_bytes=100)
    worker.wait_ready()
    assert worker.process.pid is not None
    os.kill(worker.process.pid, signal.SIGSTOP)  # it cannot read that it is told to go
    finishes(worker.stop)
    assert not worker.process.is_alive()


def test_a_program_that_leaves_a_worker_running_still_exits() -> None:
    # the worker is a daemon: the program's exit ends it, rather than waiting for it
    program = textwrap.dedent(
        """
        from bot.parser import parse_report, workers
        if __name__ == "__main__":
            worker = workers._Worker(workers._context(), parse_report, max_bytes=100)
            worker.wait_ready()
            print(worker.process.pid, flush=True)
        """
    )
    ran = subprocess.run(
        [sys.executable, "-c", program],
        check=False,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ran.returncode == 0, ran.stderr
    pid = int(ran.stdout)
    deadline = time.monotonic() + 30  # only the positive case waits this long
    while alive(pid):  # ended, and reaped: not even a zombie
        assert time.monotonic() < deadline, "the worker outlived the program"
        time.sleep(0.05)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (None, "glibc.malloc.hugetlb=1"),
        ("glibc.malloc.arena_max=1", "glibc.malloc.arena_max=1:glibc.malloc.hugetlb=1"),
        ("glibc.malloc.hugetlb=0", "glibc.malloc.hugetlb=0"),  # the operator's choice stands
    ],
)
def test_workers_start_with_huge_pages_for_malloc_unless_told_otherwise(
    monkeypatch: pytest.MonkeyPatch, before: str | None, after: str
) -> None:
    if before is None:
        monkeypatch.delenv("GLIBC_TUNABLES", raising=False)
    else:
        monkeypatch.setenv("GLIBC_TUNABLES", before)
    workers._huge_pages_for_workers.cache_clear()
    try:
        workers._context()
        assert os.environ["GLIBC_TUNABLES"] == after
    finally:
        workers._huge_pages_for_workers.cache_clear()
