"""Readers for each file format the bot reads, and the sniffing that picks one."""

from bot.reports.formats.docx import read_docx
from bot.reports.formats.html import read_html
from bot.reports.formats.pdf import read_pdf
from bot.reports.formats.sniff import READABLE, Kind, sniff
from bot.reports.formats.text import decode_text

__all__ = ["READABLE", "Kind", "decode_text", "read_docx", "read_html", "read_pdf", "sniff"]
