"""``fetch`` (reports by link) and ``watch`` (the watched portal pages), on the command line:
the same service the chat uses, each report indexed and said so."""

import asyncio
import sys
from datetime import datetime
from typing import Annotated

import typer

from bot.config import Config
from bot.errors import ReportError
from bot.fetch.errors import FetchError
from bot.records import IngestStatus
from bot.service.core import DisclosureService, open_service
from bot.service.links import WatchRun


def fetch_command(
    ctx: typer.Context,
    urls: Annotated[list[str], typer.Argument(help="Links to reports (pages or files).")],
) -> None:
    """Download each link, find the report in it, index it; say what was done."""
    config = _config(ctx)
    failed = 0
    with open_service(config) as service:
        for url in urls:
            line = asyncio.run(_fetch_one(service, url, datetime.now(config.reminders.timezone)))
            failed += line.startswith(IngestStatus.REJECTED)
            print(line)
    if failed == len(urls):
        raise typer.Exit(1)


async def _fetch_one(service: DisclosureService, url: str, now: datetime) -> str:
    try:
        fetched = await service.fetch_report(url)
    except (FetchError, ReportError) as error:
        return f"{IngestStatus.REJECTED}  {url}  {error.reason}"
    result = await asyncio.to_thread(service.index_parsed, fetched.report, now=now)
    return f"{result.line()}  ← {fetched.url}"


def watch_command(
    ctx: typer.Context,
    once: Annotated[
        bool, typer.Option("--once", help="Check every watched page now, once.")
    ] = False,
) -> None:
    """Check the watched pages (the config's watch.pages) once and print what was found (the
    bot itself checks them on its schedule)."""
    if not once:
        print(
            "the bot checks the watched pages on its schedule; use --once to check now",
            file=sys.stderr,
        )
        raise typer.Exit(2)
    config = _config(ctx)
    if not config.watch.pages:
        print("no watched pages: list them in [watch] pages", file=sys.stderr)
        raise typer.Exit(1)
    with open_service(config) as service:
        now = datetime.now(config.reminders.timezone)
        run = asyncio.run(service.watch(now, every_page=True))
    for line in watch_lines(run):
        print(line)


def watch_lines(run: WatchRun) -> list[str]:
    """A watch round as lines: each page's check, then what became of each new link."""
    lines = []
    for page in run.rounds:
        lines.append(f"{page.check.status.value:<12} {page.check.url}  {page.check.detail}")
        lines.extend(f"  {'✓' if o.ok else '✗'} {o.link.url}  {o.done}" for o in page.links)
    return lines


def _config(ctx: typer.Context) -> Config:
    config = ctx.obj
    assert isinstance(config, Config)
    return config
