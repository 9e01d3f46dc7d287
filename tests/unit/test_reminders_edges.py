"""Reminder planning at its edges: the day of grace and the ten minutes before a reminder is
"late", to the minute; deadlines whose reminders fall in another calendar year; the limits
of the upcoming list and of the next deadlines. Pure functions, hand-picked instants."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.agencies import AgencyRecord, NameIndex
from bot.config import STATUTORY_DEADLINES, Deadline, RemindersConfig
from bot.config.sections import Townships
from bot.reminders.outbox import Indexed, Outgoing, deadlines_text, due_now
from bot.reminders.plan import (
    Subscription,
    due,
    next_deadlines,
    reminders,
    upcoming,
)
from bot.reminders.tracking import concerned, tracked
from bot.texts import Language

SHANGHAI = ZoneInfo("Asia/Shanghai")
DEPARTMENTS, GOVERNMENTS = STATUTORY_DEADLINES
SUB = Subscription(1, 4242, (), (14,), time(9, 0))
DUE = datetime(2027, 1, 17, 9, 0, tzinfo=SHANGHAI)  # 14 days before 31 January 2027


def late_flags(now: datetime, deadlines: list[Deadline] | None = None) -> list[bool]:
    found = due([SUB], deadlines or [DEPARTMENTS], now, set(), SHANGHAI)
    return [d.late for d in found]


def test_the_grace_is_one_day_to_the_minute() -> None:
    assert late_flags(DUE + timedelta(days=1)) == [True]  # a day late: still sent, as late
    assert late_flags(DUE + timedelta(days=1) + timedelta(minutes=1)) == []  # past it: dropped


def test_late_means_more_than_ten_minutes_after_the_time() -> None:
    assert late_flags(DUE) == [False]
    assert late_flags(DUE + timedelta(minutes=10)) == [
        False
    ]  # within the first ten minutes: on time
    assert late_flags(DUE + timedelta(minutes=10) + timedelta(seconds=1)) == [True]
    assert late_flags(DUE - timedelta(seconds=1)) == []  # a second early: not yet


def test_a_january_deadline_reminds_in_december_of_the_year_before() -> None:
    early = Deadline("early", 1, 5)
    sub = Subscription(2, 4242, (), (10,), time(9, 0))
    december = datetime(2026, 12, 26, 9, 0, tzinfo=SHANGHAI)  # 5 January 2027 less 10 days
    (found,) = due([sub], [early], december, set(), SHANGHAI)
    assert found.reminder.deadline_date == date(2027, 1, 5)
    assert found.reminder.report_year == 2026


def test_a_new_years_eve_deadline_is_sent_late_on_new_years_day() -> None:
    eve = Deadline("eve", 12, 31)
    sub = Subscription(3, 4242, (), (0,), time(23, 30))
    new_year = datetime(2027, 1, 1, 0, 10, tzinfo=SHANGHAI)
    (found,) = due([sub], [eve], new_year, set(), SHANGHAI)
    assert found.reminder.deadline_date == date(2026, 12, 31) and found.late


def test_reminders_are_in_time_order_then_subscription_then_deadline() -> None:
    both = Subscription(5, 1, (), (0,), time(9, 0))
    first = Subscription(4, 1, (), (0,), time(9, 0))
    same_day = Deadline("a second deadline", 1, 31)
    listed = [
        *reminders(both, [DEPARTMENTS, same_day], [2027], SHANGHAI),
        *reminders(first, [same_day], [2027], SHANGHAI),
    ]
    ordered = sorted(listed, key=lambda r: (r.due_at, r.subscription.id, r.deadline.name))
    assert reminders(both, [same_day, DEPARTMENTS], [2027], SHANGHAI) == [
        r for r in ordered if r.subscription.id == 5
    ]
    names = [r.deadline.name for r in reminders(both, [same_day, DEPARTMENTS], [2027], SHANGHAI)]
    assert names == sorted([DEPARTMENTS.name, same_day.name])


def test_upcoming_is_strictly_after_now_soonest_first_and_at_most_fifty() -> None:
    sub = Subscription(6, 1, (), (30, 14, 7, 3, 1, 0), time(9, 0))
    now = datetime(2027, 1, 17, 9, 0, tzinfo=SHANGHAI)  # the 14-day reminder falls due now
    coming = upcoming([sub], [DEPARTMENTS, GOVERNMENTS], now, SHANGHAI)
    assert coming[0].due_at == datetime(2027, 1, 24, 9, 0, tzinfo=SHANGHAI)  # 7 days before
    assert all(r.due_at > now for r in coming)
    assert [r.due_at for r in coming] == sorted(r.due_at for r in coming)
    # this year's and next year's: 2 deadlines x 6 offsets x 2 years, less those passed
    assert len(coming) == 2 * 6 * 2 - 2
    many = [Subscription(i, i, (), (30, 14, 7, 3, 1, 0), time(9, 0)) for i in range(10)]
    assert len(upcoming(many, [DEPARTMENTS], now, SHANGHAI)) == 50
    assert len(upcoming(many, [DEPARTMENTS], now, SHANGHAI, limit=7)) == 7


def test_next_deadlines_include_today_and_are_at_most_five() -> None:
    deadlines = [Deadline(f"d{n}", 3, n) for n in range(1, 9)]
    found = next_deadlines(deadlines, date(2027, 3, 2))
    assert [when for _, when in found] == [date(2027, 3, n) for n in range(2, 7)]
    assert next_deadlines(deadlines, date(2027, 3, 2), count=2)[-1][1] == date(2027, 3, 3)
    # after the last of the year: next year's, soonest first
    assert next_deadlines([DEPARTMENTS], date(2027, 2, 1)) == [(DEPARTMENTS, date(2028, 1, 31))]


# Just after midnight on New Year's Day in Shanghai it is still the old year in UTC (and on a
# machine set to UTC): the years to look at are Shanghai's.
NEW_YEAR = datetime(2027, 1, 1, 0, 30, tzinfo=SHANGHAI)  # 2026-12-31 16:30 UTC


def test_the_years_due_are_the_configured_zones_not_the_machines() -> None:
    far = Deadline("far", 1, 5)  # 5 January 2028 less 369 days is New Year's Day 2027
    sub = Subscription(7, 4242, (), (369,), time(0, 30))
    (found,) = due([sub], [far], NEW_YEAR, set(), SHANGHAI)
    assert found.reminder.deadline_date == date(2028, 1, 5)


def test_the_years_upcoming_are_the_configured_zones_not_the_machines() -> None:
    coming = upcoming([SUB], [DEPARTMENTS], NEW_YEAR, SHANGHAI)
    assert [r.deadline_date for r in coming] == [date(2027, 1, 31), date(2028, 1, 31)]


# -- which agencies a deadline concerns, and which a subscription tracks ------------------------

STREET = AgencyRecord(1, "汉屯路街道办事处", "西工区", "洛阳市", "河南省", "township")
BUREAU = AgencyRecord(2, "西工区市场监督管理局", None, "洛阳市", "河南省", "department")
COUNTY = AgencyRecord(3, "西工区人民政府", "洛阳市", "洛阳市", "河南省", "county")
ELSEWHERE = AgencyRecord(4, "淮安市人民政府", None, "淮安市", "江苏省", "city")
AGENCIES = [STREET, BUREAU, COUNTY, ELSEWHERE]


def concerned_ids(deadline: Deadline, townships: Townships = "departments") -> list[int]:
    return [a.id for a in AGENCIES if concerned(deadline, a, townships)]


def test_a_deadline_for_all_concerns_every_kind_of_agency() -> None:
    assert concerned_ids(Deadline("all", 1, 26, "all")) == [1, 2, 3, 4]
    assert concerned_ids(Deadline("departments", 1, 26, "departments")) == [1, 2]
    assert concerned_ids(Deadline("governments", 1, 26, "governments")) == [3, 4]
    assert concerned_ids(Deadline("governments", 1, 26, "governments"), "governments") == [1, 3, 4]


def test_a_regional_deadline_concerns_the_agencies_in_the_region_or_named_after_it() -> None:
    # the street office lies in 西工区 (its parent); the bureau and the county government
    # are named after it; Huai'an is elsewhere
    assert concerned_ids(Deadline("district", 1, 26, "all", region="西工区")) == [1, 2, 3]
    assert concerned_ids(Deadline("city", 1, 26, "all", region="洛阳市")) == [1, 2, 3]
    assert concerned_ids(Deadline("province", 1, 26, "all", region="江苏省")) == [4]
    assert concerned_ids(Deadline("nowhere", 1, 26, "all", region="东城区")) == []


def test_a_subscription_tracks_its_region_its_agencies_or_all() -> None:
    index = NameIndex(
        AgencyRecord(a.id, a.name, a.parent, a.city, a.province, a.level) for a in AGENCIES
    )
    assert [a.id for a in tracked(index, "西工区", ())] == [1, 3]  # and its own government
    assert [a.id for a in tracked(index, "洛阳市", ())] == [1, 2, 3]
    assert tracked(index, "东城区", ()) == []  # a region with no agency indexed: none, not all
    assert [a.id for a in tracked(index, "", (4, 2, 99))] == [2, 4]  # sorted, the known ones
    assert [a.id for a in tracked(index, "", ())] == [1, 2, 3, 4]


# -- what /deadlines says --------------------------------------------------------------------


def deadlines(
    subscriptions: list[Subscription],
    now: datetime,
    lang: Language = Language.EN,
    townships: Townships = "departments",
) -> list[str]:
    index = NameIndex(
        AgencyRecord(a.id, a.name, a.parent, a.city, a.province, a.level) for a in AGENCIES
    )
    indexed = Indexed(index, {1: [2026], 3: [2026]})  # the street office and the county
    settings = RemindersConfig(timezone=SHANGHAI, townships=townships)
    return deadlines_text(subscriptions, indexed, settings, now, lang).splitlines()


def test_deadlines_count_days_in_the_configured_zone() -> None:
    # 00:30 on 17 January in Shanghai is still 16 January in UTC: 14 days left, not 15
    lines = deadlines([], datetime(2027, 1, 17, 0, 30, tzinfo=SHANGHAI))
    assert lines[0] == (
        f"⏰ {DEPARTMENTS.name}: 2027-01-31 (14 days left) — reports for 2026. published: 1/2"
    )
    assert lines[1] == (
        f"⏰ {GOVERNMENTS.name}: 2027-03-31 (73 days left) — reports for 2026. published: 1/2"
    )


def test_deadlines_in_chinese_and_with_towns_under_the_governments_date() -> None:
    lines = deadlines([], DUE, Language.ZH, townships="governments")
    assert lines[0] == f"⏰ {DEPARTMENTS.name}：2027-01-31（还剩14天）——2026年度报告。 已发布: 0/1"
    assert lines[1] == f"⏰ {GOVERNMENTS.name}：2027-03-31（还剩73天）——2026年度报告。 已发布: 2/3"


def test_deadlines_count_the_agencies_a_chat_tracks() -> None:
    by_ids = Subscription(8, 4242, (), (14,), time(9, 0), agency_ids=(2,))
    by_region = Subscription(9, 4242, (), (14,), time(9, 0), region="淮安市")
    lines = deadlines([by_ids, by_region], DUE)
    assert lines[0].endswith(" published: 0/1")  # the bureau (not the street office)
    assert lines[1].endswith(" published: 0/1")  # Huai'an


# -- what a reminder says, and to whom ---------------------------------------------------------


def outgoing(sub: Subscription, now: datetime) -> list[Outgoing]:
    index = NameIndex(
        AgencyRecord(a.id, a.name, a.parent, a.city, a.province, a.level) for a in AGENCIES
    )
    indexed = Indexed(index, {1: [2026]})  # only the street office has published for 2026
    return due_now([sub], set(), indexed, RemindersConfig(timezone=SHANGHAI), now)


def test_a_reminder_counts_days_in_the_configured_zone_and_says_if_it_is_late() -> None:
    midnight = Subscription(
        10, 4242, (DEPARTMENTS.name,), (14,), time(0, 30), language=Language.EN
    )
    (on_time,) = outgoing(midnight, datetime(2027, 1, 17, 0, 30, tzinfo=SHANGHAI))
    assert on_time.late is False and on_time.chat_id == 4242
    assert on_time.key == (10, DEPARTMENTS.name, 2027, 14)
    assert on_time.text.startswith(f"⏰ {DEPARTMENTS.name}: 2027-01-31 (14 days left)")
    (late,) = outgoing(midnight, datetime(2027, 1, 17, 1, 0, tzinfo=SHANGHAI))
    assert late.late is True and "(sent late" in late.text


def test_a_reminder_names_only_the_missing_agencies_of_its_region() -> None:
    district = Subscription(
        11, 4242, (DEPARTMENTS.name,), (14,), time(9, 0), region="洛阳市", language=Language.EN
    )
    (sent,) = outgoing(district, DUE)
    assert sent.text.splitlines()[1:] == [
        "1 of 2 tracked agencies have a report for 2026 indexed.",
        "Not yet: 西工区市场监督管理局",
    ]
    elsewhere = Subscription(12, 4242, (DEPARTMENTS.name,), (14,), time(9, 0), region="淮安市")
    assert outgoing(elsewhere, DUE) == []  # the 31 January date binds no agency there


def test_an_agency_of_unknown_level_is_bound_only_by_a_deadline_for_all() -> None:
    unknown = AgencyRecord(5, "某某委员会", "西工区", "洛阳市", "河南省", None)
    assert concerned(Deadline("all", 1, 26, "all"), unknown)
    assert not concerned(Deadline("departments", 1, 26, "departments"), unknown)
    assert not concerned(Deadline("governments", 1, 26, "governments"), unknown)
