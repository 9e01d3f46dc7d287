"""Every command, driven as a phone user would through the fake Bot API: /start, /help and
their example buttons, /lang, /ask, /report (year and export buttons), /agencies (paging),
/compare, /trend, /export and /check. Expected figures come from tests/fixtures/gold."""

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from conftest import REPORTS, SEED, fixed_now
from openpyxl import load_workbook
from telegram_helpers import (
    ADMIN,
    HUAIAN,
    USER,
    RecordingTelegram,
    StartBot,
    agency_of,
    agency_years,
    buttons,
    gold_figure,
    index,
    press,
    say,
    send_report,
    text_of,
)

from bot.service.core import DisclosureService
from handlers.app import CHARTS_AFTER_SECONDS, BotApp

pytest_plugins = ("telegram_helpers",)

HANTUN = "000_hantunlu_2023"
PT2019 = "004_pingtan_2019"
PT2023 = "008_pingtan_2023"


@pytest.fixture
def pingtan(seeded: DisclosureService) -> DisclosureService:
    """The seed report plus two years of 平潭综合实验区 (2019 and 2023, both HTML)."""
    index(seeded, f"{PT2019}.html", f"{PT2023}.html")
    return seeded


def applications(report: str, unit: str = "applications") -> str:
    return f"New applications received: {gold_figure(report, 'applications.new.total')} {unit}"


def csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), data[:10]  # UTF-8 BOM, so Excel shows Chinese
    return list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"))))


def xlsx_rows(data: bytes) -> list[dict[str, object]]:
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    header, *rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row, strict=True)) for row in rows]  # type: ignore[arg-type]


def cell(rows: list[dict[str, object]], key: str) -> object:
    (row,) = [r for r in rows if r["key"] == key]
    return row["value"]


# -- /start, /help, examples, /lang ------------------------------------------------------------


async def test_start_offers_examples_and_a_tapped_example_is_answered(
    bot: BotApp, tg: RecordingTelegram
) -> None:
    start = await say(tg, "/start")
    assert "government information disclosure annual reports" in text_of(start)
    examples = buttons(start)
    assert len(examples) >= 2
    question = next(q for q in examples if q.startswith("How many applications"))
    assert "Hantun Road" in question and "2023" in question

    tg.mark()
    tg.press_button(start, examples[question])
    await tg.await_for("answerCallbackQuery")
    (reply,) = await tg.await_for("sendMessage", chat_id=USER)
    assert applications(HANTUN) in text_of(reply)
    assert "000_hantunlu_2023.txt" in text_of(reply)


async def test_help_in_chinese_lists_figures_and_examples(
    bot: BotApp, tg: RecordingTelegram
) -> None:
    shown = await say(tg, "/help", language_code="zh-hans")
    text = text_of(shown)
    assert "可以查询的数据" in text and "按申请人" in text
    examples = buttons(shown)
    for question in examples:  # the buttons are the examples the text lists
        assert f"• {question}" in text
    first = next(iter(examples))
    assert "汉屯路街道办事处" in first

    tg.mark()
    tg.press_button(shown, examples[first])
    (reply,) = await tg.await_for("sendMessage", chat_id=USER)
    total = gold_figure(HANTUN, "applications.new.total")
    assert f"本年新收政府信息公开申请数量：{total} 件" in text_of(reply)


async def test_every_example_button_gets_an_answer(
    bot: BotApp, tg: RecordingTelegram, pingtan: object
) -> None:
    start = await say(tg, "/start")
    for question, data in buttons(start).items():
        tg.mark()
        tg.press_button(start, data)
        await tg.await_for("answerCallbackQuery")
        (sent,) = await tg.await_for(
            None, predicate=lambda c: c.method in {"sendMessage", "sendPhoto"}
        )
        assert text_of(sent), question
        assert not text_of(sent).startswith("Sorry"), (question, text_of(sent))


