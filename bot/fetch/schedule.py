"""When watched pages are checked: daily in the reporting season, weekly otherwise.

Annual reports are due by 31 January and trickle in until spring, so from ``busy_from`` to
``busy_until`` (1 January to 30 April by default) the pages are checked every day at
``check_at``; the rest of the year once a week, on ``quiet_weekday``. Pure functions of the
time given (an aware datetime, in the zone the checks are to follow).
"""

from datetime import date, datetime, timedelta

from bot.config import WatchConfig

_LOOKAHEAD_DAYS = 8  # a weekly check falls within a week, and today's slot may have passed


def season(settings: WatchConfig) -> tuple[tuple[int, int], tuple[int, int]]:
    """The first and last day of the season of daily checks, as (month, day)."""
    start, end = (d.split("-") for d in (settings.busy_from, settings.busy_until))
    return (int(start[0]), int(start[1])), (int(end[0]), int(end[1]))


def in_busy_season(day: date, settings: WatchConfig) -> bool:
    """Whether ``day`` is in the season of daily checks (which may run over New Year)."""
    (start, end), today = season(settings), (day.month, day.day)
    if start <= end:
        return start <= today <= end
    return today >= start or today <= end


def is_check_day(day: date, settings: WatchConfig) -> bool:
    """Every day of the busy season; the weekly check day outside it."""
    return in_busy_season(day, settings) or day.weekday() == settings.quiet_weekday


def next_check(now: datetime, settings: WatchConfig) -> datetime:
    """The first check time strictly after ``now``, in ``now``'s time zone."""
    if now.tzinfo is None:
        raise ValueError("next_check needs an aware datetime")
    for offset in range(_LOOKAHEAD_DAYS):
        day = now.date() + timedelta(days=offset)
        slot = datetime.combine(day, settings.check_at, tzinfo=now.tzinfo)
        if slot > now and is_check_day(day, settings):
            return slot
    raise AssertionError("a week always holds a check day")  # pragma: no cover


def is_due(last_check: datetime | None, now: datetime, settings: WatchConfig) -> bool:
    """Whether a page last checked at ``last_check`` (or never) is to be checked at ``now``:
    a check time has come since. A bot that was down checks once on its return, not once
    for every check it missed."""
    return last_check is None or next_check(last_check.astimezone(now.tzinfo), settings) <= now
