"""Words of a question that nothing explained: a figure the bot does not know, or noise."""

import re
from functools import cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from bot.catalogue import all_fields

# Words that ask, connect or summarise, in either language; they name no figure.
STOP_EN = frozenset(
    """
application applications request requests foi received a an the of in on at for to from
by with and or vs versus is are was were be been do does did how many much what which who
whom whose when where why there their its it this that these those please tell me show
give get about number numbers figure figures report reports agency agencies year years
total overall summary overview status data stats statistics information info government
disclosure annual open public any all some has have had can could would should i we you
they he she us our your my latest recent face faced see saw there here did happen
happened times time cases case count amount value values figures last also just only
""".split()  # noqa: SIM905
)
_STOP_ZH = (
    "申请数量",
    "申请",
    "数量",
    "哪个机构",
    "哪些机构",
    "哪家",
    "机构",
    "部门",
    "单位",
    "请问",
    "请",
    "告诉我",
    "多少",
    "几个",
    "几件",
    "几",
    "是",
    "的",
    "了",
    "吗",
    "呢",
    "啊",
    "有",
    "共",
    "一共",
    "年度",
    "年",
    "报告",
    "情况",
    "数据",
    "概况",
    "怎么样",
    "什么",
    "哪些",
    "哪个",
    "政府信息公开",
    "信息公开",
    "工作",
    "总共",
    "查询",
    "查",
    "一下",
    "看看",
    "给我",
    "显示",
    "关于",
    "这个",
    "那个",
    "个",
    "件",
    "项",
    "和",
    "与",
    "以及",
    "有几件",
    "本机关",
    "相关",
    "涉及",
    "几次",
    "次",
    "被",
    "又",
    "是否",
    "有没有",
    "帮我",
    "帮忙",
    "我想知道",
    "想知道",
    "知道",
    "能不能",
    "可以",
    "统计",
    "截至",
    "全年",
    "年内",
    "当年",
    "本年度",
    "该年",
    "期间",
    "因为",
    "其中",
    "而",
    "中",
    "里",
    "到底",
    "具体",
    "大概",
    "共有",
    "总共有",
    "一共有",
    "为",
    "都",
    "在",
    "对",
    "等",
    "多",
)


def leftover_words(text: str) -> str:
    """The words of ``text`` that are neither asking words nor numbers (already-matched names,
    years and figures should be blanked out by the caller)."""
    english = [w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() not in STOP_EN]
    chinese = " ".join(re.findall(r"[\u4e00-\u9fff]+", text))
    for stop in _STOP_ZH:
        chinese = chinese.replace(stop, " ")
    runs = [r for r in chinese.split() if len(r) >= 2]
    return " ".join([*english, *runs]).strip()


@cache
def _row_phrases() -> tuple[list[str], list[str]]:
    """Every name of every row, with the field that stands for the row (its total, its one
    column, or its first column)."""
    texts, keys = [], []
    representative: dict[object, str] = {}
    for spec in all_fields():
        current = representative.get(spec.row)
        if current is None or spec.column.key in {"total", "decisions", "amount"}:
            representative[spec.row] = spec.key
    for row, key in representative.items():
        for text in (*row.zh_all, *row.en_all):  # type: ignore[attr-defined]
            texts.append(text.lower())
            keys.append(key)
    return texts, keys


def closest_fields(words: str, limit: int = 3) -> list[str]:
    """The fields whose names come closest to ``words`` (one per row, best first)."""
    texts, keys = _row_phrases()
    found = process.extract(words.lower(), texts, scorer=fuzz.WRatio, limit=limit * 10)
    ordered: list[str] = []
    for _text, _score, index in found:
        if keys[index] not in ordered:
            ordered.append(keys[index])
    return ordered[:limit]


@cache
def _vocabulary() -> frozenset[str]:
    words: set[str] = set()
    for spec in all_fields():
        for label in (spec.row, spec.column):
            for text in label.en_all:
                words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", text))
    return frozenset(words)


def correct_spelling(text: str) -> str:
    """English words one or two letters from a word of the catalogue, spelt as it has them
    ("lawsiuts" → "lawsuits"); other words unchanged."""
    vocabulary = _vocabulary()

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        if len(lower) < 5 or lower in vocabulary or lower in STOP_EN:
            return word
        edits = 1 if len(lower) < 9 else 2
        found = process.extractOne(
            lower, vocabulary, scorer=DamerauLevenshtein.distance, score_cutoff=edits
        )
        return found[0] if found else word

    return re.sub(r"[A-Za-z]+", fix, text)
