"""A cut-off copy through the chat, end to end (issue 14): an administrator uploads it, the
preview says where it stops (in words, no canonical key), [Index] keeps what it holds; a
question about a cell after the cut says the copy stops before it; the full copy then replaces
it, and the cut one sent again cannot replace the fuller one.

Figures typed from 003_huaianshi_2024.txt: 3,119 new applications; row （四）2
没有现成信息需要另行制作 prints 11 in its 总计 column; the full report holds the 2021
layout's 200 cells."""

import pytest
from conftest import HUAIAN
from telegram_helpers import ADMIN, RecordingTelegram, buttons, press, say, send_file, text_of

from bot.catalogue import fields_by_key
from bot.service.core import DisclosureService
from handlers.app import BotApp

pytest_plugins = ("telegram_helpers",)

AGENCY = "淮安市人民政府"
CUT = "huaian_cut.txt"
ASK_EN = (
    "how many Huaian 2024 applications could not be provided because the information would "
    "have to be created"
)
ASK_ZH = "淮安市2024年没有现成信息需要另行制作的有多少"


def cut_copy() -> bytes:
    """The report as an archive that kept only its start holds it: cut in row （四）2."""
    text = HUAIAN.read_text(encoding="utf-8")
    return text[: text.index("2.没有现成信息需要另行制作")].encode()


@pytest.fixture
def without_huaian(chat_seeded: DisclosureService) -> DisclosureService:
    """The chat tests' store less its Huai'an 2024 report: the cut copy comes first."""
    entries = chat_seeded.agency_index().entries.values()
    (huaian,) = [e.id for e in entries if e.name == AGENCY]
    assert chat_seeded.delete_report(huaian, 2024) is not None
    return chat_seeded


def no_keys(text: str) -> bool:
    return not [k for k in fields_by_key() if k in text]


async def test_a_cut_copy_is_previewed_indexed_answered_then_replaced(
    bot: BotApp, tg: RecordingTelegram, without_huaian: DisclosureService
) -> None:
    preview = await send_file(tg, cut_copy(), CUT, user_id=ADMIN)
    text = text_of(preview)
    assert text.startswith(f"{AGENCY} (淮安市 · 江苏省)\n2024 · layout 2021 · "), text
    assert "• New applications received: 3,119 applications" in text
    assert (
        "⚠ The copy is cut off: section 三 stops before row “unavailable: would have to be "
        "created”, " in text
    ), text
    assert no_keys(text), text
    keys = buttons(preview)
    assert set(keys) == {"Index", "Cancel"}, text
    done = await press(tg, preview, keys["Index"], user_id=ADMIN, method="editMessageText")
    assert text_of(done) == f"Indexed: {AGENCY} 2024."

    held = text_of(await say(tg, "how many applications did Huaian receive in 2024"))
    assert "New applications received: 3,119 applications" in held
    after_cut = text_of(await say(tg, ASK_EN))
    assert (
        f"Unavailable: would have to be created: {AGENCY}'s 2024 report as indexed stops "
        "before this figure (section 三 stops before row “unavailable: would have to be "
        "created”, " in after_cut
    ), after_cut
    assert "not reported" not in after_cut and ": 0 " not in after_cut
    in_chinese = text_of(await say(tg, ASK_ZH))
    assert (
        f"无法提供·没有现成信息需要另行制作：已收录的{AGENCY}2024年报告文本在这一项之前中断"
        "（第三部分在“2.没有现成信息需要另行制作”行之前中断，" in in_chinese
    ), in_chinese
    assert "未填报" not in in_chinese

    full = await send_file(tg, HUAIAN.read_bytes(), HUAIAN.name, user_id=ADMIN)
    assert f"Already indexed for that year ({CUT}). If replaced, these change:" in text_of(full)
    assert no_keys(text_of(full))
    replaced = await press(
        tg, full, buttons(full)["Replace"], user_id=ADMIN, method="editMessageText"
    )
    assert text_of(replaced) == f"Replaced: {AGENCY} 2024 (was {CUT})."
    assert "Unavailable: would have to be created: 11 applications" in text_of(
        await say(tg, ASK_EN)
    )

    again = await send_file(tg, cut_copy(), CUT, user_id=ADMIN)
    assert text_of(again).endswith(
        f"A fuller copy of this report ({HUAIAN.name}, 200 figures) is already indexed: this "
        "one holds fewer and would not replace it."
    ), text_of(again)
    assert buttons(again) == {}


@pytest.mark.usefixtures("chat_seeded")  # with the Huai'an report from its .txt
async def test_the_same_figures_from_another_format_say_so(
    bot: BotApp, tg: RecordingTelegram
) -> None:
    pdf = HUAIAN.with_suffix(".pdf")
    preview = await send_file(tg, pdf.read_bytes(), pdf.name, user_id=ADMIN)
    assert f"Already indexed for that year ({HUAIAN.name}), with the same figures." in (
        text_of(preview)
    )
    done = await press(
        tg, preview, buttons(preview)["Replace"], user_id=ADMIN, method="editMessageText"
    )
    assert text_of(done) == (
        f"Already indexed with the same figures (from {HUAIAN.name}): nothing changed."
    )
