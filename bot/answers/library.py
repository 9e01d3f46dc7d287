"""What the answer engine needs to read: the agencies and their reports."""

from decimal import Decimal
from typing import Protocol

from bot.agencies import NameIndex
from bot.records import StoredReport


class Library(Protocol):
    """Read access to the indexed reports (the service implements it over the store)."""

    def agency_index(self) -> NameIndex:
        """The name index of every agency with a report."""
        ...

    def years(self, agency_id: int) -> list[int]:
        """The years with a report for the agency, ascending."""
        ...

    def report(self, agency_id: int, year: int) -> StoredReport | None:
        """The current report of the agency for the year."""
        ...

    def values(
        self, *, keys: list[str], year: int, agency_ids: list[int]
    ) -> dict[int, dict[str, Decimal | None]]:
        """For each agency with a report that year: the cells ``keys`` (``None`` if not
        reported; absent if not in the report's layout)."""
        ...

    def flagged(self, *, keys: list[str], year: int, agency_ids: list[int]) -> set[int]:
        """The agencies whose report for the year breaks a rule touching any of ``keys``."""
        ...

    def lacking(self, *, keys: list[str], year: int, agency_ids: list[int]) -> set[int]:
        """The agencies whose indexed copy for the year lacks any of ``keys`` (cut off before
        it, or not read for certain): their value would be a guess."""
        ...
