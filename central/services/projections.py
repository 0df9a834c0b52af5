"""Read models from accepted events, one function per event kind.

A batch's events are projected in runs: the inspections a run names and the decisions on
them are read in one query each, the run's rows are written in one flush (evidence and
labels, which nothing reads back meanwhile, as one insert per table), all in one savepoint.
When anything in a run cannot be taken, the savepoint is undone and the run is projected
again one event at a time, each in a savepoint of its own: a payload a projection cannot use
(or that contradicts what is known, e.g. another station's inspection id) is logged and
skipped, the event itself stored all the same, so nothing the station sent is lost. A
decision is always projected alone (it publishes a change and reads what came before it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import DataError, InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session

from central.db.models import (
    Base,
    EvidenceRecord,
    InspectionRecord,
    LabelRecord,
    UnmatchedRecord,
)
from central.db.session import in_chunks
from central.services import people
from central.services.errors import Refused, reason
from central.services.publishing import apply_review, newest_decisions, record_decision
from station.protocol import events
from station.protocol.enums import InspectionState
from station.protocol.events import Decision, EventKind, LoginFailed
from station.protocol.wire import Event

log = logging.getLogger(__name__)


class Skipped(Exception):
    """The read model cannot take this event; the message says why."""


SKIPPABLE = (Skipped, Refused, ValueError, LookupError, DataError)
OUTAGES = (OperationalError, InterfaceError, PoolTimeout)


@dataclass(slots=True)
class Context:
    """Where projections write, and what a run of events read once for all of them."""

    session: Session
    station_id: str
    now: datetime
    # set for a run: the inspections it names (found or made so far) and, per inspection,
    # whether the newest decision approved it; None: read each as needed
    inspections: dict[str, InspectionRecord] | None = None
    decided: dict[str, bool] = field(default_factory=dict)
    # rows nothing reads back before the flush (evidence, labels): written in one statement
    # per table at the flush, without the ORM's work for each object
    appended: dict[type[Base], list[dict[str, Any]]] = field(default_factory=dict)

    def append(self, entity: type[Base], **row: Any) -> None:
        self.appended.setdefault(entity, []).append(row)

    def flush(self) -> None:
        self.session.flush()
        for entity, rows in self.appended.items():  # as Core: no ORM bookkeeping per row
            self.session.connection().execute(insert(entity), rows)
        self.appended.clear()

    def review(self, row: InspectionRecord) -> None:
        if self.inspections is None:
            latest = newest_decisions(self.session, [row.id]).get(row.id)
        else:
            latest = self.decided.get(row.id)
        apply_review(row, latest, self.now)


def project(session: Session, event: Event, station_id: str, now: datetime) -> bool:
    """Update the read models for ``event``; False if it was skipped (and logged)."""
    handler = _HANDLERS.get(event.kind)
    if handler is None:
        return True
    try:
        with session.begin_nested():
            ctx = Context(session, station_id, now)
            handler(ctx, event)
            ctx.flush()
    except SKIPPABLE as exc:
        log.warning(
            "event %s (%s) from %s stored, read model not updated: %s",
            event.event_id,
            event.kind,
            station_id,
            reason(exc),
        )
        return False
    return True


def project_all(session: Session, batch: Sequence[Event], station_id: str, now: datetime) -> int:
    """Update the read models for a batch's accepted events, in order; returns how many
    were skipped (and logged)."""
    skipped = 0
    run: list[Event] = []
    for event in [*batch, None]:
        if event is not None and event.kind in _IN_RUNS:
            run.append(event)
            continue
        if run:
            skipped += _project_run(session, run, station_id, now)
            run = []
        if event is not None:
            skipped += not project(session, event, station_id, now)
    return skipped


def _project_run(session: Session, run: list[Event], station_id: str, now: datetime) -> int:
    if len(run) > 1:
        try:
            with session.begin_nested():
                ctx = _prepared(session, run, station_id, now)
                for event in run:
                    _HANDLERS[event.kind](ctx, event)
                ctx.flush()
            return 0
        except OUTAGES:
            raise
        except (*SKIPPABLE, SQLAlchemyError):
            pass  # which one? each alone says, and the others are taken
    return sum(not project(session, event, station_id, now) for event in run)


def _prepared(session: Session, run: list[Event], station_id: str, now: datetime) -> Context:
    ids = sorted({i for e in run if isinstance(i := e.payload.get("inspection_id"), str) and i})
    found: dict[str, InspectionRecord] = {}
    for part in in_chunks(ids):
        query = select(InspectionRecord).where(InspectionRecord.id.in_(part))
        found.update((row.id, row) for row in session.scalars(query))
    return Context(session, station_id, now, found, newest_decisions(session, ids))


def _inspection(ctx: Context, inspection_id: str) -> InspectionRecord | None:
    if ctx.inspections is None:
        row = ctx.session.get(InspectionRecord, inspection_id)
    else:
        row = ctx.inspections.get(inspection_id)
    if row is not None and row.station_id != ctx.station_id:
        raise Skipped(f"inspection {inspection_id} belongs to station {row.station_id}")
    return row


def _new_inspection(ctx: Context, p: events.InspectionStarted, state: str) -> InspectionRecord:
    row = InspectionRecord(
        id=p.inspection_id,
        station_id=ctx.station_id,
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
        updated_at=ctx.now,
    )
    ctx.session.add(row)
    if ctx.inspections is not None:
        ctx.inspections[row.id] = row
    return row


def _started(ctx: Context, event: Event) -> None:
    p = events.InspectionStarted.model_validate(event.payload)
    row = _inspection(ctx, p.inspection_id)
    if row is None:
        row = _new_inspection(ctx, p, InspectionState.OPEN.value)
    if row.started_at is None:
        row.started_at = p.started_at or event.created_at
    if p.template is not None and row.template_id is None:
        row.template_id, row.template_version = p.template.id, p.template.version
    ctx.review(row)


def _completed(ctx: Context, event: Event) -> None:
    p = events.InspectionCompleted.model_validate(event.payload)
    row = _inspection(ctx, p.inspection_id)
    if row is None:
        row = _new_inspection(ctx, p, InspectionState.COMPLETED.value)
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
    ctx.review(row)


def _cancelled(ctx: Context, event: Event) -> None:
    p = events.InspectionCancelled.model_validate(event.payload)
    row = _inspection(ctx, p.inspection_id)
    if row is None:
        started = events.InspectionStarted(inspection_id=p.inspection_id, rma_no=p.rma_no)
        row = _new_inspection(ctx, started, InspectionState.CANCELLED.value)
    elif row.state == InspectionState.COMPLETED.value:
        raise Skipped(f"inspection {p.inspection_id} is already completed")
    row.state = InspectionState.CANCELLED.value
    row.cancelled_at = event.created_at
    row.updated_at = ctx.now


def _evidence_added(ctx: Context, event: Event) -> None:
    p = events.EvidenceAdded.model_validate(event.payload)
    ctx.append(
        EvidenceRecord,
        event_id=event.event_id,
        sha256=p.sha256,
        station_id=ctx.station_id,
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


def _evidence_deleted(ctx: Context, event: Event) -> None:
    """Evidence marked deleted: only the named inspection's or parcel's, only while it may
    still change (as the station itself enforces), and never by the station's number alone:
    a reinstalled bench numbers its evidence from 1 again."""
    p = events.EvidenceDeleted.model_validate(event.payload)
    if p.evidence_id is None and p.sha256 is None:
        raise Skipped("neither evidence_id nor sha256 given")
    if p.inspection_id is not None:
        inspection = _inspection(ctx, p.inspection_id)
        if inspection is not None and inspection.state != InspectionState.OPEN.value:
            raise Skipped(f"inspection {p.inspection_id} is {inspection.state}: its evidence stays")
    elif p.unmatched_id is not None:
        parcel = ctx.session.get(UnmatchedRecord, p.unmatched_id)
        if parcel is not None and parcel.linked_at is not None:
            raise Skipped(f"unmatched parcel {p.unmatched_id} is linked: its evidence stays")
    query = select(EvidenceRecord).where(
        EvidenceRecord.station_id == ctx.station_id,
        EvidenceRecord.inspection_id == p.inspection_id,
        EvidenceRecord.unmatched_id == p.unmatched_id,
    )
    if p.evidence_id is not None:
        query = query.where(EvidenceRecord.station_evidence_id == p.evidence_id)
    if p.sha256 is not None:
        query = query.where(EvidenceRecord.sha256 == p.sha256)
    rows = ctx.session.scalars(query).all()
    if not rows:
        raise Skipped("no such evidence from this station")
    for row in rows:
        row.deleted_at = p.deleted_at or event.created_at
        row.deleted_reason = p.reason


def _unmatched(ctx: Context, event: Event) -> None:
    p = events.ParcelUnmatched.model_validate(event.payload)
    if ctx.session.get(UnmatchedRecord, p.unmatched_id) is not None:
        raise Skipped(f"unmatched parcel {p.unmatched_id} is already recorded")
    ctx.session.add(
        UnmatchedRecord(
            id=p.unmatched_id,
            station_id=ctx.station_id,
            code=p.code,
            inspector=p.inspector,
            received_at=p.received_at or event.created_at,
        )
    )


def _unmatched_linked(ctx: Context, event: Event) -> None:
    p = events.UnmatchedLinked.model_validate(event.payload)
    row = ctx.session.get(UnmatchedRecord, p.unmatched_id)
    if row is None or row.station_id != ctx.station_id:
        raise Skipped(f"no unmatched parcel {p.unmatched_id} from this station")
    row.linked_rma = p.rma_no
    row.linked_at = p.linked_at or event.created_at


def _label_printed(ctx: Context, event: Event) -> None:
    p = events.LabelPrinted.model_validate(event.payload)
    ctx.append(
        LabelRecord,
        event_id=event.event_id,
        label_id=p.label_id,
        station_id=ctx.station_id,
        kind=p.kind,
        inspection_id=p.inspection_id,
        unmatched_id=p.unmatched_id,
        printer=p.printer,
        copies=p.copies,
        reprint=p.reprint,
        printed_at=p.printed_at or event.created_at,
    )


def _decision_made(ctx: Context, event: Event) -> None:
    decision = Decision.model_validate(event.payload)
    record_decision(ctx.session, decision, source=f"station:{ctx.station_id}", now=ctx.now)


def _login_failed(ctx: Context, event: Event) -> None:
    """Wrong PINs at any station count toward the badge's lock, which every station gets."""
    failed = LoginFailed.model_validate(event.payload)
    if people.person(ctx.session, failed.badge_id) is not None:
        people.count_failure(ctx.session, failed.badge_id, ctx.now)


_HANDLERS: dict[EventKind, Callable[[Context, Event], Any]] = {
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
# what a run may hold: each reads nothing another event of the run could have changed
# unflushed (inspections are looked up in the run's own map)
_IN_RUNS = frozenset(
    {
        EventKind.INSPECTION_STARTED,
        EventKind.INSPECTION_COMPLETED,
        EventKind.INSPECTION_CANCELLED,
        EventKind.EVIDENCE_ADDED,
        EventKind.PHOTO_ADDED,
        EventKind.LABEL_PRINTED,
    }
)
