"""blob uploads: every station that sent a blob's bytes, not only the first

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-12 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blob_uploads",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("station_id", sa.String(20), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "station_id", name="pk_blob_uploads"),
    )
    # the first uploader of each blob held so far
    op.execute(
        "INSERT INTO blob_uploads (sha256, station_id, uploaded_at) "
        "SELECT sha256, station_id, stored_at FROM blobs WHERE station_id IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_table("blob_uploads")
