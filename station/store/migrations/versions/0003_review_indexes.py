"""review indexes: the supervisors' queue and the dashboard"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_index(
            "ix_inspections_review_pending",
            ["completed_at"],
            unique=False,
            sqlite_where=sa.text(
                "state = 'completed' AND decision IS NULL AND (needs_review = 1"
                " OR overridden = 1 OR refund_kind IN ('partial', 'none') OR carrier_claim = 1)"
            ),
        )
        batch_op.create_index(
            "ix_inspections_dashboard",
            ["completed_at", "inspector_id", "station_id", "grade", "disposition"],
            unique=False,
        )

    with op.batch_alter_table("return_lines", schema=None) as batch_op:
        batch_op.create_index(
            "ix_return_lines_review", ["return_id", "category", "sku", "batch"], unique=False
        )

    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.create_index(
            "ix_returns_requested_reason", ["requested_on", "reason"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.drop_index("ix_returns_requested_reason")

    with op.batch_alter_table("return_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_return_lines_review")

    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index("ix_inspections_dashboard")
        batch_op.drop_index("ix_inspections_review_pending")
