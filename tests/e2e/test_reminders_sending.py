"""Reminders through the service and the job that sends them, on SQLite and PostgreSQL: what a
chat has subscribed to, what is planned, what /deadlines says; and the job when Telegram or
the store fails: a reminder not sent is released and sent at the next tick, a store that
fails loses nothing.

The store holds five reports (as in the end-to-end reminder tests): for 2023, a street
office, a county government and a department have published; a department and a city
government have not.
"""

import logging
from datetime import datetime, time

import pytest
import time_machine
from conftest import REPORTS, SHANGHAI, bot_config, running_app
from fake_telegram import FakeTelegram
from sqlmodel import select
from telegram.ext import CallbackContext

from bot.errors import StoreError
from bot.records import IngestStatus
from bot.reminders.plan import Subscription
from bot.service.core import DisclosureService
from bot.texts import Language
from handlers import reminders
from handlers.app import BotApp, build_application
from store import subscriptions as repo
from store.models import ReminderSent

pytestmark = pytest.mark.backends

INDEXED = (
    "000_hantunlu_2023.txt",  # township, 2023: published
    "001_hongzequ_2023.txt",  # county government, 2023: published
    "020_shuyang_fgj_2023.html",  # department, 2023: published
    "015_pingtan_scjgj_2019.txt",  # department, nothing for 2023: missing
    "003_huaianshi_2024.txt",  # city government, nothing for 2023: missing
)
DEPARTMENTS = "部门年报发布 · departments publish"
GOVERNMENTS = "政府年报发布 · governments publish"
DUE = datetime(2024, 1, 17, 9, 0, tzinfo=SHANGHAI)  # 14 days before 31 January
CHAT = 4242


