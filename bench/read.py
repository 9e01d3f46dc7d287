"""Reading speed: reports parsed per second, for each file format.

    .venv/bin/python -m bench.read [--seconds 3]

Parses the report fixtures of each format (real reports and generated ones) in a loop for
about ``--seconds`` each and prints reports per second, with the machine it ran on, and the
milliseconds a report took on the first pass (before the parser's caches knew its lines).
Then OCR: each scan and photo fixture (tests/fixtures/scans) read once, in seconds a page.
"""

import argparse
import os
import platform
import time
from collections import defaultdict
from pathlib import Path

from bot.parser import ParsedReport, parse_report
from bot.parser.caches import forget_all

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
FORMATS = (".txt", ".html", ".docx", ".pdf")
ROWS = (*FORMATS, ".pdf-gen")
SCANS = FIXTURES / "scans"
OCR_SUFFIXES = (".pdf", ".jpg", ".png", ".webp")
COMMAND = ".venv/bin/python -m bench.read"


def files_by_format() -> dict[str, list[tuple[str, bytes]]]:
    """Every report fixture that parses, grouped by suffix."""
    found: dict[str, list[tuple[str, bytes]]] = defaultdict(list)
    for folder in (FIXTURES / "reports", FIXTURES / "generated"):
        for path in sorted(folder.iterdir()):
            if path.suffix in FORMATS and not path.name.startswith(("019_", "021_")):
                found[_row(path)].append((path.name, path.read_bytes()))
    return found


def _row(path: Path) -> str:
    """The row a fixture counts in: its suffix; real and generated PDFs apart (the generated
    ones set their text in a font the file does not embed, which pdfminer reads)."""
    if path.suffix == ".pdf":
        return ".pdf" if path.parent.name == "reports" else ".pdf-gen"
    return path.suffix


def measure(files: list[tuple[str, bytes]], seconds: float) -> tuple[int, float]:
    """Parse the files round-robin for about ``seconds``: (reports parsed, elapsed)."""
    count, start = 0, time.perf_counter()
    while True:
        for name, data in files:
            parse_report(name, data)
            count += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return count, elapsed


def main() -> None:
    """Print reports per second for each format."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--no-ocr", action="store_true", help="skip the OCR rows")
    args = parser.parse_args()
    print(
        f"# reading speed · {platform.processor() or platform.machine()} · "
        f"{os.cpu_count()} cores · Python {platform.python_version()}"
    )
    print(f"{'format':<8}{'files':>6}{'reports/s':>12}{'ms/report':>12}{'first read':>12}")
    for suffix, files in sorted(files_by_format().items(), key=lambda i: ROWS.index(i[0])):
        measure(files, 0.0)  # one pass: what loads once (gazetteer, catalogue) is loaded
        # a file read again hits the parser's caches of its lines and rows: a pass with them
        # emptied is what a folder of new reports costs
        forget_all()
        first_count, first_elapsed = measure(files, 0.0)
        count, elapsed = measure(files, args.seconds)
        rate = count / elapsed
        first = 1000 * first_elapsed / max(first_count, 1)
        print(f"{suffix[1:]:<8}{len(files):>6}{rate:>12.1f}{1000 / rate:>12.1f}{first:>12.1f}")
    if not args.no_ocr:
        ocr_rows()
    print(f"reproduce: {COMMAND} --seconds {args.seconds:g}")


def ocr_rows() -> None:
    """Seconds a page for each scan and photo fixture, read once (the engine loaded first)."""
    import pypdfium2 as pdfium

    from bot.readers.ocr_engine import PAGE_THREADS, warm

    start = time.perf_counter()
    warm()
    print(
        f"ocr: {PAGE_THREADS} engines (pages read side by side),"
        f" loaded in {time.perf_counter() - start:.1f} s"
    )
    print(f"{'ocr file':<34}{'pages':>6}{'seconds':>9}{'s/page':>8}{'figures':>9}")
    for path in sorted(p for p in SCANS.iterdir() if p.suffix in OCR_SUFFIXES):
        data = path.read_bytes()
        pages = len(pdfium.PdfDocument(data)) if path.suffix == ".pdf" else 1
        start = time.perf_counter()
        report = parse_report(path.name, data)
        elapsed = time.perf_counter() - start
        print(
            f"{path.name:<34}{pages:>6}{elapsed:>9.1f}{elapsed / pages:>8.1f}"
            f"{len(report.figures):>9}"
        )
    ten_page_row()


def ten_page_scan() -> bytes:
    """A 10-page scanned report: 003's six pages scanned at 300 dpi, then 001's first four at
    150 dpi (the fixtures' pages, as a scan of a long report holds them)."""
    import io

    import pypdfium2 as pdfium

    merged = pdfium.PdfDocument.new()
    for name, pages in (
        ("003_huaianshi_2024_scan300.pdf", 6),
        ("001_hongzequ_2023_scan150.pdf", 4),
    ):
        merged.import_pages(pdfium.PdfDocument((SCANS / name).read_bytes()), list(range(pages)))
    buffer = io.BytesIO()
    merged.save(buffer)
    return buffer.getvalue()


def ten_page_row() -> None:
    """The issue's yardstick: a 10-page scan parsed as the bot parses an upload, in a parsing
    worker under its time limit (the worker loads its engines first, as a fresh worker does)."""
    from bot.parser.workers import PARSE_SECONDS, parse_bytes_limited

    data = ten_page_scan()
    start = time.perf_counter()
    outcome = parse_bytes_limited("scan10.pdf", data)
    elapsed = time.perf_counter() - start
    read = f"{len(outcome.figures)} figures" if isinstance(outcome, ParsedReport) else str(outcome)
    print(f"{'10-page scan, in a worker':<34}{10:>6}{elapsed:>9.1f}{elapsed / 10:>8.1f}  {read}")
    print(f"(limit {PARSE_SECONDS:g} s a file; engines loaded in the worker included)")


if __name__ == "__main__":
    main()
