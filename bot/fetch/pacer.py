"""Politeness: at least a set interval between two requests to the same host.

The clock and the sleep are injected, so tests drive a fake clock and see every wait asked for
instead of measuring time.
"""

import asyncio
import time
from collections.abc import Awaitable, Callable

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
_FORGET_AFTER = 1000  # hosts remembered before the ones past their interval are dropped


class HostPacer:
    """Spaces requests to one host ``interval`` seconds apart; other hosts do not wait."""

    def __init__(
        self, interval: float, *, clock: Clock = time.monotonic, sleep: Sleep = asyncio.sleep
    ) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def wait(self, host: str) -> None:
        """Return when a request to ``host`` may be sent, and count it as sent now."""
        host = host.lower()
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:  # one waiter at a time per host, so each sees the one before it
            last = self._last.get(host)
            if last is not None:
                delay = last + self.interval - self._clock()
                if delay > 0:
                    await self._sleep(delay)
            self._last[host] = self._clock()
        if len(self._last) > _FORGET_AFTER:
            self._forget_idle()

    def _forget_idle(self) -> None:
        now = self._clock()
        for host, last in list(self._last.items()):
            lock = self._locks.get(host)
            if now - last >= self.interval and (lock is None or not lock.locked()):
                del self._last[host]
                self._locks.pop(host, None)
