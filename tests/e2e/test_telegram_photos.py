"""Photos and scans in the chat, end to end: an administrator's scanned PDF gets the preview
with [Index] and its figures answer questions marked as read by OCR; a photo sent as a photo
is fetched in its largest size; anyone's /check of a photo reads the table back without
indexing it; a stranger's photo is not even downloaded. Figures come from the gold files.

OCR takes seconds a page: these tests wait for it (OCR_SECONDS), they do not time it."""

import pytest
from conftest import FIXTURES
from telegram_helpers import (
    ADMIN,
    USER,
    RecordingTelegram,
    agency_of,
    agency_years,
    buttons,
    gold_figure,
    press,
    text_of,
)

from bot.service.core import DisclosureService
from handlers.app import BotApp

pytest_plugins = ("telegram_helpers",)
pytestmark = pytest.mark.timeout(900)  # OCR on a shared 2-core machine

SCANS = FIXTURES / "scans"
OCR_SECONDS = 600.0  # the longest wait for a reply that needs OCR
HONGZE = "001_hongzequ_2023"
PT2023 = "008_pingtan_2023"


async def test_an_administrators_scanned_pdf_is_previewed_indexed_and_cited_as_ocr(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    scan = (SCANS / f"{HONGZE}_scan150.pdf").read_bytes()
    tg.mark()
    tg.send_document(scan, "scan.pdf", "application/pdf", user_id=ADMIN, chat_id=ADMIN)
    (preview,) = await tg.await_for("sendMessage", chat_id=ADMIN, timeout=OCR_SECONDS)
    assert text_of(preview).startswith(agency_of(HONGZE)), text_of(preview)
    assert "OCR" in text_of(preview)
    done = await press(
        tg, preview, buttons(preview)["Index"], user_id=ADMIN, method="editMessageText"
    )
    assert text_of(done) == f"Indexed: {agency_of(HONGZE)} 2023."
    assert agency_years(seeded, agency_of(HONGZE)) == [2023]
    tg.mark()
    tg.send_text("洪泽区2023年收到多少申请", user_id=USER)
    (answer,) = await tg.await_for("sendMessage", chat_id=USER)
    total = gold_figure(HONGZE, "applications.new.total")
    assert f"：{total} 件" in text_of(answer)
    assert "文字识别" in text_of(answer)  # the citation says the figure was read by OCR


async def test_a_photo_is_fetched_in_its_largest_size_and_previewed(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    photo = (SCANS / "008_p4_rot180.jpg").read_bytes()
    thumbnail = photo[:2000]  # Telegram's smaller sizes of the same photo: never read
    tg.mark()
    tg.send_photo([thumbnail, photo], user_id=ADMIN, chat_id=ADMIN)
    (preview,) = await tg.await_for("sendMessage", chat_id=ADMIN, timeout=OCR_SECONDS)
    assert len(tg.downloads) == 1 and tg.downloads[0].endswith("file_2.jpg")  # the largest
    text = text_of(preview)
    new = gold_figure(PT2023, "applications.new.total")
    assert f"New applications received: {new}" in text
    # a page without the report's title names no agency and year: nothing to index it under
    assert "cannot be indexed from the chat" in text and buttons(preview) == {}


async def test_anyones_check_of_a_photo_reads_the_table_back_without_indexing(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    photo = (SCANS / "008_p4_rot180.jpg").read_bytes()
    tg.mark()
    tg.send_photo([photo], user_id=USER, chat_id=USER, caption="/check")
    (checked,) = await tg.await_for("sendMessage", chat_id=USER, timeout=OCR_SECONDS)
    text = text_of(checked)
    row = " ".join(
        str(gold_figure(PT2023, f"applications.new.{column}"))
        for column in (
            "natural_person",
            "commercial",
            "research",
            "social_welfare",
            "legal_service",
            "other_org",
            "total",
        )
    )
    assert f"new applications received: {row}" in text, text
    assert "Read by OCR from a photo or scan: compare each figure with the paper." in text
    assert agency_years(seeded, "平潭综合实验区") == []


async def test_a_strangers_photo_without_check_is_not_downloaded(
    bot: BotApp, tg: RecordingTelegram
) -> None:
    tg.mark()
    tg.send_photo([(SCANS / "008_p4_rot180.jpg").read_bytes()], user_id=USER, chat_id=USER)
    (refused,) = await tg.await_for("sendMessage", chat_id=USER)
    assert text_of(refused).startswith("Only administrators can add reports.")
    assert tg.downloads == [] and tg.calls_to("getFile") == []


async def test_a_photo_over_the_size_limit_is_refused_before_download(
    bot: BotApp, tg: RecordingTelegram
) -> None:
    big = (SCANS / "008_p4_rot180.jpg").read_bytes() + bytes(2 << 20)  # over the 1 MB limit
    tg.mark()
    tg.send_photo([big], user_id=ADMIN, chat_id=ADMIN)
    (refused,) = await tg.await_for("sendMessage", chat_id=ADMIN)
    assert "the limit is 1 MB" in text_of(refused)
    assert tg.downloads == []
