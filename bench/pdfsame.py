"""PDFium and pdfminer give the same text: every shared PDF and many generated ones read both
ways and compared, with the time each way took.

    .venv/bin/python -m bench.pdfsame [--reports 50] [--seed 0]

The shared PDFs are read whole, page by page and two pages at a time. The generated reports are
drawn from the tests' strategy (``tests/reportgen``) with fixed seeds
and rendered to PDF as the tests render them. A file PDFium cannot read whole (text it would
leave out, a turned page) is counted as falling back to pdfminer. Exits 1 on any difference.
"""

import argparse
import difflib
import io
import random
import sys
import time
from collections.abc import Iterator

import pypdfium2 as pdfium
from hypothesis import Phase, find, settings

from bench.testgen import TESTS, render
from bot.readers.pdf import read_pdf_pdfium, read_pdf_pdfminer

SHARED = TESTS / "fixtures" / "reports"


def cuts() -> Iterator[tuple[str, bytes]]:
    """Every page of the shared PDFs alone, and every two pages in a row (a table over a page
    break): fonts embedded as Word and WPS embed them."""
    for path in sorted(SHARED.glob("*.pdf")):
        source = pdfium.PdfDocument(path.read_bytes())
        try:
            count = len(source)
            runs = [[page] for page in range(count)]
            runs += [[page, page + 1] for page in range(count - 1)]
            for run in runs:
                yield f"{path.stem}-p{'-'.join(str(p + 1) for p in run)}.pdf", _pages(source, run)
        finally:
            source.close()


def _pages(source: pdfium.PdfDocument, pages: list[int]) -> bytes:
    document = pdfium.PdfDocument.new()
    try:
        document.import_pages(source, pages)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()
    finally:
        document.close()


def generated(count: int, seed: int) -> Iterator[tuple[str, bytes]]:
    """``count`` generated reports as PDFs, each drawn with its own seed (as the tests render
    them: in reportlab's STSong-Light, not embedded; where the machine has no Chinese font,
    PDFium knows no glyph box for it and skips some text, so pdfminer reads these)."""
    from tests.reportgen import reports

    for number in range(count):
        report = find(
            reports(),
            lambda _r: True,
            settings=settings(phases=[Phase.generate], database=None, max_examples=10),
            random=random.Random(seed + number),
        )
        yield f"generated-{seed + number}.pdf", render(report, "pdf")


def compare(files: Iterator[tuple[str, bytes]]) -> tuple[int, int, int, float, float]:
    """(files, same, read by PDFium, seconds through PDFium, seconds through pdfminer)."""
    total = same = direct = 0
    fast = slow = 0.0
    for name, data in files:
        start = time.perf_counter()
        text = read_pdf_pdfium(name, data)
        fast += time.perf_counter() - start
        start = time.perf_counter()
        expected = read_pdf_pdfminer(name, data)
        slow += time.perf_counter() - start
        total += 1
        if text is None:
            continue
        direct += 1
        if text == expected:
            same += 1
        else:
            diff = difflib.unified_diff(expected.splitlines(), text.splitlines(), lineterm="")
            print(f"{name}: differs", *list(diff)[2:12], sep="\n  ")
    return total, same, direct, fast, slow


def main() -> None:
    """Compare both readings and print the counts."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    shared = ((path.name, path.read_bytes()) for path in sorted(SHARED.glob("*.pdf")))
    failed = False
    runs = (
        ("shared", shared),
        ("shared, pages and page pairs", cuts()),
        ("generated", generated(args.reports, args.seed)),
    )
    for label, files in runs:
        total, same, direct, fast, slow = compare(files)
        failed |= same != direct
        print(
            f"{label}: {total} PDFs, {direct} read by PDFium ({same} the same text as pdfminer),"
            f" {total - direct} by pdfminer; PDFium {1000 * fast / max(total, 1):.0f} ms a file"
            f" (fallbacks included), pdfminer {1000 * slow / max(total, 1):.0f} ms"
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
