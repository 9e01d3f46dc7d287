"""/delete AGENCY YEAR in the chat: an administrator is asked first and then the report is gone;
anyone else is refused, whether they type the command, press the administrator's button or
forge its data."""

from telegram_helpers import ADMIN, USER, RecordingTelegram, buttons, press, say, text_of

from bot.service.core import DisclosureService
from handlers.app import BotApp

pytest_plugins = ("telegram_helpers",)

HANTUN = "汉屯路街道办事处"
CONFIRM = (
    f"Delete {HANTUN} 2023 (000_hantunlu_2023.txt) and all its figures? This cannot be undone."
)


def indexed(service: DisclosureService) -> bool:
    return any(e.name == HANTUN for e in service.agency_index().entries.values())


async def test_admin_deletes_after_confirming(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    asked = await say(tg, "/delete Hantun Road 2023", user_id=ADMIN)
    assert text_of(asked) == CONFIRM
    keys = buttons(asked)
    assert set(keys) == {"Delete", "Cancel"}
    kept = await press(tg, asked, keys["Cancel"], user_id=ADMIN, method="editMessageText")
    assert text_of(kept) == "Cancelled: nothing was deleted."
    assert indexed(seeded)

    asked = await say(tg, "/delete 汉屯路街道 2023", user_id=ADMIN)
    done = await press(
        tg, asked, buttons(asked)["Delete"], user_id=ADMIN, method="editMessageText"
    )
    assert text_of(done) == f"Deleted: {HANTUN} 2023 (000_hantunlu_2023.txt)."
    assert not indexed(seeded)
    again = await press(tg, asked, buttons(asked)["Delete"], user_id=ADMIN)
    assert again.params["text"] == "This has expired; please send it again."
    reply = await say(tg, "how many applications did Hantun Road receive in 2023", user_id=USER)
    assert "New applications received" not in text_of(reply)


async def test_unclear_requests_get_a_reason_not_a_guess(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    replies = {
        text: text_of(await say(tg, text, user_id=ADMIN))
        for text in (
            "/delete",
            "/delete 汉屯路街道",
            "/delete 火星办公室 2023",
            "/delete 汉屯路 2020",
        )
    }
    assert replies == {
        "/delete": "Name the agency and the year, e.g. /delete 汉屯路街道 2023",
        "/delete 汉屯路街道": "Name the agency and the year, e.g. /delete 汉屯路街道 2023",
        "/delete 火星办公室 2023": "No indexed agency has that name.",
        "/delete 汉屯路 2020": f"{HANTUN} has no report for 2020 (indexed: 2023).",
    }
    zh = await say(tg, "/delete 汉屯路 2023", user_id=ADMIN, language_code="zh")
    assert text_of(zh).startswith(f"删除 {HANTUN} 2023年的报告")
    assert set(buttons(zh)) == {"删除", "取消"}
    assert indexed(seeded)


async def test_only_admins_delete_whatever_the_path(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    refused = await say(tg, "/delete 汉屯路街道 2023", user_id=USER)
    assert text_of(refused) == "Only administrators can do that."
    assert buttons(refused) == {}

    asked = await say(tg, "/delete 汉屯路街道 2023", user_id=ADMIN)
    data = buttons(asked)["Delete"]
    alert = await press(tg, asked, data, user_id=USER)  # the admin's button, pressed by another
    assert alert.params["text"] == "Only administrators can do that."
    assert alert.params["show_alert"] is True
    tg.mark()
    tg.press_button(tg.last_message(USER), data, user_id=USER)  # forged in their own chat
    (forged,) = await tg.await_for("answerCallbackQuery")
    assert forged.params["text"] == "Only administrators can do that."
    assert tg.calls_to("editMessageText") == []
    assert indexed(seeded)

    altered = data[:-1] + ("1" if data.endswith("0") else "0")  # another button's id
    for bad in ("del:x:2023:go", "del:1:20x3:go", "del::", altered):
        answered = await press(tg, asked, bad, user_id=ADMIN)
        assert answered.params["text"] == "This has expired; please send it again.", bad
    assert tg.calls_to("editMessageText") == []
    assert indexed(seeded)
