"""Engine and session set-up for any SQLAlchemy URL (SQLite by default, PostgreSQL too).

Every access goes through ``Database.session``, ``connect`` or ``begin``, which turn any
SQLAlchemy error into the project's ``StoreError``: nothing above the store sees SQLAlchemy.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from bot.errors import StoreError
from store.migrate import migrate


def store_error(error: SQLAlchemyError) -> StoreError:
    """The project's error for a database failure, with the database's own words."""
    return StoreError(str(getattr(error, "orig", None) or error).splitlines()[0])


@contextmanager
def translated() -> Iterator[None]:
    """Raise ``StoreError`` for any SQLAlchemy error inside."""
    try:
        yield
    except SQLAlchemyError as error:
        raise store_error(error) from error


@dataclass(frozen=True)
class Database:
    """An open store: the engine, and short sessions on demand."""

    engine: Engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One short session; commits on success, rolls back on any error."""
        with translated(), Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def connect(self) -> Iterator[sa.Connection]:
        """A connection for reading."""
        with translated(), self.engine.connect() as connection:
            yield connection

    @contextmanager
    def begin(self) -> Iterator[sa.Connection]:
        """A connection in a transaction: committed on success, rolled back on any error."""
        with translated(), self.engine.begin() as connection:
            yield connection

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()


def open_database(url: str) -> Database:
    """Open the store at ``url``, creating it or migrating its schema to the newest."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, **_engine_options(url))
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    with translated():
        migrate(engine)
    return Database(engine)


def _engine_options(url: str) -> dict[str, Any]:
    if url.startswith("sqlite"):
        return {"connect_args": {"check_same_thread": False, "timeout": 30}}
    return {"pool_pre_ping": True}


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    # WAL lets the bot answer while an ingest writes; the busy time-out waits out short locks.
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