async def test_lang_zh_then_a_question_is_answered_in_chinese(
    bot: BotApp, tg: RecordingTelegram, pingtan: object
) -> None:
    assert text_of(await say(tg, "/lang zh")) == "我将用中文回答。"
    reply = text_of(await say(tg, "pingtan 2023 applications"))
    total = gold_figure(PT2023, "applications.new.total")
    assert reply.startswith(agency_of(PT2023) + " 2023年"), reply
    assert f"本年新收政府信息公开申请数量：{total} 件" in reply
    assert "件" in text_of(await say(tg, "/report 汉屯路"))  # commands follow the choice too

    assert text_of(await say(tg, "/lang en")) == "I will answer in English."
    assert applications(PT2023) in text_of(await say(tg, "平潭 2023 收到多少申请"))
    assert "Usage: /lang en or /lang zh" in text_of(await say(tg, "/lang fr"))


# -- /ask ---------------------------------------------------------------------------------------


async def test_ask_with_a_question(bot: BotApp, tg: RecordingTelegram, pingtan: object) -> None:
    reply = text_of(await say(tg, "/ask how many applications did Pingtan receive in 2023"))
    assert reply.startswith("平潭综合实验区 (Pingtan Comprehensive Experimental Zone), 2023")
    assert applications(PT2023) in reply
    assert "008_pingtan_2023.html" in reply


async def test_ask_without_a_question_shows_how(bot: BotApp, tg: RecordingTelegram) -> None:
    reply = text_of(await say(tg, "/ask"))
    assert reply.startswith("Ask me, e.g.: /ask How many applications did Hantun Road")


