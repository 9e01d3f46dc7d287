"""The watcher's book in the store: one row of JSON, read and written whole."""

import json
from datetime import datetime
from typing import Any

from store.db import Database
from store.models import WatchState


def load_watch_book(db: Database) -> dict[str, Any]:
    """The book as last saved (empty before the first check)."""
    with db.session() as session:
        row = session.get(WatchState, 1)
        data: dict[str, Any] = json.loads(row.book_json) if row is not None else {}
        return data


def save_watch_book(db: Database, *, book: dict[str, Any], now: datetime) -> None:
    """Save the book (the one row, created on the first save)."""
    with db.session() as session:
        row = session.get(WatchState, 1) or WatchState(id=1)
        row.book_json = json.dumps(book, ensure_ascii=False)
        row.updated_at = now
        session.add(row)
