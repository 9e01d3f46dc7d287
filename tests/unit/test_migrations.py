"""Schema changes go through Alembic: the migrations build exactly the tables the models
declare, on SQLite and PostgreSQL, and a store made before migrations existed is adopted."""

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from conftest import SEED, SHANGHAI, fixed_now, gold
from sqlmodel import SQLModel

from bot.records import IngestStatus
from bot.service.core import DisclosureService
from store import open_database, repo
from store.migrate import (
    FIRST_REVISION,
    downgrade,
    head_revision,
    migrate,
    newest_file_revision,
)

pytestmark = pytest.mark.backends


def _differences(engine: sa.Engine) -> list[object]:
    with engine.connect() as connection:
        return list(compare_metadata(MigrationContext.configure(connection), SQLModel.metadata))


def _revision(engine: sa.Engine) -> tuple[str, ...]:
    with engine.connect() as connection:
        return tuple(MigrationContext.configure(connection).get_current_heads())


def _tables(engine: sa.Engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names())


def test_the_last_migration_file_is_the_head() -> None:
    # the store skips Alembic at start-up when it is at the last file's revision
    assert newest_file_revision() == head_revision()


def test_migrations_build_the_models_schema(db_url: str) -> None:
    db = open_database(db_url)
    assert _revision(db.engine) == (head_revision(),)
    assert _differences(db.engine) == []
    db.close()


def test_down_to_nothing_and_up_again(db_url: str) -> None:
    db = open_database(db_url)
    downgrade(db.engine, "base")
    assert _tables(db.engine) <= {"alembic_version"}
    migrate(db.engine)
    assert _differences(db.engine) == []
    db.close()


def test_reopening_keeps_data_and_revision(db_url: str) -> None:
    service = DisclosureService(open_database(db_url), timezone=SHANGHAI, max_file_bytes=1 << 20)
    assert (
        service.ingest_bytes(SEED.name, SEED.read_bytes(), now=fixed_now()).status
        is IngestStatus.INDEXED
    )
    service.db.close()
    again = DisclosureService(open_database(db_url), timezone=SHANGHAI, max_file_bytes=1 << 20)
    answer = again.ask("Hantun Road applications 2023", now=fixed_now()).to_json()
    assert answer["value"] == gold(SEED.stem)["figures"]["applications.new.total"]
    assert _revision(again.db.engine) == (head_revision(),)
    again.db.close()


def test_store_made_before_migrations_is_adopted(db_url: str) -> None:
    # the first versions made the tables of revision 0001 with create_all, and no version
    db = open_database(db_url)
    downgrade(db.engine, FIRST_REVISION)
    with db.engine.begin() as connection:
        connection.execute(sa.text("DROP TABLE alembic_version"))
        connection.execute(sa.text("INSERT INTO agency (identity, name) VALUES ('甲|', '甲')"))
    db.close()
    db = open_database(db_url)
    assert _revision(db.engine) == (head_revision(),)
    assert _differences(db.engine) == []
    with db.engine.connect() as connection:
        assert connection.execute(sa.text("SELECT name FROM agency")).scalar_one() == "甲"
    db.close()


def test_every_ingest_raises_the_reports_version(db_url: str) -> None:
    service = DisclosureService(open_database(db_url), timezone=SHANGHAI, max_file_bytes=1 << 20)
    before = repo.index_version(service.db)
    assert (
        service.ingest_bytes(SEED.name, SEED.read_bytes(), now=fixed_now()).status
        is IngestStatus.INDEXED
    )
    assert repo.index_version(service.db) == before + 1
    assert service.ingest_bytes(SEED.name, SEED.read_bytes(), now=fixed_now()).status == (
        "unchanged"
    )
    assert repo.index_version(service.db) == before + 1
    service.db.close()
