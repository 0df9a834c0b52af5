"""evidence of any media: the photos table becomes evidence_items, each row saying its media
(and whether a flagged photo was kept on purpose)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"

# the columns both tables have
SAME = [
    "id",
    "sha256",
    "inspection_id",
    "unmatched_id",
    "kind",
    "size_bytes",
    "width",
    "height",
    "sharpness",
    "exposure",
    "quality_flags",
    "station_id",
    "inspector_id",
    "taken_at",
    "deleted_at",
    "uploaded_at",
]


def upgrade() -> None:
    op.create_table(
        "evidence_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("media", sa.String(length=10), nullable=False, server_default="photo"),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("unmatched_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("sharpness", sa.Double(), nullable=True),
        sa.Column("exposure", sa.Double(), nullable=True),
        sa.Column("quality_flags", sa.JSON(), nullable=False),
        sa.Column("kept", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("station_id", sa.String(length=40), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_evidence_items_inspection_id_inspections"),
        ),
        sa.ForeignKeyConstraint(
            ["inspector_id"], ["users.id"], name=op.f("fk_evidence_items_inspector_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["unmatched_id"],
            ["unmatched_parcels.id"],
            name=op.f("fk_evidence_items_unmatched_id_unmatched_parcels"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_items")),
    )
    photos = sa.table("photos", *(sa.column(name) for name in SAME))
    items = sa.table("evidence_items", *(sa.column(name) for name in SAME))
    op.execute(items.insert().from_select(SAME, sa.select(*(photos.c[n] for n in SAME))))
    with op.batch_alter_table("evidence_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_items_inspection_id"), ["inspection_id"])
        batch_op.create_index(batch_op.f("ix_evidence_items_sha256"), ["sha256"])
        batch_op.create_index(batch_op.f("ix_evidence_items_unmatched_id"), ["unmatched_id"])
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photos_unmatched_id"))
        batch_op.drop_index(batch_op.f("ix_photos_sha256"))
        batch_op.drop_index(batch_op.f("ix_photos_inspection_id"))
    op.drop_table("photos")


def downgrade() -> None:
    # evidence of other media has no place in the older schema: a newer store is never
    # opened by an older build (station.store.migrate refuses it), so nothing needs this
    raise NotImplementedError("evidence items cannot go back into a photos table")
