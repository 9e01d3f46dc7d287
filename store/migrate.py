"""Schema migrations, run when the store opens: Alembic, for SQLite and PostgreSQL alike."""

import logging
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")
# the revision that a store made before migrations existed (by create_all) is equal to
FIRST_REVISION = "0001"


def migrate(engine: sa.Engine) -> None:
    """Bring the store at ``engine`` to the newest schema; a no-op when it is there."""
    # the common case, a store already at the newest revision, without loading Alembic
    # (a fifth of a second at every start)
    current, tables = _stored_revision(engine)
    if current == newest_file_revision():
        return
    from alembic import command  # noqa: PLC0415

    with engine.begin() as connection:
        config = _config(connection)
        if current is None and "report" in tables:
            command.stamp(config, FIRST_REVISION)
        command.upgrade(config, "head")
    log.info("store schema upgraded from %s to %s", current or "none", newest_file_revision())


def downgrade(engine: sa.Engine, revision: str) -> None:
    """Take the store back to ``revision`` ("base" drops every table); for tests and repairs."""
    from alembic import command  # noqa: PLC0415

    with engine.begin() as connection:
        command.downgrade(_config(connection), revision)


def _stored_revision(engine: sa.Engine) -> tuple[str | None, set[str]]:
    with engine.connect() as connection:
        tables = set(sa.inspect(connection).get_table_names())
        if "alembic_version" not in tables:
            return None, tables
        versions = connection.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    return (versions[0][0] if len(versions) == 1 else ""), tables


@cache
def newest_file_revision() -> str:
    """The revision of the last migration file: files are named ``NNNN_slug.py`` with the
    revision ``NNNN`` (``make migration`` does so), so the last name is the head."""
    newest = max(MIGRATIONS.glob("versions/[0-9][0-9][0-9][0-9]_*.py"))
    return newest.name[:4]


@cache
def head_revision() -> str:
    """The newest revision as Alembic reads the migration scripts."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None, "no migration scripts"
    return head


def _config(connection: sa.Connection) -> "Config":
    from alembic.config import Config  # noqa: PLC0415

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config
