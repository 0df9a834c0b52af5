"""A newer build opens an older data folder: a copy first, then the migration; a failed
migration puts the copy back and says so; a store from a newer build is refused untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import inspect

from station import app
from station.security import audit
from station.store import migrate, outbox
from station.store.database import Database
from station.store.engine import sqlite_engine
from station.store.migrate import UpgradeError, current_revision, head_revision, upgrade
from tests.conftest import make_settings

FIXTURE = Path(__file__).parent / "fixtures" / "station-0001.db"


def revision_of(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def old_data_folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURE, data / "station.db")
    return data


def test_the_fixture_is_a_store_of_the_first_schema() -> None:
    assert revision_of(FIXTURE) == "0001"


def test_an_older_store_is_upgraded_after_a_copy_is_kept_and_loses_nothing(
    tmp_path: Path,
) -> None:
    data = old_data_folder(tmp_path)
    station = app.open_station(make_settings(data))
    try:
        assert current_revision(station.db.engine) == head_revision(station.db.engine)
        copies = list((data / "backups").glob("station-0001-*.db"))
        assert len(copies) == 1 and revision_of(copies[0]) == "0001"
        # the old store's people, orders, audit chain and waiting events are all still there
        user = station.auth.login("I1001", "1234")
        assert user.display_name == "王芳"
        assert station.workflow.lookup(_first_rma(data)) is not None
        assert station.db.run(audit.verify).ok
        assert station.db.run(outbox.status).pending == 1
        columns = {c["name"] for c in inspect(station.db.engine).get_columns("inspections")}
        assert {"overturned", "decision", "station_verdict"} <= columns
    finally:
        station.close()
    # opening it again changes nothing and takes no further copy
    Database.open(data / "station.db", backup_dir=data / "backups").close()
    assert len(list((data / "backups").glob("*.db"))) == 1


def _first_rma(data: Path) -> str:
    copy = next((data / "backups").glob("*.db"))
    with sqlite3.connect(copy) as connection:
        return str(connection.execute("SELECT rma_no FROM returns ORDER BY id").fetchone()[0])


def test_a_new_store_needs_no_copy(tmp_path: Path) -> None:
    Database.open(tmp_path / "station.db", backup_dir=tmp_path / "backups").close()
    assert not (tmp_path / "backups").exists()


FAILING_REVISION = '''
"""a migration that fails after doing part of its work outside the transaction"""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.add_column("users", sa.Column("nickname", sa.String(20)))
    raise RuntimeError("disk full while copying the users table")


def downgrade() -> None:
    pass
'''


@pytest.fixture
def failing_migrations(tmp_path: Path) -> Path:
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = head_revision(sqlite_engine(tmp_path / "probe.db"))
    (scripts / "versions" / "9001_fails.py").write_text(
        textwrap.dedent(FAILING_REVISION).replace("{head}", str(head))
    )
    return scripts


def test_a_failed_migration_restores_the_copy_and_says_so(
    tmp_path: Path, failing_migrations: Path
) -> None:
    data = old_data_folder(tmp_path)
    Database.open(data / "station.db").close()  # at this build's schema, with the old data
    before = revision_of(data / "station.db")
    engine = sqlite_engine(data / "station.db")
    with pytest.raises(UpgradeError) as failure:
        upgrade(engine, backup_dir=data / "backups", script_location=failing_migrations)
    message = str(failure.value)
    assert "restored" in message and "disk full" in message
    copy = next((data / "backups").glob("*.db"))
    assert str(copy) in message
    engine.dispose()
    # exactly as before: same revision, no half-made table or column, data intact
    assert revision_of(data / "station.db") == before
    with sqlite3.connect(data / "station.db") as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        columns = {r[1] for r in connection.execute("PRAGMA table_info(users)")}
        users = connection.execute("SELECT count(*) FROM users").fetchone()[0]
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    assert "half_done" not in tables
    assert "nickname" not in columns
    assert users == 2
    assert integrity == "ok"
    # and the station still opens on it with this build
    station = app.open_station(make_settings(data))
    try:
        assert station.auth.login("A0001", "0000").badge_id == "A0001"
    finally:
        station.close()


def test_a_store_written_by_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    data = old_data_folder(tmp_path)
    with sqlite3.connect(data / "station.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0999'")
    before = digest(data / "station.db")
    with pytest.raises(UpgradeError, match="newer version"):
        Database.open(data / "station.db", backup_dir=data / "backups")
    assert digest(data / "station.db") == before
    assert not (data / "backups").exists()


def test_only_the_newest_copies_are_kept(tmp_path: Path) -> None:
    engine = sqlite_engine(tmp_path / "station.db")
    shutil.copy(FIXTURE, tmp_path / "station.db")
    for _ in range(migrate.BACKUPS_KEPT + 3):
        migrate.back_up(engine, tmp_path / "backups", label="0001")
    engine.dispose()
    assert len(list((tmp_path / "backups").glob("*.db"))) == migrate.BACKUPS_KEPT


def test_photos_taken_before_become_photo_evidence_items_with_their_ids(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import select

    from station.store.models import EvidenceItem

    path = tmp_path / "station.db"
    engine = sqlite_engine(path)
    command.upgrade(migrate.alembic_config(engine), "0003")
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO users (id, badge_id, display_name, role, pin_hash, active,"
            " failed_attempts, created_at) VALUES (3, 'I1001', 'x', 'inspector', 'h', 1, 0,"
            " '2026-11-30 08:00:00')"
        )
        db.execute(
            "INSERT INTO unmatched_parcels (id, code, station_id, inspector_id, received_at,"
            " note) VALUES ('u-1', 'SF1', 'ST-A', 3, '2026-11-30 08:10:00', '')"
        )
        db.execute(
            "INSERT INTO photos (id, sha256, inspection_id, unmatched_id, kind, size_bytes,"
            " width, height, sharpness, exposure, quality_flags, station_id, inspector_id,"
            " taken_at, deleted_at, uploaded_at) VALUES (12, ?, NULL, 'u-1', 'defect', 4096,"
            " 1280, 720, 88.5, 0.4, '[\"blurred\"]', 'ST-A', 3, '2026-11-30 08:15:00',"
            " NULL, '2026-11-30 09:00:00')",
            ("ab" * 32,),
        )
    engine.dispose()
    engine = sqlite_engine(path)
    upgrade(engine)
    with engine.connect() as connection:
        row = connection.execute(select(EvidenceItem)).one()
        tables = set(inspect(connection).get_table_names())
    engine.dispose()
    assert (row.id, row.media, row.kind, row.sha256) == (12, "photo", "defect", "ab" * 32)
    assert (row.width, row.height, row.size_bytes, row.duration_ms) == (1280, 720, 4096, None)
    assert row.quality_flags == ["blurred"] and row.uploaded_at is not None
    assert row.unmatched_id == "u-1" and row.sharpness == 88.5
    assert "photos" not in tables and "evidence_items" in tables
