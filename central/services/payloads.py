"""What the read models take from event payloads.

Tolerant: unknown fields are ignored and free text is clipped to its column. Validated:
identifiers, codes and numbers must be what they claim, or the projection is skipped (the
event itself is stored regardless).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from station.domain.enums import Disposition, Grade, PhotoKind, RefundKind, Responsibility
from station.sync.wire import EventId, Sha256


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


class _Payload(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class TemplateRef(_Payload):
    id: Annotated[str, StringConstraints(max_length=40)] | None = None
    version: SmallInt | None = None


class Started(_Payload):
    inspection_id: EventId
    rma_no: Rma
    line_no: SmallInt | None = None
    inspector: Badge = ""
    template: TemplateRef | None = None
    started_at: AwareDatetime | None = None


class Verdict(_Payload):
    grade: Grade
    disposition: Disposition
    refund_kind: RefundKind
    refund_fen: BigInt
    refund_reason: Note | None = None
    responsibility: Responsibility | None = None
    carrier_claim: bool | None = None


class Completed(Started):
    sku: Annotated[str, _clip(60)] = ""
    answers: dict[str, Any] = {}
    rules_fired: list[Any] = []
    verdict: Verdict
    overridden: bool = False
    override_reason: Note | None = None
    needs_review: bool = False
    completed_at: AwareDatetime | None = None


class Cancelled(_Payload):
    inspection_id: EventId
    rma_no: Rma


class PhotoAdded(_Payload):
    sha256: Sha256
    inspection_id: OptionalId = None
    unmatched_id: OptionalId = None
    kind: PhotoKind
    photo_id: BigInt | None = None
    size_bytes: BigInt | None = None
    width: SmallInt | None = None
    height: SmallInt | None = None
    inspector: Badge = ""
    taken_at: AwareDatetime | None = None


class PhotoDeleted(_Payload):
    photo_id: BigInt | None = None
    sha256: Sha256 | None = None
    inspection_id: OptionalId = None
    unmatched_id: OptionalId = None
    reason: Note = ""
    deleted_at: AwareDatetime | None = None


class Unmatched(_Payload):
    unmatched_id: EventId
    code: Annotated[str, StringConstraints(min_length=1, max_length=512)]
    inspector: Badge = ""
    received_at: AwareDatetime | None = None


class UnmatchedLinked(_Payload):
    unmatched_id: EventId
    rma_no: Rma
    linked_at: AwareDatetime | None = None


class LabelPrinted(_Payload):
    label_id: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    kind: Annotated[str, StringConstraints(min_length=1, max_length=30)]
    inspection_id: OptionalId = None
    unmatched_id: OptionalId = None
    printer: Annotated[str, _clip(200)] = ""
    copies: Annotated[int, Field(ge=1, le=1000)] = 1
    reprint: bool = False
    printed_at: AwareDatetime | None = None
