"""Which layout a report is in: 2021, 2019, or the pre-2019 one the bot does not read."""

import re

from bot.parser.sections import SectionSpan

_2019_COLUMNS = re.compile(
    r"本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|采购项目数量"
)
_2021_COLUMNS = re.compile(r"本年制发件数|本年废止件数|现行有效件数|本年收费金额")
_OLD_TABLE = re.compile(r"政府信息公开情况统计表|指标名称.{0,20}计量单位")


def detect_layout(text: str, spans: dict[str, SectionSpan], year: int | None) -> str:
    """``2019`` or ``2021``, from section 二's column labels, else from the year."""
    first_table = spans["三"].start if "三" in spans else len(text)
    body = text[spans["二"].start : spans["二"].end] if "二" in spans else text[:first_table]
    if _2019_COLUMNS.search(body):
        return "2019"
    if _2021_COLUMNS.search(body):
        return "2021"
    return "2019" if year is not None and year <= 2020 else "2021"


def is_pre_2019(text: str, year: int | None) -> bool:
    """True for a report in the 2008 regulations' layout (reports for 2018 and earlier)."""
    return (year is not None and year <= 2018) or (
        _OLD_TABLE.search(text) is not None and "收到和处理政府信息公开申请" not in text
    )
