from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from station.store.database import Database
from station.store.migrate import current_revision, head_revision
from station.store.models import Base, ReturnLine


def test_a_new_database_is_migrated_to_head_and_matches_the_models(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "fresh" / "station.db")
    try:
        assert current_revision(db.engine) == head_revision(db.engine)
        with db.engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        tables = set(inspect(db.engine).get_table_names())
        assert {
            "returns",
            "return_lines",
            "inspections",
            "evidence_items",
            "labels",
            "unmatched_parcels",
            "outbox",
            "sync_cursors",
            "users",
            "audit_log",
            "templates",
        } <= tables
    finally:
        db.close()


def test_reopening_is_a_no_op(tmp_path: Path) -> None:
    Database.open(tmp_path / "s.db").close()
    db = Database.open(tmp_path / "s.db")
    assert current_revision(db.engine) == head_revision(db.engine)
    db.close()


def test_sqlite_runs_in_wal_with_foreign_keys_and_full_sync(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "s.db")
    try:
        pragmas = db.run(
            lambda s: [
                s.execute(text(f"PRAGMA {name}")).scalar()
                for name in ("journal_mode", "foreign_keys", "synchronous")
            ]
        )
        assert pragmas == ["wal", 1, 2]  # synchronous=2 is FULL
    finally:
        db.close()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "s.db")
    try:
        orphan = ReturnLine(
            return_id=999,
            line_no=1,
            sku="X",
            title="t",
            category="home",
            qty=1,
            unit_price_fen=1,
        )
        with pytest.raises(IntegrityError):
            db.run(lambda s: (s.add(orphan), s.flush()))
    finally:
        db.close()


def test_all_work_runs_on_one_database_thread(tmp_path: Path) -> None:
    import threading

    db = Database.open(tmp_path / "s.db")
    try:
        names = {db.run(lambda _s: threading.current_thread().name) for _ in range(20)}
        assert len(names) == 1 and names.pop().startswith("station-db")
        with pytest.raises(RuntimeError, match="database thread"):
            db.run(lambda _s: db.run(lambda _inner: None))
    finally:
        db.close()


def test_a_failing_unit_of_work_leaves_nothing_behind(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "s.db")

    def half_then_fail(session):
        session.execute(
            text(
                "INSERT INTO sync_cursors (stream, cursor, updated_at) "
                "VALUES ('x', '1', '2026-01-01 00:00:00')"
            )
        )
        raise RuntimeError("boom")

    try:
        with pytest.raises(RuntimeError):
            db.run(half_then_fail)
        assert db.run(lambda s: s.execute(text("SELECT count(*) FROM sync_cursors")).scalar()) == 0
    finally:
        db.close()
