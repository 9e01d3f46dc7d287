"""What is due when: pure functions of subscriptions, deadlines and ``now``."""

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.agencies import AgencyRecord, NameIndex
from bot.config import STATUTORY_DEADLINES, Deadline, RemindersConfig
from bot.reminders.message import reminder_text
from bot.reminders.outbox import Indexed, due_now
from bot.reminders.plan import Subscription, deadline_date, due, next_deadlines, upcoming
from bot.reminders.tracking import concerned, progress
from bot.texts import Language

SHANGHAI = ZoneInfo("Asia/Shanghai")
DEPARTMENTS, GOVERNMENTS = STATUTORY_DEADLINES
SUB = Subscription(1, 4242, (), (30, 14, 7, 3, 1, 0), time(9, 0), language=Language.EN)


def at(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


def keys(items: list) -> list[tuple[str, int, int]]:  # type: ignore[type-arg]
    return [
        (d.reminder.deadline.name, d.reminder.deadline_date.year, d.reminder.offset) for d in items
    ]


def test_due_at_the_reminder_time_not_before() -> None:
    deadlines = [DEPARTMENTS]
    assert due([SUB], deadlines, at(2027, 1, 17, 8, 59), set(), SHANGHAI) == []
    found = due([SUB], deadlines, at(2027, 1, 17, 9, 0), set(), SHANGHAI)
    assert keys(found) == [(DEPARTMENTS.name, 2027, 14)]
    assert not found[0].late
    assert found[0].reminder.report_year == 2026


def test_sent_reminders_are_not_due_again() -> None:
    sent = {(1, DEPARTMENTS.name, 2027, 14)}
    assert due([SUB], [DEPARTMENTS], at(2027, 1, 17, 9, 5), sent, SHANGHAI) == []


def test_at_most_a_day_late_and_marked_late() -> None:
    late = due([SUB], [DEPARTMENTS], at(2027, 1, 18, 8, 0), set(), SHANGHAI)
    assert keys(late) == [(DEPARTMENTS.name, 2027, 14)] and late[0].late
    assert due([SUB], [DEPARTMENTS], at(2027, 1, 18, 9, 1), set(), SHANGHAI) == []


def test_time_zones_are_respected() -> None:
    # 09:00 in Shanghai is 01:00 UTC: the same instant, given in UTC, is due.
    utc = datetime(2027, 1, 17, 1, 0, tzinfo=ZoneInfo("UTC"))
    assert keys(due([SUB], [DEPARTMENTS], utc, set(), SHANGHAI)) == [(DEPARTMENTS.name, 2027, 14)]
    new_york = ZoneInfo("America/New_York")
    assert due([SUB], [DEPARTMENTS], utc, set(), new_york) == []  # 20:00 the day before there


def test_year_end_reminders_of_a_january_deadline() -> None:
    # 31 January 2027 minus 30 days is 1 January 2027; minus 30 from 2028's is 1 January 2028.
    found = due([SUB], [DEPARTMENTS], at(2027, 1, 1), set(), SHANGHAI)
    assert keys(found) == [(DEPARTMENTS.name, 2027, 30)]
    december = Deadline("local", 1, 10, "all")
    planned = upcoming([SUB], [december], at(2026, 12, 1), SHANGHAI, limit=2)
    assert [(r.due_at.date(), r.offset) for r in planned] == [
        (date(2026, 12, 11), 30),
        (date(2026, 12, 27), 14),
    ]


@pytest.mark.parametrize(
    ("year", "expected"), [(2024, date(2024, 2, 29)), (2027, date(2027, 2, 28))]
)
def test_leap_day_deadline(year: int, expected: date) -> None:
    assert deadline_date(Deadline("leap", 2, 29), year) == expected


def test_leap_year_offsets_count_real_days() -> None:
    found = due([SUB], [GOVERNMENTS], at(2028, 3, 1), set(), SHANGHAI)
    assert keys(found) == [(GOVERNMENTS.name, 2028, 30)]  # 2028-03-31 - 30 days = 03-01
    found = due([SUB], [GOVERNMENTS], at(2027, 3, 1), set(), SHANGHAI)
    assert keys(found) == [(GOVERNMENTS.name, 2027, 30)]


def test_subscription_follows_only_its_deadlines() -> None:
    only = Subscription(2, 1, (GOVERNMENTS.name,), (0,), time(9, 0))
    assert due([only], list(STATUTORY_DEADLINES), at(2027, 1, 31), set(), SHANGHAI) == []
    assert keys(due([only], list(STATUTORY_DEADLINES), at(2027, 3, 31), set(), SHANGHAI)) == [
        (GOVERNMENTS.name, 2027, 0)
    ]


def test_next_deadlines_from_today() -> None:
    found = next_deadlines(list(STATUTORY_DEADLINES), date(2027, 2, 1))
    assert [(d.name, when) for d, when in found][:2] == [
        (GOVERNMENTS.name, date(2027, 3, 31)),
        (DEPARTMENTS.name, date(2028, 1, 31)),
    ]


def entry(id_: int, name: str, level: str, parent: str = "西工区") -> AgencyRecord:
    return AgencyRecord(id_, name, parent, level=level)


def test_who_a_deadline_concerns_and_who_is_missing() -> None:
    agencies = [
        entry(1, "甲局", "department"),
        entry(2, "乙局", "department"),
        entry(3, "丙镇人民政府", "township"),
    ]
    # street offices and towns follow the departments' 31 January unless configured otherwise
    assert [a.id for a in agencies if concerned(DEPARTMENTS, a)] == [1, 2, 3]
    assert [a.id for a in agencies if concerned(GOVERNMENTS, a)] == []
    assert [a.id for a in agencies if concerned(DEPARTMENTS, a, "governments")] == [1, 2]
    assert [a.id for a in agencies if concerned(GOVERNMENTS, a, "governments")] == [3]
    local = Deadline("区政务公开办", 1, 26, "all", region="东城区")
    assert not concerned(local, agencies[0])
    done = progress(DEPARTMENTS, agencies, 2026, {1: [2026], 2: [2025]})
    assert [a.name for a in done.reported] == ["甲局"]
    assert [a.name for a in done.missing] == ["乙局", "丙镇人民政府"]


def test_reminder_text_names_the_missing_and_the_late() -> None:
    agencies = [entry(1, "甲局", "department"), entry(2, "乙局", "department")]
    done = progress(DEPARTMENTS, agencies, 2026, {1: [2026]})
    (before,) = due([SUB], [DEPARTMENTS], at(2027, 1, 24), set(), SHANGHAI)
    text = reminder_text(before.reminder, done, date(2027, 1, 24), Language.EN, late=False)
    assert "2027-01-31 (7 days left)" in text and "1 of 2" in text and "Not yet: 乙局" in text
    after = reminder_text(before.reminder, done, date(2027, 2, 2), Language.ZH, late=True)
    assert "已过" in after and "已逾期：乙局" in after and "补发" in after
    assert timedelta(days=7) == date(2027, 1, 31) - date(2027, 1, 24)


def _indexed(agencies: list[AgencyRecord], years: dict[int, list[int]]) -> Indexed:
    index = NameIndex(
        AgencyRecord(a.id, a.name, a.parent, a.city, a.province, a.level) for a in agencies
    )
    return Indexed(index, years)


def test_a_reminder_names_exactly_who_has_not_published_and_none_goes_out_when_all_have() -> None:
    agencies = [
        entry(1, "甲局", "department"),
        entry(2, "乙局", "department"),
        entry(3, "丙镇人民政府", "township"),
        entry(4, "西工区人民政府", "county", parent="洛阳市"),
    ]
    settings = RemindersConfig(timezone=SHANGHAI)
    now = at(2027, 1, 24)  # 7 days before 31 January, 09:00
    subscription = replace(SUB, deadlines=(DEPARTMENTS.name,))
    one_missing = _indexed(agencies, {1: [2026], 3: [2026], 4: [2025]})
    (sent,) = due_now([subscription], set(), one_missing, settings, now)
    assert "Not yet: 乙局" in sent.text and "2 of 3" in sent.text  # the county is not bound
    assert "西工区" not in sent.text
    all_done = _indexed(agencies, {1: [2026], 2: [2026], 3: [2026]})
    assert due_now([subscription], set(), all_done, settings, now) == []


def test_no_reminder_for_a_deadline_that_binds_none_of_the_tracked_agencies() -> None:
    departments = [entry(1, "甲局", "department"), entry(2, "乙局", "department")]
    subscription = replace(SUB, deadlines=(GOVERNMENTS.name,))
    settings = RemindersConfig(timezone=SHANGHAI)
    nobody = _indexed(departments, {})
    assert due_now([subscription], set(), nobody, settings, at(2027, 3, 24)) == []
    # towns follow the governments' date where the config says so
    towns = [entry(3, "丙镇人民政府", "township")]
    by_governments = replace(settings, townships="governments")
    (sent,) = due_now([subscription], set(), _indexed(towns, {}), by_governments, at(2027, 3, 24))
    assert "丙镇人民政府" in sent.text
