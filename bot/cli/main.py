"""The command line: parse, ingest, ask, export, import, reminders, console, run, and start
(the main job)."""

import json
import logging
import os
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from bot.cli.console import run_console
from bot.cli.data_commands import delete_command, export_command, import_command
from bot.cli.web_commands import fetch_command, watch_command
from bot.config import Config, TelegramMode, load_config
from bot.errors import ConfigError, ReportError, StoreError
from bot.logs import setup_logging
from bot.parser import ParsedReport
from bot.parser.json_output import report_to_json
from bot.records import IngestStatus
from bot.service.core import (
    DisclosureService,
    IngestOptions,
    IngestResult,
    open_service,
    report_files,
    save_chart,
)

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="Config file (default: see README).")
]


def _config(ctx: typer.Context) -> Config:
    config = ctx.obj
    assert isinstance(config, Config)
    return config


def _service(config: Config) -> DisclosureService:
    """The service over the configured store; every command closes it (``with``)."""
    return open_service(config)


@app.callback()
def main_options(ctx: typer.Context, config: ConfigOption = None) -> None:
    """Disclosure Bot: government information disclosure annual reports, asked and answered."""
    setup_logging()
    try:
        ctx.obj = load_config(config, os.environ)
    except ConfigError as error:
        _stderr(f"config error: {error}")
        raise typer.Exit(2) from None


@app.command()
def parse(
    ctx: typer.Context,
    file: Path,
    as_json: Annotated[bool, typer.Option("--json", help="Print the spec's JSON.")] = False,
) -> None:
    """Parse one report file and print what it holds."""
    from bot.parser.parse import parse_report  # noqa: PLC0415  (the bot starts without it)

    config = _config(ctx)
    try:
        data_bytes = file.read_bytes()
        report = parse_report(file.name, data_bytes)
        if _store_exists(config):  # cross-year checks against the indexed previous report
            report = _with_previous_year(config, file.name, data_bytes) or report
    except OSError as error:
        _fail(f"{file}: {error.strerror or error}")
    except ReportError as error:
        _fail(str(error))
    data = report_to_json(report)
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return
    print(f"{data['agency']} ({data['parent'] or '—'}), {data['year']}, layout {data['layout']}")
    print(f"{len(data['figures'])} figures, {len(data['not_reported'])} not reported")
    for finding in data["findings"]:
        print(f"  ⚠ {finding['rule']}: {finding['message']}")


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Report files or folders.")],
    *,
    allow_incomplete: Annotated[
        bool,
        typer.Option(
            "--allow-incomplete",
            hidden=True,
            help="Ignored, kept for old scripts: a cut-off copy is indexed for what it holds.",
        ),
    ] = False,
    agency: Annotated[
        str | None, typer.Option(help="The agency, for a fragment whose title is missing.")
    ] = None,
    year: Annotated[
        int | None, typer.Option(help="The year, for a fragment whose title is missing.")
    ] = None,
    workers: Annotated[
        int, typer.Option(min=0, help="Processes that parse files (0: one per CPU).")
    ] = 0,
) -> None:
    """Index report files and folders; say what was indexed, skipped or rejected, and why."""
    from bot.parser.workers import default_workers  # noqa: PLC0415  (loads the parser)

    config = _config(ctx)
    del allow_incomplete  # accepted so that old scripts still run; nothing to allow any more
    options = IngestOptions(agency, year)
    results: list[IngestResult] = []
    with _service(config) as service:
        try:  # what was indexed before a failure of the store is indexed, and said so
            for result in index_paths(
                service, paths, config, options, workers or default_workers()
            ):
                results.append(result)
        finally:
            _print_summary(results)
    if results and all(r.status is IngestStatus.REJECTED for r in results):
        raise typer.Exit(1)


