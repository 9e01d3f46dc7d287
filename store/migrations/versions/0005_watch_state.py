"""watch state: the watcher's book of watched pages

Revision ID: 0005
Revises: 0004
Created: 2026-12-07 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from store.models import AwareDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "watchstate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("book_json", sa.String(), nullable=False),
        sa.Column("updated_at", AwareDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("watchstate")
