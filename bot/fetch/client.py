"""The bot's web client: one GET at a time, safely and politely.

``Fetcher.get`` follows redirects itself (each hop re-checked and counted, loops refused),
spaces requests per host, sends the validators of an earlier download (ETag, Last-Modified) so
that an unchanged page costs a 304, and reads the body within the size limit. Every failure is
a ``FetchError`` whose ``reason`` a user can read.
"""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import TracebackType

import httpcore
import httpx

from bot.fetch.body import ACCEPT_ENCODING, read_body
from bot.fetch.download import Fetched, Validators
from bot.fetch.errors import (
    BlockedURLError,
    ConnectFailedError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    TooManyRedirectsError,
)
from bot.fetch.guard import check_url
from bot.fetch.names import file_name
from bot.fetch.pacer import Clock, HostPacer, Sleep
from bot.fetch.settings import FetchSettings
from bot.fetch.transport import GuardedBackend, GuardedTransport, Resolver, system_resolver

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ACCEPT = "text/html,application/xhtml+xml,application/pdf,application/msword,*/*;q=0.5"


class Fetcher:
    """Downloads pages and files under ``FetchSettings``; use as ``async with Fetcher(...)``.

    ``resolver`` and ``backend`` replace DNS and the network (tests); ``clock`` and ``sleep``
    drive the per-host pacing.
    """

    def __init__(
        self,
        settings: FetchSettings,
        *,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
        resolver: Resolver = system_resolver,
        backend: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self.settings = settings
        pace = {"clock": clock} if clock else {}
        self._pacer = HostPacer(settings.per_host_seconds, **pace, sleep=sleep or asyncio.sleep)
        guarded = GuardedBackend(settings.allow_hosts, resolver=resolver, inner=backend)
        self._client = httpx.AsyncClient(
            transport=GuardedTransport(guarded),
            follow_redirects=False,
            trust_env=False,
            timeout=httpx.Timeout(
                settings.read_timeout, connect=settings.connect_timeout, pool=None
            ),
            headers={
                "User-Agent": settings.user_agent,
                "Accept": _ACCEPT,
                "Accept-Encoding": ACCEPT_ENCODING,
                "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5",
            },
        )

    async def __aenter__(self) -> "Fetcher":
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connections kept open."""
        await self._client.aclose()

    async def get(
        self, url: str, *, validators: Validators | None = None, max_bytes: int | None = None
    ) -> Fetched:
        """Download ``url``; raises a ``FetchError`` saying why not. With ``validators`` from
        an earlier download, an unchanged file comes back as ``Fetched.not_modified``."""
        limit = max_bytes or self.settings.max_bytes
        try:
            async with asyncio.timeout(self.settings.total_timeout):
                return await self._follow(url, validators or Validators(), limit)
        except TimeoutError:
            seconds = f"{self.settings.total_timeout:g}"
            raise FetchTimeoutError(url, f"the download took longer than {seconds} s") from None

    async def _follow(self, url: str, validators: Validators, limit: int) -> Fetched:
        allow = self.settings.allow_hosts
        current = check_url(url, allow)
        hops: list[str] = []
        while True:
            async with self._request(url, current, validators) as response:
                location = (
                    response.headers.get("location")
                    if response.status_code in _REDIRECTS
                    else None
                )
                if location is None:
                    return await self._result(url, current, response, limit, hops)
            target = _redirect_target(url, current, location)
            if str(target) in {url, *hops} or target == current:
                raise TooManyRedirectsError(url, "the server redirects in a loop")
            if len(hops) >= self.settings.max_redirects:
                count = self.settings.max_redirects
                raise TooManyRedirectsError(url, f"more than {count} redirects")
            try:  # every hop: its scheme, and its address when written as one
                current = check_url(str(target), allow)
            except BlockedURLError as error:
                raise BlockedURLError(url, f"it redirects to {target}: {error.reason}") from None
            hops.append(str(current))

    @asynccontextmanager
    async def _request(
        self, url: str, target: httpx.URL, validators: Validators
    ) -> AsyncIterator[httpx.Response]:
        await self._pacer.wait(target.host)
        try:
            async with self._client.stream(
                "GET", target, headers=validators.headers()
            ) as response:
                yield response
        except BlockedURLError as error:  # raised at connect time, naming the host only
            raise BlockedURLError(url, error.reason) from None
        except httpx.TimeoutException as error:
            raise FetchTimeoutError(url, _timeout_reason(error, self.settings)) from None
        except (httpx.TransportError, httpcore.NetworkError) as error:
            raise ConnectFailedError(url, _connect_reason(target, error)) from None

    async def _result(
        self, url: str, target: httpx.URL, response: httpx.Response, limit: int, hops: list[str]
    ) -> Fetched:
        status = response.status_code
        if status != 304 and not 200 <= status < 300:
            raise HTTPStatusError(url, _status_reason(response), status)
        data = b"" if status == 304 else await read_body(response, url, limit)
        media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        return Fetched(
            url=url,
            final_url=str(target),
            status=status,
            media_type=media_type,
            charset=response.charset_encoding,
            data=data,
            name=file_name(response, target, media_type),
            validators=Validators(
                response.headers.get("etag"), response.headers.get("last-modified")
            ),
            redirects=tuple(hops),
        )


def _redirect_target(url: str, current: httpx.URL, location: str) -> httpx.URL:
    try:
        return current.join(location.strip())
    except (httpx.InvalidURL, ValueError) as error:
        raise FetchError(url, f"the server redirected to an invalid address ({error})") from None


def _status_reason(response: httpx.Response) -> str:
    status = response.status_code
    phrase = f"{status} {response.reason_phrase}".strip()
    if status in (404, 410):
        return f"the server answered {phrase}: the page does not exist (any more)"
    if status in (401, 403):
        return f"the server answered {phrase}: the page is not open to the bot"
    if status == 429 or status >= 500:
        return f"the server answered {phrase}: it is busy or failing; try again later"
    return f"the server answered {phrase}"


def _timeout_reason(error: httpx.TimeoutException, settings: FetchSettings) -> str:
    if isinstance(error, httpx.ConnectTimeout):
        return f"the server did not answer within {settings.connect_timeout:g} s"
    return f"the server stopped sending for more than {settings.read_timeout:g} s"


def _connect_reason(target: httpx.URL, error: Exception) -> str:
    text = str(error)
    if "could not be found" in text:
        return text
    if "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text:
        return f"the secure connection to {target.host} failed (its certificate is not valid?)"
    if isinstance(error, httpx.ConnectError):
        return f"could not connect to {target.host}"
    return f"the connection to {target.host} broke off"
