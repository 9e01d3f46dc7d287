"""From a straightened page image to the items the PDF reader writes: ruled tables as drawn
cells with their text, and the text outside them as lines, top to bottom.

A table's cells are the white regions its ruling lines enclose (a merged cell is one region);
each text line the engine found belongs to the cell holding its centre. Cell edges are snapped
to the table's ruling lines, so cells of one row share their top as in a PDF, and coordinates
are given in points of a 595-point-wide page, the scale the table stitcher's tolerances assume.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from bot.readers.lines import clean_cell
from bot.readers.ocr_engine import Engine, Image, Quad, Reading
from bot.readers.ocr_geometry import _ink, ruling_lines
from bot.readers.pdf import FOOTER
from bot.readers.pdf_tables import Box, Cell, Segment, glue
from bot.readers.unsure import cell_text

#: Points across an A4 page: boxes are scaled to it.
PAGE_POINTS = 595.0
#: A table is at least this part of the page wide and holds at least two columns.
_MIN_TABLE_WIDTH = 0.3
#: A cell region smaller than this (pixels per side) is a gap between lines, not a cell.
_MIN_CELL_SIDE = 8
#: Cell edges closer than this part of the page snap to one ruling line.
_SNAP = 0.006
#: A line outside the tables read with less mean confidence is a smudge or a stroke, not text
#: (RapidOCR's own cut-off). Inside a table a doubtful number is marked, never dropped: a
#: dropped number would read as a blank cell.
MIN_LINE_CONFIDENCE = 0.5


@dataclass(frozen=True)
class TextLine:
    """One line of text the engine read: its box (x0, top, x1, bottom, pixels) and reading."""

    box: Box
    reading: Reading


def read_page(engine: Engine, image: Image) -> list[tuple[float, str | Segment]]:
    """The page's text lines and tables, each with its top (points), top to bottom."""
    scale = PAGE_POINTS / image.shape[1]
    quads = engine.detect(image)
    readings = engine.recognize([engine.crop(image, q) for q in quads])
    lines = [TextLine(_bounds(q), r) for q, r in zip(quads, readings, strict=True) if r.text]
    ink = _ink(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY))
    grid = ruling_lines(ink)
    items: list[tuple[float, str | Segment]] = []
    for region in table_regions(grid):
        cells = _cell_boxes(grid, region)
        if len({c[0] for c in cells}) < 2:
            continue
        inside = [t for t in lines if _within(_centre(t.box), region)]
        lines = [t for t in lines if not _within(_centre(t.box), region)]
        segment = _segment(engine, image, ink, cells, inside)
        items.append((region[1] * scale, _scaled(segment, scale)))
    sure = [t for t in lines if t.reading.mean >= MIN_LINE_CONFIDENCE]
    items.extend(
        (top * scale, text) for top, text in text_lines(sure) if not FOOTER.fullmatch(text)
    )
    items.sort(key=lambda item: item[0])
    return items


