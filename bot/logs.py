"""Logging as the programs set it up: one line per record on stderr, and never a token or a
user's words at INFO (httpx logs every request URL, and Bot API URLs carry the token)."""

import logging
import sys


def setup_logging(level: int = logging.INFO) -> None:
    """Configure the root logger for the command line and the bot."""
    logging.basicConfig(
        level=level, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    quiet_noisy_loggers()


def quiet_noisy_loggers() -> None:
    """Loggers of libraries that would print secrets or message texts at INFO, and Alembic's
    dozen lines per migration (``store.migrate`` says in one what changed)."""
    quiet = (
        "httpx",
        "httpcore",
        "telegram.ext.ExtBot",
        "apscheduler.executors.default",
        "alembic",
    )
    for name in quiet:
        logging.getLogger(name).setLevel(logging.WARNING)
