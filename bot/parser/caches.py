"""Bounded caches for the parser's pure functions.

Reports print the same labels, headers and (mostly zero) rows: most of what the parser works
out for one report it worked out for an earlier one. A cache here is bounded twice: in
entries, and in what it agrees to keep (only small arguments and small results), so that a
hostile file cannot fill a worker's memory through it.
"""

import functools
import threading
from collections.abc import Callable, Hashable
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
_CACHES: list[dict[Hashable, Any]] = []


def forget_all() -> None:
    """Empty every cache (for measuring the parser on reports it has not seen)."""
    for kept in _CACHES:
        kept.clear()


def memo(
    *,
    entries: int,
    small: Callable[..., bool],
    keep: Callable[[Any], bool] | None = None,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache a pure function of positional, hashable arguments: calls for which ``small``
    says yes, results for which ``keep`` says yes, the newest ``entries`` of them."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        kept: dict[Hashable, R] = {}
        _CACHES.append(kept)
        lock = threading.Lock()

        @functools.wraps(function)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            if kwargs or not small(*args):
                return function(*args, **kwargs)
            try:
                return kept[args]
            except KeyError:
                pass
            result = function(*args, **kwargs)
            if keep is None or keep(result):
                with lock:
                    if len(kept) >= entries:
                        del kept[next(iter(kept))]  # the oldest
                    kept[args] = result
            return result

        return call

    return decorate
