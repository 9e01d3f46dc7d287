"""Charts for trends, drawn off-screen with matplotlib as PNG bytes."""

import io
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

# A font that draws Chinese ships with the bot (fonts/README.md): charts never lose a glyph
SHIPPED_FONT = Path(__file__).with_name("fonts") / "DroidSansFallbackFull-subset.ttf"
_LATIN = "DejaVu Sans"  # matplotlib's own: letters and digits

_CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Source Han Sans SC",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "AR PL UMing CN",
)


@cache
def cjk_font() -> str:
    """The font charts draw Chinese with: one installed on this machine, else the bot's own."""
    # matplotlib is imported on first use: a second less at start-up
    from matplotlib import font_manager  # noqa: PLC0415

    installed = {f.name for f in font_manager.fontManager.ttflist}
    found = next((name for name in _CJK_FONTS if name in installed), None)
    return found or shipped_font()


@cache
def shipped_font() -> str:
    """The family name of the font that ships with the bot, registered with matplotlib."""
    from matplotlib import font_manager  # noqa: PLC0415

    font_manager.fontManager.addfont(str(SHIPPED_FONT))
    return str(font_manager.FontProperties(fname=str(SHIPPED_FONT)).get_name())


def _families(cjk: str) -> list[str]:
    """Latin letters and digits from DejaVu Sans, Chinese from ``cjk`` (matplotlib falls back
    glyph by glyph along the list)."""
    return [_LATIN, cjk]


def trend_chart(
    title: str, points: list[tuple[int, float | None]], unit: str, font: str | None = None
) -> bytes:
    """A line chart of values by year; missing years are gaps. Chinese in the title and the
    unit is drawn with ``font`` (the CJK font found, by default)."""
    # the object API, not pyplot: no global figure state, safe in the bot's worker threads
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415
    from matplotlib.figure import Figure  # noqa: PLC0415
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415

    families = _families(font or cjk_font())
    figure = Figure(figsize=(6, 3.2), dpi=120)
    FigureCanvasAgg(figure)
    axes = figure.subplots()
    years = [year for year, _ in points]
    values = [value if value is not None else float("nan") for _, value in points]
    axes.plot(years, values, marker="o", color="#1f6f8b")
    for year, value in points:
        if value is not None:
            axes.annotate(
                f"{value:g}",
                (year, value),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=8,
            )
    axes.set_xticks(years)
    axes.set_title(title, fontsize=10, family=families)
    axes.set_ylabel(unit, fontsize=8, family=families)
    axes.grid(alpha=0.3)
    known = [v for _, v in points if v is not None]
    axes.set_ylim(bottom=0, top=max(max(known, default=0) * 1.18, 1))
    if all(v.is_integer() for v in known):  # counts: no 2.5 applications on the axis
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    # fixed margins: tight_layout would draw the figure twice to measure it
    figure.subplots_adjust(left=0.1, right=0.97, top=0.88, bottom=0.1)
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def prepare_charts() -> None:
    """Import matplotlib and find the fonts ahead of the first trend asked: that takes most
    of a second once, and the bot does it in the background soon after it starts."""
    cjk_font()
    trend_chart("", [(2023, 1.0), (2024, 2.0)], "")


@dataclass(frozen=True)
class Chart:
    """A chart an answer comes with, drawn when it is shown (drawing takes a tenth of a
    second: the answer's text is ready before)."""

    title: str
    points: tuple[tuple[int, float | None], ...]
    unit: str
    _png: list[bytes] = field(default_factory=list, compare=False, repr=False)

    def png(self) -> bytes:
        """The chart as PNG bytes (drawn once)."""
        if not self._png:
            self._png.append(trend_chart(self.title, list(self.points), self.unit))
        return self._png[0]
