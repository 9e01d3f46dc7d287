"""Groups: the bot answers only what is addressed to it (a mention, a reply to it, a command for
it); plain chatter and commands for other bots are ignored. Figures from tests/fixtures/gold."""

from typing import Any

from conftest import REPORTS
from fake_telegram import Call
from telegram_helpers import (
    ADMIN,
    BOT_NAME,
    GROUP,
    HUAIAN,
    USER,
    RecordingTelegram,
    agency_of,
    agency_years,
    gold_figure,
    say,
    text_of,
)

from bot.service.core import DisclosureService
from handlers.app import BotApp

pytest_plugins = ("telegram_helpers",)

ANSWER = (
    f"New applications received: {gold_figure(HUAIAN, 'applications.new.total'):,} applications"
)


async def in_group(tg: RecordingTelegram, text: str, **kwargs: Any) -> Call:
    """Say ``text`` in the group; return the bot's answer there."""
    return await say(tg, text, chat_id=GROUP, chat_type="group", **kwargs)


async def ignored(tg: RecordingTelegram, *texts: str, **kwargs: Any) -> None:
    """Each of ``texts`` gets no answer: a question addressed to the bot after them is answered
    (updates are handled in order) and is the only message the bot sent to the group."""
    mark = tg.mark()
    for text in texts:
        tg.send_text(text, chat_id=GROUP, chat_type="group", **kwargs)
    probe = tg.send_text(f"/ask@{BOT_NAME} huaian 2024", chat_id=GROUP, chat_type="group")

    def answers_probe(call: Call) -> bool:
        quoted = call.params.get("reply_parameters") or {}
        return bool(quoted.get("message_id") == probe["message"]["message_id"])

    (answer,) = await tg.await_for("sendMessage", chat_id=GROUP, predicate=answers_probe)
    assert ANSWER in text_of(answer)
    sent = [c for c in tg.calls[mark:] if c.method in {"sendMessage", "sendPhoto", "sendDocument"}]
    assert sent == [answer], sent


async def test_plain_text_in_a_group_is_ignored(bot: BotApp, tg: RecordingTelegram) -> None:
    await ignored(tg, "huaian 2024", "how many applications did Huaian receive in 2024")


async def test_a_mention_is_answered(bot: BotApp, tg: RecordingTelegram) -> None:
    tg.mark()
    question = tg.send_text(
        f"@{BOT_NAME} how many applications did huaian get in 2024",
        chat_id=GROUP,
        chat_type="group",
    )["message"]
    (reply,) = await tg.await_for("sendMessage", chat_id=GROUP)
    assert ANSWER in text_of(reply)
    assert reply.params["reply_parameters"]["message_id"] == question["message_id"]


async def test_a_mention_in_another_case_is_answered(bot: BotApp, tg: RecordingTelegram) -> None:
    reply = await in_group(tg, "@Disclosure_Test_Bot huaian 2024")  # usernames ignore case
    assert ANSWER in text_of(reply), text_of(reply)


async def test_a_reply_to_the_bot_is_answered(bot: BotApp, tg: RecordingTelegram) -> None:
    first = await in_group(tg, f"/ask@{BOT_NAME} huaian 2024")
    follow_up = await in_group(tg, "and huaian lawsuits 2024?", reply_to_message=first.result)
    lawsuits = gold_figure(HUAIAN, "litigation.direct.total") + gold_figure(
        HUAIAN, "litigation.after_review.total"
    )
    assert f"Lawsuits: {lawsuits} cases" in text_of(follow_up), text_of(follow_up)


async def test_a_reply_to_someone_else_that_mentions_the_bot_is_answered(
    bot: BotApp, tg: RecordingTelegram
) -> None:
    colleague = tg.send_text("no idea", chat_id=GROUP, chat_type="group", user_id=78)["message"]
    reply = await in_group(tg, f"@{BOT_NAME} huaian 2024", reply_to_message=colleague)
    assert ANSWER in text_of(reply)


async def test_a_reply_to_someone_else_without_a_mention_is_ignored(
    bot: BotApp, tg: RecordingTelegram
) -> None:
    colleague = tg.send_text("hantun?", chat_id=GROUP, chat_type="group", user_id=78)["message"]
    await ignored(tg, "huaian 2024", reply_to_message=colleague)


async def test_a_command_for_this_bot_works(bot: BotApp, tg: RecordingTelegram) -> None:
    reply = await in_group(tg, f"/ask@{BOT_NAME} huaian 2024")
    assert ANSWER in text_of(reply)
    card = await in_group(tg, f"/report@{BOT_NAME} hantun")
    assert text_of(card).startswith("汉屯路街道办事处 (Hantun Road Subdistrict Office), 2023")


async def test_commands_for_another_bot_are_ignored(bot: BotApp, tg: RecordingTelegram) -> None:
    await ignored(tg, "/ask@other_bot huaian 2024", "/start@other_bot", "/help@other_bot")


async def test_files_in_a_group_only_with_check(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    data = (REPORTS / "008_pingtan_2023.html").read_bytes()
    tg.send_document(
        data, "008_pingtan_2023.html", "text/html", chat_id=GROUP, user_id=ADMIN, chat_type="group"
    )
    await ignored(tg)  # even an administrator's file is not indexed from a group
    assert agency_years(seeded, agency_of("008_pingtan_2023")) == []

    tg.mark()
    tg.send_document(
        data,
        "008_pingtan_2023.html",
        "text/html",
        chat_id=GROUP,
        user_id=USER,
        chat_type="group",
        caption="/check",
    )
    (checked,) = await tg.await_for("sendMessage", chat_id=GROUP)
    assert text_of(checked).endswith("008_pingtan_2023.html: no rule broken.")
    assert agency_years(seeded, agency_of("008_pingtan_2023")) == []
