"""The sync protocol between stations and the central service, defined once.

Both sides import these models: the station's client to build requests and validate answers,
the central service to validate requests and build answers. Anything that does not fit is
refused whole — a page of changes is applied all or nothing.

Three kinds of caller, each with its own credential (docs/SECURITY.md):

- a **station**: ``Authorization: Bearer st_…``, the token it got by registering with a
  one-time enrolment code;
- a **supervisor**: ``Authorization: Bearer sv_…``, a session opened with badge and PIN;
- an **administrator**: ``X-Admin-Token``, which lives on the central host, never on a bench.

Endpoints:

- ``POST /v1/stations``                 register with an enrolment code → station token
- ``POST /v1/enrolment-codes``          (admin) a one-time code for one station id
- ``HEAD/GET /v1/blobs/{sha256}``       a blob of the caller's own warehouse
- ``PUT  /v1/blobs/{sha256}``           (station) upload a blob; the server checks the hash
- ``POST /v1/blobs``                    (station) upload a group of blobs in one body, listed
                                        in its ``Blob-List`` header; each hash checked
- ``POST /v1/clips/{sha256}/direct``    (station; S3 stores) presigned URLs for a clip's parts;
  ``…/direct/complete``                 then central checks its SHA-256 and keeps it
- ``POST /v1/events``                   (station) a batch of outbox events, each stored once
- ``GET  /v1/changes?since=&limit=``    (station) returns, templates, users, decisions and
                                        evidence holds for it
- ``POST /v1/returns`` / ``/v1/templates`` / ``/v1/users``      (admin) publish
- ``POST /v1/sessions``                 badge code + PIN → supervisor session
- ``POST /v1/decisions``                (supervisor) a decision made at central
- ``GET  /v1/inspections``, ``GET /v1/inspections/{id}``        (supervisor) read API
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from station.protocol.enums import Disposition, Grade, RefundKind, Role
from station.protocol.events import Decision, EventKind
from station.protocol.ids import SHA256, EventId, Sha256, ShortText, StationId
from station.protocol.template_parse import parse_template

PROTOCOL_VERSION = 1
MAX_BATCH = 500
MAX_PAGE = 1000
MAX_BLOB_BYTES = 25 * 1024 * 1024
# a group of blobs in one request: per-request work shared by many photos, one transaction
MAX_GROUP_BLOBS = 64
MAX_GROUP_BYTES = 64 * 1024 * 1024
BLOB_LIST_HEADER = "Blob-List"
# on central's answers to uploads and batches: how many of them one station may have in flight
STATION_REQUESTS_HEADER = "Station-Requests"


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# -- registration --------------------------------------------------------------------------


EnrolmentCodeText = Annotated[str, StringConstraints(pattern=r"^EN-[A-Z2-7]{20}$")]
Warehouse = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9][A-Z0-9_-]{0,19}$")]


class RegisterStation(_Wire):
    station_id: StationId
    name: Annotated[str, StringConstraints(max_length=80)] = ""
    enrolment_code: EnrolmentCodeText


class EnrolmentRequest(_Wire):
    """An administrator lets one station id in (again, with ``replace``)."""

    station_id: StationId
    warehouse: Warehouse = "MAIN"
    replace: bool = False  # re-registering a known station voids its current token
    valid_hours: Annotated[int, Field(ge=1, le=24 * 14)] = 24


class EnrolmentCode(_Wire):
    code: EnrolmentCodeText
    station_id: StationId
    warehouse: Warehouse
    expires_at: AwareDatetime


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


class AuditAnchor(_Wire):
    """The newest entry of a station's audit log: central keeps the highest it was sent, so
    a log cut short or rewritten at the station shows against it (``station audit verify``)."""

    seq: Annotated[int, Field(ge=1, le=2**63 - 1)]
    mac: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class AnchorState(_Wire):
    anchor: AuditAnchor | None
    anchored_at: AwareDatetime | None


class EventBatch(_Wire):
    events: Annotated[list[Event], Field(min_length=1, max_length=MAX_BATCH)]
    audit_head: AuditAnchor | None = None  # the station's audit log as the batch leaves


class Refusal(_Wire):
    event_id: EventId
    error: ShortText


class BatchResult(_Wire):
    accepted: list[EventId]  # stored now
    duplicates: list[EventId]  # stored before, same payload: fine
    rejected: list[Refusal]  # will never be accepted as sent: park them


# -- a group of blobs in one body ------------------------------------------------------------


def ascii_digits(text: str) -> bool:
    """0-9 only, at least one: ``str.isdigit`` also takes "²" (which ``int`` refuses) and "١"
    (which it reads), neither of which a number on the wire or a barcode is written in."""
    return text.isascii() and text.isdigit()


def blob_list(blobs: list[tuple[str, int]]) -> str:
    """The ``Blob-List`` header of a group: ``sha256:size`` in the order of the body."""
    return ",".join(f"{sha}:{size}" for sha, size in blobs)


class GroupTooLarge(ValueError):
    """The group announces more blobs, or more bytes, than may be sent at once."""


def parse_blob_list(text: str, *, max_size: int) -> list[tuple[str, int]]:
    """The blobs a ``Blob-List`` header announces; ValueError saying what is wrong
    (:class:`GroupTooLarge` for one past the limits)."""
    if not text.strip():
        raise ValueError(f"the {BLOB_LIST_HEADER} header is missing or empty")
    entries = text.split(",")
    if len(entries) > MAX_GROUP_BLOBS:
        raise GroupTooLarge(f"a group holds at most {MAX_GROUP_BLOBS} blobs, not {len(entries)}")
    blobs: list[tuple[str, int]] = []
    for entry in entries:
        sha, _, size = entry.strip().partition(":")
        # ASCII digits only: '²' and other digits of Unicode are no size int() takes
        if not SHA256.fullmatch(sha) or not ascii_digits(size) or len(size) > 12:
            raise ValueError(f"{entry[:80]!r} is not sha256:size")
        if int(size) > max_size:
            raise GroupTooLarge(f"blob {sha} is larger than {max_size:,} bytes")
        blobs.append((sha, int(size)))
    if len({sha for sha, _ in blobs}) != len(blobs):
        raise ValueError("a blob is listed twice")
    if sum(size for _, size in blobs) > MAX_GROUP_BYTES:
        raise GroupTooLarge(f"a group is at most {MAX_GROUP_BYTES:,} bytes")
    return blobs


class GroupRefusal(_Wire):
    sha256: Sha256
    error: ShortText


class GroupStored(_Wire):
    created: list[Sha256]  # stored now
    present: list[Sha256]  # held already
    refused: list[GroupRefusal]  # not stored (the bytes did not hash to the name)


# -- a clip straight into S3 ------------------------------------------------------------------


class DirectStart(_Wire):
    size: Annotated[int, Field(ge=1, le=1 << 40)]


class DirectPart(_Wire):
    number: Annotated[int, Field(ge=1, le=10_000)]
    url: Annotated[str, StringConstraints(max_length=8192)]  # presigned PUT, for this part


class DirectPlan(_Wire):
    """Where to PUT the parts S3 does not hold yet (``stored``: central has the clip)."""

    stored: bool
    part_size: Annotated[int, Field(ge=0)] = 0
    parts: Annotated[list[DirectPart], Field(max_length=10_000)] = []


class DirectDone(_Wire):
    sha256: Sha256
    created: bool  # False: central had it already


# -- changes (central → station) --------------------------------------------------------------


class ChangeKind(StrEnum):
    RETURN = "return"  # an expected return (manifest row) or an update of its state
    TEMPLATE = "template"
    USER = "user"
    DECISION = "decision"
    HOLD = "hold"  # keep an inspection's evidence past its retention (a dispute), or stop


BadgeId = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9_-]{1,40}$")]
PinText = Annotated[str, StringConstraints(pattern=r"^[0-9]{4,12}$")]


class UserChange(_Wire):
    """A user as every station gets it. ``pin_hash`` is argon2id of the badge's secret and
    the PIN (station/protocol/badges.py): useless without the badge itself."""

    badge_id: BadgeId
    display_name: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    role: Role
    pin_hash: Annotated[str, StringConstraints(pattern=r"^\$argon2id\$.{20,200}$")]
    active: bool = True
    badge_bound: bool = True  # the PIN is checked together with the badge's secret
    locked_until: AwareDatetime | None = None  # too many wrong PINs, at any station


class UserGrant(_Wire):
    """An administrator adds or changes a user. A new user, or ``new_badge``, gets a new
    badge secret (the old badge stops working); the PIN is needed then."""

    badge_id: BadgeId
    display_name: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    role: Role
    pin: PinText | None = None
    active: bool = True
    new_badge: bool = False


class UserIssued(_Wire):
    badge_id: BadgeId
    badge_code: str | None  # only when a badge was issued: print it, it is not kept readable
    published: bool


class SupervisorLogin(_Wire):
    badge_code: Annotated[str, StringConstraints(max_length=100)]
    pin: Annotated[str, StringConstraints(max_length=64)]


class SupervisorSession(_Wire):
    token: Annotated[str, StringConstraints(min_length=32, max_length=200)]
    badge_id: BadgeId
    role: Role
    expires_at: AwareDatetime


class TemplateChange(_Wire):
    template_id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
    version: Annotated[int, Field(ge=1)]
    body: Annotated[str, StringConstraints(max_length=256 * 1024)]

    @classmethod
    def of(cls, body: str, source: str) -> TemplateChange:
        """The change that publishes a template file's text (``source`` names it in errors):
        its id and version are the ones it declares. Raises QcFileError if it does not load."""
        parsed = parse_template(body, source)
        return cls(template_id=parsed.id, version=parsed.version, body=body)


def _printable(value: str) -> str:
    bad = next((ch for ch in value if not ch.isprintable()), None)
    if bad is not None:
        raise ValueError(f"contains a character that is not printable (U+{ord(bad):04X})")
    return value


DisputeId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,35}$")]
HoldReason = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=200), AfterValidator(_printable)
]


class EvidenceHold(_Wire):
    """A dispute's hold on an inspection's evidence, for the station that recorded it: keep
    its originals past their retention (``held``), or stop keeping them for disputes (the last
    dispute holding it was closed). The reason is shown beside the clip: one line of printable
    text, no control or bidirectional formatting characters."""

    inspection_id: EventId
    held: bool
    reason: HoldReason = ""
    dispute: DisputeId  # the dispute that set or, released last, lifted the hold
    at: AwareDatetime


class Change(_Wire):
    seq: Annotated[int, Field(ge=1)]
    kind: ChangeKind
    key: Annotated[str, StringConstraints(max_length=80)]
    body: dict[str, Any]
    at: datetime


class ChangesPage(_Wire):
    changes: Annotated[list[Change], Field(max_length=MAX_PAGE)]
    cursor: Annotated[str, StringConstraints(pattern=r"^[0-9]{1,18}$")]
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
