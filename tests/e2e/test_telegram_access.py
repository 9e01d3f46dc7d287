"""Access: a private bot (public = false, allowed_users = [ALLOWED], admins = [ADMIN]) refuses a
stranger in every path (message, command, button, inline query, upload) and serves the allowed
user; administrator actions (adding reports, [Index]/[Replace]/[Cancel]) are refused to anyone
else, whatever the path."""

import pytest
from fake_telegram import Call
from telegram_helpers import (
    ADMIN,
    ALLOWED,
    BOT_NAME,
    GROUP,
    HUAIAN,
    STRANGER,
    USER,
    RecordingTelegram,
    StartBot,
    agency_of,
    agency_years,
    buttons,
    gold_figure,
    press,
    say,
    send_report,
    text_of,
)

from bot.service.core import DisclosureService
from handlers.app import BotApp

pytest_plugins = ("telegram_helpers",)

REFUSAL = "This bot answers only the users and chats it was set up for."
NOT_ADMIN = "Only administrators can do that."
PT2023 = "008_pingtan_2023"
PINGTAN = agency_of(PT2023)
ANSWER = (
    f"New applications received: {gold_figure(HUAIAN, 'applications.new.total'):,} applications"
)
ALLOWED_GROUP = -200600


@pytest.fixture
async def private_bot(start_bot: StartBot) -> BotApp:
    return await start_bot(
        public=False,
        admins=frozenset({ADMIN}),
        allowed_users=frozenset({ALLOWED}),
        allowed_chats=frozenset({ALLOWED_GROUP}),
    )


async def inline(tg: RecordingTelegram, query: str, user_id: int) -> Call:
    tg.mark()
    tg.send_inline_query(query, user_id=user_id)
    (answered,) = await tg.await_for("answerInlineQuery")
    assert answered.status == 200
    return answered


async def test_a_strangers_message_and_commands_are_refused(
    private_bot: BotApp, tg: RecordingTelegram
) -> None:
    for text in (
        "huaian 2024",
        "/start",
        "/ask huaian 2024",
        "/report hantun",
        "/agencies",
        "/delete huaian 2024",
    ):
        reply = await say(tg, text, user_id=STRANGER)
        assert text_of(reply) == REFUSAL, text
        assert buttons(reply) == {}
    assert text_of(await say(tg, "汉屯路", user_id=STRANGER, language_code="zh")) == (
        "此机器人仅为指定的用户和群组提供服务。"
    )
    assert ANSWER in text_of(await say(tg, "huaian 2024", user_id=ALLOWED))


async def test_the_allowed_user_and_the_admin_are_served(
    private_bot: BotApp, tg: RecordingTelegram
) -> None:
    assert ANSWER in text_of(await say(tg, "/ask huaian 2024", user_id=ALLOWED))
    assert ANSWER in text_of(await say(tg, "huaian 2024", user_id=ADMIN))  # admins always
    start = await say(tg, "/start", user_id=ALLOWED)
    first = next(iter(buttons(start).values()))
    tg.mark()
    tg.press_button(start, first, user_id=ALLOWED)
    (reply,) = await tg.await_for("sendMessage", chat_id=ALLOWED)
    assert text_of(reply).startswith("汉屯路街道办事处")  # the example's answer, no refusal


async def test_a_strangers_button_press_gets_an_alert(
    private_bot: BotApp, tg: RecordingTelegram
) -> None:
    # The allowed user asks in a group the stranger is in; the stranger taps an example.
    start = await say(tg, f"/start@{BOT_NAME}", user_id=ALLOWED, chat_id=GROUP, chat_type="group")
    data = next(iter(buttons(start).values()))
    refused = await press(tg, start, data, user_id=STRANGER)
    assert refused.params["text"] == REFUSAL
    assert refused.params["show_alert"] is True

    served = await press(tg, start, data, user_id=ALLOWED, method="sendMessage")
    assert text_of(served).startswith("汉屯路街道办事处")  # the example's answer
    assert len(tg.calls_to("sendMessage")) == 2  # /start and the allowed press, nothing between


async def test_a_strangers_inline_query_gets_no_results(
    private_bot: BotApp, tg: RecordingTelegram
) -> None:
    refused = await inline(tg, "huaian 2024", STRANGER)
    assert refused.params["results"] == []
    assert refused.params.get("cache_time") == 0

    served = await inline(tg, "huaian 2024", ALLOWED)
    (card,) = served.params["results"]
    assert ANSWER in card["input_message_content"]["message_text"]
    # Telegram would otherwise hand the cached cards to anyone typing the same query.
    assert served.params["is_personal"] is True


