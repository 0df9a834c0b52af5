"""What a station may say: only about its own inspections and parcels, and a decision only
when a supervisor central knows signed it.

A station's token proves which bench is talking, nothing more. So an event that touches an
inspection or unmatched parcel another station recorded is refused, and a ``decision.made``
must carry the proof (station/protocol/badges.py) made with the decision key of the active
supervisor it names, about an inspection of the station's own warehouse, with a refund its
order allows. A refused event is not stored: the station parks it with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.db.models import InspectionRecord, UnmatchedRecord
from central.db.session import in_chunks
from central.services import people
from central.services.errors import Refused
from central.services.publishing import check_refund
from central.services.stations import AuthenticatedStation, warehouse_of
from station.protocol.badges import proof_holds
from station.protocol.events import Decision, EventKind
from station.protocol.wire import Event

_INSPECTION_KINDS = frozenset(
    {
        EventKind.INSPECTION_STARTED,
        EventKind.INSPECTION_COMPLETED,
        EventKind.INSPECTION_CANCELLED,
        EventKind.EVIDENCE_ADDED,
        EventKind.EVIDENCE_DELETED,
        EventKind.PHOTO_ADDED,
        EventKind.PHOTO_DELETED,
        EventKind.LABEL_PRINTED,
    }
)
_UNMATCHED_KINDS = frozenset(
    {
        EventKind.PARCEL_UNMATCHED,
        EventKind.EVIDENCE_ADDED,
        EventKind.EVIDENCE_DELETED,
        EventKind.PHOTO_ADDED,
        EventKind.PHOTO_DELETED,
        EventKind.LABEL_PRINTED,
        EventKind.UNMATCHED_LINKED,
    }
)


def _text(payload: dict[str, Any], key: str) -> str | None:
    value = payload.get(key)
    return value if isinstance(value, str) and value else None


@dataclass(slots=True)
class Owners:
    """Who recorded each inspection and parcel a batch names, read in two queries."""

    inspections: dict[str, str] = field(default_factory=dict)
    unmatched: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, session: Session, events: Iterable[Event]) -> Owners:
        inspection_ids: set[str] = set()
        unmatched_ids: set[str] = set()
        for event in events:
            if (value := _text(event.payload, "inspection_id")) is not None:
                inspection_ids.add(value)
            if (value := _text(event.payload, "unmatched_id")) is not None:
                unmatched_ids.add(value)
        owners = cls()
        for ids, model, into in (
            (inspection_ids, InspectionRecord, owners.inspections),
            (unmatched_ids, UnmatchedRecord, owners.unmatched),
        ):
            for part in in_chunks(sorted(ids)):
                query = select(model.id, model.station_id).where(model.id.in_(part))
                into.update((row.id, row.station_id) for row in session.execute(query))
        return owners


def refusal(
    session: Session, station: AuthenticatedStation, event: Event, owners: Owners
) -> str | None:
    """Why ``station`` may not send ``event`` (None: it may). Claims the inspection or
    parcel an accepted event creates, so later events of the same batch see it."""
    payload = event.payload
    if event.kind is EventKind.DECISION_MADE:
        return _decision_refusal(session, station, payload)
    named_station = _text(payload, "station_id")
    if named_station is not None and named_station != station.id:
        return f"the payload names station {named_station}, not this station ({station.id})"
    inspection = _text(payload, "inspection_id")
    if event.kind in _INSPECTION_KINDS and inspection is not None:
        owner = owners.inspections.setdefault(inspection, station.id)
        if owner != station.id:
            return f"inspection {inspection} was recorded by another station"
    parcel = _text(payload, "unmatched_id")
    if event.kind in _UNMATCHED_KINDS and parcel is not None:
        owner = owners.unmatched.setdefault(parcel, station.id)
        if owner != station.id:
            return f"unmatched parcel {parcel} was recorded by another station"
    return None


def _decision_refusal(
    session: Session, station: AuthenticatedStation, payload: dict[str, Any]
) -> str | None:
    try:
        decision = Decision.model_validate(payload)
    except ValidationError as exc:
        return f"not a decision: {exc.errors()[0]['msg']}"[:300]
    inspection = session.get(InspectionRecord, decision.inspection_id)
    if inspection is None:
        return f"no inspection {decision.inspection_id} here to decide on"
    if warehouse_of(session, inspection.station_id) != station.warehouse:
        return f"inspection {decision.inspection_id} is not of this station's warehouse"
    key = people.decision_key(session, decision.decided_by)
    if key is None:
        return (
            f"{decision.decided_by or 'nobody'} is not an active supervisor with a badge "
            "issued by this service"
        )
    if not proof_holds(key, decision.model_dump(mode="json")):
        return f"the decision's proof does not hold: {decision.decided_by} did not sign it"
    try:
        check_refund(session, decision)
    except Refused as exc:
        return str(exc)
    return None
