"""Which agencies a deadline concerns, and which of them have published for the year."""

from collections.abc import Iterable
from dataclasses import dataclass

from bot.agencies import AgencyRecord, NameIndex
from bot.config import Deadline
from bot.config.sections import Townships

_GOVERNMENT_LEVELS = frozenset({"province", "city", "county"})


def concerned(
    deadline: Deadline, entry: AgencyRecord, townships: Townships = "departments"
) -> bool:
    """True when the deadline applies to the agency (departments, governments, or all; and the
    deadline's region, if it names one). Street offices and towns follow ``townships``."""
    if (
        deadline.region
        and deadline.region not in entry.regions
        and not entry.name.startswith(deadline.region)
    ):
        return False
    if deadline.applies_to == "all":
        return True
    kind = "departments" if entry.level == "department" else None
    if entry.level in _GOVERNMENT_LEVELS:
        kind = "governments"
    elif entry.level == "township":
        kind = townships
    return deadline.applies_to == kind


def tracked(index: NameIndex, region: str, agency_ids: Iterable[int]) -> list[AgencyRecord]:
    """The agencies a subscription tracks: a region's, or those listed (all when neither)."""
    if region:
        found = index.regions.get(region)
        ids = sorted(found.members) if found else []
    else:
        ids = sorted(agency_ids) or sorted(index.entries)
    return [index.entries[i] for i in ids if i in index.entries]


@dataclass(frozen=True)
class Progress:
    """Of the agencies a deadline concerns: which have a report for the year, which not."""

    reported: tuple[AgencyRecord, ...]
    missing: tuple[AgencyRecord, ...]


def progress(
    deadline: Deadline,
    agencies: list[AgencyRecord],
    year: int,
    years_of: dict[int, list[int]],
    townships: Townships = "departments",
) -> Progress:
    """Split the concerned agencies by whether their report for ``year`` is indexed."""
    concerned_ones = [a for a in agencies if concerned(deadline, a, townships)]
    reported = tuple(a for a in concerned_ones if year in years_of.get(a.id, []))
    missing = tuple(a for a in concerned_ones if year not in years_of.get(a.id, []))
    return Progress(reported, missing)
