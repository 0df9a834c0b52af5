"""Baseline: every table of the central service

Revision ID: 0001
Revises:
Create Date: 2026-11-22 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# spelled out here rather than imported, so this revision never changes under later code
DATETIME = sa.DateTime(timezone=True)  # UTC; timestamptz on PostgreSQL
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")  # SQLite numbers INTEGER keys


def upgrade() -> None:
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("stored_at", DATETIME, nullable=False),
        sa.Column("station_id", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_blobs")),
    )
    op.create_table(
        "changes",
        sa.Column("seq", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("body", JSON, nullable=False),
        sa.Column("at", DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_changes")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.create_index("ix_changes_kind_key", ["kind", "key"], unique=False)

    op.create_table(
        "decisions",
        sa.Column("decision_id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("approve", sa.Boolean(), nullable=False),
        sa.Column("body", JSON, nullable=False),
        sa.Column("body_sha256", sa.String(length=64), nullable=False),
        sa.Column("decided_at", DATETIME, nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("received_at", DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("decision_id", name=op.f("pk_decisions")),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_decisions_inspection_id"), ["inspection_id"], unique=False
        )

    op.create_table(
        "inspections",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=20), nullable=False),
        sa.Column("rma_no", sa.String(length=40), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=True),
        sa.Column("sku", sa.String(length=60), nullable=False),
        sa.Column("inspector", sa.String(length=40), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("template_id", sa.String(length=40), nullable=True),
        sa.Column("template_version", sa.Integer(), nullable=True),
        sa.Column("grade", sa.String(length=2), nullable=True),
        sa.Column("disposition", sa.String(length=30), nullable=True),
        sa.Column("refund_kind", sa.String(length=10), nullable=True),
        sa.Column("refund_fen", sa.BigInteger(), nullable=True),
        sa.Column("responsibility", sa.String(length=20), nullable=True),
        sa.Column("verdict", JSON, nullable=False),
        sa.Column("review_requested", sa.Boolean(), nullable=False),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("overridden", sa.Boolean(), nullable=False),
        sa.Column("overturned", sa.Boolean(), nullable=False),
        sa.Column("answers", JSON, nullable=False),
        sa.Column("rules_fired", JSON, nullable=False),
        sa.Column("started_at", DATETIME, nullable=True),
        sa.Column("completed_at", DATETIME, nullable=True),
        sa.Column("cancelled_at", DATETIME, nullable=True),
        sa.Column("updated_at", DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspections")),
    )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_index("ix_inspections_completed", ["completed_at", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_inspections_needs_review"), ["needs_review"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_inspections_overturned"), ["overturned"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspections_rma_no"), ["rma_no"], unique=False)
        batch_op.create_index(
            "ix_inspections_station_completed", ["station_id", "completed_at"], unique=False
        )

    op.create_table(
        "labels",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("label_id", sa.String(length=40), nullable=False),
        sa.Column("station_id", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("unmatched_id", sa.String(length=36), nullable=True),
        sa.Column("printer", sa.String(length=200), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("reprint", sa.Boolean(), nullable=False),
        sa.Column("printed_at", DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_labels")),
    )
    with op.batch_alter_table("labels", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_labels_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_labels_label_id"), ["label_id"], unique=False)

    op.create_table(
        "photos",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("station_id", sa.String(length=20), nullable=False),
        sa.Column("station_photo_id", sa.BigInteger(), nullable=True),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("unmatched_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=True),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("inspector", sa.String(length=40), nullable=False),
        sa.Column("taken_at", DATETIME, nullable=False),
        sa.Column("deleted_at", DATETIME, nullable=True),
        sa.Column("deleted_reason", sa.String(length=500), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photos")),
        sa.UniqueConstraint("event_id", name=op.f("uq_photos_event_id")),
    )
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_photos_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_photos_sha256"), ["sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_photos_unmatched_id"), ["unmatched_id"], unique=False)

    op.create_table(
        "returns",
        sa.Column("rma_no", sa.String(length=40), nullable=False),
        sa.Column("state", sa.String(length=30), nullable=False),
        sa.Column("body", JSON, nullable=False),
        sa.Column("body_sha256", sa.String(length=64), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("rma_no", name=op.f("pk_returns")),
    )
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_returns_state"), ["state"], unique=False)

    op.create_table(
        "stations",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", DATETIME, nullable=False),
        sa.Column("last_seen_at", DATETIME, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stations")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_stations_token_sha256")),
    )
    op.create_table(
        "templates",
        sa.Column("template_id", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("body_sha256", sa.String(length=64), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.Column("published_at", DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("template_id", "version", name=op.f("pk_templates")),
    )
    op.create_table(
        "unmatched_parcels",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=20), nullable=False),
        sa.Column("code", sa.String(length=512), nullable=False),
        sa.Column("inspector", sa.String(length=40), nullable=False),
        sa.Column("received_at", DATETIME, nullable=False),
        sa.Column("linked_rma", sa.String(length=40), nullable=True),
        sa.Column("linked_at", DATETIME, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unmatched_parcels")),
    )
    with op.batch_alter_table("unmatched_parcels", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unmatched_parcels_code"), ["code"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_unmatched_parcels_station_id"), ["station_id"], unique=False
        )

    op.create_table(
        "users",
        sa.Column("badge_id", sa.String(length=40), nullable=False),
        sa.Column("body", JSON, nullable=False),
        sa.Column("body_sha256", sa.String(length=64), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("badge_id", name=op.f("pk_users")),
    )
    op.create_table(
        "events",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=20), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("created_at", DATETIME, nullable=False),
        sa.Column("payload", JSON, nullable=False),
        sa.Column("blobs", JSON, nullable=False),
        sa.Column("payload_sha256", sa.String(length=64), nullable=False),
        sa.Column("received_at", DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_events_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_kind"), ["kind"], unique=False)
        batch_op.create_index("ix_events_station_seq", ["station_id", "seq"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_station_seq")
        batch_op.drop_index(batch_op.f("ix_events_kind"))

    op.drop_table("events")
    op.drop_table("users")
    with op.batch_alter_table("unmatched_parcels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unmatched_parcels_station_id"))
        batch_op.drop_index(batch_op.f("ix_unmatched_parcels_code"))

    op.drop_table("unmatched_parcels")
    op.drop_table("templates")
    op.drop_table("stations")
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_returns_state"))

    op.drop_table("returns")
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photos_unmatched_id"))
        batch_op.drop_index(batch_op.f("ix_photos_sha256"))
        batch_op.drop_index(batch_op.f("ix_photos_inspection_id"))

    op.drop_table("photos")
    with op.batch_alter_table("labels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_labels_label_id"))
        batch_op.drop_index(batch_op.f("ix_labels_inspection_id"))

    op.drop_table("labels")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index("ix_inspections_station_completed")
        batch_op.drop_index(batch_op.f("ix_inspections_rma_no"))
        batch_op.drop_index(batch_op.f("ix_inspections_overturned"))
        batch_op.drop_index(batch_op.f("ix_inspections_needs_review"))
        batch_op.drop_index("ix_inspections_completed")

    op.drop_table("inspections")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decisions_inspection_id"))

    op.drop_table("decisions")
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_index("ix_changes_kind_key")

    op.drop_table("changes")
    op.drop_table("blobs")
