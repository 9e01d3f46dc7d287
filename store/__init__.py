"""Persistence: SQLModel tables, engine set-up and repository functions.

The only package that speaks SQL. Every function opens one short session and returns plain
frozen dataclasses, never live ORM objects.
"""

from store.db import Database, open_database
from store.records import AgencyRecord, IngestOutcome, StoredFinding, StoredReport

__all__ = [
    "AgencyRecord",
    "Database",
    "IngestOutcome",
    "StoredFinding",
    "StoredReport",
    "open_database",
]
