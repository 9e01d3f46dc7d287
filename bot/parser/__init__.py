"""Reading and parsing annual reports.

The parser (and the readers behind it) is imported when first used: the bot answering
questions needs only the model, and starts a tenth of a second sooner without it.
"""

from typing import TYPE_CHECKING, Any

from bot.parser.report import Agency, Finding, ParsedReport

if TYPE_CHECKING:
    from bot.parser.parse import parse_report, parse_text

__all__ = ["Agency", "Finding", "ParsedReport", "parse_report", "parse_text"]


def __getattr__(name: str) -> Any:
    if name in {"parse_report", "parse_text"}:
        from bot.parser import parse  # noqa: PLC0415

        return getattr(parse, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
