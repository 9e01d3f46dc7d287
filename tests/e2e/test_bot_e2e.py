"""End to end: a phone user messages the real Application over HTTP through the fake Bot API."""

from conftest import HUAIAN, REPORTS, SEED, fixed_now, gold
from fake_telegram import FakeTelegram

from bot.service.core import DisclosureService
from handlers.app import BotApp


async def _reply_to(fake: FakeTelegram, text: str, **kwargs: object) -> str:
    fake.mark()
    fake.send_text(text, **kwargs)  # type: ignore[arg-type]
    calls = await fake.await_for("sendMessage", chat_id=kwargs.get("chat_id", 4242))
    reply = calls[-1].params["text"]
    assert isinstance(reply, str)
    return reply


async def test_english_question(bot_app: BotApp, fake_tg: FakeTelegram) -> None:
    reply = await _reply_to(fake_tg, "how many applications did Huaian receive in 2024")
    assert reply.startswith("淮安市人民政府 (Huaian City People's Government), 2024")
    new = gold(HUAIAN.stem)["figures"]["applications.new.total"]
    assert f"New applications received: {new:,} applications" in reply
    assert "003_huaianshi_2024.txt" in reply and "一、本年新收政府信息公开申请数量" in reply


async def test_chinese_question(bot_app: BotApp, fake_tg: FakeTelegram) -> None:
    reply = await _reply_to(fake_tg, "淮安市2024年行政复议多少件")
    assert reply.startswith("淮安市人民政府 2024年")
    assert f"行政复议：{gold(HUAIAN.stem)['figures']['review.total']} 件" in reply
    assert "第四部分" in reply


async def test_start_and_help(bot_app: BotApp, fake_tg: FakeTelegram) -> None:
    start = await _reply_to(fake_tg, "/start")
    assert "Hantun Road" in start
    help_text = await _reply_to(fake_tg, "/help", language_code="zh-hans")
    assert "可以查询的数据" in help_text and "不予公开" in help_text


async def test_commands_registered_in_both_languages(
    bot_app: BotApp,
    fake_tg: FakeTelegram,
) -> None:
    english = [c["command"] for c in fake_tg.my_commands()]
    chinese = fake_tg.my_commands(language_code="zh")
    assert english[:4] == ["start", "help", "ask", "report"]
    assert [c["command"] for c in chinese] == english
    assert chinese[0]["description"] == "机器人简介"


async def test_unknown_year_and_nonsense(bot_app: BotApp, fake_tg: FakeTelegram) -> None:
    reply = await _reply_to(fake_tg, "Hantun Road 2019")
    assert "no report for 2019" in reply and "2023" in reply
    reply = await _reply_to(fake_tg, "???")
    assert reply.startswith("I answer questions about")


async def test_group_text_is_not_a_question(bot_app: BotApp, fake_tg: FakeTelegram) -> None:
    fake_tg.send_text("hantun 2023", chat_id=-100, chat_type="group")
    reply = await _reply_to(fake_tg, "hantun 2023")  # the private one is answered
    assert "Hantun Road" in reply
    assert not [c for c in fake_tg.calls_to("sendMessage") if c.params["chat_id"] == -100]


async def test_which_one_buttons_then_answer(
    bot_app: BotApp, fake_tg: FakeTelegram, seeded: DisclosureService
) -> None:
    # the namesake received 7 applications, the seed none: the answer shows which was picked
    row = "一、本年新收政府信息公开申请数量\t\t"
    namesake = (
        SEED.read_text(encoding="utf-8")
        .replace("西工区汉屯路", "老城区汉屯路")
        .replace(f"{row}0\t0\t0\t0\t0\t0\t0", f"{row}7\t0\t0\t0\t0\t0\t7")
    )
    assert "7\t0\t0\t0\t0\t0\t7" in namesake
    seeded.ingest_bytes("laocheng.txt", namesake.encode(), now=fixed_now())
    fake_tg.mark()
    fake_tg.send_text("how many applications did Hantun Road receive in 2023")
    (sent,) = await fake_tg.await_for("sendMessage")
    buttons = [row[0] for row in sent.params["reply_markup"]["inline_keyboard"]]
    assert [b["text"] for b in buttons] == [
        "汉屯路街道办事处 (西工区)",
        "汉屯路街道办事处 (老城区)",
    ]
    fake_tg.mark()
    fake_tg.press_button(fake_tg.last_message(4242), buttons[1]["callback_data"])
    (edit,) = await fake_tg.await_for("editMessageText")
    assert "New applications received: 7 applications" in edit.params["text"]
    assert await fake_tg.await_for("answerCallbackQuery")


async def test_forged_button_reaches_nothing(bot_app: BotApp, fake_tg: FakeTelegram) -> None:
    fake_tg.send_text("/start")
    await fake_tg.await_for("sendMessage")
    fake_tg.mark()
    fake_tg.press_button(fake_tg.last_message(4242), "pick:deadbeef:1")
    (answered,) = await fake_tg.await_for("answerCallbackQuery")
    assert "expired" in answered.params["text"]
    assert fake_tg.calls_to("editMessageText") == []


async def test_trend_comes_as_a_chart(
    bot_app: BotApp, fake_tg: FakeTelegram, seeded: DisclosureService
) -> None:
    for name in ("004_pingtan_2019.html", "008_pingtan_2023.html", "010_pingtan_2025.html"):
        seeded.ingest_bytes(name, (REPORTS / name).read_bytes(), now=fixed_now())
    fake_tg.mark()
    fake_tg.send_text("Pingtan applications trend")
    (photo,) = await fake_tg.await_for("sendPhoto")
    assert "2019: 23 applications" in photo.params["caption"]
    assert fake_tg.uploaded(photo).startswith(b"\x89PNG")
