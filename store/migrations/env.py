"""Alembic environment: run by ``store.db.open_database`` with a live connection, or by the
``alembic`` command (``make migration``) on the URL in ``DISCLOSURE_BOT_DB_URL``."""

import os
from typing import Literal

import sqlalchemy as sa
from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString

from store.models import AwareDateTime  # importing models registers the tables

TARGET = SQLModel.metadata


def _render_item(kind: str, item: object, autogen: AutogenContext) -> str | Literal[False]:
    # the store's own column types, written so that a migration imports it by name
    if kind == "type" and isinstance(item, AwareDateTime):
        autogen.imports.add("from store.models import AwareDateTime")
        return "AwareDateTime()"
    if kind == "type" and isinstance(item, AutoString):
        return f"sa.String({item.length or ''})"
    return False


def _migrate(connection: sa.Connection) -> None:
    # batch mode: SQLite alters a table by copying it, which plain ALTER cannot do there
    context.configure(
        connection=connection,
        target_metadata=TARGET,
        render_as_batch=True,
        render_item=_render_item,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            # two processes starting at once (bot and ingest) migrate one after the other
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(727001)"))
        context.run_migrations()


def run() -> None:
    """Migrate the connection given by the caller, else one opened on the configured URL."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    url = os.environ.get("DISCLOSURE_BOT_DB_URL", "sqlite:///data/disclosure.db")
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        _migrate(connection)
    engine.dispose()


run()
