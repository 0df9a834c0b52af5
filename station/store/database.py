"""The one thread that touches the database.

All reads and writes are functions of a session submitted here; each runs in its own
transaction on a single worker thread that owns the SQLite connection, so sessions are never
shared between threads and writers never contend. Work functions return plain values
(:mod:`station.domain.records`), never ORM objects.

After a transaction that wrote anything commits, :attr:`Database.changes` announces which
tables it touched (on the database thread), so screens refresh what changed instead of polling.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker

from station.domain.errors import BilingualError
from station.runtime.emitter import Emitter
from station.store.engine import sqlite_engine
from station.store.migrate import upgrade

log = logging.getLogger(__name__)

T = TypeVar("T")
Work = Callable[[Session], T]


class StoreFull(BilingualError):
    """The disk the store is on is full: the transaction was rolled back, nothing of it kept."""

    def __init__(self) -> None:
        super().__init__(
            "The disk is full: nothing was saved. Free some space (or ask IT), then do it again.",
            "磁盘已满：未保存任何内容。请清理磁盘空间（或联系IT）后重做。",
        )


class Database:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.changes: Emitter[frozenset[str]] = Emitter("database changes")
        event.listen(self._sessions, "after_flush", _note_flush)
        event.listen(self._sessions, "do_orm_execute", _note_statement)
        self._thread_ident: int | None = None
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="station-db", initializer=self._remember_thread
        )

    @classmethod
    def open(cls, path: Path, *, backup_dir: Path | None = None) -> Database:
        """Open (creating and migrating as needed) the database file at ``path``; with
        ``backup_dir``, a database about to be migrated is copied there first."""
        engine = sqlite_engine(path)
        try:
            upgrade(engine, backup_dir=backup_dir)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    def _remember_thread(self) -> None:
        self._thread_ident = threading.get_ident()

    def submit(self, work: Work[T]) -> Future[T]:
        """Run ``work(session)`` in its own transaction on the database thread."""
        return self._executor.submit(self._transaction, work)

    def run(self, work: Work[T]) -> T:
        """Like :meth:`submit`, waiting for the result. Never call it from the database thread:
        nested work must take the session it was given instead."""
        if threading.get_ident() == self._thread_ident:
            raise RuntimeError("Database.run() called on the database thread; use the session")
        return self.submit(work).result()

    def _transaction(self, work: Work[T]) -> T:
        with self._sessions() as session:
            try:
                with session.begin():
                    result = work(session)
            except OperationalError as exc:
                if _disk_full(exc):  # said plainly, not as SQL
                    raise StoreFull() from exc
                raise
            changed = session.info.get(_CHANGED)
        if changed:
            self.changes.emit(frozenset(changed))
        return result

    def close(self) -> None:
        self._executor.shutdown(wait=True)
        self.engine.dispose()


_CHANGED = "station.changed_tables"


def _disk_full(exc: OperationalError) -> bool:
    return getattr(exc.orig, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or (
        "disk is full" in str(exc.orig)
    )


def _note(session: Session, table: str) -> None:
    session.info.setdefault(_CHANGED, set()).add(table)


def _note_flush(session: Session, _flush: UOWTransaction) -> None:
    for row in (*session.new, *session.dirty, *session.deleted):
        table = getattr(row, "__tablename__", None)
        if table is not None:
            _note(session, table)


def _note_statement(state: ORMExecuteState) -> None:
    """Bulk INSERT/UPDATE/DELETE statements, which bypass the flush."""
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        name = getattr(table, "name", None)
        if isinstance(name, str):
            _note(state.session, name)
