"""the current-report index usable by SQLite's planner: WHERE current = 1

SQLite uses a partial index only when the query repeats its WHERE clause exactly, and
SQLAlchemy writes a boolean test as ``current = 1``: with ``WHERE current`` the index of
(agency, year) was never chosen, and a region's reports were found by scanning a year's.

Revision ID: 0003
Revises: 0002
Created: 2026-11-27 21:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "uq_report_current_agency_year"


def _recreate(where: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL proves `current = true` implies `current`: nothing to change
    op.drop_index(NAME, table_name="report")
    op.create_index(
        NAME, "report", ["agency_id", "year"], unique=True, sqlite_where=sa.text(where)
    )


def upgrade() -> None:
    _recreate("current = 1")


def downgrade() -> None:
    _recreate("current")
