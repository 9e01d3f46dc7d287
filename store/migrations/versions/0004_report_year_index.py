"""one index for a year's current reports, instead of one on the year and one on a flag

Indexes on `year` (five values) and `current` (two) tempted SQLite's planner away from the
(agency, year) index: a city's reports were found by walking every current report. A partial
index on (year, agency) serves region totals and rankings, whole-country ones included.

Revision ID: 0004
Revises: 0003
Created: 2026-11-27 21:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_report_current", table_name="report")
    op.drop_index("ix_report_year", table_name="report")
    op.create_index(
        "ix_report_year_agency",
        "report",
        ["year", "agency_id"],
        sqlite_where=sa.text("current = 1"),
        postgresql_where=sa.text("current"),
    )


def downgrade() -> None:
    op.drop_index(
        "ix_report_year_agency",
        table_name="report",
        sqlite_where=sa.text("current = 1"),
        postgresql_where=sa.text("current"),
    )
    op.create_index("ix_report_year", "report", ["year"])
    op.create_index("ix_report_current", "report", ["current"])
