"""Fakes for the fetch tests: a clock that moves only when slept on, a resolver that answers
from a table, and a network backend that records where it was asked to connect; ``PORTAL``,
the saved portal pages."""

from collections.abc import Iterable
from pathlib import Path

import httpcore

PORTAL = Path(__file__).parent / "fixtures" / "portal"


class FakeClock:
    """``now()`` is a number that only ``sleep`` moves; every sleep is recorded."""

    def __init__(self) -> None:
        self.time = 1000.0
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self.time

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.time += seconds


class TableResolver:
    """Resolves names from a table; each name's answers are used in turn (the last repeats),
    so a test can answer a second look-up differently (DNS rebinding)."""

    def __init__(self, table: dict[str, list[list[str]]]) -> None:
        self.table = table
        self.asked: list[str] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        answers = self.table.get(host)
        if not answers:
            raise OSError(f"no such host {host}")
        count = self.asked.count(host)
        return answers[min(count, len(answers)) - 1]


class RecordingBackend(httpcore.AsyncNetworkBackend):
    """Connects through the real backend, recording each address it is asked for; addresses
    not in ``reachable`` are refused without any packet sent."""

    def __init__(self, reachable: Iterable[str] = ("127.0.0.1",)) -> None:
        self.connects: list[str] = []
        self.reachable = set(reachable)
        self._real = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self.connects.append(host)
        if host not in self.reachable:
            raise httpcore.ConnectError(f"test network: {host} is not reachable")
        return await self._real.connect_tcp(host, port, timeout, local_address, socket_options)

    async def sleep(self, seconds: float) -> None:
        await self._real.sleep(seconds)