async def test_a_strangers_upload_and_check_are_refused_without_download(
    private_bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    for caption in (None, "/check"):
        reply = await send_report(tg, f"{PT2023}.html", user_id=STRANGER, caption=caption)
        assert text_of(reply) == REFUSAL
    assert tg.calls_to("getFile") == [] and tg.downloads == []
    assert agency_years(seeded, PINGTAN) == []


async def test_a_stranger_in_a_group_is_ignored_unless_the_group_is_allowed(
    private_bot: BotApp, tg: RecordingTelegram
) -> None:
    tg.mark()
    for text in (f"@{BOT_NAME} huaian 2024", f"/ask@{BOT_NAME} huaian 2024"):
        tg.send_text(text, user_id=STRANGER, chat_id=GROUP, chat_type="group")
    reply = await say(
        tg, f"/ask@{BOT_NAME} huaian 2024", user_id=ALLOWED, chat_id=GROUP, chat_type="group"
    )
    assert ANSWER in text_of(reply)  # no refusal spoken into the group before it
    assert len(tg.calls_to("sendMessage")) == 1

    reply = await say(
        tg, f"@{BOT_NAME} huaian 2024", user_id=STRANGER, chat_id=ALLOWED_GROUP, chat_type="group"
    )
    assert ANSWER in text_of(reply)


async def test_admin_actions_are_refused_to_the_allowed_user(
    private_bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    reply = await send_report(tg, f"{PT2023}.html", user_id=ALLOWED)
    assert text_of(reply).startswith("Only administrators can add reports.")
    assert tg.downloads == []

    checked = await send_report(tg, f"{PT2023}.html", user_id=ALLOWED, caption="/check")
    assert text_of(checked).endswith("no rule broken.")  # checking is not adding

    preview = await send_report(tg, f"{PT2023}.html", user_id=ADMIN)
    keys = buttons(preview)
    for user in (ALLOWED, STRANGER):
        for label in ("Index", "Cancel"):
            refused = await press(tg, preview, keys[label], user_id=user)
            expected = NOT_ADMIN if user == ALLOWED else REFUSAL
            assert refused.params["text"] == expected
            assert refused.params["show_alert"] is True
    # The admin's button data replayed from the allowed user's own chat is refused the same way.
    tg.mark()
    tg.press_button(tg.last_message(ALLOWED), keys["Index"], user_id=ALLOWED)
    (refused,) = await tg.await_for("answerCallbackQuery")
    assert refused.params["text"] == NOT_ADMIN
    assert tg.calls_to("editMessageText") == []
    assert agency_years(seeded, PINGTAN) == []

    done = await press(tg, preview, keys["Index"], user_id=ADMIN, method="editMessageText")
    assert text_of(done) == f"Indexed: {PINGTAN} 2023."
    assert agency_years(seeded, PINGTAN) == [2023]


async def test_a_public_bot_still_keeps_admin_actions(
    start_bot: StartBot, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    await start_bot(admins=frozenset({ADMIN}))
    reply = await send_report(tg, f"{PT2023}.docx", user_id=STRANGER)
    assert text_of(reply).startswith("Only administrators can add reports.")
    preview = await send_report(tg, f"{PT2023}.docx", user_id=ADMIN)
    refused = await press(tg, preview, buttons(preview)["Index"], user_id=STRANGER)
    assert refused.params["text"] == NOT_ADMIN
    assert agency_years(seeded, PINGTAN) == []
    served = await inline(tg, "huaian 2024", STRANGER)
    assert served.params["is_personal"] is False  # a public bot's cards may be shared


async def test_a_refused_button_speaks_the_users_language(
    start_bot: StartBot, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    await start_bot(admins=frozenset({ADMIN}))
    preview = await send_report(tg, f"{PT2023}.docx", user_id=ADMIN)
    await say(tg, "/start", user_id=STRANGER, language_code="zh-hans")  # a Chinese user
    refused = await press(tg, preview, buttons(preview)["Index"], user_id=STRANGER)
    assert refused.params["text"] == "只有管理员可以执行此操作。"
    assert refused.params["show_alert"] is True
    await say(tg, "/lang zh", user_id=USER)  # Telegram says English; the user chose Chinese
    chose = await press(tg, preview, buttons(preview)["Index"], user_id=USER)
    assert chose.params["text"] == "只有管理员可以执行此操作。"
    assert agency_years(seeded, PINGTAN) == []
