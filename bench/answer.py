"""Answer time: how long ``DisclosureService.ask`` takes over a national index.

    .venv/bin/python -m bench.answer [--agencies 1000 10000 100000] [--questions 2000]

For each size, builds (or reuses) the national corpus in ``bench/.data`` (``bench.corpus``),
then, in a fresh process, opens a ``DisclosureService`` over it, times the first
``agency_index()`` (the name index build) and then every ``ask`` of a fixed, seeded question
mix (``bench.questions``). Prints p50/p95/p99/max per size, p95 per kind of question, peak
RSS, and how each answer stands to the agency, year and figure the question was made from:
right, asked back, missed, or wrong (a number for another agency, year or figure), per kind
and size, with examples of the answers that were not right. ``--profile N`` prints the top N
functions of the largest size (cumulative time) on stderr.
"""

import argparse
import cProfile
import json
import os
import platform
import pstats
import random
import resource
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bench.corpus import DATA, build_index, read_meta
from bench.judge import Verdict, judge, summary
from bench.mix import Mixer, question_mix
from bench.questions import MIX, SINGLE, Question

ROOT = Path(__file__).resolve().parent.parent
COMMAND = ".venv/bin/python -m bench.answer"
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 15, 10, 0, tzinfo=SHANGHAI)
SIZES = (1_000, 10_000, 100_000)
TARGET_MS = 20.0


def db_url(agencies: int) -> str:
    """Where the corpus of this size lives."""
    return f"sqlite:///{DATA / f'national-{agencies}.db'}"


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def measure(agencies: int, count: int, seed: int, profile: int) -> dict[str, Any]:
    """In this process: open the service, build the name index, time every question."""
    from bench.agencies import national_agencies
    from bot.service.core import DisclosureService
    from store import open_database

    service = DisclosureService(
        open_database(db_url(agencies)), timezone=SHANGHAI, max_file_bytes=20 << 20
    )
    start = time.perf_counter()
    index = service.agency_index()
    index_seconds = time.perf_counter() - start
    specs = national_agencies(agencies)
    if len(index) != len(specs):
        raise SystemExit(f"the index has {len(index)} agencies, the corpus {len(specs)}")
    questions = question_mix(specs, count, seed)
    warm = Mixer(specs, random.Random(seed + 1))
    for kind in MIX:  # first use of each path: charts, regex caches, fuzzy matching
        service.ask(warm.one(kind).text, now=NOW)
    timings: list[float] = []
    # the process's own CPU time too: the machine is shared, and wall time shows the others
    cpu_timings: list[float] = []
    results: list[dict[str, Any]] = []
    for question in questions:
        begin, cpu = time.perf_counter_ns(), time.process_time_ns()
        answer = service.ask(question.text, now=NOW)
        timings.append((time.perf_counter_ns() - begin) / 1e6)
        cpu_timings.append((time.process_time_ns() - cpu) / 1e6)
        verdict, agency_right, why = judge(question, answer)
        results.append({"kind": question.kind, "verdict": verdict, "agency": agency_right})
        results[-1] |= {"q": question.text, "want": _want(question), "got": why}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if profile:
        _profile(service, questions, profile)
    return {
        "agencies": len(index),
        "reports": sum(len(service.years(i)) for i in index.entries),
        "index_seconds": index_seconds,
        "timings": timings,
        "cpu_timings": cpu_timings,
        "results": results,
        "rss_mb": peak,
        "load": os.getloadavg()[0],  # other processes on the machine while timing
    }


def _want(question: Question) -> str:
    if question.want == "figure" or question.kind == "typo":
        return f"{question.want} {question.agency} {question.year} {question.key}"
    return f"{question.want} {question.agency or question.region or ''}".strip()


