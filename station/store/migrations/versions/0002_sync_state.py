"""sync state: uploaded blobs, overturned verdicts"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("overturned", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("decision", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("station_verdict", sa.JSON(), nullable=True))

    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uploaded_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.drop_column("uploaded_at")

    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_column("station_verdict")
        batch_op.drop_column("decision")
        batch_op.drop_column("overturned")
