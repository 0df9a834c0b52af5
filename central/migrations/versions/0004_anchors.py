"""anchors: the newest audit entry each station sent

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-10 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stations") as batch_op:
        big = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
        batch_op.add_column(sa.Column("anchor_seq", big, nullable=True))
        batch_op.add_column(sa.Column("anchor_mac", sa.String(64), nullable=True))
        batch_op.add_column(sa.Column("anchored_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stations") as batch_op:
        batch_op.drop_column("anchored_at")
        batch_op.drop_column("anchor_mac")
        batch_op.drop_column("anchor_seq")
