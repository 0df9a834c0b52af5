"""Taking in a batch of station events: each stored once by its id, in one transaction.

The envelope is strict (the route validated it against :class:`~station.protocol.wire.Event`);
an event is refused — never half-taken — when it is not the caller's, reuses an id for other
content, names a blob no station of its warehouse uploaded, carries a payload no database
should hold, or says what this station may not say (central/services/authorize.py).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import insert, select
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session

from central.db.models import EventRecord
from central.db.session import in_chunks, write
from central.services.authorize import Owners, refusal
from central.services.blobs import visible_blobs
from central.services.jsonsafe import canonical, digest, problem
from central.services.plausible import implausible
from central.services.projections import project_all
from central.services.stations import AuthenticatedStation
from station.protocol.events import EventKind, blobs_of, parse_payload
from station.protocol.times import out_of_range
from station.protocol.wire import BatchResult, Event, Refusal

log = logging.getLogger(__name__)

MAX_PAYLOAD_BYTES = 1024 * 1024
MAX_SEQ = 2**63 - 1  # a SQL BIGINT
# the database cannot be reached or is busy: the whole batch waits, nobody is refused
OUTAGES = (OperationalError, InterfaceError, PoolTimeout)


def event_digest(event: Event) -> str:
    """SHA-256 of everything the station said about the event, in canonical form."""
    return digest(
        {
            "event_id": event.event_id,
            "seq": event.seq,
            "kind": event.kind.value,
            "station_id": event.station_id,
            "created_at": event.created_at.astimezone(UTC).isoformat(),
            "payload": event.payload,
            "blobs": sorted(event.blobs),
        }
    )


def required_blobs(event: Event) -> set[str]:
    """The listed blobs, and those the payload itself names even when the station forgot to
    list them: central never records evidence it cannot show."""
    return set(event.blobs) | set(blobs_of(event.kind, event.payload))


def payload_problem(payload: dict[str, Any]) -> str | None:
    why = problem(payload)
    if why is not None:
        return f"payload {why}"
    if len(canonical(payload)) > MAX_PAYLOAD_BYTES:
        return f"payload larger than {MAX_PAYLOAD_BYTES // 1024} KiB"
    return None


def time_problem(event: Event, now: datetime) -> str | None:
    """Which time of the payload cannot be right, or None: one no database can hold (its
    UTC value before year 1 or after 9999), or, like ``created_at``, one before any station
    was installed or more than a day ahead of central (a bench's far-future time broke every
    page that shows it in a time zone). A payload that does not fit otherwise is not refused
    for it here."""
    try:
        payload = parse_payload(event.kind, event.payload)
    except ValidationError as exc:
        field = out_of_range(exc)
        return None if field is None else f"payload {field} is out of range"
    except ValueError:
        return None
    for field, at in _times(payload):
        if (why := implausible(f"payload {field}", at, now)) is not None:
            return why
    return None


def _times(model: BaseModel, path: str = "") -> Iterator[tuple[str, datetime]]:
    """Every time in a parsed payload, with its field's path (``clip.chapters.3.at``)."""
    for name in type(model).model_fields:
        yield from _times_in(getattr(model, name), f"{path}{name}")


def _times_in(value: object, path: str) -> Iterator[tuple[str, datetime]]:
    if isinstance(value, datetime):
        yield path, value
    elif isinstance(value, BaseModel):
        yield from _times(value, f"{path}.")
    elif isinstance(value, list | tuple):
        for n, item in enumerate(value):
            yield from _times_in(item, f"{path}.{n}")


def envelope_problem(event: Event, now: datetime) -> str | None:
    """Why the event's sequence number or time cannot be stored, or None."""
    if event.seq > MAX_SEQ:
        return "seq is larger than 2^63-1"
    return implausible("created_at", event.created_at, now)


