"""Every benchmark, one after the other: ``python -m bench`` (quick sizes) or
``python -m bench --full`` (the sizes of bench/RESULTS.md: 100,000 agencies; about half an hour
the first time, while the national corpus is generated and cached in bench/.data).

Each benchmark prints its figures and the command that reproduces it; run one alone with that
command.
"""

import argparse
import subprocess
import sys

QUICK = [
    ["bench.read", "--seconds", "1"],
    ["bench.ingest", "--reports", "500"],
    ["bench.answer", "--agencies", "1000", "10000", "--questions", "300"],
    ["bench.bot", "--agencies", "1000", "--messages", "200"],
]
FULL = [
    ["bench.read", "--seconds", "3"],
    ["bench.ingest", "--reports", "2000", "--formats", "txt", "html", "docx"],
    ["bench.answer", "--agencies", "1000", "10000", "100000", "--questions", "2000"],
    ["bench.bot", "--agencies", "1000", "100000", "--messages", "600"],
]


def main() -> None:
    """Run the benchmarks in turn; stop at the first that fails."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--full", action="store_true", help="the sizes of bench/RESULTS.md")
    args = parser.parse_args()
    for command in FULL if args.full else QUICK:
        print(f"\n$ python -m {' '.join(command)}", flush=True)
        subprocess.run([sys.executable, "-m", *command], check=True)


if __name__ == "__main__":
    main()
