"""What the fetch layer needs to know of the settings: how to fetch (``FetchSettings``, from
``[watch]`` and the file size limit) and what to watch (``bot.config.WatchConfig``, whose
declarations document every key of ``[watch]``)."""

from dataclasses import dataclass

from bot.config import OnNewReport, WatchConfig

__all__ = ["FetchSettings", "OnNewReport", "WatchConfig"]


@dataclass(frozen=True)
class FetchSettings:
    """How the bot downloads pages and files, for links from administrators and watched pages."""

    max_file_mb: int
    connect_timeout: float
    read_timeout: float
    total_timeout: float
    max_redirects: int
    per_host_seconds: float
    allow_hosts: tuple[str, ...]
    user_agent: str

    @classmethod
    def from_config(cls, watch: WatchConfig, max_file_mb: int) -> "FetchSettings":
        """The settings of ``[watch]``, with the largest file accepted (``telegram.max_file_mb``,
        which uploads obey too)."""
        return cls(
            max_file_mb=max_file_mb,
            connect_timeout=watch.connect_timeout,
            read_timeout=watch.read_timeout,
            total_timeout=watch.total_timeout,
            max_redirects=watch.max_redirects,
            per_host_seconds=watch.per_host_seconds,
            allow_hosts=tuple(host.strip().lower() for host in watch.allow_hosts),
            user_agent=watch.user_agent,
        )

    @property
    def max_bytes(self) -> int:
        """``max_file_mb`` in bytes."""
        return self.max_file_mb * 1024 * 1024
