"""Write a few generated reports, in every format, with their expected figures.

    .venv/bin/python -m tests.reportgen.make_fixtures [--out DIR] [--formats txt,html,docx,pdf]

Each report is drawn from the ``reports`` strategy with a fixed seed (generation only, no
shrinking, no database), so the same hypothesis version writes the same reports. Every report
is written as ``<stem>.txt``, ``.html``, ``.docx`` and ``.pdf`` and ``<stem>.json`` (the shape
of ``shared/gold/*.json``, plus ``text`` and ``generated``). The files are committed: tests read
them and need not regenerate them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import Phase, find, settings

from tests.reportgen import FORMATS, GeneratedReport, render, reports

OUT = Path(__file__).resolve().parents[1] / "fixtures" / "generated"


def _has_decimals(key: str) -> Callable[[GeneratedReport], bool]:
    return lambda r: r.figures[key] != r.figures[key].to_integral_value()


@dataclass(frozen=True)
class Spec:
    """One fixture: the strategy's arguments, a seed and what the report must show."""

    stem: str
    layout: str
    kind: str
    seed: int
    blanks: bool = False
    wants: tuple[Callable[[GeneratedReport], bool], ...] = field(default=())


SPECS: tuple[Spec, ...] = (
    Spec(
        "g01_township_2021",
        "2021",
        "township",
        101,
        wants=(lambda r: 0 < r.figures["applications.new.total"] < 30,),
    ),
    Spec(
        "g02_city_2021",
        "2021",
        "city",
        202,
        wants=(
            lambda r: r.figures["applications.new.total"] >= 300,
            _has_decimals("proactive.fees.amount"),
            lambda r: r.figures["review.total"] > 0,
        ),
    ),
    Spec(
        "g03_county_2019",
        "2019",
        "county",
        303,
        wants=(
            lambda r: any(v < 0 for k, v in r.figures.items() if k.endswith("items_change")),
            lambda r: r.figures["proactive.procurement.amount"] > 0,
            lambda r: r.procurement_unit == "元",
        ),
    ),
    Spec(
        "g04_department_2021_blanks",
        "2021",
        "department",
        404,
        blanks=True,
        wants=(
            lambda r: r.blank_mark == "/" and len(r.not_reported) > 5,
            lambda r: r.figures["applications.new.total"] > 0,
        ),
    ),
    Spec(
        "g05_township_2020_blanks",
        "2019",
        "township",
        505,
        blanks=True,
        wants=(lambda r: r.blank_mark == "" and r.year == 2020 and len(r.not_reported) > 2,),
    ),
)


def generate(spec: Spec) -> GeneratedReport:
    """The first report the seeded strategy draws that shows what ``spec`` wants."""
    strategy = reports(spec.layout, kind=spec.kind, blanks=spec.blanks)
    return find(
        strategy,
        lambda r: all(want(r) for want in spec.wants),
        settings=settings(phases=[Phase.generate], database=None, max_examples=2000),
        random=random.Random(spec.seed),
    )


def write(spec: Spec, out: Path, formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """Write one fixture in ``formats`` and its JSON; the paths written."""
    report = generate(spec)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = out / f"{spec.stem}.{fmt}"
        path.write_bytes(render(report, fmt))
        written.append(path)
    expected: dict[str, Any] = report.expected(file=f"{spec.stem}.txt")
    expected["generated"]["seed"] = spec.seed
    path = out / f"{spec.stem}.json"
    path.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args(argv)
    formats = tuple(f for f in args.formats.split(",") if f)
    for spec in SPECS:
        for path in write(spec, args.out, formats):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
