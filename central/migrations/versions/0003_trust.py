"""Trust: enrolment codes, warehouses, badge secrets, PIN lockouts, supervisor sessions,
changes for one warehouse, raw personal data kept apart

Users published before this carried a PIN hash any PC could search offline. Their published
rows are redacted here (a hash nothing matches, inactive) so no station pulls them again; an
administrator issues each user a badge (``central user set BADGE --new-badge``). Stations
already holding such users keep them until then (docs/SECURITY.md, "Upgrading").

Returns published before this carried the customer's raw name and phone in their change
bodies: the bodies now carry them masked, the raw values move to ``returns.personal`` (erased
after the retention period like any other).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 15:00:00
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op
from argon2 import PasswordHasher
from sqlalchemy.dialects import postgresql

from station.protocol.masking import mask_customer

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

DATETIME = sa.DateTime(timezone=True)
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("stations") as batch_op:
        batch_op.add_column(
            sa.Column("warehouse", sa.String(20), nullable=False, server_default="MAIN")
        )
    with op.batch_alter_table("changes") as batch_op:
        batch_op.add_column(sa.Column("warehouse", sa.String(20), nullable=True))
    with op.batch_alter_table("returns") as batch_op:
        batch_op.add_column(sa.Column("warehouse", sa.String(20), nullable=True))
        batch_op.add_column(sa.Column("personal", JSON, nullable=True))
    op.create_table(
        "enrolment_codes",
        sa.Column("code_sha256", sa.String(64), nullable=False),
        sa.Column("station_id", sa.String(20), nullable=False),
        sa.Column("warehouse", sa.String(20), nullable=False),
        sa.Column("replace", sa.Boolean(), nullable=False),
        sa.Column("created_at", DATETIME, nullable=False),
        sa.Column("expires_at", DATETIME, nullable=False),
        sa.Column("used_at", DATETIME, nullable=True),
        sa.PrimaryKeyConstraint("code_sha256", name=op.f("pk_enrolment_codes")),
    )
    op.create_index(op.f("ix_enrolment_codes_station_id"), "enrolment_codes", ["station_id"])
    op.create_table(
        "badge_secrets",
        sa.Column("badge_id", sa.String(40), nullable=False),
        sa.Column("secret", sa.String(32), nullable=False),
        sa.Column("pin_hash", sa.String(200), nullable=False),
        sa.Column("decision_key", sa.String(64), nullable=False),
        sa.Column("issued_at", DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("badge_id", name=op.f("pk_badge_secrets")),
    )
    op.create_table(
        "pin_failures",
        sa.Column("badge_id", sa.String(40), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locks", sa.Integer(), nullable=False),
        sa.Column("locked_until", DATETIME, nullable=True),
        sa.Column("updated_at", DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("badge_id", name=op.f("pk_pin_failures")),
    )
    op.create_table(
        "supervisor_sessions",
        sa.Column("token_sha256", sa.String(64), nullable=False),
        sa.Column("badge_id", sa.String(40), nullable=False),
        sa.Column("created_at", DATETIME, nullable=False),
        sa.Column("expires_at", DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("token_sha256", name=op.f("pk_supervisor_sessions")),
    )
    op.create_index(op.f("ix_supervisor_sessions_badge_id"), "supervisor_sessions", ["badge_id"])
    _redact_old_pin_hashes()
    _mask_old_customers()


def _redact_old_pin_hashes() -> None:
    """Every user row published so far: a hash that nothing matches, inactive."""
    unusable = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(secrets.token_hex(32))
    conn = op.get_bind()
    for table, key in (("changes", "seq"), ("users", "badge_id")):
        rows = sa.table(table, sa.column(key), sa.column("body", JSON))
        query = sa.select(rows.c[key], rows.c.body)
        if table == "changes":
            query = query.where(sa.column("kind") == "user")
        for row_key, body in conn.execute(query).all():
            if not isinstance(body, dict) or body.get("badge_bound"):
                continue
            redacted = {**body, "pin_hash": unusable, "active": False, "badge_bound": True}
            conn.execute(rows.update().where(rows.c[key] == row_key).values(body=redacted))


def _masked(body: dict[str, object]) -> dict[str, object]:
    name, phone = str(body.get("customer_name") or ""), str(body.get("customer_phone") or "")
    masked = str(body.get("customer_masked") or "") or mask_customer(name, phone)
    return {**body, "customer_name": "", "customer_phone": "", "customer_masked": masked}


def _mask_old_customers() -> None:
    conn = op.get_bind()
    returns = sa.table(
        "returns", sa.column("rma_no"), sa.column("body", JSON), sa.column("personal", JSON)
    )
    for rma_no, body in conn.execute(sa.select(returns.c.rma_no, returns.c.body)).all():
        if isinstance(body, dict) and (body.get("customer_name") or body.get("customer_phone")):
            raw = {k: body.get(k) or "" for k in ("customer_name", "customer_phone")}
            conn.execute(
                returns.update()
                .where(returns.c.rma_no == rma_no)
                .values(body=_masked(body), personal=raw)
            )
    changes = sa.table("changes", sa.column("seq"), sa.column("kind"), sa.column("body", JSON))
    query = sa.select(changes.c.seq, changes.c.body).where(changes.c.kind == "return")
    for seq, body in conn.execute(query).all():
        if isinstance(body, dict) and (body.get("customer_name") or body.get("customer_phone")):
            conn.execute(changes.update().where(changes.c.seq == seq).values(body=_masked(body)))


def downgrade() -> None:
    raise NotImplementedError("redacted PIN hashes cannot be restored")
