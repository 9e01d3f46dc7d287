"""What each inline button stands for.

Buttons carry these objects through python-telegram-bot's ``arbitrary_callback_data``: the
bot keeps the object and sends Telegram only an opaque id, so button data can be neither read
nor forged, nor outgrow Telegram's 64 bytes (a Chinese name costs 3 bytes a character). A
button whose object the bot no longer holds (after a restart, or once the cache let it go)
arrives as ``InvalidCallbackData`` and gets one "this has expired" answer.

Buttons that change the store (index, delete) still check who presses them: a button is
visible to everyone in a group.
"""

from dataclasses import dataclass
from enum import StrEnum

from bot.answers.exports import ExportFormat
from bot.parser import ParsedReport
from bot.texts import Language


@dataclass(frozen=True)
class Pick:
    """One of an answer's choices ("which one?", "which figure?"): answer the question
    again with what the choice settles (an agency, a figure, or both)."""

    question: str
    language: Language
    agency_id: int | None
    key: str | None = None


@dataclass(frozen=True)
class Example:
    """A tappable example question."""

    question: str
    language: Language


@dataclass(frozen=True)
class ReportYear:
    """Another year of a report card."""

    agency_id: int
    year: int
    language: Language


@dataclass(frozen=True)
class ExportReport:
    """A report's figures as a file."""

    agency_id: int
    year: int
    format: ExportFormat


@dataclass(frozen=True)
class AgencyPage:
    """A page of /agencies, with the filter it was asked with."""

    needle: str
    page: int
    language: Language


@dataclass(frozen=True)
class UploadDecision:
    """[Index]/[Replace] or [Cancel] under an uploaded report's preview."""

    report: ParsedReport
    index: bool


@dataclass(frozen=True)
class DeleteDecision:
    """[Delete] or [Cancel] under a /delete confirmation."""

    agency_id: int
    year: int
    delete: bool


@dataclass(frozen=True)
class EndSubscription:
    """[End #n] (one subscription) or [End all] (``None``) under /unsubscribe."""

    subscription_id: int | None


class SubscribeAction(StrEnum):
    """The buttons of the /subscribe conversation."""

    DEADLINE = "deadline"  # tick or untick a deadline
    NEXT = "next"  # on to the agencies
    ALL = "all"  # track every indexed agency
    REGION = "region"  # track a region's agencies
    OFFSET = "offset"  # tick or untick a number of days before
    TIME = "time"  # the time of day
    SAVE = "save"


@dataclass(frozen=True)
class SubscribeStep:
    """A button of the /subscribe conversation, with what it names (a deadline, a region,
    a number of days, a time)."""

    action: SubscribeAction
    value: str = ""