def at(month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(2024, month, day, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture
def library(service: DisclosureService) -> DisclosureService:
    for name in INDEXED:
        result = service.ingest_bytes(name, (REPORTS / name).read_bytes(), now=at(1, 1))
        assert result.status is IngestStatus.INDEXED, result
    return service


def plan(chat_id: int = CHAT, **changes: object) -> Subscription:
    fields: dict[str, object] = {
        "id": 0,
        "chat_id": chat_id,
        "deadlines": (),
        "offsets": (14, 7),
        "at": time(9, 0),
        "language": "en",
    }
    return Subscription(**(fields | changes))  # type: ignore[arg-type]


def test_a_chats_subscriptions_plans_and_their_end(library: DisclosureService) -> None:
    first = library.subscribe(plan(), now=at(1, 1))
    second = library.subscribe(plan(deadlines=(GOVERNMENTS,), offsets=(3,)), now=at(1, 1))
    other = library.subscribe(plan(chat_id=-100500), now=at(1, 1))
    assert [s.id for s in library.subscriptions(CHAT)] == [first, second]
    assert [s.id for s in library.subscriptions()] == [first, second, other]
    assert library.subscriptions(CHAT)[0].offsets == (14, 7)  # most days before first

    planned = library.planned_reminders(at(1, 17, 8), chat_id=CHAT)
    assert [(r.subscription.id, r.deadline.name, r.offset) for r in planned[:4]] == [
        (first, DEPARTMENTS, 14),  # 17 January 09:00
        (first, DEPARTMENTS, 7),  # 24 January
        (first, GOVERNMENTS, 14),  # 17 March
        (first, GOVERNMENTS, 7),  # 24 March
    ]
    assert (second, GOVERNMENTS, 3) in [
        (r.subscription.id, r.deadline.name, r.offset) for r in planned
    ]
    assert len(library.planned_reminders(at(1, 17, 8))) > len(planned)  # every chat's

    assert library.end_subscription(CHAT, second) == 1
    assert [s.id for s in library.subscriptions(CHAT)] == [first]
    assert library.end_subscription(CHAT) == 1
    assert library.subscriptions(CHAT) == []
    assert [s.id for s in library.subscriptions()] == [other]


def test_deadlines_count_the_published_among_a_chats_tracked_agencies(
    library: DisclosureService,
) -> None:
    # no subscription: every indexed agency. The 31 January date binds the departments and
    # the street office (2 of 3 published for 2023), the 31 March one the county and the
    # city governments (the county published)
    text = library.deadlines_text(CHAT, Language.EN, now=at(1, 17)).splitlines()
    assert text[0].startswith(f"⏰ {DEPARTMENTS}: 2024-01-31 (14 days left)")
    assert text[0].endswith(" published: 2/3")  # the departments and the street office
    assert text[1].startswith(f"⏰ {GOVERNMENTS}: 2024-03-31 (74 days left)")
    assert text[1].endswith(" published: 1/2")  # the county, not the city
    zh = library.deadlines_text(CHAT, Language.ZH, now=at(1, 17)).splitlines()
    assert zh[0].endswith(" 已发布: 2/3")
    # a chat that tracks a region counts only its agencies
    library.subscribe(plan(region="西工区"), now=at(1, 1))
    tracked = library.deadlines_text(CHAT, Language.EN, now=at(1, 17)).splitlines()
    assert tracked[0].endswith(" published: 1/1") and tracked[1].endswith(" published: 0/0")


def test_a_reminder_is_claimed_once_released_and_claimed_again(
    library: DisclosureService,
) -> None:
    library.subscribe(plan(), now=at(1, 1))
    (due,) = library.due_reminders(DUE)
    assert due.chat_id == CHAT and not due.late
    assert library.claim_reminder(due.key, now=DUE, late=False)
    assert not library.claim_reminder(due.key, now=DUE, late=False)
    assert library.due_reminders(DUE) == []  # claimed: no longer due
    library.release_reminder(due.key)
    assert [d.key for d in library.due_reminders(DUE)] == [due.key]


def test_a_chat_that_blocked_the_bot_pauses_and_a_moved_one_follows(
    library: DisclosureService,
) -> None:
    library.subscribe(plan(), now=at(1, 1))
    library.move_chat(CHAT, -1000)
    assert [s.chat_id for s in library.subscriptions()] == [-1000]
    library.pause_chat(-1000)
    assert library.subscriptions() == [] and library.due_reminders(DUE) == []
    assert len(repo.subscriptions(library.db, active=False)) == 1


# -- the job ------------------------------------------------------------------------------


def reminders_sent(fake: FakeTelegram) -> list[str]:
    return [
        c.params["text"]
        for c in fake.calls_to("sendMessage")
        if c.status == 200 and "⏰" in c.params["text"]
    ]


async def tick(app: BotApp) -> None:
    await reminders.tick(CallbackContext(app))  # type: ignore[arg-type]


async def test_a_reminder_telegram_refused_is_sent_at_the_next_tick(
    fake_tg: FakeTelegram,
    library: DisclosureService,
    db_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    library.subscribe(plan(), now=at(1, 1))
    app = build_application(bot_config(fake_tg, db_url), service=library)
    with time_machine.travel(DUE, tick=False):
        async with app:
            fake_tg.fail_next("sendMessage", status=400, description="Bad Request: oops")
            with caplog.at_level(logging.WARNING):
                await tick(app)
            (key,) = {d.key for d in library.due_reminders(DUE)}
            assert f"reminder {key} not sent (BadRequest): will retry" in caplog.messages
            assert reminders_sent(fake_tg) == []
            assert repo.sent_keys(library.db) == set()  # released: due again
            await tick(app)
            (sent,) = reminders_sent(fake_tg)
            assert sent.startswith(f"⏰ {DEPARTMENTS}: 2024-01-31 (14 days left)")
            await tick(app)
    assert len(reminders_sent(fake_tg)) == 1


async def test_a_claim_the_store_could_not_release_is_released_at_the_next_tick(
    fake_tg: FakeTelegram,
    library: DisclosureService,
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    library.subscribe(plan(), now=at(1, 1))
    app = build_application(bot_config(fake_tg, db_url), service=library)
    release = library.release_reminder

    def store_down(key: object) -> None:
        raise StoreError("the database is locked")

    with time_machine.travel(DUE, tick=False):
        async with app:
            monkeypatch.setattr(library, "release_reminder", store_down)
            fake_tg.fail_next("sendMessage", status=400, description="Bad Request: oops")
            await tick(app)  # not sent, and the claim stays: kept in memory to release
            assert len(repo.sent_keys(library.db)) == 1
            assert app.bot_data[reminders.RELEASE_KEY]
            monkeypatch.setattr(library, "release_reminder", release)
            await tick(app)  # released first, then due again, and sent
            assert not app.bot_data[reminders.RELEASE_KEY]
            (sent,) = reminders_sent(fake_tg)
            assert "14 days left" in sent


async def test_a_store_that_fails_during_the_tick_loses_nothing(
    fake_tg: FakeTelegram,
    library: DisclosureService,
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    library.subscribe(plan(), now=at(1, 1))
    app = build_application(bot_config(fake_tg, db_url), service=library)
    due_reminders, claim = library.due_reminders, library.claim_reminder

    def store_down(*args: object, **kwargs: object) -> object:
        raise StoreError("the database is locked")

    with time_machine.travel(DUE, tick=False), caplog.at_level(logging.ERROR):
        async with app:
            monkeypatch.setattr(library, "due_reminders", store_down)
            await tick(app)  # nothing read: nothing sent, nothing claimed
            assert (
                "reminders wait for the store (the database is locked): trying again next minute"
                in caplog.messages
            )
            monkeypatch.setattr(library, "due_reminders", due_reminders)
            monkeypatch.setattr(library, "claim_reminder", store_down)
            await tick(app)  # read, but not claimed: not sent
            (key,) = {d.key for d in library.due_reminders(DUE)}
            assert f"reminder {key} waits for the store (the database is locked)" in (
                caplog.messages
            )
            assert reminders_sent(fake_tg) == [] and repo.sent_keys(library.db) == set()
            monkeypatch.setattr(library, "claim_reminder", claim)
            await tick(app)
    assert len(reminders_sent(fake_tg)) == 1


async def say(fake: FakeTelegram, text: str, chat_id: int = CHAT) -> str:
    fake.mark()
    fake.send_text(text, chat_id=chat_id, user_id=CHAT)
    (reply,) = await fake.await_for("sendMessage", chat_id=chat_id)
    answer = reply.params["text"]
    assert isinstance(answer, str)
    return answer


async def test_deadlines_command_answers_for_the_chat_in_its_language(
    fake_tg: FakeTelegram, library: DisclosureService, db_url: str
) -> None:
    # another chat tracks Huai'an only: this chat, with no subscription, counts every agency
    library.subscribe(plan(chat_id=-100500, region="淮安市"), now=at(1, 1))
    with time_machine.travel(at(1, 17), tick=True):
        async with running_app(bot_config(fake_tg, db_url), library):
            lines = (await say(fake_tg, "/deadlines")).splitlines()
            await say(fake_tg, "/lang zh")
            chinese = (await say(fake_tg, "/deadlines")).splitlines()
            # a supergroup's first message names the group it was: nothing moves
            fake_tg.send_raw_update(
                {
                    "message": {
                        "message_id": 91,
                        "date": 1,
                        "chat": {"id": -100500, "type": "supergroup"},
                        "migrate_from_chat_id": -500,
                    }
                }
            )
            tracked = (await say(fake_tg, "/deadlines", chat_id=-100500)).splitlines()
    assert lines[0].startswith(f"⏰ {DEPARTMENTS}: 2024-01-31 (14 days left)")
    assert lines[0].endswith(" published: 2/3") and lines[1].endswith(" published: 1/2")
    assert chinese[0].startswith(f"⏰ {DEPARTMENTS}：2024-01-31（还剩14天）")
    assert chinese[0].endswith(" 已发布: 2/3")
    assert [s.chat_id for s in library.subscriptions()] == [-100500]
    # the group tracks 淮安市: no department there; the city and Hongze (which published)
    assert tracked[0].endswith(" 已发布: 0/0") and tracked[1].endswith(" 已发布: 1/2")


def test_releasing_a_claim_releases_that_one_only(library: DisclosureService) -> None:
    first = library.subscribe(plan(), now=at(1, 1))
    second = library.subscribe(plan(), now=at(1, 1))
    key = (first, DEPARTMENTS, 2024, 14)
    neighbours = {
        (second, DEPARTMENTS, 2024, 14),  # another subscription
        (first, GOVERNMENTS, 2024, 14),  # another deadline
        (first, DEPARTMENTS, 2025, 14),  # another year
        (first, DEPARTMENTS, 2024, 7),  # another offset
    }
    for claimed in (key, *neighbours):
        assert library.claim_reminder(claimed, now=DUE, late=False)
    library.release_reminder(key)
    assert repo.sent_keys(library.db) == neighbours


def test_ending_one_subscription_forgets_its_claims_only(library: DisclosureService) -> None:
    first = library.subscribe(plan(), now=at(1, 1))
    second = library.subscribe(plan(), now=at(1, 1))
    other_chat = library.subscribe(plan(chat_id=-100500), now=at(1, 1))
    for sub in (first, second, other_chat):
        assert library.claim_reminder((sub, DEPARTMENTS, 2024, 14), now=DUE, late=False)
    assert library.end_subscription(CHAT, first) == 1
    assert {k[0] for k in repo.sent_keys(library.db)} == {second, other_chat}
    assert library.end_subscription(CHAT) == 1  # the chat's others, with their claims
    assert {k[0] for k in repo.sent_keys(library.db)} == {other_chat}
    assert library.end_subscription(CHAT) == 0


def claims(service: DisclosureService) -> list[tuple[int, bool]]:
    """(subscription, late) of every claim in the store."""
    with service.db.session() as session:
        rows = session.exec(select(ReminderSent.subscription_id, ReminderSent.late)).all()
        return sorted((int(s), bool(late)) for s, late in rows)


async def test_a_late_reminder_is_claimed_as_late_and_says_so(
    fake_tg: FakeTelegram, library: DisclosureService, db_url: str
) -> None:
    on_time = library.subscribe(plan(), now=at(1, 1))
    late = library.subscribe(plan(chat_id=-100500, at=time(7, 0)), now=at(1, 1))
    app = build_application(bot_config(fake_tg, db_url), service=library)
    with time_machine.travel(DUE, tick=False):  # 09:00: the 07:00 one is two hours late
        async with app:
            await tick(app)
    assert claims(library) == [(on_time, False), (late, True)]
    texts = {c.params["chat_id"]: c.params["text"] for c in fake_tg.calls_to("sendMessage")}
    assert "sent late" in texts[-100500] and "sent late" not in texts[CHAT]


async def test_a_reminder_to_a_group_that_became_a_supergroup_follows_it(
    fake_tg: FakeTelegram, library: DisclosureService, db_url: str
) -> None:
    library.subscribe(plan(chat_id=-500), now=at(1, 1))
    fake_tg.send_raw_update(  # Telegram now answers a message to -500 with ChatMigrated
        {
            "message": {
                "message_id": 90,
                "date": 1,
                "chat": {"id": -500, "type": "group"},
                "migrate_to_chat_id": -1000500,
            }
        }
    )
    app = build_application(bot_config(fake_tg, db_url), service=library)
    with time_machine.travel(DUE, tick=False):
        async with app:
            await tick(app)
    delivered = [c for c in fake_tg.calls_to("sendMessage") if c.status == 200]
    assert [c.params["chat_id"] for c in delivered] == [-1000500]
    assert "14 days left" in delivered[0].params["text"]
    assert [s.chat_id for s in library.subscriptions()] == [-1000500]


async def test_a_chat_that_blocked_the_bot_pauses_and_it_is_logged(
    fake_tg: FakeTelegram,
    library: DisclosureService,
    db_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    library.subscribe(plan(), now=at(1, 1))
    app = build_application(bot_config(fake_tg, db_url), service=library)
    with time_machine.travel(DUE, tick=False), caplog.at_level(logging.WARNING):
        async with app:
            fake_tg.fail_next("sendMessage", status=403, description="Forbidden: bot was blocked")
            await tick(app)
    assert library.subscriptions() == []
    assert f"chat {CHAT} blocked the bot: its subscriptions pause" in caplog.messages
    assert len(repo.sent_keys(library.db)) == 1  # kept: not retried for a blocked chat


def test_a_subscription_comes_back_from_the_store_as_it_was_saved(
    library: DisclosureService,
) -> None:
    saved = plan(
        deadlines=(GOVERNMENTS, DEPARTMENTS),
        offsets=(1, 30, 7),
        at=time(7, 45),
        region="淮安市",
        agency_ids=(5, 2),
        language="zh",
    )
    sub_id = library.subscribe(saved, now=at(1, 1))
    (read,) = library.subscriptions(CHAT)
    assert read == Subscription(
        id=sub_id,
        chat_id=CHAT,
        deadlines=(GOVERNMENTS, DEPARTMENTS),
        offsets=(30, 7, 1),  # most days before first
        at=time(7, 45),
        region="淮安市",
        agency_ids=(5, 2),
        language=Language.ZH,
    )