async def test_which_one_buttons_for_a_bare_name(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    namesake = SEED.read_text(encoding="utf-8").replace("西工区汉屯路", "老城区汉屯路")
    seeded.ingest_bytes("laocheng.txt", namesake.encode(), now=fixed_now())
    which = await say(tg, "hantun 2023")
    assert text_of(which).startswith("Which agency do you mean?")
    keys = buttons(which)
    assert sorted(keys) == ["汉屯路街道办事处 (老城区)", "汉屯路街道办事处 (西工区)"]
    edit = await press(tg, which, keys["汉屯路街道办事处 (老城区)"], method="editMessageText")
    assert applications(HANTUN) in text_of(edit)
    assert "Source: laocheng.txt" in text_of(edit)


# -- /report ------------------------------------------------------------------------------------


async def test_report_card_year_buttons_and_exports(
    bot: BotApp, tg: RecordingTelegram, pingtan: DisclosureService
) -> None:
    card = await say(tg, "/report pingtan 2023")
    text = text_of(card)
    assert text.startswith("平潭综合实验区 (Pingtan Comprehensive Experimental Zone), 2023")

    def figure(key: str) -> int | float:
        return gold_figure(PT2023, key)

    lawsuits = figure("litigation.direct.total") + figure("litigation.after_review.total")
    for line in (
        applications(PT2023),
        f"Disclosed in full: {figure('applications.outcome.disclosed.total')} applications",
        f"Partly disclosed: {figure('applications.outcome.partly_disclosed.total')} applications",
        f"Administrative reconsiderations: {figure('review.total')} cases",
        f"Lawsuits: {lawsuits} cases",
        f"Administrative licensing, decisions this year: "
        f"{figure('proactive.licensing.decisions'):,} decisions",
    ):
        assert line in text, line
    assert "Source: 008_pingtan_2023.html" in text
    keys = buttons(card)
    assert set(keys) == {"2019", "CSV", "XLSX"}

    # A year button edits the same message into the 2019 card.
    edit = await press(tg, card, keys["2019"], method="editMessageText")
    assert edit.params["message_id"] == card.result["message_id"]
    assert text_of(edit).startswith(
        "平潭综合实验区 (Pingtan Comprehensive Experimental Zone), 2019"
    )
    assert applications(PT2019) in text_of(edit)
    assert "Source: 004_pingtan_2019.html" in text_of(edit)
    stored = tg.last_message(USER)
    assert stored["message_id"] == card.result["message_id"]
    assert set(buttons(stored)) == {"2023", "CSV", "XLSX"}
    assert len(tg.messages(USER)) == 1  # edited in place, nothing new sent

    # The export buttons of the (now 2019) card send that year's figures.
    tg.mark()
    tg.press_button(stored, buttons(stored)["CSV"])
    (sent,) = await tg.await_for("sendDocument", chat_id=USER)
    assert sent.files["document"][0] == "平潭综合实验区_2019.csv"
    rows = csv_rows(tg.uploaded(sent))
    assert {r["agency"] for r in rows} == {agency_of(PT2019)}
    assert {r["year"] for r in rows} == {"2019"}
    new = gold_figure(PT2019, "applications.new.total")
    assert [r["value"] for r in rows if r["key"] == "applications.new.total"] == [str(new)]

    tg.mark()
    tg.press_button(stored, buttons(stored)["XLSX"])
    (sent,) = await tg.await_for("sendDocument", chat_id=USER)
    assert sent.files["document"][0] == "平潭综合实验区_2019.xlsx"
    book = xlsx_rows(tg.uploaded(sent))
    assert cell(book, "applications.new.total") == new
    assert cell(book, "proactive.licensing.decisions") == gold_figure(
        PT2019, "proactive.licensing.decisions"
    )

    # Back to 2023 with its year button.
    edit = await press(tg, stored, buttons(stored)["2023"], method="editMessageText")
    assert applications(PT2023) in text_of(edit)


async def test_report_latest_year_and_missing_year(
    bot: BotApp, tg: RecordingTelegram, pingtan: object
) -> None:
    latest = text_of(await say(tg, "/report 平潭综合实验区"))
    assert latest.startswith(
        "平潭综合实验区 (Pingtan Comprehensive Experimental Zone), 2023 (latest indexed year)"
    )
    missing = text_of(await say(tg, "/report pingtan 2021"))
    assert missing.startswith("平潭综合实验区 has no report for 2021 indexed."), missing
    assert "2019 and 2023" in missing or "2019, 2023" in missing
    assert applications(PT2023) in missing  # the latest card follows, named as such
    assert "2023 (latest indexed year)" in missing


async def test_report_without_a_name_shows_how(bot: BotApp, tg: RecordingTelegram) -> None:
    assert text_of(await say(tg, "/report")).startswith("Usage: /report AGENCY [YEAR]")


# -- /agencies ----------------------------------------------------------------------------------


async def test_agencies_pages_edit_in_place_and_forged_pages_expire(
    bot: BotApp, tg: RecordingTelegram, pingtan: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.answers.listing.PER_PAGE", 2)
    first = await say(tg, "/agencies")
    assert text_of(first).startswith("Indexed agencies: 3 (page 1/2)")
    assert set(buttons(first)) == {"Next ›"}

    second = await press(tg, first, buttons(first)["Next ›"], method="editMessageText")
    assert second.params["message_id"] == first.result["message_id"]
    assert text_of(second).startswith("Indexed agencies: 3 (page 2/2)")
    assert set(buttons(second)) == {"‹ Previous"}
    names = {agency_of(HANTUN), agency_of(PT2023), agency_of(HUAIAN)}
    shown = [n for n in names if n in text_of(first)] + [n for n in names if n in text_of(second)]
    assert sorted(shown) == sorted(names)  # each agency on exactly one page
    assert "• 平潭综合实验区: 2019, 2023" in text_of(first) + text_of(second)

    back = await press(tg, second, buttons(second)["‹ Previous"], method="editMessageText")
    assert text_of(back) == text_of(first)
    assert len(tg.messages(USER)) == 1

    for forged in ("ag:deadbeef:1", buttons(first)["Next ›"][:-1] + "x"):
        answer = await press(tg, first, forged)
        assert "expired" in answer.params["text"]
    assert len(tg.calls_to("editMessageText")) == 2


async def test_agencies_filter(bot: BotApp, tg: RecordingTelegram, pingtan: object) -> None:
    reply = text_of(await say(tg, "/agencies 平潭"))
    assert reply.startswith("Indexed agencies matching “平潭”: 1 (page 1/1)")
    assert "• 平潭综合实验区: 2019, 2023" in reply and "汉屯路" not in reply


# -- /compare, /trend ---------------------------------------------------------------------------


async def test_compare_two_agencies(bot: BotApp, tg: RecordingTelegram, pingtan: object) -> None:
    reply = text_of(await say(tg, "/compare hantun, pingtan applications received"))
    assert reply.startswith("New applications received, 2023")
    hantun = gold_figure(HANTUN, "applications.new.total")
    pingtan_total = gold_figure(PT2023, "applications.new.total")
    assert f"汉屯路街道办事处 (Hantun Road Subdistrict Office): {hantun} applications" in reply
    assert f"(Pingtan Comprehensive Experimental Zone): {pingtan_total} applications" in reply
    assert text_of(await say(tg, "/compare hantun")).startswith("Usage: /compare A, B")


async def test_a_comparison_without_a_figure_asks_which(
    bot: BotApp, tg: RecordingTelegram, pingtan: object
) -> None:
    which = await say(tg, "/compare hantun, pingtan")
    assert text_of(which).startswith("Which figure do you mean?")  # never a default figure
    pressed = buttons(which)["Administrative reconsiderations"]
    reply = text_of(await press(tg, which, pressed, method="editMessageText"))
    assert reply.startswith("Administrative reconsiderations, 2023")
    assert f"{gold_figure(PT2023, 'review.total')} cases" in reply


async def test_trend_is_a_photo_with_a_caption(
    bot: BotApp, tg: RecordingTelegram, pingtan: object
) -> None:
    photo = await say(tg, "/trend pingtan applications received", method="sendPhoto")
    caption = text_of(photo)
    for report in (PT2019, PT2023):
        year = report.split("_")[-1]
        assert f"{year}: {gold_figure(report, 'applications.new.total')} applications" in caption
    assert tg.uploaded(photo).startswith(b"\x89PNG")
    assert text_of(await say(tg, "/trend")).startswith("Usage: /trend AGENCY")


# -- /export ------------------------------------------------------------------------------------


async def test_export_a_report_as_csv_and_xlsx(
    bot: BotApp, tg: RecordingTelegram, pingtan: object
) -> None:
    sent = await say(tg, "/export pingtan 2019 csv", method="sendDocument")
    assert sent.files["document"][0] == "平潭综合实验区_2019.csv"
    rows = csv_rows(tg.uploaded(sent))
    assert {(r["agency"], r["year"]) for r in rows} == {(agency_of(PT2019), "2019")}
    new = gold_figure(PT2019, "applications.new.total")
    assert [r["value"] for r in rows if r["key"] == "applications.new.total"] == [str(new)]

    sent = await say(tg, "/export 平潭 2023 xlsx", method="sendDocument")
    assert sent.files["document"][0] == "平潭综合实验区_2023.xlsx"
    book = xlsx_rows(tg.uploaded(sent))
    assert cell(book, "applications.new.total") == gold_figure(PT2023, "applications.new.total")
    assert cell(book, "proactive.fees.amount") == gold_figure(PT2023, "proactive.fees.amount")

    assert text_of(await say(tg, "/export")).startswith("Usage: /export AGENCY")


async def test_export_a_comparison(bot: BotApp, tg: RecordingTelegram, pingtan: object) -> None:
    sent = await say(
        tg, "/export compare hantun and pingtan applications received", method="sendDocument"
    )
    assert sent.files["document"][0] == "compare_2023.csv"
    rows = csv_rows(tg.uploaded(sent))
    assert {r["agency"]: r["value"] for r in rows} == {
        agency_of(HANTUN): str(gold_figure(HANTUN, "applications.new.total")),
        agency_of(PT2023): str(gold_figure(PT2023, "applications.new.total")),
    }
    assert {r["year"] for r in rows} == {"2023"}
    assert {r["key"] for r in rows} == {"applications.new.total"}
    assert {r["figure"] for r in rows} == {"一、本年新收政府信息公开申请数量 · 总计"}


async def test_export_of_a_year_not_indexed_says_which_years_are(
    bot: BotApp, tg: RecordingTelegram, pingtan: object
) -> None:
    text = text_of(await say(tg, "/export pingtan 2017"))
    assert "2017" in text and "2019" in text and "2023" in text, text


# -- /check -------------------------------------------------------------------------------------


async def test_check_as_a_caption_indexes_nothing(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    reply = text_of(await send_report(tg, f"{PT2023}.html", user_id=USER, caption="/check"))
    assert reply.startswith("平潭综合实验区\n2023 · layout 2021")
    assert applications(PT2023) in reply
    assert reply.endswith("008_pingtan_2023.html: no rule broken.")
    assert agency_years(seeded, agency_of(PT2023)) == []


async def test_check_as_a_reply_to_a_document(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    data = (REPORTS / f"{PT2019}.docx").read_bytes()
    tg.mark()
    update = tg.send_document(
        data, f"{PT2019}.docx", "application/octet-stream", chat_id=USER, user_id=USER
    )
    (refusal,) = await tg.await_for("sendMessage", chat_id=USER)  # not an admin: not indexed
    assert text_of(refusal).startswith("Only administrators can add reports.")

    checked = await say(tg, "/check", reply_to_message=update["message"])
    assert text_of(checked).startswith("平潭综合实验区\n2019 · layout 2019")
    assert applications(PT2019) in text_of(checked)
    assert text_of(checked).endswith(f"{PT2019}.docx: no rule broken.")
    assert agency_years(seeded, agency_of(PT2019)) == []

    assert text_of(await say(tg, "/check")).startswith("Send the report file with the caption")


async def test_charts_are_prepared_in_the_background_soon_after_start(
    start_bot: StartBot,
) -> None:
    # the first trend asked would otherwise wait most of a second for matplotlib
    started = datetime(2024, 5, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    with time_machine.travel(started, tick=False):  # the job queue's clock stands still
        app = await start_bot(admins=frozenset({ADMIN}))
    assert app.job_queue is not None
    (job,) = app.job_queue.get_jobs_by_name("charts")
    assert job.next_t == started + timedelta(seconds=CHARTS_AFTER_SECONDS)
    assert CHARTS_AFTER_SECONDS == 5


# -- asked back: not indexed here, which figure, deadlines in plain words -----------------------


async def test_a_body_not_indexed_offers_what_is_indexed_there(
    bot: BotApp, tg: RecordingTelegram, pingtan: object
) -> None:
    reply = await say(tg, "平潭交通局2023年收到多少申请")
    assert text_of(reply).startswith("尚未收录平潭交通局的报告")  # never 平潭综合实验区's 81
    offered = buttons(reply)
    assert list(offered) == ["平潭综合实验区"]
    edit = await press(tg, reply, offered["平潭综合实验区"], method="editMessageText")
    new = gold_figure(PT2023, "applications.new.total")
    assert f"本年新收政府信息公开申请数量：{new} 件" in text_of(edit)


async def test_which_figure_then_the_figure_picked(
    bot: BotApp, tg: RecordingTelegram, pingtan: object
) -> None:
    reply = await say(tg, "平潭2023年行政复议被调解几件")
    assert text_of(reply).startswith("您问的是哪一项数据（“调解”）？")
    offered = buttons(reply)
    edit = await press(tg, reply, offered["行政复议（其他结果）"], method="editMessageText")
    other = gold_figure(PT2023, "review.other")
    assert f"行政复议（其他结果）：{other} 件" in text_of(edit)


async def test_a_deadline_asked_in_plain_words_is_answered_as_deadlines(
    bot: BotApp, tg: RecordingTelegram, pingtan: object
) -> None:
    asked = text_of(await say(tg, "when are the reports due"))
    command = text_of(await say(tg, "/deadlines"))
    assert asked == command and asked.startswith("⏰")