def index_paths(
    service: DisclosureService,
    paths: list[Path],
    config: Config,
    options: IngestOptions,
    workers: int = 1,
) -> Iterator[IngestResult]:
    """Ingest with a progress bar on the terminal, a result per file as it is done."""
    # rich loads here, not at start-up: only an ingest draws a progress bar
    from rich.console import Console  # noqa: PLC0415
    from rich.progress import Progress  # noqa: PLC0415

    files = report_files(paths)
    err = Console(stderr=True)
    with Progress(console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("indexing", total=len(files))
        for result in service.ingest_paths(
            files,
            now=lambda: datetime.now(config.reminders.timezone),
            options=options,
            workers=workers,
        ):
            progress.advance(task)
            yield result


def _print_summary(results: list[IngestResult]) -> None:
    for r in results:
        print(r.line())
    counts = Counter(r.status for r in results)
    print(", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no files")


@app.command()
def ask(
    ctx: typer.Context,
    question: Annotated[list[str], typer.Argument(help="The question, in Chinese or English.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the spec's JSON.")] = False,
) -> None:
    """Answer one question about the indexed reports."""
    with _service(_config(ctx)) as service:
        answer = service.ask(" ".join(question))
    data = answer.to_json()
    chart = save_chart(answer.chart.png()) if answer.chart is not None else None
    if chart is not None:
        data["chart"] = str(chart)
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return
    print(answer.text)
    if chart is not None:
        print(f"Chart: {chart}")


@app.command("reminders")
def reminders_command(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
) -> None:
    """The upcoming reminders of every active subscription: chat, deadline, offset, time."""
    config = _config(ctx)
    with _service(config) as service:
        planned = service.planned_reminders(datetime.now(config.reminders.timezone))
    rows = [
        {
            "chat": r.subscription.chat_id,
            "subscription": r.subscription.id,
            "deadline": r.deadline.name,
            "deadline_date": r.deadline_date.isoformat(),
            "offset_days": r.offset,
            "time": r.due_at.isoformat(),
        }
        for r in planned
    ]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for row in rows:
        print(
            f"{row['time']}  chat {row['chat']}  {row['deadline']} "
            f"({row['deadline_date']}, {row['offset_days']} days before)"
        )
    if not rows:
        print("no reminders planned")


app.command("fetch")(fetch_command)
app.command("watch")(watch_command)
app.command("export")(export_command)
app.command("import")(import_command)
app.command("delete")(delete_command)


@app.command()
def console(ctx: typer.Context) -> None:
    """A local chat with the bot's answers (no Telegram needed)."""
    with _service(_config(ctx)) as service:
        run_console(service)


@app.command()
def run(ctx: typer.Context) -> None:
    """Run the bot on Telegram (polling, or webhook as configured)."""
    config = _config(ctx)
    if not config.telegram.token:
        _fail("no Telegram token: set TELEGRAM_BOT_TOKEN or telegram.token", code=2)
    # Telegram's library loads only for the commands that talk to Telegram.
    from handlers.app import build_application  # noqa: PLC0415

    application = build_application(config)
    if config.telegram.mode is TelegramMode.WEBHOOK:
        application.run_webhook(
            listen=config.telegram.webhook_listen,
            port=config.telegram.webhook_port,
            webhook_url=config.telegram.webhook_url,
            secret_token=config.telegram.webhook_secret.reveal() or None,
        )
    else:
        application.run_polling()


@app.command()
def start(ctx: typer.Context) -> None:
    """The main job: the bot on Telegram when a token is set, else the console on samples."""
    config = _config(ctx)
    if config.telegram.token:
        run(ctx)
        return
    _stderr(
        "No Telegram token configured (TELEGRAM_BOT_TOKEN): opening the local console "
        "on the sample reports."
    )
    samples = Path(config.store.samples) if config.store.samples else bundled_samples()
    with _service(config) as service:
        results = list(index_paths(service, [samples], config, IngestOptions()))
        counts = Counter(r.status for r in results)
        summary = ", ".join(f"{n} {status.value}" for status, n in sorted(counts.items()))
        _stderr(f"Samples in {samples}: {summary or 'none found'}")
        run_console(service)


def _with_previous_year(config: Config, name: str, data: bytes) -> ParsedReport | None:
    """The report with the cross-year checks, or ``None`` if the store cannot be read."""
    try:
        with _service(config) as service:
            return service.parse(name, data)
    except StoreError as error:
        logging.getLogger("disclosure_bot").warning(
            "the store could not be read for cross-year checks: %s", type(error).__name__
        )
        return None


def _store_exists(config: Config) -> bool:
    url = config.store.url
    if not url.startswith("sqlite:///"):
        return True
    return (
        url.startswith("sqlite:///:memory:") is False
        and Path(url.removeprefix("sqlite:///")).is_file()
    )


def bundled_samples() -> Path:
    """The sample reports shipped with the package."""
    return Path(str(resources.files("bot") / "samples"))


def _stderr(message: str) -> None:
    """One plain line on stderr: no wrapping, no markup, so it can be read and grepped."""
    print(message, file=sys.stderr)


def _fail(message: str, code: int = 1) -> None:
    _stderr(message)
    raise typer.Exit(code)


def main() -> None:
    """Entry point of ``disclosure-bot`` and ``python -m bot``."""
    try:
        app()
    except StoreError as error:  # a full disk, a lock held too long, a server gone
        reason = error.reason
        _stderr(
            f"disclosure-bot: the report database failed ({reason}); each report is written"
            " whole or not at all, so nothing is half-written: fix the cause and run the"
            " command again"
        )
        sys.exit(1)
