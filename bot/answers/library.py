"""What the answer engine needs to read: the agencies and their reports."""

from typing import Protocol

from bot.names import AgencyIndex
from store.records import StoredReport


class Library(Protocol):
    """Read access to the indexed reports (the service implements it over the store)."""

    def agency_index(self) -> AgencyIndex:
        """The name index of every agency with a report."""
        ...

    def years(self, agency_id: int) -> list[int]:
        """The years with a report for the agency, ascending."""
        ...

    def report(self, agency_id: int, year: int) -> StoredReport | None:
        """The current report of the agency for the year."""
        ...
