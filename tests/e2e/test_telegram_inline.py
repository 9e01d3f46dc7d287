"""Inline mode: "@disclosure_test_bot hantun 2023" typed in any chat offers answer cards; a name
that fits several agencies offers one card per candidate. Figures from tests/fixtures/gold."""

from typing import Any

from conftest import SEED, fixed_now
from fake_telegram import Call
from telegram_helpers import HUAIAN, RecordingTelegram, agency_of, gold_figure, index

from bot.service.core import DisclosureService
from handlers.app import BotApp

pytest_plugins = ("telegram_helpers",)

HANTUN = "000_hantunlu_2023"
PT2023 = "008_pingtan_2023"


async def inline(tg: RecordingTelegram, query: str, user_id: int = 4242) -> Call:
    tg.mark()
    tg.send_inline_query(query, user_id=user_id)
    (answered,) = await tg.await_for("answerInlineQuery")
    assert answered.status == 200, answered.result
    return answered


def articles(call: Call) -> list[dict[str, Any]]:
    results = call.params["results"]
    assert isinstance(results, list)
    assert all(r["type"] == "article" for r in results)
    return results


def message_text(article: dict[str, Any]) -> str:
    text = article["input_message_content"]["message_text"]
    assert isinstance(text, str)
    return text


def add_namesake(service: DisclosureService, source: str = "laocheng.txt") -> None:
    """A second 汉屯路街道办事处 (in 老城区 instead of 西工区), same figures."""
    namesake = SEED.read_text(encoding="utf-8").replace("西工区汉屯路", "老城区汉屯路")
    result = service.ingest_bytes(source, namesake.encode(), now=fixed_now())
    assert result.status == "indexed", result


async def test_inline_query_offers_the_answer(bot: BotApp, tg: RecordingTelegram) -> None:
    answered = await inline(tg, "huaian 2024")
    found = articles(answered)
    assert len(found) >= 1
    total = gold_figure(HUAIAN, "applications.new.total")
    assert any(
        f"New applications received: {total:,} applications" in message_text(a) for a in found
    )
    assert found[0]["title"].startswith(agency_of(HUAIAN))


async def test_inline_query_in_chinese(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    index(seeded, f"{PT2023}.html")
    (card,) = articles(await inline(tg, "平潭 2023 行政复议"))
    assert card["title"].startswith(agency_of(PT2023))
    assert f"行政复议：{gold_figure(PT2023, 'review.total')} 件" in message_text(card)


async def test_ambiguous_name_gives_one_card_per_candidate(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    add_namesake(seeded)
    found = articles(await inline(tg, "hantun 2023"))
    assert sorted(a["title"] for a in found) == [
        "汉屯路街道办事处 (老城区)",
        "汉屯路街道办事处 (西工区)",
    ]
    total = gold_figure(HANTUN, "applications.new.total")
    for card in found:
        assert f"New applications received: {total} applications" in message_text(card)
    assert len({a["id"] for a in found}) == 2


async def test_namesakes_with_the_same_file_name_still_get_cards(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService
) -> None:
    """Namesakes whose reports carry the same file name and figures give the same answer text;
    the cards must still have distinct ids (Telegram refuses RESULT_ID_DUPLICATE)."""
    add_namesake(seeded, source=SEED.name)
    found = articles(await inline(tg, "hantun 2023"))
    assert len(found) == 2
    assert len({a["id"] for a in found}) == 2


async def test_empty_inline_query_is_not_answered(bot: BotApp, tg: RecordingTelegram) -> None:
    tg.send_inline_query("   ")
    await inline(tg, "hantun 2023")  # answered in order: the blank one before it was skipped
    assert len(tg.calls_to("answerInlineQuery")) == 1
