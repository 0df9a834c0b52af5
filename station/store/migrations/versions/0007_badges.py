"""badges: users issued by central log in with their badge's secret; locks grow"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("badge_bound", sa.Boolean(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("locks", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    # not a batch (a copy of the table): other tables' foreign keys point at users
    op.execute("ALTER TABLE users DROP COLUMN locks")
    op.execute("ALTER TABLE users DROP COLUMN badge_bound")