def ingest(
    session: Session, station: AuthenticatedStation, events: Sequence[Event], now: datetime
) -> BatchResult:
    station_id = station.id
    owners = Owners.of(session, events)
    ids = sorted({e.event_id for e in events})
    stored = {
        row.event_id: row.payload_sha256
        for part in in_chunks(ids)
        for row in session.execute(
            select(EventRecord.event_id, EventRecord.payload_sha256).where(
                EventRecord.event_id.in_(part)
            )
        )
    }
    # a blob this station's warehouse may not see is missing to it, whoever else sent it
    present = visible_blobs(
        session, {sha for e in events for sha in required_blobs(e)}, station.warehouse
    )
    accepted: list[Event] = []
    duplicates: list[str] = []
    rejected: list[Refusal] = []
    rows: list[dict[str, Any]] = []

    skipped = 0
    written = 0

    def refuse(event: Event, error: str) -> None:
        rejected.append(Refusal(event_id=event.event_id, error=error[:500]))

    def write_accepted() -> None:
        """Store and project what was accepted so far, in bulk."""
        nonlocal skipped, written
        if len(rows) > written:
            session.connection().execute(insert(EventRecord), rows[written:])  # as Core
        skipped += project_all(session, accepted[written:], station_id, now)
        written = len(rows)

    for event in events:
        if event.station_id != station_id:
            refuse(event, f"station_id {event.station_id} is not this station ({station_id})")
            continue
        if (why := envelope_problem(event, now)) is not None:
            refuse(event, why)
            continue
        if (why := payload_problem(event.payload) or time_problem(event, now)) is not None:
            refuse(event, why)
            continue
        event_sha = event_digest(event)
        previous = stored.get(event.event_id)
        if previous is not None:
            if previous == event_sha:
                duplicates.append(event.event_id)
            else:
                refuse(event, f"event id {event.event_id} was already used for other content")
            continue
        missing = sorted(required_blobs(event) - present)
        if missing:
            refuse(event, f"missing blob {missing[0]}: upload it before the event")
            continue
        if event.kind is EventKind.DECISION_MADE:
            write_accepted()  # a decision is checked against its inspection, maybe just sent
        if (why := refusal(session, station, event, owners)) is not None:
            log.warning("refused %s from %s: %s", event.kind.value, station_id, why)
            refuse(event, why)
            continue
        stored[event.event_id] = event_sha  # a repeat later in this batch is a duplicate
        accepted.append(event)
        rows.append(
            {
                "event_id": event.event_id,
                "station_id": station_id,
                "seq": event.seq,
                "kind": event.kind.value,
                "created_at": event.created_at,
                "payload": event.payload,
                "blobs": list(event.blobs),
                "payload_sha256": event_sha,
                "received_at": now,
            }
        )
    write_accepted()
    if rejected or skipped:
        log.info(
            "batch from %s: %d accepted (%d not projected), %d duplicates, %d rejected",
            station_id,
            len(accepted),
            skipped,
            len(duplicates),
            len(rejected),
        )
    return BatchResult(
        accepted=[e.event_id for e in accepted], duplicates=duplicates, rejected=rejected
    )


def ingest_batch(
    session: Session, station: AuthenticatedStation, events: Sequence[Event], now: datetime
) -> BatchResult:
    """A station's batch, in one transaction per decision it carries: a decision publishes to
    the change feed, whose lock is held from then until commit, so each transaction ends with
    its decision and the lock is held for no other event's work. (Each event is stored once
    by its id, so a crash between two of them only makes the station's resend duplicates.)"""
    segments: list[list[Event]] = [[]]
    for event in events:
        segments[-1].append(event)
        if event.kind is EventKind.DECISION_MADE:
            segments.append([])
    return _merged([ingest_isolating(session, station, part, now) for part in segments if part])


def _merged(results: list[BatchResult]) -> BatchResult:
    """One answer for parts of a batch stored one after another."""
    return BatchResult(
        accepted=[i for r in results for i in r.accepted],
        duplicates=[i for r in results for i in r.duplicates],
        rejected=[i for r in results for i in r.rejected],
    )


def ingest_isolating(
    session: Session, station: AuthenticatedStation, events: Sequence[Event], now: datetime
) -> BatchResult:
    """:func:`ingest` in one transaction; when storing the batch fails for a reason of its
    own (not an outage), the batch is taken in halves, each in its own transaction, down to
    the event that fails alone, which is refused: one poison event never blocks the rest."""
    try:
        return write(session, lambda s: ingest(s, station, events, now))
    except OUTAGES:
        raise
    except Exception as exc:
        if len(events) == 1:
            [event] = events
            log.error(
                "event %s from %s could not be stored, refused: %s: %s",
                event.event_id,
                station.id,
                type(exc).__name__,
                str(exc).splitlines()[0][:200] if str(exc) else "",
            )
            error = f"central could not store this event ({type(exc).__name__})"
            return BatchResult(
                accepted=[],
                duplicates=[],
                rejected=[Refusal(event_id=event.event_id, error=error)],
            )
        log.warning(
            "a batch of %d from %s could not be stored (%s); taking it in halves",
            len(events),
            station.id,
            type(exc).__name__,
        )
    half = len(events) // 2
    return _merged(
        [
            ingest_isolating(session, station, events[:half], now),
            ingest_isolating(session, station, events[half:], now),
        ]
    )
