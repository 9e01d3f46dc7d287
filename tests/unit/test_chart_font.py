"""Charts in the question's language: the Chinese font ships with the bot, matplotlib finds
it, and a chart with Chinese labels loses no glyph."""

import warnings
from datetime import datetime

from conftest import REPORTS, SHANGHAI
from fontTools.ttLib import TTFont

from bot.answers.chart import SHIPPED_FONT, cjk_font, shipped_font, trend_chart
from bot.catalogue import all_fields
from bot.service.core import DisclosureService

TITLE = "平潭综合实验区旅游与文化体育局：行政复议（结果纠正）、沭阳县发展和改革局"
POINTS = [(2021, 70.0), (2022, None), (2023, 81.0), (2025, 154.0)]


def _missing_glyphs(font: str | None) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = trend_chart(TITLE, POINTS, "件", font=font)
    assert png.startswith(b"\x89PNG")
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def test_the_shipped_font_draws_a_chinese_chart_whole() -> None:
    assert SHIPPED_FONT.is_file()
    assert _missing_glyphs(shipped_font()) == []


def test_the_font_found_draws_a_chinese_chart_whole() -> None:
    assert _missing_glyphs(cjk_font()) == []


def test_the_shipped_font_has_every_character_of_the_catalogue() -> None:
    cmap = TTFont(SHIPPED_FONT).getBestCmap()
    labels = "".join(f.row.zh + f.row.zh_short + f.column.zh + f.unit.zh for f in all_fields())
    missing = {ch for ch in labels if "\u4e00" <= ch <= "\u9fff" and ord(ch) not in cmap}
    assert missing == set()


def test_a_trend_asked_in_chinese_is_drawn_in_chinese() -> None:
    from store import open_database

    service = DisclosureService(
        open_database("sqlite://"), timezone=SHANGHAI, max_file_bytes=20 << 20
    )
    now = datetime(2026, 1, 5, tzinfo=SHANGHAI)
    for name in ("004_pingtan_2019.html", "008_pingtan_2023.html", "010_pingtan_2025.html"):
        service.ingest_bytes(name, (REPORTS / name).read_bytes(), now=now)
    answer = service.ask("平潭历年行政诉讼", now=now)
    assert answer.kind == "trend" and answer.chart is not None
    assert answer.chart.title.startswith("平潭综合实验区：") and answer.chart.unit == "件"
    english = service.ask("Pingtan lawsuits over the years", now=now)
    assert english.chart is not None and english.chart.title.startswith("Pingtan")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        answer.chart.png()
    assert not [w for w in caught if "missing from font" in str(w.message)]
    service.db.close()