def _profile(service: Any, questions: list[Question], top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for question in questions:
        service.ask(question.text, now=NOW)
    profiler.disable()
    print(
        f"\n# profile: {len(questions)} questions, top {top} by cumulative time", file=sys.stderr
    )
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(top)


def _run_worker(
    agencies: int, count: int, seed: int, profile: int, hash_seed: int
) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.answer", "--worker", str(agencies)]
    command += ["--questions", str(count), "--seed", str(seed), "--profile", str(profile)]
    # str hashes (set order) are fixed so that answers repeat from run to run: the name
    # matcher's choices can depend on set iteration order (PYTHONHASHSEED)
    env = os.environ | {"PYTHONHASHSEED": str(hash_seed)}
    done = subprocess.run(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, check=True, text=True
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def machine() -> str:
    """The machine the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    git = ["git", "-C", str(ROOT), "describe", "--always", "--dirty"]
    revision = subprocess.run(git, capture_output=True, text=True, check=False).stdout.strip()
    return (
        f"{platform.platform()} · {cpu} · {os.cpu_count()} cores · "
        f"Python {platform.python_version()} · SQLite {sqlite3.sqlite_version} · "
        f"code {revision or '?'}"
    )


def report(sizes: list[int], runs: dict[int, dict[str, Any]], args: argparse.Namespace) -> None:
    """Print the tables."""
    print(f"# answer time · {machine()}")
    head = f"{'agencies':>9}{'reports':>9}{'db GB':>7}{'gen s':>7}{'index s':>8}"
    print(
        head + f"{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'max ms':>8}{'p95 cpu':>8}"
        f"{'RSS MB':>8}{'load':>6}"
    )
    for size in sizes:
        run, meta = runs[size], read_meta(db_url(size))
        t = run["timings"]
        gigabytes = int(str(meta["bytes"])) / 1e9
        print(
            f"{run['agencies']:>9,}{run['reports']:>9,}{gigabytes:>7.2f}{meta['seconds']:>7}"
            f"{run['index_seconds']:>8.1f}{percentile(t, 0.5):>8.1f}{percentile(t, 0.95):>8.1f}"
            f"{percentile(t, 0.99):>8.1f}{max(t):>8.0f}"
            f"{percentile(run['cpu_timings'], 0.95):>8.1f}{run['rss_mb']:>8.0f}{run['load']:>6.1f}"
        )
    print("\nby kind: p95 ms and wrong answers (a number for another agency, year or figure)")
    print(f"at each size; right and asked back at {sizes[-1]:,} agencies")
    head = "".join(f"{'p95 ' + _short(s):>10}" for s in sizes)
    head += "".join(f"{'wrong ' + _short(s):>11}" for s in sizes)
    print(f"{'kind':<13}{'n':>5}{head}{'right':>7}{'asked':>7}")
    last = runs[sizes[-1]]["results"]
    for kind in MIX:
        print(_kind_line(kind, sizes, runs))
    for size in sizes:
        print(summary(size, runs[size]["results"], SINGLE))
    print(f"\nanswers not right at {sizes[-1]:,} agencies (a few of each kind, wrong first):")
    shown: dict[str, int] = {}
    order = sorted(last, key=lambda r: r["verdict"] != Verdict.WRONG)
    for r in order:
        if r["verdict"] != Verdict.RIGHT and shown.get(r["kind"], 0) < args.examples:
            shown[r["kind"]] = shown.get(r["kind"], 0) + 1
            print(f"  [{r['kind']}: {r['verdict']}] {r['q']}")
            print(f"      want: {r['want']}\n      got:  {r['got']}")
    print(f"\nslowest questions at {sizes[-1]:,} agencies:")
    slowest = sorted(zip(runs[sizes[-1]]["timings"], last, strict=True), key=lambda x: -x[0])
    for ms, r in slowest[: args.examples * 2]:
        print(f"  {ms:8.0f} ms [{r['kind']}] {r['q']}\n               got: {r['got']}")
    target = percentile(runs[sizes[-1]]["timings"], 0.95)
    verdict = "meets" if target <= TARGET_MS else "misses"
    print(
        f"\np95 at {sizes[-1]:,} agencies: {target:.1f} ms ({verdict} the {TARGET_MS:g} ms target)"
    )
    sizes_text = " ".join(str(s) for s in sizes)
    print(f"reproduce: {COMMAND} --agencies {sizes_text} --questions {args.questions}")


def _short(size: int) -> str:
    return f"{size // 1000}k" if size >= 1000 else str(size)


def _kind_line(kind: str, sizes: list[int], runs: dict[int, dict[str, Any]]) -> str:
    last = runs[sizes[-1]]["results"]
    mine = [r for r in last if r["kind"] == kind]
    line = f"{kind:<13}{len(mine):>5}"
    for size in sizes:
        run = runs[size]
        times = [
            t for t, r in zip(run["timings"], run["results"], strict=True) if r["kind"] == kind
        ]
        line += f"{percentile(times, 0.95):>10.1f}" if times else f"{'—':>10}"
    for size in sizes:
        wrong = sum(
            r["verdict"] == Verdict.WRONG for r in runs[size]["results"] if r["kind"] == kind
        )
        line += f"{wrong:>11}"
    n = max(1, len(mine))
    right = sum(r["verdict"] == Verdict.RIGHT for r in mine) / n
    asked = sum(r["verdict"] == Verdict.ASKED for r in mine) / n
    return line + f"{right:>7.0%}{asked:>7.0%}"


def main() -> None:
    """Build the corpora, time the answers, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    parser.add_argument("--examples", type=int, default=3, help="wrong answers shown per kind")
    parser.add_argument("--hash-seed", type=int, default=0, help="PYTHONHASHSEED of the runs")
    parser.add_argument("--worker", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        result = measure(args.worker, args.questions, args.seed, args.profile)
        print(json.dumps(result, ensure_ascii=False))
        return
    sizes = sorted(args.agencies)
    runs = {}
    for size in sizes:
        build_index(db_url(size), size)
        print(f"[answer] {size:,} agencies: timing {args.questions} questions", file=sys.stderr)
        profile = args.profile if size == sizes[-1] else 0
        runs[size] = _run_worker(size, args.questions, args.seed, profile, args.hash_seed)
    report(sizes, runs, args)


if __name__ == "__main__":
    main()
