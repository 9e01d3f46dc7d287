"""``export`` and ``import`` (every report as JSON lines, and a store rebuilt from them), and
``delete``."""

import sys
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Annotated, TextIO

import typer

from bot.answers.deletion import Deletion, confirm_text, deleted_text, find_deletion, refusal_text
from bot.config import Config
from bot.service.core import open_service
from bot.service.transfer import TransferError, read_lines, to_line
from bot.texts import Language


def export_command(
    ctx: typer.Context,
    output: Annotated[
        Path | None, typer.Argument(help="The file to write (default: standard output).")
    ] = None,
) -> None:
    """Write every report (agency, source file and hash, figures, findings) as JSON lines."""
    count = 0
    with open_service(_config(ctx)) as service, _open(output, "w") as out:
        for report in service.export_reports():
            out.write(to_line(report) + "\n")
            count += 1
    print(f"exported {count} reports", file=sys.stderr)


def import_command(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help="An export file ('-' for standard input).")],
) -> None:
    """Add the reports of an export file; those already indexed are left as they are."""
    try:
        with (
            open_service(_config(ctx)) as service,
            _open(None if str(source) == "-" else source, "r") as lines,
        ):
            added, skipped = service.import_reports(read_lines(lines))
    except TransferError as error:
        print(f"import stopped: {error}; the reports before it are imported", file=sys.stderr)
        raise typer.Exit(1) from None
    except OSError as error:
        print(f"cannot read {source}: {error.strerror}", file=sys.stderr)
        raise typer.Exit(1) from None
    print(f"imported {added} reports, {skipped} already there", file=sys.stderr)


def delete_command(
    ctx: typer.Context,
    request: Annotated[
        list[str], typer.Argument(help="The agency and the year, e.g. 汉屯路街道 2023.")
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
) -> None:
    """Delete an agency's report for a year, and the older files it replaced."""
    with open_service(_config(ctx)) as service:
        found = find_deletion(service, " ".join(request))
        if not isinstance(found, Deletion):
            print(refusal_text(found, Language.EN), file=sys.stderr)
            raise typer.Exit(1)
        if not yes and not typer.confirm(confirm_text(found, Language.EN), err=True):
            print("Nothing deleted.", file=sys.stderr)
            raise typer.Exit(1)
        outcome = service.delete_report(found.entry.id, found.year)
    if outcome is None:  # deleted by someone else meanwhile
        print("Nothing deleted: the report is gone already.", file=sys.stderr)
        raise typer.Exit(1)
    print(deleted_text(outcome, Language.EN))


def _config(ctx: typer.Context) -> Config:
    config = ctx.obj
    assert isinstance(config, Config)
    return config


def _open(path: Path | None, mode: str) -> AbstractContextManager[TextIO]:
    if path is None:
        return nullcontext(sys.stdout if mode == "w" else sys.stdin)
    file: TextIO = path.open(mode, encoding="utf-8")  # type: ignore[assignment]
    return file
