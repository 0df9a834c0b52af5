"""The central database: what stations sent, what was published to them, and read models.

``events``, ``blobs`` and ``changes`` are the record; ``inspections``, ``evidence``,
``decisions``, ``unmatched_parcels`` and ``labels`` are built from accepted events and can
be rebuilt from them. ``returns``, ``templates`` and ``users`` hold the latest published
version of each, so re-publishing the same thing is recognised and publishes nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from central.db.types import BigId, Json, UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: Json,
        list[Any]: Json,
    }


class Station(Base):
    __tablename__ = "stations"

    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(80), default="")
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    warehouse: Mapped[str] = mapped_column(String(20), server_default="MAIN")
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime | None]
    # the newest audit entry the station sent with its events (central/services/anchors.py)
    anchor_seq: Mapped[int | None] = mapped_column(BigId)
    anchor_mac: Mapped[str | None] = mapped_column(String(64))
    anchored_at: Mapped[datetime | None]


class EnrolmentCodeRecord(Base):
    """A one-time code an administrator issued for one station id; only its SHA-256 is kept."""

    __tablename__ = "enrolment_codes"

    code_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_id: Mapped[str] = mapped_column(String(20), index=True)
    warehouse: Mapped[str] = mapped_column(String(20))
    replace: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class BadgeSecret(Base):
    """What only the central service knows of a user: the badge's secret, the PIN's
    verifier and the decision key (station/protocol/badges.py). Never published."""

    __tablename__ = "badge_secrets"

    badge_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    secret: Mapped[str] = mapped_column(String(32))
    pin_hash: Mapped[str] = mapped_column(String(200))
    decision_key: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime]


class PinFailures(Base):
    """Wrong PINs for a badge, wherever they were typed; escalating locks."""

    __tablename__ = "pin_failures"

    badge_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locks: Mapped[int] = mapped_column(Integer, default=0)  # how many times it was locked
    locked_until: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class SupervisorSessionRecord(Base):
    __tablename__ = "supervisor_sessions"

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    badge_id: Mapped[str] = mapped_column(String(40), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class EventRecord(Base):
    """An accepted event, exactly as the station sent it."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_station_seq", "station_id", "seq"),)

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("stations.id"))
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    created_at: Mapped[datetime]
    payload: Mapped[dict[str, Any]]
    blobs: Mapped[list[Any]]
    payload_sha256: Mapped[str] = mapped_column(String(64))  # of the whole event, canonical
    received_at: Mapped[datetime]


class BlobRecord(Base):
    """A blob whose bytes are in the blob store, verified against its SHA-256."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    stored_at: Mapped[datetime]
    station_id: Mapped[str | None] = mapped_column(String(20))  # who uploaded it first


class BlobUpload(Base):
    """A station that sent a blob's bytes and had them verified: the first one and any after
    it. A station sees the blobs a station of its warehouse sent (central/services/blobs.py)."""

    __tablename__ = "blob_uploads"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_id: Mapped[str] = mapped_column(String(20), primary_key=True)
    uploaded_at: Mapped[datetime]


class ChangeRecord(Base):
    """One entry of the feed every station pulls, in ``seq`` order."""

    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_kind_key", "kind", "key"), {"sqlite_autoincrement": True})

    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(80))
    body: Mapped[dict[str, Any]]
    at: Mapped[datetime]
    warehouse: Mapped[str | None] = mapped_column(String(20))  # None: for every station


class ReturnRecord(Base):
    """The latest published manifest row of an expected return."""

    __tablename__ = "returns"

    rma_no: Mapped[str] = mapped_column(String(40), primary_key=True)
    state: Mapped[str] = mapped_column(String(30), index=True)
    body: Mapped[dict[str, Any]]  # as published, customer masked
    body_sha256: Mapped[str] = mapped_column(String(64))
    change_seq: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime]
    warehouse: Mapped[str | None] = mapped_column(String(20))
    order_no: Mapped[str] = mapped_column(String(40), index=True, server_default="")
    # the raw customer name and phone, for customer service, until erased (personal_data_days)
    personal: Mapped[dict[str, Any] | None]


class TemplateRecord(Base):
    __tablename__ = "templates"

    template_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    body_sha256: Mapped[str] = mapped_column(String(64))
    change_seq: Mapped[int] = mapped_column(BigInteger)
    published_at: Mapped[datetime]


class UserRecord(Base):
    __tablename__ = "users"

    badge_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    body: Mapped[dict[str, Any]]
    body_sha256: Mapped[str] = mapped_column(String(64))
    change_seq: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime]


class InspectionRecord(Base):
    """One inspected item as the stations reported it (read model)."""

    __tablename__ = "inspections"
    __table_args__ = (
        Index("ix_inspections_completed", "completed_at", "id"),
        Index("ix_inspections_station_completed", "station_id", "completed_at"),
        # the dispute desk's searches, newest first
        Index("ix_inspections_sku_completed", "sku", "completed_at"),
        Index("ix_inspections_inspector_completed", "inspector", "completed_at"),
        # its flags that have no index of their own: without one, two of them together (or
        # one that nothing has) read every row to count the matches
        Index("ix_inspections_review_requested_completed", "review_requested", "completed_at"),
        Index("ix_inspections_overridden_completed", "overridden", "completed_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_id: Mapped[str] = mapped_column(String(20))
    rma_no: Mapped[str] = mapped_column(String(40), index=True)
    line_no: Mapped[int | None]
    sku: Mapped[str] = mapped_column(String(60), default="")
    inspector: Mapped[str] = mapped_column(String(40), default="")
    state: Mapped[str] = mapped_column(String(20))
    template_id: Mapped[str | None] = mapped_column(String(40))
    template_version: Mapped[int | None]
    grade: Mapped[str | None] = mapped_column(String(2))
    disposition: Mapped[str | None] = mapped_column(String(30))
    refund_kind: Mapped[str | None] = mapped_column(String(10))
    refund_fen: Mapped[int | None] = mapped_column(BigInteger)
    responsibility: Mapped[str | None] = mapped_column(String(20))
    verdict: Mapped[dict[str, Any]]  # everything the station decided, as sent
    review_requested: Mapped[bool] = mapped_column(Boolean, default=False)  # by the station
    # requested and not decided yet: what a supervisor's "to review" list shows
    needs_review: Mapped[bool] = mapped_column(Boolean, index=True, default=False)
    overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    overturned: Mapped[bool] = mapped_column(Boolean, index=True, default=False)
    answers: Mapped[dict[str, Any]]
    rules_fired: Mapped[list[Any]]
    started_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class EvidenceRecord(Base):
    """A photo (or another medium of evidence) a station recorded; its bytes are a blob."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    media: Mapped[str] = mapped_column(String(10), server_default="photo")
    station_id: Mapped[str] = mapped_column(String(20))
    station_evidence_id: Mapped[int | None] = mapped_column(BigInteger)
    inspection_id: Mapped[str | None] = mapped_column(String(36), index=True)
    unmatched_id: Mapped[str | None] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    size_bytes: Mapped[int | None] = mapped_column(BigInteger)
    width: Mapped[int | None]
    height: Mapped[int | None]
    duration_ms: Mapped[int | None] = mapped_column(BigInteger)
    inspector: Mapped[str] = mapped_column(String(40), default="")
    taken_at: Mapped[datetime]
    deleted_at: Mapped[datetime | None]
    deleted_reason: Mapped[str] = mapped_column(String(500), default="")


class DecisionRecord(Base):
    """A supervisor's decision, made at central or sent by a station."""

    __tablename__ = "decisions"

    decision_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(String(36), index=True)
    approve: Mapped[bool] = mapped_column(Boolean)
    body: Mapped[dict[str, Any]]
    body_sha256: Mapped[str] = mapped_column(String(64))
    decided_at: Mapped[datetime]
    source: Mapped[str] = mapped_column(String(40))  # "central" or "station:<id>"
    received_at: Mapped[datetime]


class UnmatchedRecord(Base):
    __tablename__ = "unmatched_parcels"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_id: Mapped[str] = mapped_column(String(20), index=True)
    code: Mapped[str] = mapped_column(String(512), index=True)
    inspector: Mapped[str] = mapped_column(String(40), default="")
    received_at: Mapped[datetime]
    linked_rma: Mapped[str | None] = mapped_column(String(40))
    linked_at: Mapped[datetime | None]


class LabelRecord(Base):
    """One print of a label (a reprint is another row)."""

    __tablename__ = "labels"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    label_id: Mapped[str] = mapped_column(String(40), index=True)
    station_id: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(30))
    inspection_id: Mapped[str | None] = mapped_column(String(36), index=True)
    unmatched_id: Mapped[str | None] = mapped_column(String(36))
    printer: Mapped[str] = mapped_column(String(200), default="")
    copies: Mapped[int] = mapped_column(Integer, default=1)
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    printed_at: Mapped[datetime]


class ReturnWaybill(Base):
    """A waybill a return travels under, for finding it by what is printed on the parcel."""

    __tablename__ = "return_waybills"

    waybill: Mapped[str] = mapped_column(String(40), primary_key=True)
    rma_no: Mapped[str] = mapped_column(String(40), primary_key=True)


class ConsoleUser(Base):
    """Someone who signs in to the dispute desk in a browser: customer service, a supervisor
    or an administrator. A supervisor decides as ``badge_id``, the badge central issued."""

    __tablename__ = "console_users"

    login: Mapped[str] = mapped_column(String(40), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    badge_id: Mapped[str | None] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ConsoleSessionRecord(Base):
    """A signed-in browser; only the cookie's SHA-256 is kept."""

    __tablename__ = "console_sessions"

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    login: Mapped[str] = mapped_column(String(40), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    address: Mapped[str] = mapped_column(String(64), default="")


class ConsoleAuditRecord(Base):
    """Who saw, revealed, exported or decided what in the dispute desk, when and why."""

    __tablename__ = "console_audit"
    __table_args__ = (Index("ix_console_audit_subject_at", "subject", "at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    login: Mapped[str] = mapped_column(String(40), index=True)
    action: Mapped[str] = mapped_column(String(30))
    subject: Mapped[str] = mapped_column(String(80), default="")
    reason: Mapped[str] = mapped_column(String(500), default="")
    address: Mapped[str] = mapped_column(String(64), default="")
    details: Mapped[dict[str, Any]]


class DisputeRecord(Base):
    """A platform's case about one inspection, its deadline and how it ended."""

    __tablename__ = "disputes"
    __table_args__ = (
        Index("uq_disputes_platform_case", "platform", "case_id", unique=True),
        Index("ix_disputes_status_deadline", "status", "deadline_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(String(36), index=True)
    rma_no: Mapped[str] = mapped_column(String(40), index=True)
    platform: Mapped[str] = mapped_column(String(20))
    case_id: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(30))
    category: Mapped[str] = mapped_column(String(30), default="")
    status: Mapped[str] = mapped_column(String(12))
    anchor_at: Mapped[datetime]  # what the platform's deadline counts from
    deadline_at: Mapped[datetime]
    opened_by: Mapped[str] = mapped_column(String(40))
    opened_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    amount_fen: Mapped[int | None] = mapped_column(BigInteger)
    note: Mapped[str] = mapped_column(String(1000), default="")
