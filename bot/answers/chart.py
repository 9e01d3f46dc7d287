"""Charts for trends, drawn off-screen with matplotlib as PNG bytes."""

import io
from functools import cache

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
def cjk_font() -> str | None:
    """A font on this machine that draws Chinese, if any."""
    # matplotlib is imported on first use: a second less at start-up
    from matplotlib import font_manager  # noqa: PLC0415

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in _CJK_FONTS if name in installed), None)


def trend_chart(title: str, points: list[tuple[int, float | None]], unit: str) -> bytes:
    """A line chart of values by year; missing years are gaps. ``title`` should be Latin
    text when no CJK font is installed (the caller decides)."""
    # the object API, not pyplot: no global figure state, safe in the bot's worker threads
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415
    from matplotlib.figure import Figure  # noqa: PLC0415

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
    axes.set_title(title, fontsize=10)
    axes.set_ylabel(unit, fontsize=8)
    axes.grid(alpha=0.3)
    known = [v for _, v in points if v is not None]
    axes.set_ylim(bottom=0, top=max(max(known, default=0) * 1.18, 1))
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()
