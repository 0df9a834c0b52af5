"""Evidence of any media: the photos table becomes ``evidence``, each row saying its media

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

DATETIME = sa.DateTime(timezone=True)
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# the columns both tables have, under the name each gives them
SAME = [
    "id",
    "event_id",
    "sha256",
    "station_id",
    "inspection_id",
    "unmatched_id",
    "kind",
    "size_bytes",
    "width",
    "height",
    "inspector",
    "taken_at",
    "deleted_at",
    "deleted_reason",
]


def upgrade() -> None:
    op.create_table(
        "evidence",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("media", sa.String(length=10), nullable=False, server_default="photo"),
        sa.Column("station_id", sa.String(length=20), nullable=False),
        sa.Column("station_evidence_id", sa.BigInteger(), nullable=True),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("unmatched_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=True),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("duration_ms", sa.BigInteger(), nullable=True),
        sa.Column("inspector", sa.String(length=40), nullable=False),
        sa.Column("taken_at", DATETIME, nullable=False),
        sa.Column("deleted_at", DATETIME, nullable=True),
        sa.Column("deleted_reason", sa.String(length=500), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
        sa.UniqueConstraint("event_id", name=op.f("uq_evidence_event_id")),
    )
    photos = sa.table("photos", *(sa.column(name) for name in [*SAME, "station_photo_id"]))
    evidence = sa.table("evidence", *(sa.column(name) for name in [*SAME, "station_evidence_id"]))
    op.execute(
        evidence.insert().from_select(
            [*SAME, "station_evidence_id"],
            sa.select(*(photos.c[name] for name in [*SAME, "station_photo_id"])),
        )
    )
    if op.get_bind().dialect.name == "postgresql":  # ids copied: the sequence goes on after them
        op.execute(
            "SELECT setval(pg_get_serial_sequence('evidence', 'id'), "
            "COALESCE((SELECT MAX(id) FROM evidence), 0) + 1, false)"
        )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_inspection_id"), ["inspection_id"])
        batch_op.create_index(batch_op.f("ix_evidence_sha256"), ["sha256"])
        batch_op.create_index(batch_op.f("ix_evidence_unmatched_id"), ["unmatched_id"])
    op.drop_table("photos")


def downgrade() -> None:
    raise NotImplementedError("evidence of other media cannot go back into a photos table")
