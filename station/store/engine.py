"""The SQLite engine: WAL, foreign keys, full sync, and transactions SQLAlchemy controls."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from station.store.files import create_private


def sqlite_engine(path: Path, *, synchronous: str = "FULL") -> Engine:
    """An engine on the database file at ``path`` (created with its folder if missing).

    pysqlite's own transaction handling is switched off so that SQLAlchemy's BEGIN is the
    only one: otherwise DDL and SAVEPOINTs run outside the transaction the caller owns.
    """
    create_private(path)  # SQLite gives its WAL and shared memory the database's mode
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 10})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine
