"""The station's local tables (DESIGN §4) as SQLAlchemy 2 typed models.

Money is integer fen; times are aware UTC; codes are the values of :mod:`station.protocol.enums`.
Schema changes go through an Alembic revision in ``migrations/versions``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from station.domain.codes import MAX_CODE_CHARS
from station.store.types import UTCDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Json = dict[str, Any]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 (SQLAlchemy reads it as a plain class attribute)
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


class ReturnOrder(Base):
    """An after-sales order (售后单 / RMA)."""

    __tablename__ = "returns"
    __table_args__ = (
        # covers the dashboard's return reasons over a date range
        Index("ix_returns_requested_reason", "requested_on", "reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rma_no: Mapped[str] = mapped_column(String(40), unique=True)
    order_no: Mapped[str] = mapped_column(String(40), index=True)
    platform: Mapped[str] = mapped_column(String(20), default="")
    reason: Mapped[str] = mapped_column(String(30))
    reason_note: Mapped[str] = mapped_column(String(500), default="")
    customer_received_on: Mapped[date] = mapped_column(Date)
    requested_on: Mapped[date] = mapped_column(Date)
    customer_masked: Mapped[str] = mapped_column(String(80), default="")
    state: Mapped[str] = mapped_column(String(30), index=True)
    warehouse_received_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    lines: Mapped[list[ReturnLine]] = relationship(
        back_populates="order", order_by="ReturnLine.line_no", cascade="all, delete-orphan"
    )
    tracking: Mapped[list[ReturnTracking]] = relationship(
        back_populates="order", cascade="all, delete-orphan"
    )


class ReturnTracking(Base):
    """A return parcel's carrier tracking number; an order may come back in several parcels."""

    __tablename__ = "return_tracking"

    tracking_no: Mapped[str] = mapped_column(String(40), primary_key=True)
    carrier: Mapped[str] = mapped_column(String(10))
    return_id: Mapped[int] = mapped_column(ForeignKey("returns.id", ondelete="CASCADE"), index=True)

    order: Mapped[ReturnOrder] = relationship(back_populates="tracking")


class ReturnLine(Base):
    __tablename__ = "return_lines"
    __table_args__ = (
        UniqueConstraint("return_id", "line_no"),
        # covers the dashboard's return reasons by category, SKU and batch
        Index("ix_return_lines_review", "return_id", "category", "sku", "batch"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("returns.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(60), index=True)
    ean: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20), index=True)
    qty: Mapped[int] = mapped_column(Integer, default=1)
    unit_price_fen: Mapped[int] = mapped_column(Integer)
    expected_serial: Mapped[str | None] = mapped_column(String(80))
    batch: Mapped[str | None] = mapped_column(String(40), index=True)
    accessories: Mapped[list[Any]] = mapped_column(default=list)

    order: Mapped[ReturnOrder] = relationship(back_populates="lines")


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    badge_id: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(20))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # issued by central: the login needs the badge's secret with the PIN (station/security/login)
    badge_bound: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    locks: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # in a row


