"""Report files sent to the bot: an administrator's upload is previewed with [Index]/[Cancel]
(or [Replace] with the differences), a stranger's is refused, unreadable and oversized files get
clear messages, and only administrators may press the buttons. Figures from tests/fixtures/gold.
"""

import pytest
from conftest import REPORTS
from telegram_helpers import (
    ADMIN,
    USER,
    RecordingTelegram,
    agency_of,
    agency_years,
    buttons,
    gold_figure,
    index,
    press,
    say,
    send_file,
    send_report,
    text_of,
)

from bot.service.core import DisclosureService
from handlers.app import BotApp

pytest_plugins = ("telegram_helpers",)

PT2023 = "008_pingtan_2023"
PT2025 = "010_pingtan_2025"
PINGTAN = agency_of(PT2023)


def key_figures(report: str) -> list[str]:
    """The preview's key-figure lines, with the values typed in the report's gold file."""

    def figure(key: str) -> int | float:
        return gold_figure(report, key)

    return [
        f"• New applications received: {figure('applications.new.total')} applications",
        f"• Total answered: {figure('applications.outcome.total.total')} applications",
        f"• Administrative reconsiderations: {figure('review.total')} cases",
        f"• Lawsuits filed directly: {figure('litigation.direct.total')} cases",
        f"• Lawsuits after reconsideration: {figure('litigation.after_review.total')} cases",
    ]


@pytest.mark.parametrize("ext", [".txt", ".html", ".docx", ".pdf"])
async def test_admin_upload_previews_then_indexes(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService, ext: str
) -> None:
    name = PT2023 + ext
    preview = await send_report(tg, name, user_id=ADMIN)
    assert [c.params["action"] for c in tg.calls_to("sendChatAction")] == ["typing"]
    assert len(tg.downloads) == 1
    text = text_of(preview)
    assert text.startswith(f"{PINGTAN}\n2023 · layout 2021 · "), text
    for line in key_figures(PT2023):
        assert line in text, line
    keys = buttons(preview)
    assert set(keys) == {"Index", "Cancel"}
    assert agency_years(seeded, PINGTAN) == []  # nothing indexed before [Index]

    done = await press(tg, preview, keys["Index"], user_id=ADMIN, method="editMessageText")
    assert text_of(done) == f"Indexed: {PINGTAN} 2023."
    assert done.params["message_id"] == preview.result["message_id"]
    assert agency_years(seeded, PINGTAN) == [2023]

    reply = text_of(await say(tg, "how many applications did Pingtan receive in 2023"))
    total = gold_figure(PT2023, "applications.new.total")
    assert f"New applications received: {total} applications" in reply
    assert f"Source: {name}" in reply


