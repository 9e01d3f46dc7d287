"""Connections that go only where the guard allows: resolved, checked, then pinned.

httpx resolves a host name when it connects, so checking the name beforehand is not enough: a
hostile DNS server can answer the check with a public address and the connection with
169.254.169.254 (DNS rebinding). Here the network backend under httpx's connection pool does
the resolving itself, checks every address, and connects to one of those very addresses; the
TLS handshake still verifies the certificate against the host name. Each connection is checked
when it is made, so every redirect hop to a new host is too.
"""

import asyncio
import socket
from collections.abc import Awaitable, Callable, Collection, Iterable

import anyio
import httpcore
import httpx

from bot.fetch.errors import BlockedURLError
from bot.fetch.guard import check_address, ip_literal

#: Resolves ``(host, port)`` to the addresses to try, in order.
Resolver = Callable[[str, int], Awaitable[list[str]]]


async def system_resolver(host: str, port: int) -> list[str]:
    """The host's addresses from the system's resolver (getaddrinfo), without duplicates."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """A network backend that connects only to checked addresses (see the module doc)."""

    def __init__(
        self,
        allow_hosts: Collection[str],
        *,
        resolver: Resolver = system_resolver,
        inner: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self._allow = frozenset(allow_hosts)
        self._resolve = resolver
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await self._checked_addresses(host, port, timeout)
        failure: httpcore.ConnectError | None = None
        for address in addresses:  # every one checked: any of them may be tried
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as error:
                failure = error
        raise failure or httpcore.ConnectError(f"no address to connect to for {host}")

    async def _checked_addresses(self, host: str, port: int, timeout: float | None) -> list[str]:
        """The host's addresses, each allowed, else ``BlockedURLError`` for the first not."""
        if ip_literal(host) is not None:
            addresses = [host]
        else:
            try:
                with anyio.fail_after(timeout):
                    addresses = await self._resolve(host, port)
            except TimeoutError as error:
                raise httpcore.ConnectTimeout(f"looking up {host} took too long") from error
            except OSError as error:  # socket.gaierror: no such name
                raise httpcore.ConnectError(f"the host name {host} could not be found") from error
        for address in addresses:
            parsed = ip_literal(address.split("%")[0])  # an IPv6 scope (fe80::1%eth0) aside
            if parsed is None:
                raise BlockedURLError(host, f"{host} resolved to {address!r}, not an address")
            check_address(host, host, parsed, self._allow)
        return addresses

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise BlockedURLError(path, "the bot connects to web servers only, not local sockets")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with its connection pool on a ``GuardedBackend``, and no proxy.

    Proxies from the environment are ignored (``trust_env=False``): through a proxy the bot
    would connect to the proxy, and the address check would check nothing.
    """

    def __init__(self, backend: GuardedBackend, *, max_connections: int = 10) -> None:
        super().__init__(trust_env=False)
        # httpx builds its pool without a way to pass a network backend: replace the pool
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=5.0,
            network_backend=backend,
        )