def table_regions(grid: Image) -> list[Box]:
    """The bounding boxes of the ruled frames wide enough to be tables."""
    contours, _ = cv2.findContours(grid, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    regions = []
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        if w >= _MIN_TABLE_WIDTH * grid.shape[1] and h >= 4 * _MIN_CELL_SIDE:
            regions.append((float(x), float(y), float(x + w), float(y + h)))
    return sorted(regions, key=lambda r: r[1])


def _cell_boxes(grid: Image, region: Box) -> list[Box]:
    """The regions the ruling lines enclose inside ``region``, edges snapped to the lines."""
    x0, y0, x1, y1 = (int(v) for v in region)
    framed = grid[y0:y1, x0:x1].copy()
    # a table cut by a page break has no line at the cut: its frame closes the cells there
    cv2.rectangle(framed, (0, 0), (x1 - x0 - 1, y1 - y0 - 1), 255, 2)
    open_area = (framed == 0).astype(np.uint8)
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(open_area, connectivity=4)
    boxes = []
    for x, y, w, h, _area in stats[1:count]:
        if w < _MIN_CELL_SIDE or h < _MIN_CELL_SIDE:
            continue
        boxes.append((float(x0 + x), float(y0 + y), float(x0 + x + w), float(y0 + y + h)))
    tolerance = _SNAP * grid.shape[1]
    xs = _snapped([v for b in boxes for v in (b[0], b[2])], tolerance)
    ys = _snapped([v for b in boxes for v in (b[1], b[3])], tolerance)
    return [(xs[b[0]], ys[b[1]], xs[b[2]], ys[b[3]]) for b in boxes]


def _snapped(values: Sequence[float], tolerance: float) -> dict[float, float]:
    """Each value mapped to the mean of its cluster (values within ``tolerance`` in a row)."""
    out: dict[float, float] = {}
    cluster: list[float] = []
    for value in sorted(set(values)):
        if cluster and value - cluster[-1] > tolerance:
            out.update(dict.fromkeys(cluster, sum(cluster) / len(cluster)))
            cluster = []
        cluster.append(value)
    out.update(dict.fromkeys(cluster, sum(cluster) / len(cluster) if cluster else 0.0))
    return out


def _segment(
    engine: Engine, image: Image, ink: Image, cells: list[Box], lines: list[TextLine]
) -> Segment:
    """The table's cells with the text read in each; cells with ink but no line read are read
    again whole (a lone digit the detector passed over)."""
    held: dict[Box, list[TextLine]] = {box: [] for box in cells}
    for line in lines:
        box = _holder(cells, _centre(line.box))
        if box is not None:
            held[box].append(line)
    missed = [box for box, found in held.items() if not found and _has_ink(ink, box)]
    crops = [_crop(image, box) for box in missed]
    for box, reading in zip(missed, engine.recognize(crops), strict=True):
        if reading.text:
            held[box].append(TextLine(box, reading))
    return Segment([Cell(box, _joined(found)) for box, found in held.items()])


def _joined(lines: list[TextLine]) -> str:
    """A cell's text: its lines top to bottom, unsure numbers marked."""
    out = ""
    for row in _rows(lines):
        out = glue(out, " ".join(cell_text(t.reading) for t in row))
    return clean_cell(out)


def text_lines(lines: list[TextLine]) -> list[tuple[float, str]]:
    """Text outside the tables as lines (tops in pixels); wide gaps become two spaces."""
    out = []
    for row in _rows(lines):
        text = ""
        for before, line in zip([None, *row], row, strict=False):
            gap = line.box[0] - before.box[2] if before else 0.0
            height = line.box[3] - line.box[1]
            text = (
                f"{text}  {line.reading.text}"
                if gap > 2 * height
                else glue(text, line.reading.text)
            )
        out.append((min(t.box[1] for t in row), text))
    return out


def _rows(lines: list[TextLine]) -> list[list[TextLine]]:
    """Lines grouped by the row they stand on (centres within one another's height)."""
    rows: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda t: _centre(t.box)[1]):
        middle = _centre(line.box)[1]
        last = rows[-1] if rows else None
        if last is not None and last[-1].box[1] <= middle <= last[-1].box[3]:
            last.append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda t: t.box[0]) for row in rows]


def _holder(cells: list[Box], point: tuple[float, float]) -> Box | None:
    inside = [box for box in cells if _within(point, box)]
    if inside:
        return min(inside, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
    return None


def _has_ink(ink: Image, box: Box) -> bool:
    """Whether a cell holds marks besides its borders (its inner part, a few pixels in)."""
    x0, y0, x1, y1 = (int(v) for v in box)
    inner = ink[y0 + 4 : y1 - 4, x0 + 4 : x1 - 4]
    return inner.size > 0 and int(np.count_nonzero(inner)) >= 12


def _crop(image: Image, box: Box) -> Image:
    x0, y0, x1, y1 = (int(v) for v in box)
    crop: Image = image[y0 + 2 : y1 - 2, x0 + 2 : x1 - 2]
    return crop


def _bounds(quad: Quad) -> Box:
    return (
        float(quad[:, 0].min()),
        float(quad[:, 1].min()),
        float(quad[:, 0].max()),
        float(quad[:, 1].max()),
    )


def _centre(box: Box) -> tuple[float, float]:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def _within(point: tuple[float, float], box: Box) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def _scaled(segment: Segment, scale: float) -> Segment:
    return Segment(
        [
            Cell((x0 * scale, y0 * scale, x1 * scale, y1 * scale), cell.text)
            for cell in segment.cells
            for x0, y0, x1, y1 in [cell.bbox]
        ]
    )
