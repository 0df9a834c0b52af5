"""The events a station sends: one kind, one typed payload model.

The station builds every outbox event from one of these models (:func:`kind_of` says its kind),
and the central service validates what arrives with the same model (:func:`parse_payload`).
Which blobs an event needs uploaded first is the payload's to say (:meth:`Payload.blobs`), so
neither side decides it by kind.

Payloads are tolerant where that loses nothing: unknown fields are ignored and free text is
clipped to its column. Identifiers, codes and numbers must be what they claim.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, ClassVar

from pydantic import (
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from station.protocol.enums import (
    Disposition,
    Grade,
    MediaKind,
    PhotoKind,
    RefundKind,
    Responsibility,
    VideoKind,
)
from station.protocol.ids import EventId, Sha256
from station.protocol.times import Instant


class EventKind(StrEnum):
    INSPECTION_STARTED = "inspection.started"
    INSPECTION_COMPLETED = "inspection.completed"
    INSPECTION_CANCELLED = "inspection.cancelled"
    PARCEL_UNMATCHED = "parcel.unmatched"
    EVIDENCE_ADDED = "evidence.added"
    EVIDENCE_DELETED = "evidence.deleted"
    LABEL_PRINTED = "label.printed"
    DECISION_MADE = "decision.made"
    UNMATCHED_LINKED = "unmatched.linked"
    LOGIN_FAILED = "login.failed"
    # What stations sent before evidence covered more than photos; still understood.
    PHOTO_ADDED = "photo.added"
    PHOTO_DELETED = "photo.deleted"


def _clip(limit: int) -> BeforeValidator:
    return BeforeValidator(lambda v: v[:limit] if isinstance(v, str) else v)


def _blank_to_none(value: Any) -> Any:
    return None if value == "" else value


Rma = Annotated[str, StringConstraints(min_length=1, max_length=40)]
Badge = Annotated[str, _clip(40)]
Note = Annotated[str, _clip(500)]
OptionalId = Annotated[EventId | None, BeforeValidator(_blank_to_none)]
SmallInt = Annotated[int, Field(ge=0, le=2**31 - 1)]
BigInt = Annotated[int, Field(ge=0, le=2**62)]


class Payload(BaseModel):
    """The body of one event kind."""

    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)
    KIND: ClassVar[EventKind]

    def blobs(self) -> tuple[str, ...]:
        """The blobs (SHA-256) central must hold before it takes this event."""
        return ()

    def body(self) -> dict[str, Any]:
        """The payload as JSON-ready values, as it is stored in the outbox and sent."""
        return self.model_dump(mode="json")


class TemplateRef(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    id: Annotated[str, StringConstraints(max_length=40)] | None = None
    version: SmallInt | None = None


class InspectionStarted(Payload):
    KIND = EventKind.INSPECTION_STARTED

    inspection_id: EventId
    rma_no: Rma
    line_no: SmallInt | None = None
    inspector: Badge = ""
    template: TemplateRef | None = None
    started_at: Instant | None = None


class VerdictBody(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    grade: Grade
    disposition: Disposition
    refund_kind: RefundKind
    refund_fen: BigInt
    refund_reason: Note | None = None
    responsibility: Responsibility | None = None
    carrier_claim: bool | None = None


class InspectionCompleted(InspectionStarted):
    KIND = EventKind.INSPECTION_COMPLETED

    order_state: Annotated[str, _clip(30)] = ""
    sku: Annotated[str, _clip(60)] = ""
    answers: dict[str, Any] = {}
    rules_fired: list[Any] = []
    proposal: dict[str, Any] = {}
    verdict: VerdictBody
    overridden: bool = False
    override_reason: Note | None = None
    needs_review: bool = False
    completed_at: Instant | None = None


class InspectionCancelled(Payload):
    KIND = EventKind.INSPECTION_CANCELLED

    inspection_id: EventId
    rma_no: Rma
    state: Annotated[str, _clip(30)] = ""


class ParcelUnmatched(Payload):
    KIND = EventKind.PARCEL_UNMATCHED

    unmatched_id: EventId
    code: Annotated[str, StringConstraints(min_length=1, max_length=512)]
    inspector: Badge = ""
    received_at: Instant | None = None


class ClipChapter(BaseModel):
    model_config = ConfigDict(extra="ignore")

    at_ms: Annotated[int, Field(ge=0, le=7 * 24 * 3600 * 1000)]
    kind: Annotated[str, _clip(20)]
    label: Annotated[str, _clip(200)] = ""


class ClipGap(BaseModel):
    from_ms: Annotated[int, Field(ge=0)]
    to_ms: Annotated[int, Field(ge=0)]


class ClipFacts(BaseModel):
    """What a clip carries besides its bytes (the same is in the file's chapters box)."""

    model_config = ConfigDict(extra="ignore")

    clip_id: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z]{1,26}$")]
    parcel: Annotated[str, _clip(200)] = ""
    started_at: Instant
    ended: Annotated[str, _clip(20)]
    preroll_ms: Annotated[int, Field(ge=0, le=60_000)] = 0
    chain_head: Sha256
    chain_end: BigInt
    fragments: Annotated[int, Field(ge=0, le=10_000_000)]
    chapters: Annotated[list[ClipChapter], Field(max_length=5000)] = []
    gaps: Annotated[list[ClipGap], Field(max_length=5000)] = []
    clock_skew_ms: int | None = None
    camera: Annotated[str, _clip(200)] = ""


