"""Storage: the :class:`Store` interface and its implementations."""

from __future__ import annotations

import os
from pathlib import Path

from .base import NEW, UNCHANGED, UPDATED, SaveResult, SearchFilter, SearchHit, Store
from .sqlite import SQLiteStore, StoreError

DEFAULT_DB = "newsthread.db"


def default_db_path() -> str:
    """``$NEWSTHREAD_DB`` when set, else ``./newsthread.db``."""
    return os.environ.get("NEWSTHREAD_DB") or DEFAULT_DB


def open_store(location: str | Path | None = None) -> Store:
    """Open (and create or migrate) the store at ``location``: a SQLite file path."""
    location = str(location or default_db_path())
    if location.startswith(("postgres://", "postgresql://")):
        raise StoreError("PostgreSQL is not supported yet; give a SQLite file path")
    return SQLiteStore(location)


__all__ = [
    "NEW",
    "UNCHANGED",
    "UPDATED",
    "SQLiteStore",
    "SaveResult",
    "SearchFilter",
    "SearchHit",
    "Store",
    "StoreError",
    "default_db_path",
    "open_store",
]
