"""The time limit on parsing: a file that hangs the parser gets a ``ReportError`` after the
limit, in a child process that is then killed; the other files of a folder go on, in order.

The hanging parse is injected through the ``parse`` parameter: the functions below are
pickled by name, and each worker process imports this module to run them.
"""

import multiprocessing
import os
import threading
import time
from pathlib import Path

import pytest

from bot.errors import NotAReportError, ReportError, UnreadableFileError
from bot.parser import ParsedReport, parse_report
from bot.parser.workers import PARSE_SECONDS, WORKER_NICENESS, parse_bytes_limited, parse_files

LIMIT = 1 << 20
# Not imported from conftest: a worker imports this module to find the functions below, and
# conftest would bring the whole bot (Telegram included) into each one
REPORTS = Path(__file__).parent / "fixtures" / "reports"
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
    started = time.monotonic()
    result = parse_bytes_limited("hang.txt", b"x", seconds=0.5, parse=hang_on_hang_files)
    assert isinstance(result, UnreadableFileError)
    assert str(result) == "hang.txt: reading took longer than 0.5 s; the file may be damaged"
    assert time.monotonic() - started < 25  # stopped, not waited for (the marker is the limit)


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