class _Evidence(Payload):
    """Which piece of evidence, of which inspection or unmatched parcel."""

    # the station's own number for it ("photo_id" from stations before other media)
    evidence_id: Annotated[
        BigInt | None, Field(validation_alias=AliasChoices("evidence_id", "photo_id"))
    ] = None
    inspection_id: OptionalId = None
    unmatched_id: OptionalId = None


class EvidenceAdded(_Evidence):
    """A photo or another piece of evidence, stored on the station under its SHA-256."""

    KIND = EventKind.EVIDENCE_ADDED

    sha256: Sha256
    media: MediaKind = MediaKind.PHOTO
    kind: Annotated[str, StringConstraints(min_length=1, max_length=30)]
    size_bytes: BigInt | None = None
    width: SmallInt | None = None
    height: SmallInt | None = None
    duration_ms: BigInt | None = None  # of a recording
    quality_flags: list[Annotated[str, _clip(30)]] = []
    inspector: Badge = ""
    taken_at: Instant | None = None
    clip: ClipFacts | None = None  # a recording's chapters, gaps and fragment chain

    @model_validator(mode="after")
    def _kind_fits_media(self) -> EvidenceAdded:
        kinds = PhotoKind if self.media is MediaKind.PHOTO else VideoKind
        if self.kind not in kinds.__members__.values():
            raise ValueError(f"{self.kind!r} is not a kind of {self.media.value}")
        if self.media is MediaKind.VIDEO and self.clip is None:
            raise ValueError("a clip's chapters and chain are missing")
        return self

    def blobs(self) -> tuple[str, ...]:
        # A clip follows its event on a lane of its own, so a verdict never waits for video.
        return (self.sha256,) if self.media is MediaKind.PHOTO else ()


class EvidenceDeleted(_Evidence):
    """A piece of evidence marked deleted before its inspection was completed; its blob stays."""

    KIND = EventKind.EVIDENCE_DELETED

    sha256: Sha256 | None = None
    reason: Note = ""
    deleted_at: Instant | None = None


class UnmatchedLinked(Payload):
    KIND = EventKind.UNMATCHED_LINKED

    unmatched_id: EventId
    rma_no: Rma
    code: Annotated[str, _clip(512)] = ""
    linked_by: Badge = ""
    linked_at: Instant | None = None


class LabelPrinted(Payload):
    KIND = EventKind.LABEL_PRINTED

    label_id: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    kind: Annotated[str, StringConstraints(min_length=1, max_length=30)]
    inspection_id: OptionalId = None
    unmatched_id: OptionalId = None
    printer: Annotated[str, _clip(200)] = ""
    copies: Annotated[int, Field(ge=1, le=1000)] = 1
    job_ref: Annotated[str, _clip(200)] = ""
    reprint: bool = False
    printed_at: Instant | None = None


class Decision(Payload):
    """A supervisor's decision on an inspection; it wins over the station's verdict. Sent as
    an event by the station where it was made, and to every station as a change."""

    KIND = EventKind.DECISION_MADE
    model_config = ConfigDict(extra="forbid", frozen=True)

    decision_id: EventId
    inspection_id: EventId
    decided_by: Annotated[str, StringConstraints(max_length=60)]
    decided_at: Instant
    reason: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    approve: bool = False  # True: the verdict stands as it is
    grade: Grade | None = None
    disposition: Disposition | None = None
    refund_kind: RefundKind | None = None
    refund_fen: Annotated[int, Field(ge=0)] | None = None
    responsibility: Responsibility | None = None
    # HMAC-SHA256 with the supervisor's decision key (station/protocol/badges.py): how the
    # central service tells a supervisor's decision from one a bench made up
    proof: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None


class LoginFailed(Payload):
    """A wrong PIN for a badge central issued: central counts them across stations and
    locks the badge everywhere (a bench can lock a badge this way, never unlock one)."""

    KIND = EventKind.LOGIN_FAILED
    badge_id: Badge
    station_id: Annotated[str, StringConstraints(max_length=20)]
    at: Instant


PAYLOADS: dict[EventKind, type[Payload]] = {
    EventKind.INSPECTION_STARTED: InspectionStarted,
    EventKind.INSPECTION_COMPLETED: InspectionCompleted,
    EventKind.INSPECTION_CANCELLED: InspectionCancelled,
    EventKind.PARCEL_UNMATCHED: ParcelUnmatched,
    EventKind.EVIDENCE_ADDED: EvidenceAdded,
    EventKind.EVIDENCE_DELETED: EvidenceDeleted,
    EventKind.PHOTO_ADDED: EvidenceAdded,
    EventKind.PHOTO_DELETED: EvidenceDeleted,
    EventKind.UNMATCHED_LINKED: UnmatchedLinked,
    EventKind.LABEL_PRINTED: LabelPrinted,
    EventKind.DECISION_MADE: Decision,
    EventKind.LOGIN_FAILED: LoginFailed,
}


def parse_payload(kind: EventKind | str, body: dict[str, Any]) -> Payload:
    """The payload of an event of ``kind``; raises ValueError (pydantic's ValidationError)
    for a body that does not fit, or an unknown kind."""
    return PAYLOADS[EventKind(kind)].model_validate(body)


def blobs_of(kind: EventKind | str, body: dict[str, Any]) -> tuple[str, ...]:
    """The blobs an event needs uploaded first; none for a body that does not parse (it will
    be refused on its own)."""
    try:
        return parse_payload(kind, body).blobs()
    except ValueError:
        return ()
