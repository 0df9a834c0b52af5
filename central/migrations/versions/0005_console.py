"""console: the dispute desk's users, sessions, audit and disputes; returns found by waybill

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-11 12:00:00
"""

from __future__ import annotations

from typing import Any, cast

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_WHEN = sa.DateTime(timezone=True)
_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "return_waybills",
        sa.Column("waybill", sa.String(40), primary_key=True),
        sa.Column("rma_no", sa.String(40), primary_key=True),
        sa.PrimaryKeyConstraint("waybill", "rma_no", name="pk_return_waybills"),
    )
    with op.batch_alter_table("returns") as batch_op:
        batch_op.add_column(sa.Column("order_no", sa.String(40), server_default="", nullable=False))
        batch_op.create_index("ix_returns_order_no", ["order_no"])
    with op.batch_alter_table("inspections") as batch_op:
        batch_op.create_index("ix_inspections_sku_completed", ["sku", "completed_at"])
        batch_op.create_index("ix_inspections_inspector_completed", ["inspector", "completed_at"])
        batch_op.create_index(
            "ix_inspections_review_requested_completed", ["review_requested", "completed_at"]
        )
        batch_op.create_index("ix_inspections_overridden_completed", ["overridden", "completed_at"])
    _carry_over_returns()
    op.create_table(
        "console_users",
        sa.Column("login", sa.String(40), nullable=False),
        sa.Column("display_name", sa.String(80), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("badge_id", sa.String(40), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", _WHEN, nullable=True),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("updated_at", _WHEN, nullable=False),
        sa.PrimaryKeyConstraint("login", name="pk_console_users"),
    )
    op.create_table(
        "console_sessions",
        sa.Column("token_sha256", sa.String(64), nullable=False),
        sa.Column("login", sa.String(40), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("last_seen_at", _WHEN, nullable=False),
        sa.Column("expires_at", _WHEN, nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("token_sha256", name="pk_console_sessions"),
    )
    op.create_index("ix_console_sessions_login", "console_sessions", ["login"])
    op.create_table(
        "console_audit",
        sa.Column("id", _BIG, autoincrement=True, nullable=False),
        sa.Column("at", _WHEN, nullable=False),
        sa.Column("login", sa.String(40), nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("subject", sa.String(80), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("details", _JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_console_audit"),
    )
    op.create_index("ix_console_audit_at", "console_audit", ["at"])
    op.create_index("ix_console_audit_login", "console_audit", ["login"])
    op.create_index("ix_console_audit_subject_at", "console_audit", ["subject", "at"])
    op.create_table(
        "disputes",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("inspection_id", sa.String(36), nullable=False),
        sa.Column("rma_no", sa.String(40), nullable=False),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("case_id", sa.String(64), nullable=False),
        sa.Column("reason", sa.String(30), nullable=False),
        sa.Column("category", sa.String(30), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("anchor_at", _WHEN, nullable=False),
        sa.Column("deadline_at", _WHEN, nullable=False),
        sa.Column("opened_by", sa.String(40), nullable=False),
        sa.Column("opened_at", _WHEN, nullable=False),
        sa.Column("updated_at", _WHEN, nullable=False),
        sa.Column("closed_at", _WHEN, nullable=True),
        sa.Column("amount_fen", sa.BigInteger(), nullable=True),
        sa.Column("note", sa.String(1000), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_disputes"),
    )
    op.create_index("ix_disputes_inspection_id", "disputes", ["inspection_id"])
    op.create_index("ix_disputes_rma_no", "disputes", ["rma_no"])
    op.create_index("uq_disputes_platform_case", "disputes", ["platform", "case_id"], unique=True)
    op.create_index("ix_disputes_status_deadline", "disputes", ["status", "deadline_at"])


def _carry_over_returns() -> None:
    """Order numbers and waybills of the returns already published, from their bodies."""
    bind = op.get_bind()
    returns = sa.table(
        "returns",
        sa.column("rma_no", sa.String),
        sa.column("body", sa.JSON),
        sa.column("order_no", sa.String),
    )
    waybills = sa.table("return_waybills", sa.column("waybill"), sa.column("rma_no"))
    rows = bind.execute(sa.select(returns.c.rma_no, returns.c.body)).all()
    links: list[dict[str, Any]] = []
    for rma_no, body in cast(list[tuple[str, dict[str, Any]]], rows):
        bind.execute(
            returns.update()
            .where(returns.c.rma_no == rma_no)
            .values(order_no=str(body.get("order_no", ""))[:40])
        )
        numbers = {str(t.get("tracking_no", ""))[:40] for t in body.get("tracking", [])}
        links.extend({"waybill": n, "rma_no": rma_no} for n in sorted(numbers) if n)
    if links:
        bind.execute(waybills.insert(), links)


def downgrade() -> None:
    op.drop_table("disputes")
    op.drop_table("console_audit")
    op.drop_table("console_sessions")
    op.drop_table("console_users")
    with op.batch_alter_table("inspections") as batch_op:
        batch_op.drop_index("ix_inspections_overridden_completed")
        batch_op.drop_index("ix_inspections_review_requested_completed")
        batch_op.drop_index("ix_inspections_inspector_completed")
        batch_op.drop_index("ix_inspections_sku_completed")
    with op.batch_alter_table("returns") as batch_op:
        batch_op.drop_index("ix_returns_order_no")
        batch_op.drop_column("order_no")
    op.drop_table("return_waybills")
