"""Splitting value text into cells: every way a run of digits can be cut, for the rules to pick.

Text flattened without separators runs neighbouring cells together (``230000023``). Each chunk
of digits can be cut into consecutive cells; a cell never starts with 0 unless it is 0, a sign
belongs to the cell it starts, and decimals stay whole with the cell they end.
"""

import re
from collections.abc import Iterator
from decimal import Decimal
from itertools import islice

from bot.parser.caches import memo
from bot.parser.numbers import NOT_REPORTED, read_cell

Cell = Decimal | str  # a value, or NOT_REPORTED
Cells = tuple[Cell, ...]

_NUMERIC = re.compile(r"^(?P<sign>[+-]?)(?P<int>\d+)(?P<frac>\.\d+)?(?P<unit>万元|元)?$")
MAX_CANDIDATES = 20000
#: No report counts to a trillion: a longer run of digits holds several cells, never one.
MAX_CELL_DIGITS = 12


def chunk_options(chunk: str, pieces: int) -> list[Cells]:
    """The ways one chunk reads as exactly ``pieces`` cells."""
    if pieces == 1 and chunk.isascii() and chunk.isdigit():
        return [(Decimal(chunk),)]  # the common case, first: one plain number
    if chunk == "" or read_cell(chunk) == NOT_REPORTED:
        return [(NOT_REPORTED,)] if pieces == 1 else []
    match = _NUMERIC.match(chunk)
    if match is None:
        value = read_cell(chunk)
        return [(value,)] if pieces == 1 and value is not None else []
    digits = match["int"]
    if pieces == 1:
        return [(_value(match["sign"], digits, match["frac"], match["unit"]),)]
    options = []
    for parts in islice(_cuts(digits, pieces), MAX_CANDIDATES + 1):
        cells: list[Cell] = [
            _value(match["sign"] if i == 0 else "", p, None, None)
            for i, p in enumerate(parts[:-1])
        ]
        cells.append(_value("", parts[-1], match["frac"], match["unit"]))
        options.append(tuple(cells))
    return options


def _cuts(digits: str, pieces: int) -> Iterator[list[str]]:
    """The ways to cut ``digits`` into ``pieces`` cells, in the order of the cut positions.

    A cell has at most ``MAX_CELL_DIGITS`` digits and starts with 0 only if it is 0. Only
    cuts that can still be completed are followed, so a long run of digits (a damaged or
    hostile file) costs time in proportion to the readings found, not to every cut.
    """
    if len(digits) > pieces * MAX_CELL_DIGITS:
        return
    fewest = _fewest_cells(digits)

    def cut(start: int, left: int) -> Iterator[list[str]]:
        if left == 0:
            if start == len(digits):
                yield []
            return
        for end in cell_ends(digits, start):
            if fewest[end] <= left - 1 <= len(digits) - end:
                for rest in cut(end, left - 1):
                    yield [digits[start:end], *rest]

    if fewest[0] <= pieces <= len(digits):
        yield from cut(0, pieces)


def _fewest_cells(digits: str) -> list[int]:
    """For each position, the fewest cells the digits from there on can be cut into."""
    fewest = [0] * (len(digits) + 1)
    for start in range(len(digits) - 1, -1, -1):
        fewest[start] = 1 + min(fewest[end] for end in cell_ends(digits, start))
    return fewest


def cell_ends(digits: str, start: int) -> range:
    """Where a cell that starts at ``start`` may end: it has at most ``MAX_CELL_DIGITS``
    digits, and starts with 0 only if it is 0."""
    longest = 1 if digits[start] == "0" else MAX_CELL_DIGITS
    return range(start + 1, min(start + longest, len(digits)) + 1)


def _value(sign: str, digits: str, frac: str | None, unit: str | None) -> Decimal:
    value = Decimal(f"{sign}{digits}{frac or ''}")
    return value / 10000 if unit == "元" else value


def _max_pieces(chunk: str, glued: bool) -> int:
    """How many cells a chunk may hold: one, unless the text ran cells together (or the
    chunk cannot be one number: 00 is two cells)."""
    if not glued and chunk.isascii() and chunk.isdigit():
        return 1 if len(chunk) == 1 or chunk[0] != "0" else len(chunk)
    match = _NUMERIC.match(chunk)
    if match is None:
        return 1
    whole = not (len(match["int"]) > 1 and match["int"].startswith("0"))
    return 1 if whole and not glued else len(match["int"])


