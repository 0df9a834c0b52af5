"""Bring the central database to the newest schema with Alembic, from code (no alembic.ini)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from filelock import FileLock
from sqlalchemy import Engine, text

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    return _head()


@cache
def _head() -> str | None:
    """This program's newest schema (its migration scripts do not change while it runs)."""
    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


class SchemaOutOfDate(RuntimeError):
    """The database is not at the schema this program needs (``central migrate``)."""


# pg_advisory_lock's key for "a migration is running" (any number all processes agree on)
MIGRATION_LOCK_KEY = 0x63656E7472616C  # "central"


@contextmanager
def migration_lock(engine: Engine) -> Iterator[None]:
    """Held by one migrating process at a time, so processes started together never race:
    the others wait, then find the schema current. PostgreSQL: an advisory lock; SQLite: a
    file lock beside the database."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as holder:
            holder.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
            try:
                yield
            finally:
                holder.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATION_LOCK_KEY})
                holder.commit()
        return
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and database != ":memory:":
        with FileLock(f"{database}.migrate.lock"):
            yield
        return
    yield


def upgrade(engine: Engine) -> None:
    """Apply every migration the database lacks; a no-op on an up-to-date database. Safe to
    run from several processes at once (:func:`migration_lock`)."""
    with migration_lock(engine):
        before = current_revision(engine)
        command.upgrade(alembic_config(engine), "head")
        after = current_revision(engine)
    if before != after:
        log.info("central database migrated from %s to %s", before or "empty", after)


def require_current(engine: Engine) -> None:
    """Raise :class:`SchemaOutOfDate` unless the database is at this program's head."""
    current, head = current_revision(engine), head_revision(engine)
    if current != head:
        raise SchemaOutOfDate(
            f"the database's schema is {current or 'empty'}, this program needs {head}: "
            "run `central migrate` first (once, before starting the service's processes)"
        )
