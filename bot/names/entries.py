"""What the name index knows: agencies, and the regions they belong to."""

from dataclasses import dataclass, field


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
    """An indexed agency."""

    id: int
    name: str
    parent: str | None
    city: str | None = None
    province: str | None = None
    level: str | None = None

    @property
    def english(self) -> str:
        """The agency's name in English (computed when first asked for)."""
        from bot.names.profiles import profile  # noqa: PLC0415  (profiles import entries)

        return profile(self.name).english

    @property
    def place(self) -> str:
        """The nearest region the agency lies in (its identity beside its name)."""
        return self.parent or self.city or self.province or ""

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


@dataclass(frozen=True)
class Hit:
    """An agency or a region named in the question: where, how well, by what."""

    score: float
    alias: str
    start: int
    end: int
    how: str
    typed: str = ""
    agency: AgencyEntry | None = None
    region: Region | None = None
    coverage: int = 0


@dataclass(frozen=True)
class Mention:
    """One place in the question naming an agency: its candidates, best first."""

    start: int
    end: int
    typed: str
    candidates: tuple[Hit, ...]

    @property
    def best(self) -> Hit:
        """The best candidate."""
        return self.candidates[0]


@dataclass(frozen=True)
class Found:
    """What a question names: agency mentions in order, regions, and qualifying spans."""

    agencies: tuple[Mention, ...] = ()
    regions: tuple[Hit, ...] = field(default=())
    qualifiers: tuple[tuple[int, int], ...] = ()

    def spans(self) -> tuple[tuple[int, int], ...]:
        """Every span of the question that named something."""
        named = [(m.start, m.end) for m in self.agencies] + [
            (r.start, r.end) for r in self.regions
        ]
        return (*named, *self.qualifiers)
