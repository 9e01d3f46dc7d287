"""Putting a photographed or scanned page straight before OCR: turned upright (0/90/180/270°),
its perspective undone, its skew removed.

A phone photo shows the page turned, at an angle, in perspective and on a background. The page's
outline (or, in a photo of part of a page, the outer frame of its table) gives the perspective;
the text lines give what is left of the skew; the line classifier tells upright text from text
turned 180°.
"""

from collections.abc import Sequence

import cv2
import numpy as np

from bot.readers.ocr_engine import Engine, Image, Quad

#: The side the orientation check looks at: enough to find lines, cheap to detect.
_PREVIEW_SIDE = 1000
#: Text lines looked at to tell upright from upside down.
_SAMPLE_LINES = 24
#: Smallest skew worth a rotation, and largest believed (more is a misread, not a skew).
_MIN_SKEW, _MAX_SKEW = 0.15, 20.0
#: A quadrilateral taken for the page or table outline covers at least this part of the image.
_MIN_OUTLINE = 0.2


def upright(engine: Engine, image: Image) -> tuple[Image, list[Quad] | None]:
    """``image`` turned by a multiple of 90° so that its text reads left to right, and, when it
    was not turned, the text lines of its preview (``straighten`` needs them too)."""
    preview = _shrunk(image, _PREVIEW_SIDE)
    quads = engine.detect(preview)
    turned = _mostly_tall(quads)
    if turned:
        image = cv2.rotate(image, cv2.ROTATE_90_CLOCKWISE)
        preview = cv2.rotate(preview, cv2.ROTATE_90_CLOCKWISE)
        quads = engine.detect(preview)
    widest = sorted(quads, key=_width, reverse=True)[:_SAMPLE_LINES]
    votes = engine.upside_down([engine.crop(preview, q) for q in widest])
    if votes and sum(1 for v in votes if v > 0.5) * 2 > len(votes):
        return cv2.rotate(image, cv2.ROTATE_180), None
    return image, None if turned else quads


def straighten(engine: Engine, image: Image, preview_lines: list[Quad] | None = None) -> Image:
    """``image`` with the perspective of its page (or table) undone and its skew removed.

    ``preview_lines`` are the text lines of the image's preview, if already detected."""
    outline = page_outline(image)
    if outline is None:
        outline = table_outline(image)
    if outline is not None:
        image = _rectified(image, outline)
    if outline is not None or preview_lines is None:
        preview_lines = engine.detect(_shrunk(image, _PREVIEW_SIDE))
    angle = skew(preview_lines)
    if _MIN_SKEW <= abs(angle) <= _MAX_SKEW:
        image = _rotated(image, angle)
    return image


def skew(quads: Sequence[Quad]) -> float:
    """The median slope (degrees, clockwise positive) of the wide text lines."""
    angles = []
    for quad in quads:
        dx, dy = quad[1] - quad[0]
        if _width(quad) > 2 * _height(quad) and dx > 0:
            angles.append(float(np.degrees(np.arctan2(dy, dx))))
    return float(np.median(angles)) if len(angles) >= 3 else 0.0


def page_outline(image: Image) -> Quad | None:
    """The corners of a light page on a darker background, when they show."""
    gray = cv2.cvtColor(_shrunk(image, _PREVIEW_SIDE), cv2.COLOR_RGB2GRAY)
    gray = cv2.GaussianBlur(gray, (5, 5), 0)
    _, light = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    light = cv2.morphologyEx(light, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))
    quad = _largest_quad(light, max_part=0.97)
    return None if quad is None else quad * (max(image.shape[:2]) / max(gray.shape[:2]))


def table_outline(image: Image) -> Quad | None:
    """The corners of the largest ruled frame (a table's outer border)."""
    ink = _ink(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY))
    lines = ruling_lines(ink)
    return _largest_quad(lines, max_part=1.0)


def ruling_lines(ink: Image) -> Image:
    """The long horizontal and vertical strokes of ``ink`` (a white-on-black mask)."""
    height, width = ink.shape[:2]
    across = cv2.getStructuringElement(cv2.MORPH_RECT, (max(width // 30, 15), 1))
    down = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(height // 60, 15)))
    lines = cv2.bitwise_or(
        cv2.morphologyEx(ink, cv2.MORPH_OPEN, across), cv2.morphologyEx(ink, cv2.MORPH_OPEN, down)
    )
    # a photo's lines are a pixel off here and there: close the gaps, not the cells
    closed: Image = cv2.dilate(lines, np.ones((3, 3), np.uint8))
    return closed


def _ink(gray: Image) -> Image:
    """Dark strokes as white on black, against paper of any colour and uneven light."""
    mask: Image = cv2.adaptiveThreshold(
        gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15
    )
    return mask


def _largest_quad(mask: Image, max_part: float) -> Quad | None:
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    area = mask.shape[0] * mask.shape[1]
    for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:3]:
        part = cv2.contourArea(contour) / area
        if part < _MIN_OUTLINE:
            return None
        if part > max_part:
            continue
        hull = cv2.convexHull(contour)
        approx = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
        if len(approx) == 4:
            return _clockwise(approx.reshape(4, 2).astype(np.float32))
    return None


def _clockwise(points: Quad) -> Quad:
    """The corners ordered top left, top right, bottom right, bottom left."""
    total = points.sum(axis=1)
    diff = np.diff(points, axis=1).ravel()
    ordered = [points[np.argmin(total)], points[np.argmin(diff)]]
    ordered += [points[np.argmax(total)], points[np.argmax(diff)]]
    return np.array(ordered, dtype=np.float32)


def _rectified(image: Image, quad: Quad) -> Image:
    """The image warped so that ``quad`` becomes an upright rectangle of its own size."""
    width = max(np.linalg.norm(quad[1] - quad[0]), np.linalg.norm(quad[2] - quad[3]))
    height = max(np.linalg.norm(quad[3] - quad[0]), np.linalg.norm(quad[2] - quad[1]))
    x0, y0 = quad[:, 0].min(), quad[:, 1].min()
    target = np.array(
        [[x0, y0], [x0 + width, y0], [x0 + width, y0 + height], [x0, y0 + height]],
        dtype=np.float32,
    )
    matrix = cv2.getPerspectiveTransform(quad, target)
    size = (int(max(image.shape[1], x0 + width)), int(max(image.shape[0], y0 + height)))
    warped: Image = cv2.warpPerspective(
        image, matrix, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    return warped


def _rotated(image: Image, angle: float) -> Image:
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    turned: Image = cv2.warpAffine(
        image, matrix, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    return turned


def _shrunk(image: Image, side: int) -> Image:
    scale = side / max(image.shape[:2])
    if scale >= 1:
        return image
    size = (round(image.shape[1] * scale), round(image.shape[0] * scale))
    small: Image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    return small


def _width(quad: Quad) -> float:
    return float(np.linalg.norm(quad[1] - quad[0]))


def _height(quad: Quad) -> float:
    return float(np.linalg.norm(quad[3] - quad[0]))


def _mostly_tall(quads: Sequence[Quad]) -> bool:
    """Whether more text lines stand up than lie down: the page is turned 90°."""
    tall = sum(1 for q in quads if _height(q) > 2 * _width(q))
    wide = sum(1 for q in quads if _width(q) > 2 * _height(q))
    return tall > wide
