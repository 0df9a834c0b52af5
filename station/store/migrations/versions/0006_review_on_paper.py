"""reviews on paper: the override's reason code, labels owed by supervisors' decisions"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("override_code", sa.String(length=30), nullable=False, server_default="")
        )
    op.create_table(
        "label_requests",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("decision_id", sa.String(length=36), nullable=False),
        sa.Column("decided_by", sa.String(length=60), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("label_id", sa.String(length=36), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_label_requests_inspection_id_inspections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_label_requests")),
    )
    with op.batch_alter_table("label_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_label_requests_done_at"), ["done_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_label_requests_inspection_id"), ["inspection_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("label_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_label_requests_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_label_requests_done_at"))
    op.drop_table("label_requests")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_column("override_code")
