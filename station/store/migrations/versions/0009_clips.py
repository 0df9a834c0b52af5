"""clips: one unboxing clip per parcel, its chapters, gaps, fragment chain and hold"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"


def upgrade() -> None:
    op.create_table(
        "clips",
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("unmatched_id", sa.String(length=36), nullable=True),
        sa.Column("parcel_code", sa.String(length=200), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended", sa.String(length=20), nullable=False),
        sa.Column("preroll_ms", sa.Integer(), nullable=False),
        sa.Column("chapters", sa.JSON(), nullable=False),
        sa.Column("gaps", sa.JSON(), nullable=False),
        sa.Column("chain_head", sa.String(length=64), nullable=False),
        sa.Column("chain_end", sa.Integer(), nullable=False),
        sa.Column("fragments", sa.Integer(), nullable=False),
        sa.Column("camera", sa.String(length=200), nullable=False),
        sa.Column("clock_skew_ms", sa.Integer(), nullable=True),
        sa.Column("sibling_of", sa.String(length=26), nullable=True),
        sa.Column("hold", sa.String(length=200), nullable=False),
        sa.Column("purged_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["evidence_id"], ["evidence_items.id"]),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"]),
        sa.ForeignKeyConstraint(["unmatched_id"], ["unmatched_parcels.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("evidence_id"),
    )
    op.create_index("ix_clips_inspection_id", "clips", ["inspection_id"])
    op.create_index("ix_clips_unmatched_id", "clips", ["unmatched_id"])
    op.create_index("ix_clips_started_at", "clips", ["started_at"])
    op.create_index("ix_clips_sibling_of", "clips", ["sibling_of"])


def downgrade() -> None:
    op.drop_table("clips")
