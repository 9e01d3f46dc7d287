"""What can go wrong fetching a page, each error with a reason a user can read.

``FetchError`` is the base: ``str(error)`` is ``"<url>: <reason>"``, and ``reason`` alone is
what a chat reply shows. The kinds let callers decide what to retry: a time-out or a server
error may pass, a refused address or a file over the limit will not.
"""

from bot.errors import DisclosureBotError


class FetchError(DisclosureBotError):
    """A page or file could not be fetched; ``reason`` says why in words a user can read."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason

    def __reduce__(self) -> tuple[type["FetchError"], tuple[object, ...]]:
        # rebuilt from its arguments when it crosses a process boundary
        return type(self), (self.url, self.reason)


class BlockedURLError(FetchError):
    """The URL is not one the bot may fetch: another scheme, or a private/local address."""


class FetchTimeoutError(FetchError):
    """The server did not answer, or did not finish sending, in time."""


class TooLargeError(FetchError):
    """The file is larger than the limit (told by Content-Length or found while reading)."""


class TooManyRedirectsError(FetchError):
    """The server redirected more times than allowed (or in a loop)."""


class HTTPStatusError(FetchError):
    """The server answered with an error status (404, 500…)."""

    def __init__(self, url: str, reason: str, status: int = 0) -> None:
        super().__init__(url, reason)
        self.status = status

    def __reduce__(self) -> tuple[type["FetchError"], tuple[object, ...]]:
        return type(self), (self.url, self.reason, self.status)


class ConnectFailedError(FetchError):
    """The host could not be reached: unknown name, refused connection, TLS failure."""


class NoReportFoundError(FetchError):
    """The page was fetched but holds no report and links to none."""
