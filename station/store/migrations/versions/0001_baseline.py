"""Baseline: every table of the local store."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity", sa.String(length=120), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_entity"), ["entity"], unique=False)

    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("parked", sa.Boolean(), nullable=False),
        sa.Column("last_error", sa.String(length=1000), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox")),
        sa.UniqueConstraint("event_id", name=op.f("uq_outbox_event_id")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(
            "ix_outbox_pending", ["sent_at", "parked", "next_attempt_at"], unique=False
        )

    op.create_table(
        "returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rma_no", sa.String(length=40), nullable=False),
        sa.Column("order_no", sa.String(length=40), nullable=False),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=30), nullable=False),
        sa.Column("reason_note", sa.String(length=500), nullable=False),
        sa.Column("customer_received_on", sa.Date(), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("customer_masked", sa.String(length=80), nullable=False),
        sa.Column("state", sa.String(length=30), nullable=False),
        sa.Column("warehouse_received_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_returns")),
        sa.UniqueConstraint("rma_no", name=op.f("uq_returns_rma_no")),
    )
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_returns_order_no"), ["order_no"], unique=False)
        batch_op.create_index(batch_op.f("ix_returns_state"), ["state"], unique=False)

    op.create_table(
        "sync_cursors",
        sa.Column("stream", sa.String(length=40), nullable=False),
        sa.Column("cursor", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("stream", name=op.f("pk_sync_cursors")),
    )
    op.create_table(
        "templates",
        sa.Column("template_id", sa.String(length=60), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("template_id", "version", name=op.f("pk_templates")),
    )
    with op.batch_alter_table("templates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_templates_category"), ["category"], unique=False)

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("badge_id", sa.String(length=40), nullable=False),
        sa.Column("display_name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("badge_id", name=op.f("uq_users_badge_id")),
    )
    op.create_table(
        "return_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=60), nullable=False),
        sa.Column("ean", sa.String(length=20), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("unit_price_fen", sa.Integer(), nullable=False),
        sa.Column("expected_serial", sa.String(length=80), nullable=True),
        sa.Column("batch", sa.String(length=40), nullable=True),
        sa.Column("accessories", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["return_id"],
            ["returns.id"],
            name=op.f("fk_return_lines_return_id_returns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_lines")),
        sa.UniqueConstraint("return_id", "line_no", name=op.f("uq_return_lines_return_id")),
    )
    with op.batch_alter_table("return_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_return_lines_batch"), ["batch"], unique=False)
        batch_op.create_index(batch_op.f("ix_return_lines_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_return_lines_sku"), ["sku"], unique=False)

    op.create_table(
        "return_tracking",
        sa.Column("tracking_no", sa.String(length=40), nullable=False),
        sa.Column("carrier", sa.String(length=10), nullable=False),
        sa.Column("return_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["return_id"],
            ["returns.id"],
            name=op.f("fk_return_tracking_return_id_returns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tracking_no", name=op.f("pk_return_tracking")),
    )
    with op.batch_alter_table("return_tracking", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_return_tracking_return_id"), ["return_id"], unique=False
        )

    op.create_table(
        "unmatched_parcels",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=200), nullable=False),
        sa.Column("station_id", sa.String(length=40), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("resolved_return_id", sa.Integer(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspector_id"], ["users.id"], name=op.f("fk_unmatched_parcels_inspector_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by"], ["users.id"], name=op.f("fk_unmatched_parcels_resolved_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["resolved_return_id"],
            ["returns.id"],
            name=op.f("fk_unmatched_parcels_resolved_return_id_returns"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unmatched_parcels")),
    )
    with op.batch_alter_table("unmatched_parcels", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unmatched_parcels_code"), ["code"], unique=False)

    op.create_table(
        "inspections",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("return_id", sa.Integer(), nullable=False),
        sa.Column("return_line_id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.String(length=40), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.String(length=60), nullable=True),
        sa.Column("template_version", sa.Integer(), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("proposal", sa.JSON(), nullable=False),
        sa.Column("rules_fired", sa.JSON(), nullable=False),
        sa.Column("grade", sa.String(length=2), nullable=True),
        sa.Column("disposition", sa.String(length=30), nullable=True),
        sa.Column("refund_kind", sa.String(length=10), nullable=True),
        sa.Column("refund_fen", sa.Integer(), nullable=True),
        sa.Column("refund_reason", sa.String(length=500), nullable=False),
        sa.Column("responsibility", sa.String(length=20), nullable=True),
        sa.Column("carrier_claim", sa.Boolean(), nullable=False),
        sa.Column("overridden", sa.Boolean(), nullable=False),
        sa.Column("override_reason", sa.String(length=500), nullable=False),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspector_id"], ["users.id"], name=op.f("fk_inspections_inspector_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["return_id"], ["returns.id"], name=op.f("fk_inspections_return_id_returns")
        ),
        sa.ForeignKeyConstraint(
            ["return_line_id"],
            ["return_lines.id"],
            name=op.f("fk_inspections_return_line_id_return_lines"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspections")),
    )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_index("ix_inspections_completed_at", ["completed_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_inspections_inspector_id"), ["inspector_id"], unique=False
        )
        batch_op.create_index("ix_inspections_open_line", ["return_line_id", "state"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspections_return_id"), ["return_id"], unique=False)

    op.create_table(
        "labels",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("unmatched_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("printer", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("last_error", sa.String(length=500), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"], name=op.f("fk_labels_inspection_id_inspections")
        ),
        sa.ForeignKeyConstraint(
            ["unmatched_id"],
            ["unmatched_parcels.id"],
            name=op.f("fk_labels_unmatched_id_unmatched_parcels"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_labels")),
    )
    with op.batch_alter_table("labels", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_labels_inspection_id"), ["inspection_id"], unique=False
        )

    op.create_table(
        "photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("unmatched_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("sharpness", sa.Double(), nullable=True),
        sa.Column("exposure", sa.Double(), nullable=True),
        sa.Column("quality_flags", sa.JSON(), nullable=False),
        sa.Column("station_id", sa.String(length=40), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"], name=op.f("fk_photos_inspection_id_inspections")
        ),
        sa.ForeignKeyConstraint(
            ["inspector_id"], ["users.id"], name=op.f("fk_photos_inspector_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["unmatched_id"],
            ["unmatched_parcels.id"],
            name=op.f("fk_photos_unmatched_id_unmatched_parcels"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photos")),
    )
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_photos_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_photos_sha256"), ["sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_photos_unmatched_id"), ["unmatched_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photos_unmatched_id"))
        batch_op.drop_index(batch_op.f("ix_photos_sha256"))
        batch_op.drop_index(batch_op.f("ix_photos_inspection_id"))

    op.drop_table("photos")
    with op.batch_alter_table("labels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_labels_inspection_id"))

    op.drop_table("labels")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspections_return_id"))
        batch_op.drop_index("ix_inspections_open_line")
        batch_op.drop_index(batch_op.f("ix_inspections_inspector_id"))
        batch_op.drop_index("ix_inspections_completed_at")

    op.drop_table("inspections")
    with op.batch_alter_table("unmatched_parcels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unmatched_parcels_code"))

    op.drop_table("unmatched_parcels")
    with op.batch_alter_table("return_tracking", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_return_tracking_return_id"))

    op.drop_table("return_tracking")
    with op.batch_alter_table("return_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_return_lines_sku"))
        batch_op.drop_index(batch_op.f("ix_return_lines_category"))
        batch_op.drop_index(batch_op.f("ix_return_lines_batch"))

    op.drop_table("return_lines")
    op.drop_table("users")
    with op.batch_alter_table("templates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_templates_category"))

    op.drop_table("templates")
    op.drop_table("sync_cursors")
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_returns_state"))
        batch_op.drop_index(batch_op.f("ix_returns_order_no"))

    op.drop_table("returns")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_pending")

    op.drop_table("outbox")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_entity"))
        batch_op.drop_index(batch_op.f("ix_audit_log_action"))

    op.drop_table("audit_log")
