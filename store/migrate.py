"""Schema migrations, run when the store opens: Alembic, for SQLite and PostgreSQL alike."""

from functools import cache
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).with_name("migrations")
# the revision that a store made before migrations existed (by create_all) is equal to
FIRST_REVISION = "0001"


def migrate(engine: sa.Engine) -> None:
    """Bring the store at ``engine`` to the newest schema; a no-op when it is there."""
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
        tables = set(sa.inspect(connection).get_table_names())
    if current == (head_revision(),):
        return
    with engine.begin() as connection:
        config = _config(connection)
        if not current and "report" in tables:
            command.stamp(config, FIRST_REVISION)
        command.upgrade(config, "head")


def downgrade(engine: sa.Engine, revision: str) -> None:
    """Take the store back to ``revision`` ("base" drops every table); for tests and repairs."""
    with engine.begin() as connection:
        command.downgrade(_config(connection), revision)


@cache
def head_revision() -> str:
    """The newest revision among the migration scripts."""
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None, "no migration scripts"
    return head


def _config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config
