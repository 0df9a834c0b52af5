"""The sync protocol between stations and the central service, defined once.

Both sides import these models: the station's client to build requests and validate answers,
the central service to validate requests and build answers. Anything that does not fit is
refused whole — a page of changes is applied all or nothing.

Endpoints (all but registration need ``Authorization: Bearer <station token>``):

- ``POST /v1/stations``                 register a station (``X-Enrollment-Key``) → token
- ``HEAD /v1/blobs/{sha256}``           is the blob there?
- ``PUT  /v1/blobs/{sha256}``           upload a blob; the server checks the hash
- ``GET  /v1/blobs/{sha256}``           download a blob (supervisors' review)
- ``POST /v1/events``                   a batch of outbox events, each stored once by id
- ``GET  /v1/changes?since=&limit=``    expected returns, templates, users, decisions, …
- ``POST /v1/returns``                  publish expected returns (manifest rows)
- ``POST /v1/templates`` / ``/v1/users`` / ``/v1/decisions``   publish to every station
- ``GET  /v1/inspections``, ``GET /v1/inspections/{id}``        read API for supervisors
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from station.protocol.enums import Disposition, Grade, RefundKind, Role
from station.protocol.events import Decision, EventKind
from station.protocol.ids import EventId, Sha256, ShortText, StationId

PROTOCOL_VERSION = 1
MAX_BATCH = 500
MAX_PAGE = 1000
MAX_BLOB_BYTES = 25 * 1024 * 1024


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# -- registration --------------------------------------------------------------------------


class RegisterStation(_Wire):
    station_id: StationId
    name: Annotated[str, StringConstraints(max_length=80)] = ""


class StationToken(_Wire):
    station_id: StationId
    token: Annotated[str, StringConstraints(min_length=32, max_length=200)]


# -- events (station → central) --------------------------------------------------------------


class Event(_Wire):
    event_id: EventId
    seq: Annotated[int, Field(ge=1)]
    kind: EventKind
    station_id: StationId
    created_at: AwareDatetime
    payload: dict[str, Any]
    blobs: Annotated[list[Sha256], Field(max_length=50)] = []  # must be uploaded first


class EventBatch(_Wire):
    events: Annotated[list[Event], Field(min_length=1, max_length=MAX_BATCH)]


class Refusal(_Wire):
    event_id: EventId
    error: ShortText


class BatchResult(_Wire):
    accepted: list[EventId]  # stored now
    duplicates: list[EventId]  # stored before, same payload: fine
    rejected: list[Refusal]  # will never be accepted as sent: park them


# -- changes (central → station) --------------------------------------------------------------


class ChangeKind(StrEnum):
    RETURN = "return"  # an expected return (manifest row) or an update of its state
    TEMPLATE = "template"
    USER = "user"
    DECISION = "decision"


class UserChange(_Wire):
    badge_id: Annotated[str, StringConstraints(pattern=r"^[A-Z0-9_-]{1,40}$")]
    display_name: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    role: Role
    pin_hash: Annotated[str, StringConstraints(pattern=r"^\$argon2id\$.{20,200}$")]
    active: bool = True


class TemplateChange(_Wire):
    template_id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
    version: Annotated[int, Field(ge=1)]
    body: Annotated[str, StringConstraints(max_length=256 * 1024)]


class Change(_Wire):
    seq: Annotated[int, Field(ge=1)]
    kind: ChangeKind
    key: Annotated[str, StringConstraints(max_length=80)]
    body: dict[str, Any]
    at: datetime


class ChangesPage(_Wire):
    changes: Annotated[list[Change], Field(max_length=MAX_PAGE)]
    cursor: Annotated[str, StringConstraints(pattern=r"^\d{1,18}$")]
    more: bool


# -- read API for supervisors ----------------------------------------------------------------


class InspectionSummary(_Wire):
    inspection_id: EventId
    station_id: StationId
    rma_no: str
    sku: str
    inspector: str
    completed_at: AwareDatetime | None
    grade: Grade | None
    disposition: Disposition | None
    refund_kind: RefundKind | None
    refund_fen: int | None
    needs_review: bool
    overturned: bool


class InspectionDetail(InspectionSummary):
    answers: dict[str, Any]
    rules_fired: list[Any]
    photos: list[dict[str, Any]]
    decisions: list[Decision]


class InspectionPage(_Wire):
    items: list[InspectionSummary]
    total: int
