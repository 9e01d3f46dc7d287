"""Alembic migrations of the store: every schema change, for SQLite and PostgreSQL alike."""
