"""The OCR engine: RapidOCR's PP-OCRv6 models (text detection, 0/180° line classification,
recognition) run by onnxruntime, from the model files inside the ``rapidocr`` wheel.

Nothing is downloaded at run time: the bot's machines may have no internet. RapidOCR fetches a
model it cannot find; here every model is named by its path in the installed package, and a
missing file is an error that says so. Recognition keeps each character's confidence (RapidOCR
averages them per line), so that one unsure digit can be told from a sure number.
"""

import ctypes
import ctypes.util
import logging
import os
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidocr import RapidOCR
from rapidocr.ch_ppocr_rec import TextRecInput
from rapidocr.utils.process_img import get_rotate_crop_image

Image = npt.NDArray[Any]  # pixels, as OpenCV gives them (uint8 in practice)
Quad = npt.NDArray[np.float32]  # 4 corner points (x, y), clockwise from top left

#: The model files RapidOCR 3.10 ships in its wheel, by the step that uses them.
MODELS = {
    "Det": "PP-OCRv6_det_small.onnx",
    "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
    "Rec": "PP-OCRv6_rec_small.onnx",
}


#: Images up to this many pixels (previews) are detected side by side; larger ones one at a time.
_SMALL_PIXELS = 1_200_000
_WHOLE_PAGE = threading.Lock()


class EngineMissingError(RuntimeError):
    """The OCR package or one of its model files is not installed."""


@dataclass(frozen=True)
class Reading:
    """What recognition read in one crop: the text and each character's confidence."""

    text: str
    confidences: tuple[float, ...]

    @property
    def mean(self) -> float:
        """The mean confidence of the characters (0.0 for no text)."""
        return sum(self.confidences) / len(self.confidences) if self.confidences else 0.0

    @property
    def least(self) -> float:
        """The confidence of the least sure character (1.0 for no text)."""
        return min(self.confidences, default=1.0)


def model_dir() -> Path:
    """Where the installed ``rapidocr`` package keeps its models."""
    spec = find_spec("rapidocr")
    if spec is None or spec.origin is None:
        raise EngineMissingError("the OCR engine (the rapidocr package) is not installed")
    return Path(spec.origin).parent / "models"


class Engine:
    """Detection, orientation and recognition of text lines; one per process (``engine()``)."""

    def __init__(self, threads: int) -> None:
        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        folder = model_dir()
        params: dict[str, Any] = {
            "Global.log_level": "error",
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            # Lines are padded to this width in a batch: most cells of a table hold a short
            # number, and padding each to RapidOCR's 320 doubles the time for the same text.
            "Rec.rec_img_shape": [3, 48, 160],
        }
        for step, name in MODELS.items():
            path = folder / name
            if not path.is_file():
                raise EngineMissingError(f"the OCR model {name} is missing from {folder}")
            params[f"{step}.model_path"] = str(path)
        ocr = RapidOCR(params=params)
        # the three steps are used one by one: a line's per-character confidences, and
        # recognition of a table cell without detection, are not in RapidOCR's own pipeline
        self._det = ocr._load_det_model()  # type: ignore[no-untyped-call]
        self._cls = ocr._load_cls_model()  # type: ignore[no-untyped-call]
        self._rec = ocr._load_rec_model()  # type: ignore[no-untyped-call]
        self._crop = get_rotate_crop_image

    def detect(self, image: Image) -> list[Quad]:
        """The text lines of ``image`` (RGB), each as a quadrilateral, top to bottom."""
        # one whole page at a time in a process: detection's buffers for a page of 2,000 px
        # take about 1 GB, and two would pass a parsing worker's memory limit; the page read
        # beside it is recognising its lines meanwhile
        with _WHOLE_PAGE if image.shape[0] * image.shape[1] > _SMALL_PIXELS else nullcontext():
            found = self._det(image)
        if found.boxes is None:
            return []
        return [np.asarray(box, dtype=np.float32) for box in found.boxes]

    def crop(self, image: Image, quad: Quad) -> Image:
        """The text line inside ``quad``, straightened into an upright rectangle."""
        cropped: Image = self._crop(image, quad.copy())
        return cropped

    def upside_down(self, crops: list[Image]) -> list[float]:
        """For each crop, the classifier's confidence that it is turned 180° (0 if not)."""
        if not crops:
            return []
        result = self._cls(crops)
        return [float(score) if "180" in label else 0.0 for label, score in result.cls_res or []]

    def recognize(self, crops: list[Image]) -> list[Reading]:
        """The text in each crop (upright lines), with every character's confidence."""
        if not crops:
            return []
        result = self._rec(TextRecInput(img=crops, return_word_box=True))
        readings = []
        for text, words in zip(result.txts or (), result.word_results, strict=True):
            confidences = tuple(float(c) for c in words.confs) if text else ()
            if len(confidences) != len(text):  # one confidence per character, or none known
                confidences = (0.0,) * len(text)
            readings.append(Reading(str(text), confidences))
        return readings


#: onnxruntime threads per engine. One: the pages of a scan are read side by side, one engine a
#: thread (``PAGE_THREADS``), and on a busy 2-core machine a second onnxruntime thread mostly
#: waits for the first (measured: 9.4 s a page with one thread, 13.0 s with two, the same text
#: read; bench/RESULTS.md).
THREADS = 1
#: Pages of one scan read at once, each by its own engine in its own thread: onnxruntime and
#: OpenCV release the GIL while they work, so each thread keeps a core busy.
PAGE_THREADS = max(1, min(4, len(os.sched_getaffinity(0))))
# Engines not in use: loading one takes about a second, so they are kept for the process and
# lent to the thread that reads a page (an engine is never used by two threads at once).
_idle: "queue.SimpleQueue[Engine]" = queue.SimpleQueue()
_M_ARENA_MAX = -8  # mallopt's parameter (malloc.h)
_MALLOC_ARENAS = 1


@cache
def _share_malloc_arenas() -> None:
    """Let threads share glibc's malloc arenas (at most ``_MALLOC_ARENAS``): by default each
    thread that reads a page gets its own, reserving 64 MB of address space it barely uses and
    keeping freed buffers apart from the other's, and a parsing worker's memory limit counts
    address space. Measured at its peak on a 10-page scan, two pages at a time: 2.38 GB with an
    arena a thread, 1.97–2.04 GB with two (at the 2 GB limit: one run in three failed once huge
    pages were on), 1.73–1.87 GB with one, at the same speed. Elsewhere than glibc, nothing."""
    name = ctypes.util.find_library("c")
    mallopt = getattr(ctypes.CDLL(name), "mallopt", None) if name else None
    if mallopt is not None:
        mallopt(_M_ARENA_MAX, _MALLOC_ARENAS)


@contextmanager
def borrowed() -> Iterator[Engine]:
    """An engine for the block's use: an idle one, or one loaded now; returned after it."""
    try:
        ocr = _idle.get_nowait()
    except queue.Empty:
        ocr = Engine(threads=THREADS)
    try:
        yield ocr
    finally:
        _idle.put(ocr)


def warm(count: int = PAGE_THREADS) -> None:
    """Load engines until ``count`` are idle (before timing a read, or to fail early when the
    engine is not installed)."""
    _share_malloc_arenas()
    loaded = [Engine(threads=THREADS) for _ in range(max(0, count - _idle.qsize()))]
    for ocr in loaded:
        _idle.put(ocr)
