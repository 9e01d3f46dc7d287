"""A group's sum over a part the report holds but could not be read for certain is unknown,
never the sum of the other parts: a partial sum would be a wrong number."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from bot.answers.figures import read_figure
from bot.catalogue import field
from bot.parser.report import Finding
from bot.records import AgencyRecord, StoredReport

GROUP = "applications.outcome.withheld.natural_person"
PARTS = field(GROUP).parts  # the eight reasons for withholding, natural persons' column
UNSURE = PARTS[2]


def stored(figures: dict[str, Decimal | None], findings: tuple[Finding, ...]) -> StoredReport:
    return StoredReport(
        id=1,
        agency=AgencyRecord(1, "某某县民政局", "某某县"),
        year=2023,
        layout="2021",
        source_name="x.txt",
        sha256="0" * 64,
        ingested_at=datetime(2024, 1, 2, tzinfo=UTC),
        published=date(2024, 1, 2),
        figures=figures,
        findings=findings,
    )


@pytest.mark.parametrize("held_as", ["absent", "blank"])
def test_a_sum_over_an_unsure_part_is_unknown(held_as: str) -> None:
    # parts printed 1..8; the third was written "1e5": left out with a finding
    figures: dict[str, Decimal | None] = {p: Decimal(i) for i, p in enumerate(PARTS, 1)}
    del figures[UNSURE]
    if held_as == "blank":  # a store written before unsure cells left "not reported"
        figures[UNSURE] = None
    unsure = Finding("ambiguous_cells", (UNSURE,), None, None, "1 cell unsure")
    value = read_figure(stored(figures, (unsure,)), field(GROUP))
    assert value.value is None and value.lacking == unsure


def test_a_sum_over_blank_parts_is_the_sum_of_the_printed_ones() -> None:
    figures: dict[str, Decimal | None] = {p: Decimal(1) for p in PARTS}
    figures[UNSURE] = None  # printed "/": not reported, nothing unknown
    value = read_figure(stored(figures, ()), field(GROUP))
    assert value.value == Decimal(7) and value.lacking is None
