from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from argon2 import PasswordHasher
from sqlalchemy import JSON as JSON_TYPE
from sqlalchemy import bindparam, inspect, select, text

from central.db.migrate import alembic_config, current_revision, head_revision, upgrade
from central.db.models import Base, EvidenceRecord
from central.db.session import make_engine
from station.protocol.badges import verify_hash
from tests.central.servers import create_database


@pytest.fixture(params=["sqlite", "postgres"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'central.db'}"
    return create_database(request.getfixturevalue("postgres_url"))


def test_migrations_build_every_table_from_empty(empty_database: str) -> None:
    engine = make_engine(empty_database)
    try:
        assert current_revision(engine) is None
        upgrade(engine)
        assert current_revision(engine) == head_revision(engine) == "0006"
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        upgrade(engine)  # again: nothing to do
        assert current_revision(engine) == "0006"
    finally:
        engine.dispose()


def test_the_migrated_schema_is_the_models_schema(empty_database: str) -> None:
    """A model changed without a migration would show up here."""
    engine = make_engine(empty_database)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_photos_recorded_before_become_photo_evidence_with_their_ids(empty_database: str) -> None:
    engine = make_engine(empty_database)
    try:
        command.upgrade(alembic_config(engine), "0001")
        taken = datetime(2026, 11, 30, 8, 15, tzinfo=UTC)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO photos (id, event_id, sha256, station_id, station_photo_id,"
                    " inspection_id, unmatched_id, kind, size_bytes, width, height, inspector,"
                    " taken_at, deleted_at, deleted_reason) VALUES (7, :event, :sha, 'ST-A', 3,"
                    " :insp, NULL, 'defect', 2048, 640, 480, 'I1001', :taken, NULL, '')"
                ),
                {
                    "event": "0" * 8 + "-0000-7000-8000-" + "0" * 12,
                    "sha": "ab" * 32,
                    "insp": "1" * 8 + "-0000-7000-8000-" + "1" * 12,
                    "taken": taken,
                },
            )
        upgrade(engine)
        with engine.connect() as conn:
            row = conn.execute(select(EvidenceRecord)).one()
            assert (row.id, row.media, row.kind, row.station_evidence_id) == (
                7,
                "photo",
                "defect",
                3,
            )
            assert (row.sha256, row.size_bytes, row.inspector) == ("ab" * 32, 2048, "I1001")
            assert row.taken_at == taken
            assert "photos" not in inspect(conn).get_table_names()
        with engine.begin() as conn:  # new rows number on after the copied ones
            conn.execute(
                EvidenceRecord.__table__.insert().values(
                    event_id="2" * 8 + "-0000-7000-8000-" + "2" * 12,
                    sha256="cd" * 32,
                    media="photo",
                    station_id="ST-A",
                    kind="overview",
                    inspector="",
                    taken_at=taken,
                    deleted_reason="",
                )
            )
            ids = conn.execute(select(EvidenceRecord.id).order_by(EvidenceRecord.id)).scalars()
            assert list(ids) == [7, 8]
    finally:
        engine.dispose()


def test_old_published_pin_hashes_and_raw_customers_are_redacted(empty_database: str) -> None:
    """Before badges, the feed carried PIN hashes a PC could search and raw customers."""
    engine = make_engine(empty_database)
    old_hash = PasswordHasher().hash("1234")
    at = datetime(2026, 11, 30, 8, 15, tzinfo=UTC)
    user = {"badge_id": "I1001", "display_name": "王芳", "role": "inspector"}
    user |= {"pin_hash": old_hash, "active": True}
    order = {"rma_no": "RMA1", "customer_name": "张三", "customer_phone": "13800138000"}
    try:
        command.upgrade(alembic_config(engine), "0002")
        with engine.begin() as conn:
            insert_change = text(
                "INSERT INTO changes (seq, kind, key, body, at) VALUES (:seq, :kind, :key,"
                " :body, :at)"
            ).bindparams(bindparam("body", type_=JSON_TYPE))
            conn.execute(
                insert_change, {"seq": 1, "kind": "user", "key": "I1001", "body": user, "at": at}
            )
            conn.execute(
                insert_change, {"seq": 2, "kind": "return", "key": "RMA1", "body": order, "at": at}
            )
        upgrade(engine)
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT kind, body FROM changes")).all()
        bodies = {kind: body if isinstance(body, dict) else json.loads(body) for kind, body in rows}
        published_user, published_order = bodies["user"], bodies["return"]
        assert published_user["pin_hash"] != old_hash and not published_user["active"]
        assert not verify_hash(published_user["pin_hash"], "1234")
        assert published_order["customer_masked"] == "张* 138****8000"
        assert "13800138000" not in json.dumps(published_order, ensure_ascii=False)
    finally:
        engine.dispose()


def test_returns_published_before_are_found_by_order_number_and_waybill(
    empty_database: str,
) -> None:
    engine = make_engine(empty_database)
    try:
        command.upgrade(alembic_config(engine), "0004")
        body = {
            "rma_no": "RMA-OLD-1",
            "order_no": "O-OLD-1",
            "tracking": [
                {"carrier": "SF", "tracking_no": "SF100"},
                {"carrier": "JD", "tracking_no": "JD200"},
            ],
        }
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO returns (rma_no, state, body, body_sha256, change_seq,"
                    " updated_at) VALUES ('RMA-OLD-1', 'in_transit', :body, :sha, 1, :at)"
                ),
                {
                    "body": json.dumps(body),
                    "sha": "0" * 64,
                    "at": datetime(2026, 11, 30, tzinfo=UTC),
                },
            )
        upgrade(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT order_no FROM returns")).scalar_one() == "O-OLD-1"
            links = conn.execute(
                text("SELECT waybill, rma_no FROM return_waybills ORDER BY waybill")
            ).all()
            assert [tuple(r) for r in links] == [("JD200", "RMA-OLD-1"), ("SF100", "RMA-OLD-1")]
    finally:
        engine.dispose()


def test_blobs_kept_before_are_their_first_uploaders_to_see(empty_database: str) -> None:
    engine = make_engine(empty_database)
    at = datetime(2026, 11, 30, tzinfo=UTC)
    try:
        command.upgrade(alembic_config(engine), "0005")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO blobs (sha256, size, stored_at, station_id)"
                    " VALUES (:sha, 10, :at, :station)"
                ),
                [
                    {"sha": "a" * 64, "at": at, "station": "ST-HZ01"},
                    {"sha": "b" * 64, "at": at, "station": None},  # kept before uploaders were
                ],
            )
        upgrade(engine)
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT sha256, station_id FROM blob_uploads")).all()
        assert [tuple(r) for r in rows] == [("a" * 64, "ST-HZ01")]
    finally:
        engine.dispose()
