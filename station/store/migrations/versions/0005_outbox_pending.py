"""outbox: the never-used next_attempt_at goes; the pending index follows the push's order"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_pending")
        batch_op.drop_column("next_attempt_at")
        batch_op.create_index("ix_outbox_pending", ["sent_at", "parked", "seq"])


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_pending")
        batch_op.add_column(sa.Column("next_attempt_at", sa.DateTime(), nullable=True))
        batch_op.create_index("ix_outbox_pending", ["sent_at", "parked", "next_attempt_at"])
