"""Tests of the fake Bot API server itself, driven by python-telegram-bot's own client."""

from __future__ import annotations

import asyncio
import datetime as dtm
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from fake_telegram import Call, FakeTelegram
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputMediaDocument,
    InputTextMessageContent,
    MenuButtonCommands,
    Message,
    MessageEntity,
    ReplyKeyboardMarkup,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import ApplicationBuilder, CommandHandler, ContextTypes, MessageHandler, filters
from telegram.warnings import PTBDeprecationWarning

CHAT = 4242
KEYBOARD = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton("是", callback_data="yes"),
            InlineKeyboardButton("否", callback_data="no"),
        ]
    ]
)


def _fake_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("fake-telegram")]


@pytest.fixture
def fake() -> Iterator[FakeTelegram]:
    with FakeTelegram() as server:
        yield server
    assert server.errors == []
    assert _fake_threads() == []


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(fake.token, base_url=fake.base_url, base_file_url=fake.base_file_url) as b:
        yield b


async def _updates(bot: Bot, **kwargs: object) -> tuple[Update, ...]:
    """Fetch and confirm pending updates."""
    updates = await bot.get_updates(timeout=0, **kwargs)  # type: ignore[arg-type]
    if updates:
        await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
    return updates


# -- basics -------------------------------------------------------------------------------------


async def test_urls_and_get_me(fake: FakeTelegram, bot: Bot) -> None:
    assert fake.base_url == f"http://127.0.0.1:{fake.port}/bot"
    assert fake.base_file_url == f"http://127.0.0.1:{fake.port}/file/bot"
    me = await bot.get_me()
    assert (me.id, me.username, me.is_bot) == (777, "disclosure_test_bot", True)
    assert bot.username == "disclosure_test_bot"
    assert fake.calls_to("getMe")[0].status == 200


async def test_send_message_is_recorded_and_stored(fake: FakeTelegram, bot: Bot) -> None:
    before = int(time.time())
    sent = await bot.send_message(CHAT, "你好", reply_markup=KEYBOARD)
    second = await bot.send_message(CHAT, "again")
    [call] = fake.calls_to("sendMessage")[:1]
    assert call.params["chat_id"] == CHAT  # "4242" on the wire
    assert call.params["text"] == "你好"
    assert call.params["reply_markup"]["inline_keyboard"][0][1] == {
        "text": "否",
        "callback_data": "no",
    }
    assert isinstance(sent, Message)
    assert (sent.message_id, second.message_id) == (1, 2)
    assert sent.chat.id == CHAT and sent.chat.type == "private"
    assert sent.from_user is not None and sent.from_user.id == 777
    assert sent.date.timestamp() >= before
    assert sent.reply_markup == KEYBOARD
    assert call.result["message_id"] == 1
    assert fake.last_message(CHAT)["text"] == "again"
    assert [m["text"] for m in fake.messages(CHAT)] == ["你好", "again"]
    await bot.send_message("@some_channel", "x")
    assert fake.calls_to("sendMessage")[-1].params["chat_id"] == "@some_channel"


