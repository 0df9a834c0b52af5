"""Bring a database to the newest schema with Alembic, from code (no alembic.ini needed).

An existing database is copied to ``backups/`` beside it before any migration touches it.
Migrations run in one transaction, so a failing one normally leaves nothing behind; the copy
covers what a transaction cannot (a step run outside it, a full disk during the rewrite of a
table), and a failed upgrade puts it back before saying what went wrong.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from station.store.files import atomic_path

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
BACKUPS_KEPT = 5


class UpgradeError(RuntimeError):
    """The database could not be brought to this version's schema; it is as it was before."""


def alembic_config(engine: Engine, script_location: Path = MIGRATIONS) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.attributes["engine"] = engine
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: Engine, script_location: Path = MIGRATIONS) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine, script_location)).get_current_head()


def upgrade(
    engine: Engine, *, backup_dir: Path | None = None, script_location: Path = MIGRATIONS
) -> Path | None:
    """Apply every migration the database lacks; a no-op on an up-to-date database.

    With ``backup_dir``, a database that has data is copied there first (the path is
    returned) and restored from that copy if the upgrade fails (:class:`UpgradeError`).
    """
    config = alembic_config(engine, script_location)
    scripts = ScriptDirectory.from_config(config)
    before = current_revision(engine)
    head = scripts.get_current_head()
    if before == head:
        return None
    if before is not None and before not in {s.revision for s in scripts.walk_revisions()}:
        raise UpgradeError(
            f"the database was written by a newer version of the station (schema {before}); "
            "install that version again, or a newer one"
        )
    backup = None
    if backup_dir is not None and (before is not None or _has_tables(engine)):
        backup = back_up(engine, backup_dir, label=before or "unversioned")
    try:
        command.upgrade(config, "head")
    except Exception as exc:
        log.exception("database upgrade from %s failed", before)
        if backup is None:
            raise UpgradeError(f"the database could not be upgraded: {exc}") from exc
        engine.dispose()
        restore(backup, _database_path(engine))
        raise UpgradeError(
            f"the database could not be upgraded from schema {before} to {head} ({exc}); "
            f"it was restored from the copy taken before, {backup}"
        ) from exc
    log.info("database migrated from %s to %s (copy kept at %s)", before or "empty", head, backup)
    return backup


def back_up(engine: Engine, backup_dir: Path, *, label: str) -> Path:
    """A consistent copy of the database (WAL included), through SQLite's backup API."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"station-{label}-{stamp}.db"
    database = _database_path(engine)
    with atomic_path(target) as partial:
        _copy_into(sqlite3.connect(database), partial)
    _prune(backup_dir)
    log.info("database copied to %s before upgrading", target)
    return target


def restore(backup: Path, database: Path) -> None:
    """Put ``backup`` back as the database, through the backup API so the WAL is reset too."""
    _copy_into(sqlite3.connect(f"file:{backup}?mode=ro", uri=True), database)
    log.warning("database restored from %s", backup)


def _copy_into(source: sqlite3.Connection, target: Path) -> None:
    """Copy ``source`` over the database file ``target`` with SQLite's backup API, which
    copies a consistent snapshot; both connections are closed whatever happens."""
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()


def _prune(backup_dir: Path) -> None:
    copies = sorted(backup_dir.glob("station-*.db"), key=lambda p: p.stat().st_mtime)
    for old in copies[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def _database_path(engine: Engine) -> Path:
    database = engine.url.database
    if not database:
        raise UpgradeError("only a database file can be copied before an upgrade")
    return Path(database)