async def test_second_file_for_the_same_year_shows_differences_and_replaces(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    # The .txt leaves two cells out (digits ran together); the .html has them.
    index(seeded, f"{PT2023}.txt")
    preview = await send_report(tg, f"{PT2023}.html", user_id=ADMIN)
    text = text_of(preview)
    assert f"Already indexed for that year ({PT2023}.txt). If replaced, these change:" in text
    in_force = gold_figure(PT2023, "proactive.normative_docs.in_force")
    repealed = gold_figure(PT2023, "proactive.normative_docs.repealed")
    assert f"• Normative documents, in force: — → {in_force}" in text
    assert f"• Normative documents, repealed this year: — → {repealed}" in text
    keys = buttons(preview)
    assert set(keys) == {"Replace", "Cancel"}

    done = await press(tg, preview, keys["Replace"], user_id=ADMIN, method="editMessageText")
    assert text_of(done) == f"Replaced: {PINGTAN} 2023 (was {PT2023}.txt)."
    sent = await say(tg, "/export pingtan 2023 csv", method="sendDocument")
    rows = tg.uploaded(sent).decode("utf-8-sig").splitlines()
    assert any("proactive.normative_docs.in_force" in r and f",{in_force}," in r for r in rows)

    # The very same file again: same figures, and [Replace] changes nothing.
    again = await send_report(tg, f"{PT2023}.html", user_id=ADMIN)
    assert f"Already indexed for that year ({PT2023}.html), with the same figures." in text_of(
        again
    )
    done = await press(
        tg, again, buttons(again)["Replace"], user_id=ADMIN, method="editMessageText"
    )
    assert text_of(done) == "Already indexed: the same file."


async def test_cancel_indexes_nothing_and_the_preview_expires(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    preview = await send_report(tg, f"{PT2025}.html", user_id=ADMIN)
    assert f"• New applications received: {gold_figure(PT2025, 'applications.new.total')}" in (
        text_of(preview)
    )
    keys = buttons(preview)
    done = await press(tg, preview, keys["Cancel"], user_id=ADMIN, method="editMessageText")
    assert text_of(done) == "Cancelled: nothing was indexed."
    assert buttons(tg.last_message(ADMIN)) == {}  # the keyboard is gone
    assert agency_years(seeded, PINGTAN) == []

    late = await press(tg, preview, keys["Index"], user_id=ADMIN)
    assert late.params["text"] == "This has expired; please send it again."
    assert agency_years(seeded, PINGTAN) == []
    reply = text_of(await say(tg, "pingtan 2025", user_id=ADMIN))
    assert f"{gold_figure(PT2025, 'applications.new.total')} applications" not in reply


async def test_a_strangers_upload_is_refused_and_not_downloaded(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    reply = await send_report(tg, f"{PT2023}.html", user_id=USER)
    assert text_of(reply) == (
        "Only administrators can add reports. To check a file without adding it, "
        "send it with the caption /check."
    )
    assert buttons(reply) == {}
    assert tg.calls_to("getFile") == [] and tg.downloads == []
    assert agency_years(seeded, PINGTAN) == []


async def test_a_non_admin_cannot_press_index_on_an_admins_preview(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    preview = await send_report(tg, f"{PT2023}.docx", user_id=ADMIN)
    go = buttons(preview)["Index"]
    refused = await press(tg, preview, go, user_id=USER)
    assert refused.params["text"] == "Only administrators can do that."
    assert refused.params["show_alert"] is True
    assert tg.calls_to("editMessageText") == []
    assert agency_years(seeded, PINGTAN) == []

    done = await press(tg, preview, go, user_id=ADMIN, method="editMessageText")  # still valid
    assert text_of(done) == f"Indexed: {PINGTAN} 2023."


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "figures.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            "unsupported file type .xls (old Excel format)",
        ),
        (
            "scan.png",
            b"\x89PNG\r\n\x1a\n" + bytes(100),
            "scan.png: not a valid image file (damaged or incomplete)",
        ),
        (
            "019_pingtan_2018_pre2019format.txt",
            (REPORTS / "019_pingtan_2018_pre2019format.txt").read_bytes(),
            "a report for 2018 in the layout of the 2008 regulations",
        ),
        ("notes.txt", "会议纪要：今天没有讨论年报。".encode(), "no title such as"),
    ],
    ids=["xls", "png", "pre-2019", "not-a-report"],
)
@pytest.mark.usefixtures("bot")
async def test_unreadable_files_get_a_clear_message(
    tg: RecordingTelegram,
    seeded: DisclosureService,
    name: str,
    content: bytes,
    expected: str,
) -> None:
    reply = await send_file(tg, content, name, user_id=ADMIN)
    assert text_of(reply).startswith(f"I could not read {name}: "), text_of(reply)
    assert expected in text_of(reply)
    assert buttons(reply) == {}
    assert len(seeded.agency_index().entries) == 2  # still only the chat store's two


async def test_a_fragment_without_title_is_not_indexed(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    preview = await send_report(tg, "021_huaianshi_2024_partial_rows.txt", user_id=ADMIN)
    assert text_of(preview).startswith("?\n? · layout 2021")
    # no [Index] to press: it says why, and where it can be indexed instead
    assert buttons(preview) == {}
    assert "This cannot be indexed from the chat: no title naming the agency" in text_of(preview)
    assert "disclosure-bot ingest" in text_of(preview)
    assert len(seeded.agency_index().entries) == 2


@pytest.mark.parametrize(("user", "caption"), [(ADMIN, None), (USER, "/check")])
async def test_a_file_over_the_limit_is_refused_without_downloading(
    bot: BotApp,
    tg: RecordingTelegram,
    seeded: DisclosureService,
    user: int,
    caption: str | None,
) -> None:
    big = (REPORTS / f"{PT2023}.pdf").read_bytes() * 5  # about 1.5 MB; the limit is 1 MB
    assert len(big) > 1 << 20
    reply = await send_file(tg, big, "big.pdf", user_id=user, caption=caption)
    assert text_of(reply) == f"This file is {round(len(big) / 2**20, 1)} MB; the limit is 1 MB."
    assert tg.calls_to("getFile") == [] and tg.downloads == []
    assert agency_years(seeded, PINGTAN) == []


@pytest.mark.parametrize(("user", "caption"), [(ADMIN, None), (USER, "/check")])
async def test_a_file_that_reads_too_long_is_stopped_and_refused(
    bot: BotApp,
    tg: RecordingTelegram,
    seeded: DisclosureService,
    user: int,
    caption: str | None,
) -> None:
    # One line of 330,000 characters of report words: the section finder needs about 1 s (see
    # docs/reliability-input.md), far past this limit; the reader is stopped, the bot answers.
    seeded.parse_seconds = 0.2  # as open_service sets it from telegram.parse_seconds
    line = "2023年政府信息公开工作年度报告 三、收到和处理政府信息公开申请情况 本年新收 12 "
    content = (line * (330_000 // len(line))).encode()  # under the 1 MB limit
    reply = await send_file(tg, content, "slow.txt", user_id=user, caption=caption)
    assert text_of(reply).startswith("I could not read slow.txt: reading took longer than 0.2 s")
    assert "the file may be damaged" in text_of(reply)
    assert len(seeded.agency_index().entries) == 2  # still only the chat store's two
    seeded.parse_seconds = 30  # the next file, in a new reader, within its time
    reply = await send_report(tg, f"{PT2023}.txt", user_id=ADMIN)
    assert text_of(reply).startswith(f"{PINGTAN}\n2023"), text_of(reply)
