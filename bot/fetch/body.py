"""Reading a response body within a size limit, compressed or not.

The limit is checked twice: against Content-Length before reading (a server that says the file
is too large is not read at all) and while reading (a server that says nothing, or lies). The
body is decompressed here, not by httpx, in bounded steps: httpx inflates each received chunk
whole, so a small gzip bomb would cost its full inflated size in memory before any count.
"""

import zlib
from collections.abc import AsyncIterator

import httpx

from bot.fetch.errors import FetchError, TooLargeError

#: What the bot sends as Accept-Encoding: the encodings ``read_body`` can undo.
ACCEPT_ENCODING = "gzip, deflate"
_STEP = 256 * 1024  # bytes inflated at a time


def too_large(url: str, limit: int, size: int | None = None) -> TooLargeError:
    """The error for a body over ``limit`` bytes (of ``size`` bytes, when the server said)."""
    megabytes = f"{limit / 1024 / 1024:g} MB"
    if size is not None:
        return TooLargeError(url, f"the file is {size:,} bytes; the limit is {megabytes}")
    return TooLargeError(url, f"the file is larger than the limit of {megabytes}")


def declared_length(response: httpx.Response) -> int | None:
    """The Content-Length the server sent, or ``None`` (absent or not a number)."""
    value = response.headers.get("content-length", "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) < 20 else None


async def read_body(response: httpx.Response, url: str, limit: int) -> bytes:
    """The decoded body of a streamed ``response``, refused past ``limit`` bytes."""
    size = declared_length(response)
    if size is not None and size > limit:
        raise too_large(url, limit, size)
    inflater = _Inflater(url, response.headers.get("content-encoding", ""))
    parts: list[bytes] = []
    total = 0
    async for chunk in _raw(response, url):
        for piece in inflater.feed(chunk, limit - total):
            total += len(piece)
            if total > limit:
                raise too_large(url, limit)
            parts.append(piece)
    return b"".join(parts)


async def _raw(response: httpx.Response, url: str) -> AsyncIterator[bytes]:
    try:
        async for chunk in response.aiter_raw():
            yield chunk
    except httpx.RemoteProtocolError as error:
        raise FetchError(url, "the server broke off the download before the end") from error


class _Inflater:
    """Undoes a Content-Encoding of gzip or deflate in bounded steps; passes identity through."""

    def __init__(self, url: str, encoding: str) -> None:
        self._url = url
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise FetchError(url, f"the server sent the file in an unknown encoding ({encoding})")
        self._coding = codings[0] if codings else None
        self._zlib: zlib._Decompress | None = None
        if self._coding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16)

    def feed(self, chunk: bytes, room: int) -> list[bytes]:
        """What ``chunk`` decodes to, stopping soon after more than ``room`` bytes."""
        if self._coding is None or not chunk:
            return [chunk]
        if self._zlib is None:  # deflate: zlib-wrapped as the standard says, or raw as IIS sent
            wrapped = (chunk[0] & 0x0F) == 8 and int.from_bytes(chunk[:2], "big") % 31 == 0
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        out: list[bytes] = []
        pending = chunk
        try:
            while pending and not self._zlib.eof and room >= 0:
                piece = self._zlib.decompress(pending, min(_STEP, room + 1))
                out.append(piece)
                room -= len(piece)
                pending = self._zlib.unconsumed_tail
        except zlib.error as error:
            raise FetchError(self._url, "the compressed file is damaged") from error
        return out
