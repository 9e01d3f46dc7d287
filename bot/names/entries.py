"""What the name index knows: agencies, and the regions they belong to."""

from dataclasses import dataclass


@dataclass(frozen=True)
class AgencyInfo:
    """An agency as the store describes it."""

    id: int
    name: str
    parent: str | None = None
    city: str | None = None
    province: str | None = None
    level: str | None = None


@dataclass(frozen=True)
class AgencyEntry:
    """An indexed agency, with its English name."""

    id: int
    name: str
    parent: str | None
    english: str
    city: str | None = None
    province: str | None = None
    level: str | None = None

    @property
    def regions(self) -> frozenset[str]:
        """The regions the agency lies in (parent, city, province)."""
        return frozenset(r for r in (self.parent, self.city, self.province) if r)


@dataclass(frozen=True)
class Region:
    """A region named by agencies' reports, and the agencies in it."""

    name: str
    english: str
    members: frozenset[int]