def split_chunks(
    chunks: list[str],
    width: int,
    signed: tuple[bool, ...] | None = None,
    *,
    glued: bool = True,
    padded: bool = False,
) -> list[Cells]:
    """Every reading of ``chunks`` as ``width`` cells (empty chunks at the ends may be padding).

    Only ``glued`` text (numbers touching labels) is cut, and chunks that cannot be one
    number (``00``): separated cells are cells, never cut in two. ``signed`` marks the cells
    that may carry a sign (本年增/减): a chunk that starts with + or − must start one of them,
    which is how the sign settles where a cell begins. ``padded``: the row sits in a grid
    wider than its own table (section 二 of the 2019 layout puts tables of two and three
    cells in one grid), so empty chunks after it may be padding as well as a blank cell.
    """
    return list(_readings(tuple(chunks), width, signed, glued, padded))


def _few(readings: tuple[Cells, ...]) -> bool:
    return len(readings) <= 8


# Rows repeat across reports (rows of zeros above all): most were read before.
@memo(
    entries=4096,
    small=lambda given, *_: sum(map(len, given)) <= 120,
    keep=_few,
)
def _readings(
    given: tuple[str, ...],
    width: int,
    signed: tuple[bool, ...] | None,
    glued: bool,
    padded: bool = False,
) -> tuple[Cells, ...]:
    readings = _trimmed_readings(_trim_padding(list(given), width), width, signed, glued)
    # In a padded grid, empty chunks at both ends: a blank first cell and the padding after
    # the row read the same as a label's span and a blank last cell. Both trims are
    # readings; where they differ the cell is unsure, never guessed.
    other = _trim_padding(list(given), width, trailing_first=True)
    if padded and readings and other != _trim_padding(list(given), width):
        more = _trimmed_readings(other, width, signed, glued)
        readings += tuple(r for r in more if r not in readings)
    return readings


def _trimmed_readings(
    chunks: list[str], width: int, signed: tuple[bool, ...] | None, glued: bool
) -> tuple[Cells, ...]:
    limits = [_max_pieces(c, glued) for c in chunks]
    if len(chunks) > width or sum(limits) < width:
        return ()
    if len(chunks) == width:
        cells = [chunk_options(c, 1) for c in chunks]
        if not all(cells) or (signed is not None and not _signs_fit(chunks, (1,) * width, signed)):
            return ()
        return (tuple(opt[0][0] for opt in cells),)
    results: list[Cells] = []
    for counts in _distributions(limits, width):
        if signed is not None and not _signs_fit(chunks, counts, signed):
            continue
        options = [chunk_options(c, k) for c, k in zip(chunks, counts, strict=True)]
        results.extend(islice(_product(options), MAX_CANDIDATES + 1 - len(results)))
        if len(results) > MAX_CANDIDATES:  # the first readings of many: none is certain
            return ()
    return tuple(results)


def _signs_fit(chunks: list[str], counts: tuple[int, ...], signed: tuple[bool, ...]) -> bool:
    start = 0
    for chunk, count in zip(chunks, counts, strict=True):
        if chunk[:1] in "+-" and chunk[1:2].isdigit() and not signed[start]:
            return False
        start += count
    return True


def _trim_padding(chunks: list[str], width: int, *, trailing_first: bool = False) -> list[str]:
    """Drop empty chunks at the ends while there are more chunks than cells: first those
    right after the label (a label printed across two columns), then trailing ones (or the
    other way round)."""
    chunks = list(chunks)
    ends = (-1, 0) if trailing_first else (0, -1)
    for end in ends:
        while len(chunks) > width and chunks and chunks[end] == "":
            chunks.pop(end)
    return chunks


def _distributions(limits: list[int], total: int) -> Iterator[tuple[int, ...]]:
    """Ways to give each chunk at least one and at most its limit of cells, summing to total."""
    if not limits:
        if total == 0:
            yield ()
        return
    rest_min = len(limits) - 1
    rest_max = sum(limits[1:])
    for k in range(max(1, total - rest_max), min(limits[0], total - rest_min) + 1):
        for tail in _distributions(limits[1:], total - k):
            yield (k, *tail)


def _product(options: list[list[Cells]]) -> Iterator[Cells]:
    if not options:
        yield ()
        return
    for head in options[0]:
        for tail in _product(options[1:]):
            yield head + tail


def distinct(candidates: list[Cells]) -> list[Cells]:
    """The candidates without repeats, in their first order."""
    return list(dict.fromkeys(candidates))
