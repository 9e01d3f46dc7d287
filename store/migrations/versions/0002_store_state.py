"""store state: a counter of changes to the indexed reports

Revision ID: 0002
Revises: 0001
Created: 2026-11-27 20:23:11.231990
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    state = op.create_table(
        "storestate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reports_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    # the one row every ingest raises; an existing store starts at its number of reports
    op.execute(
        state.insert().from_select(
            ["id", "reports_version"],
            sa.select(sa.literal(1), sa.func.count()).select_from(sa.table("report")),
        )
    )


def downgrade() -> None:
    op.drop_table("storestate")
