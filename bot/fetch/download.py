"""What a download is, as plain data (no network code here, so the watcher's book can use it)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Validators:
    """What a server said to recognise this version of a file by, for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """The conditional request headers these validators make."""
        found = {"If-None-Match": self.etag, "If-Modified-Since": self.last_modified}
        return {name: value for name, value in found.items() if value}


@dataclass(frozen=True)
class Fetched:
    """A downloaded page or file (``data`` is empty when the server said 304 Not Modified)."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    media_type: str  # "text/html", "application/pdf"… (lower case, no parameters)
    charset: str | None  # from the Content-Type header, if any
    data: bytes
    name: str  # a file name for it (server's, link's, or made from the media type)
    validators: Validators  # to store and send next time
    redirects: tuple[str, ...] = ()

    @property
    def not_modified(self) -> bool:
        """True when the server said the file has not changed since ``validators``."""
        return self.status == 304
