"""The bot end to end, as a separate process talking HTTP to the fake Bot API server:
start-up time, peak memory, messages per second and reply latency.

    .venv/bin/python -m bench.bot [--agencies 1000 100000] [--users 20] [--messages 600]

For each size, builds (or reuses) the national corpus (``bench.corpus``), starts the fake
Bot API server of the tests, queues one question, then starts ``disclosure-bot run`` against
both. Start-up is the time from launching the process to the answer of that first question
(imports, store, name index, Telegram set-up, the answer), once cold (no index snapshot) and
once warm (the snapshot the cold start saved), the warm start ``--starts`` times (the median
is shown, and every one listed). Then ``--users`` users in their own chats
each ask, wait for the reply and ask again, ``--messages`` questions in all, drawn from the
answer benchmark's mix: messages per second and the latency of each reply. Peak memory is
the bot process's maximum resident set.
"""

import argparse
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bench.answer import db_url, percentile
from bench.corpus import build_index
from tests.fake_telegram import FakeTelegram

ROOT = Path(__file__).resolve().parent.parent
COMMAND = ".venv/bin/python -m bench.bot"
SHANGHAI = ZoneInfo("Asia/Shanghai")
FIRST = "沭阳县 2024 年 收到多少政府信息公开申请"


class BotProcess:
    """``disclosure-bot run`` against the fake server and a store, in its own process."""

    def __init__(self, fake: FakeTelegram, url: str) -> None:
        self._folder = tempfile.TemporaryDirectory()
        config = Path(self._folder.name) / "config.toml"
        config.write_text("[telegram]\ntimeout = 30.0\nconcurrent_updates = 8\n")
        env = os.environ | {
            "TELEGRAM_BOT_TOKEN": fake.token,
            "TELEGRAM_BASE_URL": fake.base_url,
            "TELEGRAM_BASE_FILE_URL": fake.base_file_url,
            "DISCLOSURE_BOT_DB_URL": url,
            "DISCLOSURE_BOT_CONFIG": str(config),
        }
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, *_profiler(), "-m", "bot", "run"],
            cwd=self._folder.name,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def stop(self) -> float:
        """Stop the bot (as Ctrl-C would); its peak resident memory in MB."""
        self.process.send_signal(signal.SIGINT)
        _, status, usage = os.wait4(self.process.pid, 0)
        self.process.returncode = os.waitstatus_to_exitcode(status)
        self._folder.cleanup()
        return usage.ru_maxrss / 1024


def _profiler() -> list[str]:
    # BENCH_PROFILE=FILE: the bot runs under cProfile, its statistics written to FILE at exit
    out = os.environ.get("BENCH_PROFILE")
    return ["-m", "cProfile", "-o", out] if out else []


def start_up(fake: FakeTelegram, url: str) -> tuple[float, BotProcess]:
    """Launch the bot with a question waiting: seconds until it is answered."""
    mark = len(fake.calls)
    fake.send_text(FIRST, chat_id=1, user_id=1, language_code="zh")
    bot = BotProcess(fake, url)
    try:
        fake.wait_for("sendMessage", chat_id=1, after=mark, timeout=120)
    except AssertionError:
        bot.process.kill()
        log = bot.process.communicate()[1][-3000:]
        raise SystemExit(f"the bot did not answer:\n{log}") from None
    return time.perf_counter() - bot.started, bot


def _reply(call: Any) -> bool:
    return call.method in {"sendMessage", "sendPhoto"}  # a trend comes as a chart


def load(fake: FakeTelegram, questions: list[str], users: int) -> tuple[float, list[float]]:
    """``users`` users asking in turn: (seconds for all questions, latency of each in ms)."""
    latencies: list[float] = []
    lock = threading.Lock()
    turns = iter(enumerate(questions))

    def user(chat_id: int) -> None:
        while True:
            with lock:
                turn = next(turns, None)
            if turn is None:
                return
            mark = len(fake.calls)
            sent = time.perf_counter()
            fake.send_text(turn[1], chat_id=chat_id, user_id=chat_id)
            fake.wait_for(None, chat_id=chat_id, after=mark, timeout=60, predicate=_reply)
            with lock:
                latencies.append((time.perf_counter() - sent) * 1000)

    threads = [threading.Thread(target=user, args=(100 + i,)) for i in range(users)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - began, latencies


def run_size(size: int, args: argparse.Namespace) -> dict[str, Any]:
    """Cold start, warm start, then one user and ``--users`` users over ``size`` agencies."""

    from bench.agencies import national_agencies
    from bench.mix import question_mix
    from bot.service.snapshot import snapshot_path

    build_index(db_url(size), size)
    snapshot = snapshot_path(db_url(size))
    if snapshot is not None:
        snapshot.unlink(missing_ok=True)
    questions = [q.text for q in question_mix(national_agencies(size), args.messages, 11)]
    with FakeTelegram() as fake:
        cold, bot = start_up(fake, db_url(size))
        cold_rss = bot.stop()
        warm, bot = start_up(fake, db_url(size))
        alone = load(fake, questions[: args.messages // 4], 1)
        crowd = load(fake, questions, args.users)
        warm_rss = bot.stop()
        starts = [warm]
        for _ in range(args.starts - 1):  # a shared machine: one start is a poor measure
            seconds, bot = start_up(fake, db_url(size))
            bot.stop()
            starts.append(seconds)
    return {
        "size": size,
        "cold": cold,
        "warm": statistics.median(starts),
        "starts": sorted(starts),
        "cold_rss": cold_rss,
        "warm_rss": warm_rss,
        "loads": {1: alone, args.users: crowd},
    }


def main() -> None:
    """Print start-up, memory and throughput for each size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agencies", type=int, nargs="+", default=[1_000, 100_000])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--messages", type=int, default=600)
    parser.add_argument("--starts", type=int, default=5, help="warm starts (the median shown)")
    args = parser.parse_args()
    print(
        f"# the bot end to end · {datetime.now(SHANGHAI):%Y-%m-%d} · "
        f"{platform.processor() or platform.machine()} · {os.cpu_count()} cores · "
        f"Python {platform.python_version()} · fake Bot API on 127.0.0.1"
    )
    print(
        f"{'agencies':>9} {'start cold':>11} {'start warm':>11} {'RSS cold':>9} {'RSS warm':>9}"
        f" {'users':>6} {'msgs/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
    )
    for size in args.agencies:
        r = run_size(size, args)
        head = (
            f"{r['size']:>9,} {r['cold']:>10.2f}s {r['warm']:>10.2f}s {r['cold_rss']:>7.0f}MB"
            f" {r['warm_rss']:>7.0f}MB"
        )
        for users, (seconds, lat) in r["loads"].items():
            print(
                f"{head} {users:>6} {len(lat) / seconds:>7.1f} {percentile(lat, 0.5):>7.1f}"
                f" {percentile(lat, 0.95):>7.1f} {percentile(lat, 0.99):>7.1f}"
            )
            head = " " * len(head)
        starts = ", ".join(f"{s:.2f}" for s in r["starts"])
        print(f"  warm starts at {r['size']:,} agencies (the median above): {starts} s")
    print(
        "  msgs/s with many users is capped by the flood control the bot keeps (Telegram's "
        "30 messages a second); latency there includes that queue."
    )
    sizes = " ".join(map(str, args.agencies))
    print(
        f"reproduce: {COMMAND} --agencies {sizes} --users {args.users} --messages {args.messages}"
        f" --starts {args.starts}"
    )


if __name__ == "__main__":
    main()
