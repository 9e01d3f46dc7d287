"""Which URLs and addresses the bot may fetch: http and https only, public addresses only.

A link sent in a chat or found on a page must not make the bot reach into the network it runs
in (a router's admin page, a cloud metadata service at 169.254.169.254, a database on
localhost). Every address a host name resolves to is checked, and the connection goes to the
address that was checked (``bot.fetch.transport``); hosts named in ``allow_hosts`` (an intranet
portal, a test server) are exempt.
"""

import ipaddress
from collections.abc import Collection

import httpx

from bot.fetch.errors import BlockedURLError

SCHEMES = frozenset({"http", "https"})
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_SHARED = ipaddress.IPv4Network("100.64.0.0/10")  # carrier-grade NAT: not the internet either
_ALLOW = "add the host to [watch] allow_hosts if it is an intranet portal you trust"


def check_url(url: str, allow_hosts: Collection[str]) -> httpx.URL:
    """``url`` parsed, if the bot may fetch it: http(s), a host, and a public address when
    the host is written as one. Raises ``BlockedURLError`` saying why not."""
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError, ValueError) as error:
        raise BlockedURLError(url, f"not a valid web address ({error})") from None
    if parsed.scheme not in SCHEMES:
        shown = parsed.scheme or "no scheme"
        raise BlockedURLError(url, f"only http and https links are fetched, not {shown}")
    if not parsed.host:
        raise BlockedURLError(url, "the link names no host")
    literal = ip_literal(parsed.host)
    if literal is not None:
        check_address(url, parsed.host, literal, allow_hosts)
    return parsed


def ip_literal(host: str) -> IPAddress | None:
    """The address ``host`` is written as (``10.0.0.1``, ``::1``), or ``None`` for a name."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def host_allowed(host: str, allow_hosts: Collection[str]) -> bool:
    """Whether ``host`` is named in the allow list (case and brackets aside)."""
    return host.strip("[]").lower().rstrip(".") in {h.strip("[]").lower() for h in allow_hosts}


def check_address(url: str, host: str, address: IPAddress, allow_hosts: Collection[str]) -> None:
    """Raise ``BlockedURLError`` unless ``address`` is public or ``host`` is allowed."""
    if host_allowed(host, allow_hosts):
        return
    what = non_public(address)
    if what is not None:
        shown = host if host.strip("[]") == str(address) else f"{host} ({address})"
        raise BlockedURLError(
            url, f"{shown} is a {what} address, not on the public internet: {_ALLOW}"
        )


def non_public(address: IPAddress) -> str | None:
    """What kind of non-public address this is (``"loopback"``…), or ``None`` if public.

    An IPv6 address that carries an IPv4 one (IPv4-mapped ``::ffff:a.b.c.d``, 6to4, NAT64)
    is judged by the IPv4 address too, since that is where the packets may end up.
    """
    mapped = _mapped(address)
    candidates = [mapped] if mapped is not None else [address, *_embedded(address)]
    for candidate in candidates:
        what = _kind(candidate)
        if what is not None:
            return what
    return None


def _mapped(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv4-mapped or NAT64 address stands for: the only one that counts."""
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _embedded(address: IPAddress) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses that 6to4 and Teredo addresses carry besides their own."""
    if not isinstance(address, ipaddress.IPv6Address):
        return []
    found = [address.sixtofour]
    if address.teredo is not None:
        found.extend(address.teredo)
    return [a for a in found if a is not None]


def _kind(address: IPAddress) -> str | None:
    checks = (
        (address.is_loopback, "loopback"),
        (address.is_link_local, "link-local"),
        (address.is_multicast, "multicast"),
        (address.is_unspecified, "unspecified"),
        (isinstance(address, ipaddress.IPv6Address) and address.is_site_local, "site-local"),
        (address.is_private, "private"),
        (address.is_reserved, "reserved"),
        (isinstance(address, ipaddress.IPv4Address) and address in _SHARED, "shared (CGNAT)"),
    )
    for hit, what in checks:
        if hit:
            return what
    return None if address.is_global else "reserved"
