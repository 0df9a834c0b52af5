"""The outbox: events for the central service, written in the transaction of their change.

Every event is built from its kind's payload model (:mod:`station.protocol.events`), so what a
station queues is what the central service will validate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from uuid6 import uuid7

from station.protocol.events import Payload
from station.store.models import OutboxEvent
from station.store.types import utcnow


def enqueue(session: Session, payload: Payload, *, at: datetime | None = None) -> str:
    """Add an event (in the caller's transaction) and return its event id."""
    return add(session, payload, at=at).event_id


def add(session: Session, payload: Payload, *, at: datetime | None = None) -> OutboxEvent:
    """Like :func:`enqueue`, returning the row (for the audit entry that records it)."""
    row = OutboxEvent(
        event_id=str(uuid7()),
        kind=payload.KIND.value,
        payload=payload.body(),
        created_at=at or utcnow(),
    )
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True, slots=True)
class OutboxStatus:
    pending: int
    parked: int
    oldest_pending_at: datetime | None


def status(session: Session) -> OutboxStatus:
    unsent = OutboxEvent.sent_at.is_(None)
    pending, oldest = session.execute(
        select(func.count(), func.min(OutboxEvent.created_at)).where(
            unsent, OutboxEvent.parked.is_(False)
        )
    ).one()
    parked = session.scalar(select(func.count()).where(unsent, OutboxEvent.parked.is_(True)))
    oldest_at = oldest.replace(tzinfo=utcnow().tzinfo) if isinstance(oldest, datetime) else None
    return OutboxStatus(int(pending), int(parked or 0), oldest_at)
