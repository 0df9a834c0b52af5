"""Stations deliver their outbox here, a batch at a time."""

from __future__ import annotations

from fastapi import APIRouter

from central.api.deps import SessionDep, StationDep
from central.api.models import Problem
from central.db.types import utcnow
from central.services.events import ingest_isolating
from station.protocol.wire import BatchResult, EventBatch

router = APIRouter(tags=["events"])


@router.post(
    "/v1/events",
    operation_id="post_events",
    responses={401: {"model": Problem}, 413: {"model": Problem}},
)
def post_events(batch: EventBatch, station: StationDep, session: SessionDep) -> BatchResult:
    """Store each event once by its id; the whole batch is one transaction (an event that
    cannot be stored is refused alone, the others stored)."""
    return ingest_isolating(session, station, batch.events, utcnow())
