"""The building blocks of the field catalogue: labels, units and fields."""

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Label:
    """A row or column of a report table, as printed and as people name it."""

    key: str
    zh: str
    en: str
    zh_variants: tuple[str, ...] = ()
    synonyms_zh: tuple[str, ...] = ()
    synonyms_en: tuple[str, ...] = ()
    display_zh: str = ""

    def __hash__(self) -> int:
        # by key alone: labels key the parser's caches, and hashing every form each time
        # cost more than the lookups (equal labels have equal keys, so this is a valid hash)
        return hash(self.key)

    @property
    def zh_short(self) -> str:
        """The Chinese name for a reply, where the printed label needs its context."""
        return self.display_zh or self.zh

    @property
    def zh_all(self) -> tuple[str, ...]:
        """Every Chinese form: the printed label, its variants and the everyday words."""
        return (self.zh, *self.zh_variants, *self.synonyms_zh)

    @property
    def en_all(self) -> tuple[str, ...]:
        """Every English form: the label and its synonyms."""
        return (self.en, *self.synonyms_en)


@dataclass(frozen=True)
class Unit:
    """How a value is counted, in both languages."""

    zh: str
    en_one: str
    en_many: str

    def en(self, value: "Decimal | int") -> str:
        """The English unit word for ``value`` (singular for exactly 1)."""
        return self.en_one if value == 1 else self.en_many


APPLICATIONS = Unit("件", "application", "applications")
CASES = Unit("件", "case", "cases")
DOCUMENTS = Unit("件", "document", "documents")
DECISIONS = Unit("件", "decision", "decisions")
ITEMS = Unit("项", "item", "items")
TEN_THOUSAND_YUAN = Unit("万元", "× 10,000 yuan (万元)", "× 10,000 yuan (万元)")

BOTH_LAYOUTS = ("2019", "2021")


@dataclass(frozen=True)
class Field:
    """One figure of a report: a cell (row × column) of one of the tables of sections 二–四.

    ``parts`` is set for derived group sums, which are computed from other fields and never
    stored as if the report printed them.
    """

    key: str
    section: str
    row: Label
    column: Label
    unit: Unit
    layouts: tuple[str, ...] = BOTH_LAYOUTS
    decimal: bool = False
    signed: bool = False
    parts: tuple[str, ...] = field(default=())

    @property
    def derived(self) -> bool:
        """True for group sums computed from other fields."""
        return bool(self.parts)

    @property
    def label_zh(self) -> str:
        """Row and column in Chinese, e.g. ``本年新收政府信息公开申请数量 · 总计``."""
        return f"{self.row.zh} · {self.column.zh}" if self.column.zh else self.row.zh

    @property
    def label_en(self) -> str:
        """Row and column in English."""
        return f"{self.row.en} · {self.column.en}" if self.column.en else self.row.en


@dataclass(frozen=True)
class Section:
    """A numbered section of the report and the words its heading is recognised by."""

    number: str
    title: str
    title_en: str
    keywords: tuple[str, ...]
    text_key: str | None = None
