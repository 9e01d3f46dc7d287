"""What the name index knows: agencies, and the regions they belong to."""

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence, Set
from dataclasses import dataclass, field
from typing import overload

from bot.records import AgencyRecord


class Members(Sequence[int]):
    """The ids of a region's agencies, sorted, as machine integers: a province's thousands of
    ids take a tenth of the memory of a set, and ``in`` is a binary search."""

    __slots__ = ("_ids",)

    def __init__(self, ids: Iterable[int]) -> None:
        self._ids = array("q", sorted(set(ids)))

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, int):
            return False
        at = bisect_left(self._ids, value)
        return at < len(self._ids) and self._ids[at] == value

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...
    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        return self._ids[index]

    def __iter__(self) -> Iterator[int]:
        return iter(self._ids)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Members):
            return self._ids == other._ids
        return isinstance(other, Set | Sequence) and set(self._ids) == set(other)

    def __hash__(self) -> int:
        return hash(tuple(self._ids))

    def __repr__(self) -> str:
        return f"Members({list(self._ids)})"


@dataclass(frozen=True)
class Region:
    """A region named by agencies' reports, and the agencies in it."""

    name: str
    english: str
    members: Members


@dataclass(frozen=True)
class Hit:
    """An agency or a region named in the question: where, how well, by what."""

    score: float
    alias: str
    start: int
    end: int
    how: str
    typed: str = ""
    agency: AgencyRecord | None = None
    region: Region | None = None
    coverage: int = 0
    partial: bool = False  # the agency's body (an office's 办公厅) was not named


@dataclass(frozen=True)
class Mention:
    """One place in the question naming an agency: its candidates, best first."""

    start: int
    end: int
    typed: str
    candidates: tuple[Hit, ...]
    others: tuple[Hit, ...] = ()  # candidates that named less of the question
    outside: str | None = None  # a region named beside it that none of the candidates is in

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

    def first_agencies(self) -> tuple[AgencyRecord, ...]:
        """The agencies the first mention may mean, best first: one when it is clear, none
        when no agency is named."""
        if not self.agencies:
            return ()
        found = {h.agency.id: h.agency for h in self.agencies[0].candidates if h.agency}
        return tuple(found.values())

    def spans(self) -> tuple[tuple[int, int], ...]:
        """Every span of the question that named something."""
        named = [(m.start, m.end) for m in self.agencies] + [
            (r.start, r.end) for r in self.regions
        ]
        return (*named, *self.qualifiers)
