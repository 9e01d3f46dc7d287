"""Reading and parsing annual reports."""

from bot.reports.model import Agency, Finding, ParsedReport
from bot.reports.parse import parse_report, parse_text

__all__ = ["Agency", "Finding", "ParsedReport", "parse_report", "parse_text"]
