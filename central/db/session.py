"""Engines, sessions and the one-transaction-per-request helpers.

SQLite runs in WAL mode with foreign keys on and pysqlite's own transaction handling off, so
SQLAlchemy's BEGIN is the only one. A writing transaction starts with ``BEGIN IMMEDIATE``: it
takes SQLite's write lock up front and waits for it (busy timeout) instead of failing half-way
when another writer got there first. PostgreSQL gets a small pool with pre-ping, so a restarted
database costs one failed request at most.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from station.store.files import create_private

log = logging.getLogger(__name__)

T = TypeVar("T")
WRITE = "central_write"  # execution option: this transaction will write
_WRITING: dict[str, Any] = {WRITE: True}
ATTEMPTS = 4
# PostgreSQL SQLSTATEs worth another go: serialization failure, deadlock
_RETRY_SQLSTATES = {"40001", "40P01"}


def make_engine(url: str, *, pool_size: int = 8) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, parsed.database)
    return create_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,
        pool_timeout=30,
        connect_args={"application_name": "central", "connect_timeout": 10},
    )


def _sqlite_engine(url: str, database: str | None) -> Engine:
    if database and database != ":memory:":
        create_private(Path(database))  # the owner's only, its WAL too
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False, autoflush=True)


def _transient(exc: DBAPIError) -> bool:
    if isinstance(exc, IntegrityError):
        return True  # a concurrent request stored the same key first: look again
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate in _RETRY_SQLSTATES:
        return True
    return isinstance(exc, OperationalError) and "database is locked" in str(exc.orig)


def write(session: Session, work: Callable[[Session], T], *, attempts: int = ATTEMPTS) -> T:
    """Run ``work`` in one writing transaction, committed before this returns.

    A conflict with a concurrent transaction (the same key inserted twice, a deadlock) rolls
    everything back and runs ``work`` again from the start; ``work`` must not commit.
    """
    for attempt in range(1, attempts + 1):
        try:
            with session.begin():
                session.connection(execution_options=_WRITING)
                return work(session)
        except DBAPIError as exc:
            if attempt == attempts or not _transient(exc):
                raise
            log.info("transaction conflict (%s), attempt %d again", type(exc).__name__, attempt)
    raise AssertionError("unreachable")


def read(session: Session, work: Callable[[Session], T]) -> T:
    """Run ``work`` in one read-only transaction (a consistent snapshot)."""
    with session.begin():
        return work(session)


PARAMETERS = 900  # bound values per query, well under every database's limit


def in_chunks(values: Sequence[T], size: int = PARAMETERS) -> Iterator[list[T]]:
    """``values`` in slices an ``IN (…)`` of one query can take (a batch may name 25,000
    blobs)."""
    for start in range(0, len(values), size):
        yield list(values[start : start + size])
