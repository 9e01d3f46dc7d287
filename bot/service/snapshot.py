"""The name index on disk: a warm start loads it (half a second at 100,000 agencies) instead
of building it (several seconds).

A snapshot is a pickle headed by what it was built from: the format, a fingerprint of the code
and data that shape the index, and the store's reports version. Any difference means it is
stale and is ignored. It lives beside the store (or in the user's cache folder), as trusted as
the store itself; it is written to a temporary file and renamed, so readers never see half.
"""

import gc
import hashlib
import importlib.metadata
import logging
import os
import pickle
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import bot.agencies
import bot.agencies.departments
import bot.agencies.gazetteer
import bot.agencies.identify
from bot.agencies import NameIndex
from bot.agencies.aliases import known_pinyin, remember_pinyin

log = logging.getLogger(__name__)
FORMAT = 3


@dataclass(frozen=True)
class IndexSnapshot:
    """The name index and the years of each agency's reports, as of a reports version."""

    version: int
    index: NameIndex
    years: dict[int, list[int]]
    pinyin: dict[str, str] = field(default_factory=dict)  # of every name part, see aliases


def snapshot_path(db_url: str) -> Path | None:
    """Where the snapshot of the store at ``db_url`` lives: beside a SQLite file, else in the
    user's cache folder; ``None`` for an in-memory store."""
    if db_url.startswith("sqlite:///"):
        file = db_url.removeprefix("sqlite:///").split("?")[0]
        return None if file in {"", ":memory:"} else Path(f"{file}.names")
    cache_home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    digest = hashlib.sha256(db_url.encode()).hexdigest()[:16]
    return cache_home / "disclosure-bot" / f"{digest}.names"


def load_snapshot(path: Path, version: int) -> IndexSnapshot | None:
    """The snapshot at ``path`` if it was built from this code and this reports version."""
    try:
        with path.open("rb") as file, _collection_paused():
            if pickle.load(file) != _header(version):
                return None
            snapshot = pickle.load(file)
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as error:
        log.warning("ignoring the name index snapshot %s: %s", path, type(error).__name__)
        return None
    if not isinstance(snapshot, IndexSnapshot):
        return None
    remember_pinyin(snapshot.pinyin)
    return snapshot


@contextmanager
def _collection_paused() -> Iterator[None]:
    # ~100,000 agencies' tuples are made at once and all kept: the collections their making
    # set off found nothing and took half the load time
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def save_snapshot(path: Path, snapshot: IndexSnapshot) -> None:
    """Write the snapshot atomically; a failure is logged, never raised (it is only a cache)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as file:
            pickle.dump(_header(snapshot.version), file, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(
                replace(snapshot, pinyin=known_pinyin()), file, protocol=pickle.HIGHEST_PROTOCOL
            )
        os.replace(file.name, path)
    except OSError as error:
        log.warning("could not save the name index snapshot %s: %s", path, error.strerror)
        Path(file.name).unlink(missing_ok=True)


def _header(version: int) -> tuple[int, str, int]:
    return (FORMAT, code_fingerprint(), version)


@cache
def code_fingerprint() -> str:
    """A hash of the code and data the index is built by: a new release rebuilds it."""
    digest = hashlib.sha256()
    for library in ("pypinyin", "pyahocorasick", "cpca", "rapidfuzz"):
        digest.update(f"{library} {importlib.metadata.version(library)};".encode())
    for package in (
        bot.agencies,
        bot.agencies.identify,
        bot.agencies.departments,
        bot.agencies.gazetteer,
    ):
        origin = Path(package.__file__ or "")
        files = sorted(origin.parent.glob("*.py")) if origin.name == "__init__.py" else [origin]
        for file in files:
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]
