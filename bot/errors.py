"""The errors a user can meet, in one small tree.

- ``ConfigError``: a setting is missing or wrong (the message names it);
- ``ReportError`` and its kinds: a file is unusable as a report; each says in its message
  what was wrong, so callers print ``str(error)`` as it is;
- ``StoreError``: the database failed (locked, full, gone); the store raises nothing else, so
  no caller needs to know SQLAlchemy.

Validation findings are data (``bot.parser.report.Finding``), never exceptions; "no match" for
a name or a figure is a normal answer, never an exception.
"""


class DisclosureBotError(Exception):
    """Base of every error this project raises on purpose."""


class ConfigError(DisclosureBotError):
    """A setting is missing or has a bad value; the message names the setting."""


class ReportError(DisclosureBotError):
    """A file could not be read as a report."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type["ReportError"], tuple[str, str]]:
        # rebuilt from (source, reason) when it crosses a process boundary
        return type(self), (self.source, self.reason)


class UnsupportedFormatError(ReportError):
    """The file type is not one the bot reads (or the file is not what its name says)."""


class UnreadableFileError(ReportError):
    """The file is broken, empty, too large or has no text layer."""


class NoTextLayerError(UnreadableFileError):
    """A PDF whose pages are pictures (a scan): its text is read by OCR."""


class NotAReportError(ReportError):
    """The text holds no recognisable annual report (sections or table missing)."""


class UnsupportedLayoutError(ReportError):
    """A real annual report, but in a layout the bot does not read (e.g. before 2019)."""


class IncompleteReportError(ReportError):
    """The report cannot be indexed: its agency or year is unknown, or it holds no cell."""


class StoreError(DisclosureBotError):
    """The database failed: locked for too long, full, unreachable, or refusing a write."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
