"""Faults the fake Bot API injects: flood control (429 with retry_after), a server error
(500), a slow answer and a time-out (never answered twice), a user who blocked the bot (403).
The user still gets the answer (after the retry) and the bot answers the next question; a
blocked chat does not stop the bot serving others."""

import asyncio
import logging
import time
from typing import Any

import pytest
from fake_telegram import Call
from telegram.error import Forbidden
from telegram.ext import _aioratelimiter
from telegram_helpers import (
    ADMIN,
    HUAIAN,
    USER,
    RecordingTelegram,
    StartBot,
    gold_figure,
    say,
    text_of,
)

from handlers.app import BotApp

pytest_plugins = ("telegram_helpers",)

ANSWER = (
    f"New applications received: {gold_figure(HUAIAN, 'applications.new.total'):,} applications"
)
OTHER = 5151  # another user, in another private chat


async def attempts(tg: RecordingTelegram, text: str, count: int, timeout: float = 5) -> list[Call]:
    """Ask ``text``; return the first ``count`` sendMessage attempts to the user's chat."""
    tg.mark()
    tg.send_text(text, user_id=USER, chat_id=USER)
    return await tg.await_for("sendMessage", chat_id=USER, count=count, timeout=timeout)


async def still_answers(tg: RecordingTelegram, user: int = USER) -> None:
    assert ANSWER in text_of(await say(tg, "huaian 2024", user_id=user))


class RecordingAsyncio:
    """``asyncio`` as the rate limiter sees it, its sleeps recorded with the calls made
    to the fake by then (and slept for real)."""

    def __init__(self, tg: RecordingTelegram) -> None:
        self.tg = tg
        self.slept: list[tuple[float, int]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(asyncio, name)

    async def sleep(self, seconds: float) -> None:
        self.slept.append((seconds, len(self.tg.calls_to("sendMessage"))))
        await asyncio.sleep(seconds)


async def test_flood_control_429_is_retried_after_retry_after(
    bot: BotApp, tg: RecordingTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    limiter_asyncio = RecordingAsyncio(tg)
    monkeypatch.setattr(_aioratelimiter, "asyncio", limiter_asyncio)
    tg.fail_next("sendMessage", status=429, retry_after=3)
    refused, sent = await attempts(tg, "huaian 2024", 2)
    assert refused.faulted and refused.status == 429
    assert sent.status == 200 and ANSWER in text_of(sent)
    # after the refused call and before the retry, the limiter waited retry_after (+ 0.1)
    assert limiter_asyncio.slept == [(3.1, 1)]
    assert len(tg.messages(USER)) == 1
    await still_answers(tg)


async def test_a_server_error_is_retried_once(bot: BotApp, tg: RecordingTelegram) -> None:
    tg.fail_next("sendMessage", status=500)
    failed, sent = await attempts(tg, "huaian 2024", 2)
    assert failed.faulted and failed.status == 500
    assert sent.status == 200 and ANSWER in text_of(sent)
    assert len(tg.messages(USER)) == 1
    await still_answers(tg)


async def test_a_bad_gateway_twice_is_retried(bot: BotApp, tg: RecordingTelegram) -> None:
    tg.fail_next("sendMessage", status=502, times=2)
    *failed, sent = await attempts(tg, "huaian 2024", 3)
    assert [c.status for c in failed] == [502, 502]
    assert sent.status == 200 and ANSWER in text_of(sent)
    await still_answers(tg)


async def test_a_slow_answer_within_the_timeout_is_not_sent_twice(
    bot: BotApp, tg: RecordingTelegram
) -> None:
    release = tg.hold_next("sendMessage")  # the bot waits telegram.timeout (10 s) for it
    tg.mark()
    tg.send_text("huaian 2024", user_id=USER, chat_id=USER)
    while not tg.calls_to("sendMessage"):  # the answer is on its way, and held
        await asyncio.sleep(0.01)
    release.set()
    (sent,) = await tg.await_for("sendMessage", chat_id=USER, timeout=30)
    assert ANSWER in text_of(sent)
    await still_answers(tg)
    assert len(tg.calls_to("sendMessage")) == 2  # one per question: no retry, no duplicate


async def test_a_timed_out_answer_is_not_sent_twice(
    start_bot: StartBot, tg: RecordingTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    await start_bot(admins=frozenset({ADMIN}), timeout=0.5)
    tg.delay_next("sendMessage", 1.5)  # longer than the bot waits: the call times out
    with caplog.at_level(logging.WARNING, logger="disclosure_bot"):
        (timed_out,) = await attempts(tg, "huaian 2024", 1)
        await still_answers(tg)
    # Telegram (like the fake) may deliver a call whose answer timed out: the bot neither
    # repeats it nor apologises on top of it, so the user sees exactly one answer
    assert ANSWER in text_of(timed_out)
    assert [ANSWER in m.get("text", "") for m in tg.messages(USER)] == [True, True]
    assert "did not answer in time" in caplog.text


async def test_a_user_who_blocked_the_bot_does_not_stop_it(
    bot: BotApp, tg: RecordingTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    await still_answers(tg)
    me = {"id": USER, "is_bot": False, "first_name": "Tester"}
    chat = {"id": USER, "type": "private", "first_name": "Tester"}
    bot_user = tg.bot_user

    def membership(old: str, new: str) -> dict[str, object]:
        return {
            "my_chat_member": {
                "chat": chat,
                "from": me,
                "date": int(time.time()),
                "old_chat_member": {"status": old, "user": bot_user, "until_date": 0},
                "new_chat_member": {"status": new, "user": bot_user, "until_date": 0},
            }
        }

    tg.send_raw_update(membership("member", "kicked"))  # the user blocked the bot
    with caplog.at_level(logging.WARNING, logger="disclosure_bot"):
        tg.mark()
        tg.send_text("huaian 2024", user_id=USER, chat_id=USER)
        await still_answers(tg, OTHER)  # another chat is served meanwhile
        # updates are handled concurrently: the blocked chat's answer may come after
        await tg.await_for("sendMessage", chat_id=USER, predicate=lambda c: c.status == 403)

        def logged() -> bool:
            return any(
                r.name == "disclosure_bot.errors"
                and r.levelno == logging.ERROR
                and r.exc_info is not None
                and isinstance(r.exc_info[1], Forbidden)
                for r in caplog.records
            )

        def apology_refused() -> bool:  # the error handler's last step: it is done
            return any(r.getMessage().startswith("could not tell update") for r in caplog.records)

        for _ in range(300):  # polling, with a deadline, for the error handler to finish
            if apology_refused():
                break
            await asyncio.sleep(0.1)
    assert logged() and apology_refused()
    assert "Tester" not in caplog.text and "huaian" not in caplog.text  # no message text logged
    assert len(tg.messages(USER)) == 1  # only the answer from before the block

    tg.send_raw_update(membership("kicked", "member"))  # unblocked: served again
    await still_answers(tg)
