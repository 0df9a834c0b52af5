"""The review indexes (revision 0003): created by the migration exactly as the models declare
them, and removable again."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from station.review.queue_inspections import PENDING
from station.store.database import Database
from station.store.engine import sqlite_engine
from station.store.migrate import alembic_config, current_revision

REVIEW_INDEXES = {
    "ix_inspections_review_pending",
    "ix_inspections_dashboard",
    "ix_return_lines_review",
    "ix_returns_requested_reason",
}


def _indexes(path: Path) -> dict[str, str]:
    engine = sqlite_engine(path)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
            return {name: sql or "" for name, sql in rows}
    finally:
        engine.dispose()


def test_the_migration_creates_the_indexes_the_models_declare(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    Database.open(path).close()
    indexes = _indexes(path)
    assert set(indexes) >= REVIEW_INDEXES
    pending = indexes["ix_inspections_review_pending"]
    assert f"WHERE {PENDING}" in pending  # the very clause the queue repeats


def test_the_revision_goes_down_and_up_again(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    engine = sqlite_engine(path)
    try:
        config = alembic_config(engine)
        command.upgrade(config, "0003")
        assert set(_indexes(path)) >= REVIEW_INDEXES
        command.downgrade(config, "0002")
        assert current_revision(engine) == "0002"
        assert not REVIEW_INDEXES & set(_indexes(path))
        command.upgrade(config, "0003")
        assert current_revision(engine) == "0003"
    finally:
        engine.dispose()
    assert set(_indexes(path)) >= REVIEW_INDEXES