class Template(Base):
    """A checklist template version as loaded; inspections point at the version they used."""

    __tablename__ = "templates"

    template_id: Mapped[str] = mapped_column(String(60), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    category: Mapped[str] = mapped_column(String(20), index=True)
    body: Mapped[str] = mapped_column(Text)
    loaded_at: Mapped[datetime] = mapped_column(default=utcnow)


class Inspection(Base):
    __tablename__ = "inspections"
    __table_args__ = (
        Index("ix_inspections_open_line", "return_line_id", "state"),
        Index("ix_inspections_completed_at", "completed_at"),
        # the supervisors' queue: completed, undecided, flagged; station.review.queue reuses
        # this very clause so SQLite can prove a query implies it and pick the index
        Index(
            "ix_inspections_review_pending",
            "completed_at",
            sqlite_where=text(
                "state = 'completed' AND decision IS NULL AND (needs_review = 1"
                " OR overridden = 1 OR refund_kind IN ('partial', 'none') OR carrier_claim = 1)"
            ),
        ),
        # covers the dashboard's per-hour counts and grade/disposition mixes
        Index(
            "ix_inspections_dashboard",
            "completed_at",
            "inspector_id",
            "station_id",
            "grade",
            "disposition",
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7
    return_id: Mapped[int] = mapped_column(ForeignKey("returns.id"), index=True)
    return_line_id: Mapped[int] = mapped_column(ForeignKey("return_lines.id"))
    station_id: Mapped[str] = mapped_column(String(40))
    inspector_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    template_id: Mapped[str | None] = mapped_column(String(60))
    template_version: Mapped[int | None] = mapped_column(Integer)
    answers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    proposal: Mapped[dict[str, Any]] = mapped_column(default=dict)
    rules_fired: Mapped[list[Any]] = mapped_column(default=list)
    grade: Mapped[str | None] = mapped_column(String(2))
    disposition: Mapped[str | None] = mapped_column(String(30))
    refund_kind: Mapped[str | None] = mapped_column(String(10))
    refund_fen: Mapped[int | None] = mapped_column(Integer)
    refund_reason: Mapped[str] = mapped_column(String(500), default="")
    responsibility: Mapped[str | None] = mapped_column(String(20))
    carrier_claim: Mapped[bool] = mapped_column(Boolean, default=False)
    overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    override_code: Mapped[str] = mapped_column(String(30), default="")  # OverrideReason
    override_reason: Mapped[str] = mapped_column(String(500), default="")
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    # a supervisor decision from central wins; the station's own verdict is kept beside it
    overturned: Mapped[bool] = mapped_column(Boolean, default=False)
    decision: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    station_verdict: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class UnmatchedParcel(Base):
    """A parcel whose code matched no order (无头件): received anyway, resolved later."""

    __tablename__ = "unmatched_parcels"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(MAX_CODE_CHARS), index=True)
    station_id: Mapped[str] = mapped_column(String(40))
    inspector_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    note: Mapped[str] = mapped_column(String(500), default="")
    resolved_return_id: Mapped[int | None] = mapped_column(ForeignKey("returns.id"))
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class EvidenceItem(Base):
    """A photo (or another medium of evidence) of an inspection or an unmatched parcel; its
    bytes live in the evidence folder under their SHA-256."""

    __tablename__ = "evidence_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    media: Mapped[str] = mapped_column(String(10), default="photo")  # MediaKind
    inspection_id: Mapped[str | None] = mapped_column(ForeignKey("inspections.id"), index=True)
    unmatched_id: Mapped[str | None] = mapped_column(ForeignKey("unmatched_parcels.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    size_bytes: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    duration_ms: Mapped[int | None] = mapped_column(Integer)  # of a recording
    sharpness: Mapped[float | None]
    exposure: Mapped[float | None]
    quality_flags: Mapped[list[Any]] = mapped_column(default=list)
    # a flagged photo counts as evidence only when the inspector kept it on purpose
    kept: Mapped[bool] = mapped_column(Boolean, default=False)
    station_id: Mapped[str] = mapped_column(String(40))
    inspector_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    taken_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None]
    uploaded_at: Mapped[datetime | None]  # the blob reached the central service


class Label(Base):
    __tablename__ = "labels"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str | None] = mapped_column(ForeignKey("inspections.id"), index=True)
    unmatched_id: Mapped[str | None] = mapped_column(ForeignKey("unmatched_parcels.id"))
    kind: Mapped[str] = mapped_column(String(30))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    printer: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(20), default="queued")
    last_error: Mapped[str] = mapped_column(String(500), default="")
    copies: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    printed_at: Mapped[datetime | None]


class LabelRequest(Base):
    """A corrected label owed to an inspection because a supervisor's decision changed its
    verdict. Written in the decision's transaction by whoever applies it (the sync has no
    printer); the print queue makes the label from the verdict then in force and closes the
    request, noting why when no label can be made."""

    __tablename__ = "label_requests"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    decision_id: Mapped[str] = mapped_column(String(36))
    decided_by: Mapped[str] = mapped_column(String(60))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(index=True)
    label_id: Mapped[str | None] = mapped_column(String(36))  # the label made, if one was
    note: Mapped[str] = mapped_column(String(500), default="")


class OutboxEvent(Base):
    """An event waiting to reach the central service, written in the same transaction as its
    change. ``seq`` orders delivery; ``event_id`` makes delivery idempotent."""

    __tablename__ = "outbox"
    # the push reads what is unsent and not parked, in order
    __table_args__ = (Index("ix_outbox_pending", "sent_at", "parked", "seq"),)

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime | None]
    parked: Mapped[bool] = mapped_column(Boolean, default=False)
    last_error: Mapped[str] = mapped_column(String(1000), default="")


class SyncCursor(Base):
    __tablename__ = "sync_cursors"

    stream: Mapped[str] = mapped_column(String(40), primary_key=True)
    cursor: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class AuditEntry(Base):
    """One link of the hash-chained audit log; see :mod:`station.security.audit`.

    ``binds`` holds, for the rows the entry records (an inspection, an evidence item, an
    outbox event), the digest of their protected fields; entries of the keyed part of the
    chain cover it (see :mod:`station.security.bindings`)."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(60), index=True)
    entity: Mapped[str] = mapped_column(String(120), index=True)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    binds: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Clip(Base):
    """An unboxing clip: one continuous take per parcel. Its file is an evidence item
    (media ``video``); this row keeps what only a clip has: its chapters and camera gaps, the
    fragment chain that proves a take cut short, and whether the file may be deleted yet."""

    __tablename__ = "clips"

    id: Mapped[str] = mapped_column(String(26), primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence_items.id"), unique=True)
    inspection_id: Mapped[str | None] = mapped_column(ForeignKey("inspections.id"), index=True)
    unmatched_id: Mapped[str | None] = mapped_column(ForeignKey("unmatched_parcels.id"), index=True)
    parcel_code: Mapped[str] = mapped_column(String(MAX_CODE_CHARS))
    started_at: Mapped[datetime] = mapped_column(index=True)
    ended: Mapped[str] = mapped_column(String(20))  # completed, parked, abandoned, cut short…
    preroll_ms: Mapped[int] = mapped_column(Integer, default=0)
    chapters: Mapped[list[Any]] = mapped_column(default=list)
    gaps: Mapped[list[Any]] = mapped_column(default=list)
    chain_head: Mapped[str] = mapped_column(String(64))
    chain_end: Mapped[int] = mapped_column(Integer)
    fragments: Mapped[int] = mapped_column(Integer)
    camera: Mapped[str] = mapped_column(String(200), default="")
    clock_skew_ms: Mapped[int | None] = mapped_column(Integer)
    # a close-up camera's take: the bench camera's take of the same parcel (same chapters)
    sibling_of: Mapped[str | None] = mapped_column(String(26), index=True)
    # kept past its retention while a dispute or an overturned verdict may need it
    hold: Mapped[str] = mapped_column(String(200), default="")
    purged_at: Mapped[datetime | None]  # the file was removed after its retention
