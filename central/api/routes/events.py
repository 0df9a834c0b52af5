"""Stations deliver their outbox here, a batch at a time."""

from __future__ import annotations

from fastapi import APIRouter

from central.api.deps import SessionDep, StationDep
from central.api.models import Problem
from central.core.metrics import EVENTS
from central.db.session import read, write
from central.db.types import utcnow
from central.services.anchors import anchor, anchor_of
from central.services.events import ingest_batch
from station.protocol.wire import AnchorState, BatchResult, EventBatch

router = APIRouter(tags=["events"])


@router.post(
    "/v1/events",
    operation_id="post_events",
    responses={401: {"model": Problem}, 413: {"model": Problem}},
)
def post_events(batch: EventBatch, station: StationDep, session: SessionDep) -> BatchResult:
    """Store each event once by its id; the batch is one transaction, or one per decision it
    carries (an event that cannot be stored is refused alone, the others stored). The
    station's audit head sent along is anchored once the events are stored."""
    now = utcnow()
    result = ingest_batch(session, station, batch.events, now)
    for outcome, events in (
        ("accepted", result.accepted),
        ("duplicate", result.duplicates),
        ("rejected", result.rejected),
    ):
        EVENTS.labels(outcome).inc(len(events))
    if batch.audit_head is not None:
        head = batch.audit_head
        write(session, lambda s: anchor(s, station.id, head, now))
    return result


@router.get("/v1/stations/me/anchor", operation_id="get_anchor")
def get_anchor(station: StationDep, session: SessionDep) -> AnchorState:
    """The newest audit entry this station sent: its log must still hold it, unchanged."""
    return read(session, lambda s: anchor_of(s, station.id))