async def test_reply_keyboards_are_recorded_but_not_echoed(fake: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(CHAT, "pick", reply_markup=ReplyKeyboardMarkup([["a", "b"]]))
    assert sent.reply_markup is None
    assert fake.calls_to("sendMessage")[0].params["reply_markup"]["keyboard"] == [
        [{"text": "a"}, {"text": "b"}]
    ]


async def test_telegram_validation(fake: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)text is empty"):
        await bot.send_message(CHAT, " ")
    with pytest.raises(BadRequest, match=r"(?i)too long"):
        await bot.send_message(CHAT, "字" * 4097)
    long_data = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="报" * 22)]])
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(CHAT, "x", reply_markup=long_data)
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_message(CHAT, "a<br>b", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_message(CHAT, "1 < 2", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_message(CHAT, "<b>open", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)Character '\.' is reserved"):
        await bot.send_message(CHAT, "*2023*年.", parse_mode=ParseMode.MARKDOWN_V2)
    await bot.send_message(CHAT, '<b>1 &lt; 2</b> <a href="https://x.cn">x</a>', parse_mode="HTML")
    await bot.send_message(CHAT, r"*2023*年\. [链接](https://x.cn/a.b)", parse_mode="MarkdownV2")
    with pytest.raises(BadRequest, match=r"(?i)replied not found"):
        await bot.send_message(CHAT, "x", reply_parameters=ReplyParameters(999))
    assert len(fake.messages(CHAT)) == 2
    assert [c.status for c in fake.calls_to("sendMessage")][-1] == 400


# -- updates ------------------------------------------------------------------------------------


async def test_text_and_command_updates(fake: FakeTelegram, bot: Bot) -> None:
    plain = fake.send_text("hello")
    fake.send_text("/start 参数", language_code="zh-hans", username="tester")
    fake.send_text("/start@disclosure_test_bot", chat_id=-100, chat_type="supergroup")
    fake.send_text("/start@other_bot", chat_id=-100, chat_type="supergroup")
    updates = await _updates(bot)
    assert [u.update_id for u in updates] == [1, 2, 3, 4]
    assert updates[0].to_dict() == Update.de_json(plain, bot).to_dict()
    assert updates[0].message is not None and updates[0].message.text == "hello"
    assert updates[0].message.entities == ()
    start: CommandHandler[Any, None] = CommandHandler("start", lambda u, c: None)  # type: ignore[arg-type, return-value]
    assert [bool(start.check_update(u)) for u in updates] == [False, True, True, False]
    command = updates[1].message
    assert command is not None and command.from_user is not None
    assert command.entities[0] == MessageEntity(MessageEntity.BOT_COMMAND, 0, 6)
    assert command.from_user.language_code == "zh-hans"
    assert command.from_user.username == "tester"
    group = updates[2].effective_chat
    assert group is not None and (group.id, group.type) == (-100, "supergroup")
    assert updates[2].message is not None and updates[2].message.entities[0].length == 26
    assert fake.pending_updates == []
    # the chat type is remembered for the bot's messages
    sent = await bot.send_message(-100, "hi group")
    assert sent.chat.type == "supergroup"


async def test_update_de_json_and_reply_to(fake: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(CHAT, "question?")
    raw = fake.send_text("answer", reply_to_message=fake.last_message(CHAT))
    update = Update.de_json(raw, bot)
    assert update.message is not None and update.message.reply_to_message is not None
    assert update.message.reply_to_message.message_id == sent.message_id
    assert update.message.message_id == sent.message_id + 1  # ids are per chat, shared
    reply = await update.message.reply_text("ok", do_quote=True)
    assert reply.reply_to_message is not None
    assert reply.reply_to_message.text == "answer"


async def test_callback_query_round_trip(fake: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(CHAT, "继续吗？", reply_markup=KEYBOARD)
    fake.press_button(fake.last_message(CHAT), "yes")
    [update] = await _updates(bot)
    query = update.callback_query
    assert isinstance(query, CallbackQuery)
    assert type(query.message) is Message  # not InaccessibleMessage: date is real
    assert query.message.message_id == sent.message_id
    assert query.message.reply_markup == KEYBOARD
    assert query.data == "yes" and query.from_user.id == CHAT and query.chat_instance
    assert await query.answer("好的")
    edited = await query.edit_message_text("已确认")
    assert isinstance(edited, Message) and edited.text == "已确认"
    assert edited.reply_markup is None  # editMessageText without reply_markup drops it
    assert fake.last_message(CHAT)["text"] == "已确认"
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await query.edit_message_text("已确认")
    # a press on the edited message carries its current text; a Call works as the message too
    fake.press_button(fake.calls_to("sendMessage")[0], "no")
    [update] = await _updates(bot)
    assert update.callback_query is not None
    assert isinstance(update.callback_query.message, Message)
    assert update.callback_query.message.text == "已确认"
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query("unknown-id")


async def test_edit_markup_and_delete(fake: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(CHAT, "x", reply_markup=KEYBOARD)
    other = InlineKeyboardMarkup([[InlineKeyboardButton("再来", callback_data="again")]])
    edited = await bot.edit_message_reply_markup(CHAT, sent.message_id, reply_markup=other)
    assert isinstance(edited, Message) and edited.reply_markup == other
    assert fake.last_message(CHAT)["reply_markup"] == other.to_dict()
    assert await bot.edit_message_text("inline", inline_message_id="abc") is True
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("y", CHAT, 99)
    assert await bot.delete_message(CHAT, sent.message_id)
    assert fake.messages(CHAT) == []
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(CHAT, sent.message_id)


async def test_document_update_and_download(fake: FakeTelegram, bot: Bot) -> None:
    content = bytes(range(256)) * 40 + b"\r\n--boundary\r\n"
    raw = fake.send_document(content, "2023年报.pdf", "application/pdf", caption="请看")
    [update] = await _updates(bot)
    assert update.to_dict() == Update.de_json(raw, bot).to_dict()
    assert update.message is not None and update.message.document is not None
    document = update.message.document
    assert (document.file_name, document.mime_type) == ("2023年报.pdf", "application/pdf")
    assert document.file_size == len(content)
    assert update.message.caption == "请看"
    file = await bot.get_file(document.file_id)
    assert file.file_size == len(content)
    assert file.file_path is not None and file.file_path.endswith(".pdf")
    assert bytes(await file.download_as_bytearray()) == content
    with pytest.raises(BadRequest, match=r"(?i)invalid file_id"):
        await bot.get_file("nope")


async def test_bot_uploads(fake: FakeTelegram, bot: Bot) -> None:
    data = "年度报告\n".encode() * 100
    sent = await bot.send_document(CHAT, data, filename="年报.txt", caption="附件")
    call = fake.calls_to("sendDocument")[0]
    assert call.files["document"][:2] == ("年报.txt", "text/plain")
    assert fake.uploaded(call) == data
    assert sent.document is not None and sent.document.file_name == "年报.txt"
    assert sent.caption == "附件"
    again = await bot.send_document(CHAT, sent.document.file_id)  # re-send by file_id
    assert again.document is not None and again.document.file_id == sent.document.file_id
    assert fake.uploaded(fake.calls_to("sendDocument")[1]) == data
    downloaded = await (await bot.get_file(sent.document.file_id)).download_as_bytearray()
    assert bytes(downloaded) == data
    await bot.send_document(CHAT, b"\x00\x01")  # bytes without a name
    assert fake.calls_to("sendDocument")[2].files["document"][1] == "application/octet-stream"
    photo = await bot.send_photo(CHAT, b"\x89PNG\r\n\x1a\nfake", filename="chart.png")
    assert photo.photo and photo.photo[-1].file_size == 12
    assert fake.uploaded(fake.calls_to("sendPhoto")[0]) == b"\x89PNG\r\n\x1a\nfake"
    with pytest.raises(BadRequest, match=r"(?i)wrong file identifier"):
        await bot.send_document(CHAT, "not-a-file-id")


async def test_media_group(fake: FakeTelegram, bot: Bot) -> None:
    media = [
        InputMediaDocument(b"one", filename="a.txt", caption="第一"),
        InputMediaDocument(b"two", filename="b.txt"),
    ]
    messages = await bot.send_media_group(CHAT, media)
    assert len(messages) == 2
    assert messages[0].media_group_id == messages[1].media_group_id is not None
    assert messages[0].caption == "第一"
    call = fake.calls_to("sendMediaGroup")[0]
    assert len(call.files) == 2
    assert sorted(part[2] for part in call.files.values()) == [b"one", b"two"]
    assert [item["type"] for item in call.params["media"]] == ["document", "document"]


async def test_inline_query(fake: FakeTelegram, bot: Bot) -> None:
    fake.send_inline_query("深圳", offset="10")
    [update] = await _updates(bot)
    query = update.inline_query
    assert query is not None and (query.query, query.offset) == ("深圳", "10")
    result = InlineQueryResultArticle("r1", "深圳市", InputTextMessageContent("深圳市 2023"))
    assert await query.answer([result], cache_time=0)
    params = fake.calls_to("answerInlineQuery")[0].params
    assert params["results"][0]["id"] == "r1" and params["cache_time"] == 0


async def test_raw_updates_membership_and_migration(fake: FakeTelegram, bot: Bot) -> None:
    bot_user = {"id": 777, "is_bot": True, "first_name": "Bot", "username": "disclosure_test_bot"}
    kicked = {
        "chat": {"id": CHAT, "type": "private", "first_name": "Tester"},
        "from": {"id": CHAT, "is_bot": False, "first_name": "Tester"},
        "date": int(time.time()),
        "old_chat_member": {"status": "member", "user": bot_user},
        "new_chat_member": {"status": "kicked", "user": bot_user, "until_date": 0},
    }
    raw = fake.send_raw_update({"my_chat_member": kicked})
    assert raw["update_id"] == 1
    [update] = await _updates(bot)
    assert update.my_chat_member is not None
    assert update.my_chat_member.new_chat_member.status == "kicked"
    with pytest.raises(Forbidden, match=r"(?i)blocked by the user"):
        await bot.send_message(CHAT, "still there?")
    migrate = {
        "message_id": 5,
        "date": int(time.time()),
        "chat": {"id": -55, "type": "group", "title": "G"},
        "from": {"id": 1, "is_bot": False, "first_name": "A"},
        "migrate_to_chat_id": -10055,
    }
    fake.send_raw_update({"update_id": 40, "message": migrate})
    fake.send_text("next")
    [first, second] = await _updates(bot)
    assert (first.update_id, second.update_id) == (40, 41)
    assert first.message is not None and first.message.migrate_to_chat_id == -10055
    with pytest.raises(ChatMigrated) as info:
        await bot.send_message(-55, "hi")
    assert info.value.new_chat_id == -10055


async def test_allowed_updates(fake: FakeTelegram, bot: Bot) -> None:
    member = {
        "chat": {"id": -7, "type": "group", "title": "G"},
        "from": {"id": 1, "is_bot": False, "first_name": "A"},
        "date": int(time.time()),
        "old_chat_member": {
            "status": "left",
            "user": {"id": 2, "is_bot": False, "first_name": "B"},
        },
        "new_chat_member": {
            "status": "member",
            "user": {"id": 2, "is_bot": False, "first_name": "B"},
        },
    }
    fake.send_raw_update({"chat_member": member})
    fake.send_text("hi")
    assert [u.message is not None for u in await _updates(bot)] == [True]  # default excludes it
    fake.send_raw_update({"chat_member": member})
    [update] = await _updates(bot, allowed_updates=["chat_member"])
    assert update.chat_member is not None


async def test_offset_limit_and_drop_pending(fake: FakeTelegram, bot: Bot) -> None:
    for n in range(5):
        fake.send_text(f"m{n}")
    first = await bot.get_updates(limit=2, timeout=0)
    assert [u.message.text for u in first if u.message] == ["m0", "m1"]
    rest = await bot.get_updates(offset=first[-1].update_id + 1, timeout=0)
    assert [u.message.text for u in rest if u.message] == ["m2", "m3", "m4"]
    assert len(fake.pending_updates) == 3  # not confirmed yet
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert fake.pending_updates == []


class ManualClock:
    """The fake's long-poll clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_long_poll_wakes_on_injection(fake: FakeTelegram, bot: Bot) -> None:
    fake.clock = ManualClock()  # stands still: only an update can end the poll
    poll = asyncio.create_task(bot.get_updates(timeout=50))
    await fake.await_long_poll()
    fake.send_text("wake up")
    updates = await asyncio.wait_for(poll, 30)
    assert updates[0].message is not None and updates[0].message.text == "wake up"


async def test_long_poll_times_out_empty(fake: FakeTelegram, bot: Bot) -> None:
    clock = fake.clock = ManualClock()
    poll = asyncio.create_task(bot.get_updates(timeout=50))
    await fake.await_long_poll(seen_at=0)
    clock.now = 49.9
    await fake.await_long_poll(seen_at=49.9)  # a tenth of a second before its end: waiting
    assert not poll.done()
    clock.now = 50
    assert await asyncio.wait_for(poll, 30) == ()


async def test_long_poll_wakes_on_stop(fake: FakeTelegram, bot: Bot) -> None:
    fake.clock = ManualClock()  # stands still: only the stop can end the poll
    poll = asyncio.create_task(bot.get_updates(timeout=50))
    await fake.await_long_poll()
    await asyncio.to_thread(fake.stop)
    assert await asyncio.wait_for(poll, 30) == ()
    fake.stop()  # idempotent
    assert _fake_threads() == []


async def test_abandoned_long_poll_is_released(fake: FakeTelegram, bot: Bot) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    [call] = await fake.await_for("getUpdates")
    poll.cancel()  # what PTB's Updater does on stop
    with pytest.raises(asyncio.CancelledError):
        await poll
    await asyncio.to_thread(fake.wait_for, "getUpdates", predicate=lambda c: c.answered)
    assert call.status == 499
    fake.send_text("not lost")
    [update] = await _updates(bot)
    assert update.message is not None and update.message.text == "not lost"


# -- configuration methods ---------------------------------------------------------------------


async def test_commands_per_scope_and_language(fake: FakeTelegram, bot: Bot) -> None:
    assert await bot.set_my_commands([BotCommand("start", "Start"), BotCommand("help", "Help")])
    private = BotCommandScopeAllPrivateChats()
    assert await bot.set_my_commands([BotCommand("start", "开始")], private, "zh")
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    [zh] = await bot.get_my_commands(private, "zh")
    assert (zh.command, zh.description) == ("start", "开始")
    assert await bot.get_my_commands(language_code="zh") == ()
    assert fake.my_commands(scope={"type": "all_private_chats"}, language_code="zh") == [
        {"command": "start", "description": "开始"}
    ]
    assert await bot.delete_my_commands(private, "zh")
    assert await bot.get_my_commands(private, "zh") == ()
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand("开始", "start")])


async def test_misc_methods(fake: FakeTelegram, bot: Bot) -> None:
    fake.send_text("hi", chat_id=-3, chat_type="group")
    chat = await bot.get_chat(-3)
    assert (chat.id, chat.type, chat.title) == (-3, "group", "Test Group")
    assert await bot.send_chat_action(CHAT, ChatAction.TYPING)
    with pytest.raises(BadRequest, match=r"(?i)wrong parameter action"):
        await bot.send_chat_action(CHAT, "dancing")
    assert await bot.set_chat_menu_button(menu_button=MenuButtonCommands())
    assert await bot.get_chat_menu_button() == MenuButtonCommands()
    assert await bot.leave_chat(-3)
    assert await bot.set_webhook("https://example.invalid/hook")
    assert (await bot.get_webhook_info()).url == "https://example.invalid/hook"
    with pytest.raises(Conflict, match=r"(?i)webhook is active"):
        await bot.get_updates(timeout=0)
    assert await bot.delete_webhook()
    assert await bot.close()
    assert await bot.log_out()
    with pytest.raises(BadRequest, match=r"(?i)unknown method"):
        await bot.do_api_request("fooBar")
    assert fake.calls_to("fooBar")[0].status == 400


# -- faults --------------------------------------------------------------------------------------


async def test_retry_after(fake: FakeTelegram, bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # else RetryAfter() itself warns (see next test)
    fake.fail_next("sendMessage", retry_after=3, times=2)
    for _ in range(2):
        with pytest.raises(RetryAfter) as info:
            await bot.send_message(CHAT, "flood")
        assert info.value.retry_after == dtm.timedelta(seconds=3)
    assert (await bot.send_message(CHAT, "ok")).text == "ok"
    assert [c.faulted for c in fake.calls_to("sendMessage")] == [True, True, False]
    assert [m["text"] for m in fake.messages(CHAT)] == ["ok"]


async def test_retry_after_warns_without_ptb_timedelta(
    fake: FakeTelegram, bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PTB_TIMEDELTA", raising=False)
    fake.fail_next("sendMessage")
    with pytest.warns(PTBDeprecationWarning, match=r"(?i)retry_after"), pytest.raises(RetryAfter):
        await bot.send_message(CHAT, "flood")


async def test_error_statuses(fake: FakeTelegram, bot: Bot) -> None:
    fake.fail_next("sendMessage", status=403)
    with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
        await bot.send_message(CHAT, "x")
    fake.fail_next("sendMessage", status=500)
    with pytest.raises(NetworkError, match=r"(?i)Internal Server Error") as info:
        await bot.send_message(CHAT, "x")
    assert not isinstance(info.value, TimedOut)
    fake.fail_next("sendMessage", status=400, description="Bad Request: chat not found")
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(CHAT, "x")
    fake.fail_next("getUpdates", status=409)
    with pytest.raises(Conflict, match=r"(?i)only one bot instance"):
        await bot.get_updates(timeout=0)
    fake.fail_next("sendMessage", status=502, times=5)
    fake.clear_faults()
    assert (await bot.send_message(CHAT, "fine")).text == "fine"
    assert [c.faulted for c in fake.calls_to("sendMessage")] == [True, True, True, False]


async def test_a_held_answer_times_out_without_blocking_others(
    fake: FakeTelegram, bot: Bot
) -> None:
    release = fake.hold_next("sendMessage")
    send = asyncio.create_task(bot.send_message(CHAT, "slow", read_timeout=0.2))
    while not fake.calls_to("sendMessage"):  # arrived and held; wait_for sees answered calls
        await asyncio.sleep(0.01)
    assert (await bot.get_me()).id == 777  # another connection of the pool, answered …
    (held,) = fake.calls_to("sendMessage")
    assert not held.answered  # … while the send is still held
    with pytest.raises(TimedOut):
        await send
    release.set()
    [late] = await fake.await_for("sendMessage", timeout=30)  # answered once released
    assert late.status == 200 and fake.last_message(CHAT)["text"] == "slow"


async def test_a_delayed_answer_comes_after_the_others(fake: FakeTelegram, bot: Bot) -> None:
    fake.delay_next("sendMessage", 0.3)
    send = asyncio.create_task(bot.send_message(CHAT, "later"))
    while not fake.calls_to("sendMessage"):
        await asyncio.sleep(0.01)
    assert (await bot.get_me()).id == 777
    assert (await asyncio.wait_for(send, 30)).text == "later"
    [get_me] = [c for c in fake.calls if c.method == "getMe"][-1:]
    (sent,) = fake.calls_to("sendMessage")
    assert sent.index < get_me.index  # it arrived first …
    assert fake.last_message(CHAT)["text"] == "later"  # … and was answered all the same


async def test_wrong_token(fake: FakeTelegram) -> None:
    with pytest.raises(InvalidToken):
        async with Bot("999:WRONG", base_url=fake.base_url):
            pass
    assert fake.calls_to("getMe")[0].status == 401


# -- observation helpers -------------------------------------------------------------------------


async def test_wait_for_mark_and_timeout_dump(fake: FakeTelegram, bot: Bot) -> None:
    await bot.send_message(CHAT, "before")
    index = fake.mark()
    assert index == len(fake.calls)
    with pytest.raises(AssertionError, match=r"(?s)waiting for 1 x sendMessage.*before"):
        fake.wait_for(timeout=0.1)
    await bot.send_message(CHAT, "one")
    await bot.send_message(-5, "elsewhere")
    [call] = await fake.await_for(chat_id=CHAT)
    assert call.params["text"] == "one"
    assert len(fake.wait_for(after=0, chat_id=CHAT)) == 2
    [match] = fake.wait_for(predicate=lambda c: c.params.get("text") == "elsewhere")
    assert isinstance(match, Call) and match.params["chat_id"] == -5
    with pytest.raises(AssertionError, match="the bot has no message in chat 1"):
        fake.last_message(1)


# -- a real Application ------------------------------------------------------------------------


async def test_application_echo_in_process(fake: FakeTelegram) -> None:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(f"echo: {update.message.text}")

    app = (
        ApplicationBuilder()
        .token(fake.token)
        .base_url(fake.base_url)
        .base_file_url(fake.base_file_url)
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0)
        await fake.await_for("getUpdates")
        fake.mark()
        fake.send_text("你好")
        [reply] = await fake.await_for(chat_id=CHAT)
        assert reply.params["text"] == "echo: 你好"
        await app.updater.stop()
        await app.stop()
    methods = [c.method for c in fake.calls]
    assert methods[:3] == ["getMe", "deleteWebhook", "getUpdates"]
    assert fake.pending_updates == []  # the Updater's final getUpdates confirmed the offset
