"""Persistence: SQLModel tables, engine set-up and repository functions.

The only package that speaks SQL. Every function opens one short session and returns plain
frozen dataclasses, never live ORM objects. ``StoreError`` is what any of them raises when
the database fails (locked, full, gone): callers catch it without knowing SQLAlchemy.
"""

from bot.errors import StoreError
from bot.parser.report import Finding
from bot.records import AgencyRecord, IngestOutcome, StoredReport
from store.db import Database, open_database

__all__ = [
    "AgencyRecord",
    "Database",
    "Finding",
    "IngestOutcome",
    "StoreError",
    "StoredReport",
    "open_database",
]
