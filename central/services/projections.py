"""Read models from accepted events, one function per event kind.

Each projection runs in a savepoint of the batch's transaction. A payload it cannot use (or
that contradicts what is known, e.g. another station's inspection id) is logged and skipped:
the event itself is stored all the same, so nothing the station sent is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import DataError
from sqlalchemy.orm import Session

from central.db.models import (
    EvidenceRecord,
    InspectionRecord,
    LabelRecord,
    UnmatchedRecord,
)
from central.services import people
from central.services.errors import Refused
from central.services.publishing import record_decision, refresh_review
from station.protocol import events
from station.protocol.enums import InspectionState
from station.protocol.events import Decision, EventKind, LoginFailed
from station.protocol.wire import Event

log = logging.getLogger(__name__)


class Skipped(Exception):
    """The read model cannot take this event; the message says why."""


def project(session: Session, event: Event, station_id: str, now: datetime) -> bool:
    """Update the read models for ``event``; False if it was skipped (and logged)."""
    handler = _HANDLERS.get(event.kind)
    if handler is None:
        return True
    try:
        with session.begin_nested():
            handler(session, event, station_id, now)
    except (Skipped, Refused, ValueError, LookupError, DataError) as exc:
        log.warning(
            "event %s (%s) from %s stored, read model not updated: %s",
            event.event_id,
            event.kind,
            station_id,
            _reason(exc),
        )
        return False
    return True


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'payload'}: {err['msg']}"
            for err in exc.errors()[:3]
        )
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:300]


def _inspection(session: Session, inspection_id: str, station_id: str) -> InspectionRecord | None:
    row = session.get(InspectionRecord, inspection_id)
    if row is not None and row.station_id != station_id:
        raise Skipped(f"inspection {inspection_id} belongs to station {row.station_id}")
    return row


def _new_inspection(
    p: events.InspectionStarted, station_id: str, state: str, now: datetime
) -> InspectionRecord:
    return InspectionRecord(
        id=p.inspection_id,
        station_id=station_id,
        rma_no=p.rma_no,
        line_no=p.line_no,
        inspector=p.inspector,
        state=state,
        verdict={},
        answers={},
        rules_fired=[],
        review_requested=False,
        needs_review=False,
        overridden=False,
        overturned=False,
        updated_at=now,
    )


def _started(session: Session, event: Event, station_id: str, now: datetime) -> None:
    p = events.InspectionStarted.model_validate(event.payload)
    row = _inspection(session, p.inspection_id, station_id)
    if row is None:
        row = _new_inspection(p, station_id, InspectionState.OPEN.value, now)
        session.add(row)
    if row.started_at is None:
        row.started_at = p.started_at or event.created_at
    if p.template is not None and row.template_id is None:
        row.template_id, row.template_version = p.template.id, p.template.version
    session.flush()
    refresh_review(session, row, now)


def _completed(session: Session, event: Event, station_id: str, now: datetime) -> None:
    p = events.InspectionCompleted.model_validate(event.payload)
    row = _inspection(session, p.inspection_id, station_id)
    if row is None:
        row = _new_inspection(p, station_id, InspectionState.COMPLETED.value, now)
        session.add(row)
    v = p.verdict
    row.state = InspectionState.COMPLETED.value
    row.rma_no, row.line_no, row.sku, row.inspector = p.rma_no, p.line_no, p.sku, p.inspector
    if p.template is not None:
        row.template_id, row.template_version = p.template.id, p.template.version
    row.grade, row.disposition, row.refund_kind = (
        v.grade.value,
        v.disposition.value,
        v.refund_kind.value,
    )
    row.refund_fen = v.refund_fen
    row.responsibility = v.responsibility.value if v.responsibility else None
    row.verdict = v.model_dump(mode="json") | {
        "overridden": p.overridden,
        "override_reason": p.override_reason,
    }
    row.overridden = p.overridden
    row.review_requested = p.needs_review
    row.answers = dict(p.answers)
    row.rules_fired = list(p.rules_fired)
    row.started_at = row.started_at or p.started_at
    row.completed_at = p.completed_at or event.created_at
    row.cancelled_at = None
    session.flush()
    refresh_review(session, row, now)


def _cancelled(session: Session, event: Event, station_id: str, now: datetime) -> None:
    p = events.InspectionCancelled.model_validate(event.payload)
    row = _inspection(session, p.inspection_id, station_id)
    if row is None:
        started = events.InspectionStarted(inspection_id=p.inspection_id, rma_no=p.rma_no)
        row = _new_inspection(started, station_id, InspectionState.CANCELLED.value, now)
        session.add(row)
    elif row.state == InspectionState.COMPLETED.value:
        raise Skipped(f"inspection {p.inspection_id} is already completed")
    row.state = InspectionState.CANCELLED.value
    row.cancelled_at = event.created_at
    row.updated_at = now
    session.flush()


def _evidence_added(session: Session, event: Event, station_id: str, now: datetime) -> None:
    p = events.EvidenceAdded.model_validate(event.payload)
    session.add(
        EvidenceRecord(
            event_id=event.event_id,
            sha256=p.sha256,
            station_id=station_id,
            media=p.media.value,
            station_evidence_id=p.evidence_id,
            inspection_id=p.inspection_id,
            unmatched_id=p.unmatched_id,
            kind=p.kind,
            size_bytes=p.size_bytes,
            width=p.width,
            height=p.height,
            duration_ms=p.duration_ms,
            inspector=p.inspector,
            taken_at=p.taken_at or event.created_at,
            deleted_reason="",
        )
    )
    session.flush()


def _evidence_deleted(session: Session, event: Event, station_id: str, now: datetime) -> None:
    p = events.EvidenceDeleted.model_validate(event.payload)
    query = select(EvidenceRecord).where(EvidenceRecord.station_id == station_id)
    if p.evidence_id is not None:
        query = query.where(EvidenceRecord.station_evidence_id == p.evidence_id)
    elif p.sha256 is not None:
        query = query.where(
            EvidenceRecord.sha256 == p.sha256,
            EvidenceRecord.inspection_id == p.inspection_id,
            EvidenceRecord.unmatched_id == p.unmatched_id,
        )
    else:
        raise Skipped("neither evidence_id nor sha256 given")
    rows = session.scalars(query).all()
    if not rows:
        raise Skipped("no such evidence from this station")
    for row in rows:
        row.deleted_at = p.deleted_at or event.created_at
        row.deleted_reason = p.reason
    session.flush()


def _unmatched(session: Session, event: Event, station_id: str, now: datetime) -> None:
    p = events.ParcelUnmatched.model_validate(event.payload)
    if session.get(UnmatchedRecord, p.unmatched_id) is not None:
        raise Skipped(f"unmatched parcel {p.unmatched_id} is already recorded")
    session.add(
        UnmatchedRecord(
            id=p.unmatched_id,
            station_id=station_id,
            code=p.code,
            inspector=p.inspector,
            received_at=p.received_at or event.created_at,
        )
    )
    session.flush()


def _unmatched_linked(session: Session, event: Event, station_id: str, now: datetime) -> None:
    p = events.UnmatchedLinked.model_validate(event.payload)
    row = session.get(UnmatchedRecord, p.unmatched_id)
    if row is None or row.station_id != station_id:
        raise Skipped(f"no unmatched parcel {p.unmatched_id} from this station")
    row.linked_rma = p.rma_no
    row.linked_at = p.linked_at or event.created_at
    session.flush()


def _label_printed(session: Session, event: Event, station_id: str, now: datetime) -> None:
    p = events.LabelPrinted.model_validate(event.payload)
    session.add(
        LabelRecord(
            event_id=event.event_id,
            label_id=p.label_id,
            station_id=station_id,
            kind=p.kind,
            inspection_id=p.inspection_id,
            unmatched_id=p.unmatched_id,
            printer=p.printer,
            copies=p.copies,
            reprint=p.reprint,
            printed_at=p.printed_at or event.created_at,
        )
    )
    session.flush()


def _decision_made(session: Session, event: Event, station_id: str, now: datetime) -> None:
    decision = Decision.model_validate(event.payload)
    record_decision(session, decision, source=f"station:{station_id}", now=now)


def _login_failed(session: Session, event: Event, station_id: str, now: datetime) -> None:
    """Wrong PINs at any station count toward the badge's lock, which every station gets."""
    failed = LoginFailed.model_validate(event.payload)
    if people.person(session, failed.badge_id) is not None:
        people.count_failure(session, failed.badge_id, now)


_HANDLERS: dict[EventKind, Callable[[Session, Event, str, datetime], Any]] = {
    EventKind.INSPECTION_STARTED: _started,
    EventKind.INSPECTION_COMPLETED: _completed,
    EventKind.INSPECTION_CANCELLED: _cancelled,
    EventKind.EVIDENCE_ADDED: _evidence_added,
    EventKind.EVIDENCE_DELETED: _evidence_deleted,
    EventKind.PHOTO_ADDED: _evidence_added,
    EventKind.PHOTO_DELETED: _evidence_deleted,
    EventKind.PARCEL_UNMATCHED: _unmatched,
    EventKind.UNMATCHED_LINKED: _unmatched_linked,
    EventKind.LABEL_PRINTED: _label_printed,
    EventKind.DECISION_MADE: _decision_made,
    EventKind.LOGIN_FAILED: _login_failed,
}
