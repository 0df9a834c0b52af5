"""Pushing the outbox: blobs first, then events, in order, in batches.

An event is marked sent only after the server has answered for it, in its own transaction;
a crash in between means it is sent again, and the server answers "duplicate". An event the
server refuses is parked with the error and never blocks the ones behind it.

A batch the server fails on (HTTP 500) is sent again in halves, down to the event it fails on
alone; that event is parked too once the server has failed on it alone ``POISON_AFTER`` times
while answering its health check, so one event central cannot take never blocks the outbox.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from station.protocol.enums import MediaKind
from station.protocol.events import EventKind, blobs_of
from station.protocol.wire import (
    MAX_BATCH,
    MAX_GROUP_BLOBS,
    AuditAnchor,
    BatchResult,
    Event,
    EventBatch,
)
from station.security import audit
from station.store.database import Database
from station.store.models import EvidenceItem, OutboxEvent
from station.sync.client import CentralClient, Refused, ServerError

log = logging.getLogger(__name__)

# as large as the protocol allows: each batch is a round trip the push waits out and a
# transaction at central, and each group a request and a flush of central's disk; measured in
# bench/central.py, 500 events and groups up to 8 MiB drain faster than 200 and 16 photos
BATCH = MAX_BATCH
MAX_UPLOADS_IN_FLIGHT = 8
LOOKAHEAD = 4  # batches ahead whose photos queue behind the batch being sent
GROUP_BLOBS = MAX_GROUP_BLOBS  # photos in one upload request; GROUP_BYTES bounds it first
GROUP_BYTES = 8 * 1024 * 1024
POISON_AFTER = 3  # rounds in which central failed on one event alone before it is parked


@dataclass(frozen=True, slots=True)
class Outgoing:
    seq: int
    event_id: str
    kind: str
    payload: dict[str, Any]
    created_at: datetime
    blobs: tuple[str, ...]  # what must be uploaded first (the payload parsed once, here)

    @classmethod
    def of(
        cls, seq: int, event_id: str, kind: str, payload: dict[str, Any], created_at: datetime
    ) -> Outgoing:
        return cls(seq, event_id, kind, payload, created_at, blobs_of(kind, payload))


@dataclass(slots=True)
class PushReport:
    sent: int = 0
    duplicates: int = 0
    parked: int = 0
    blobs: int = 0

    @property
    def answered(self) -> int:
        """Events central answered for: stored, already there, or refused and parked."""
        return self.sent + self.duplicates + self.parked

    def add(self, other: PushReport) -> None:
        self.sent += other.sent
        self.duplicates += other.duplicates
        self.parked += other.parked
        self.blobs += other.blobs


def due(session: Session, *, limit: int | None = None, after: int = 0) -> list[Outgoing]:
    """The next events to send (``limit``: a batch of :data:`BATCH`), in order."""
    # the columns, not the rows as objects: nothing is changed through them
    rows = session.execute(
        select(
            OutboxEvent.seq,
            OutboxEvent.event_id,
            OutboxEvent.kind,
            OutboxEvent.payload,
            OutboxEvent.created_at,
        )
        .where(
            OutboxEvent.sent_at.is_(None), OutboxEvent.parked.is_(False), OutboxEvent.seq > after
        )
        .order_by(OutboxEvent.seq)
        .limit(BATCH if limit is None else limit)
    )
    return [Outgoing.of(r.seq, r.event_id, r.kind, dict(r.payload), r.created_at) for r in rows]


def not_uploaded(session: Session, shas: list[str]) -> list[tuple[str, MediaKind]]:
    """Which of the blobs have not reached central yet, with the medium of each."""
    if not shas:
        return []
    found = session.execute(
        select(EvidenceItem.sha256, EvidenceItem.media)
        .where(EvidenceItem.sha256.in_(shas), EvidenceItem.uploaded_at.is_(None))
        .distinct()
    )
    return sorted({(sha, MediaKind(media)) for sha, media in found})


def mark_uploaded(session: Session, shas: list[str], now: datetime) -> None:
    session.execute(
        update(EvidenceItem)
        .where(EvidenceItem.sha256.in_(shas), EvidenceItem.uploaded_at.is_(None))
        .values(uploaded_at=now)
        .execution_options(synchronize_session=False)  # no evidence object is loaded here
    )


def record_answer(
    session: Session, result: BatchResult, now: datetime, station_id: str
) -> PushReport:
    done = [*result.accepted, *result.duplicates]
    if done:
        session.execute(
            update(OutboxEvent)
            .where(OutboxEvent.event_id.in_(done), OutboxEvent.sent_at.is_(None))
            .values(sent_at=now, last_error="")
        )
    for refusal in result.rejected:
        park(session, refusal.event_id, refusal.error, now, station_id)
    return PushReport(len(result.accepted), len(result.duplicates), len(result.rejected))


def park(session: Session, event_id: str, error: str, now: datetime, station_id: str) -> None:
    row = session.scalar(select(OutboxEvent).where(OutboxEvent.event_id == event_id))
    if row is None or row.parked:
        return
    row.parked = True
    row.attempts += 1
    row.last_error = error[:1000]
    audit.append(
        session,
        actor=f"station:{station_id}",
        action="event_parked",
        entity=f"event:{event_id}",
        details={"kind": row.kind, "error": error[:300]},
        at=now,
    )


def note_failure(session: Session, event_id: str, error: str) -> int:
    """Count one more time the server failed on this event alone; the count so far."""
    row = session.scalar(select(OutboxEvent).where(OutboxEvent.event_id == event_id))
    if row is None:
        return 0
    row.attempts += 1
    row.last_error = error[:1000]
    return row.attempts


def _wire(event: Outgoing, station_id: str) -> Event:
    return Event(
        event_id=event.event_id,
        seq=event.seq,
        kind=EventKind(event.kind),
        station_id=station_id,
        created_at=event.created_at,
        payload=event.payload,
        blobs=list(event.blobs),
    )


class _StoredBlobs:
    """Blobs central has stored, marked in small groups (a commit per blob costs a tenth of
    the drain's speed; a group of uploads is marked at once), so that a failed or killed
    push sends again only what did not land."""

    GROUP = 16

    def __init__(self, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock
        self._lock = threading.Lock()
        self._shas: list[str] = []

    def add(self, *shas: str) -> None:
        with self._lock:
            self._shas.extend(shas)
            if len(self._shas) < self.GROUP:
                return
            marked, self._shas = self._shas, []
        self._mark(marked)

    def flush(self) -> None:
        with self._lock:
            shas, self._shas = self._shas, []
        self._mark(shas)

    def _mark(self, shas: list[str]) -> None:
        if shas:
            self._db.run(partial(mark_uploaded, shas=shas, now=self._clock()))


def push_once(
    db: Database,
    client: CentralClient,
    *,
    station_id: str,
    blob_path: Callable[[str, MediaKind], Path],
    clock: Callable[[], datetime],
    max_batches: int = 1_000_000,
) -> PushReport:
    """Push until the outbox is empty (or ``max_batches``); raises the client's errors."""
    report = PushReport()
    ahead: list[list[Outgoing]] = []  # batches read ahead, their photos queued
    with _Uploads(db, client, blob_path, clock) as uploads:
        batch = db.run(due)
        for _ in range(max_batches):
            if not batch:
                break
            waiting = uploads.queue(batch)
            if (client.station_requests or 1) > 1:
                # the next batches' photos queue behind this one's: the connections stay busy
                # while this batch's events are being stored, which can take as long as
                # a batch's photos take to go up
                while len(ahead) < LOOKAHEAD:
                    following = db.run(partial(due, after=(ahead[-1] if ahead else batch)[-1].seq))
                    if not following:
                        break
                    uploads.queue(following)
                    ahead.append(following)
            uploads.wait(waiting)
            answered = _send(db, client, batch, station_id, clock)
            report.add(answered)
            if ahead and answered.answered == len(batch):
                batch = ahead.pop(0)  # what the outbox holds next, read while photos went up
            else:  # read afresh: what central did not answer for goes again, first
                ahead, batch = [], db.run(due)
        report.blobs = uploads.count
    return report


class _Uploads:
    """The photos of a push going up a few groups at once, on the connections central allows
    beside the one for events; each batch's events are sent once their own photos are stored.
    Groups queue one behind the other, not in waves, so no connection idles at the end of a
    batch while another group finishes."""

    def __init__(
        self,
        db: Database,
        client: CentralClient,
        blob_path: Callable[[str, MediaKind], Path],
        clock: Callable[[], datetime],
    ) -> None:
        self._db = db
        self._client = client
        self._blob_path = blob_path
        self._stored = _StoredBlobs(db, clock)
        self._one_by_one = threading.Event()
        self._queued: dict[str, Future[None]] = {}
        self._pool: ThreadPoolExecutor | None = None
        self.count = 0  # blobs sent (or found at central) in this push

    def __enter__(self) -> _Uploads:
        return self

    def __exit__(self, failed: type[BaseException] | None, *_: object) -> None:
        try:
            if self._pool is not None:  # after a failure, what is queued would fail too
                self._pool.shutdown(wait=True, cancel_futures=failed is not None)
        finally:
            self._stored.flush()  # a push cut short resumes after the blobs that landed

    def queue(self, batch: list[Outgoing]) -> list[Future[None]]:
        """Start uploading the batch's photos central lacks; the uploads to wait for."""
        shas = sorted({sha for event in batch for sha in event.blobs})
        fresh = [sha for sha in shas if sha not in self._queued]
        missing = self._db.run(partial(not_uploaded, shas=fresh)) if fresh else []
        groups = _groups([(sha, self._blob_path(sha, media)) for sha, media in missing])
        self.count += len(missing)
        if groups and self._client.station_requests is None:
            self._upload(groups.pop(0))  # alone: its answer says how many may go at once
        if groups:
            if self._pool is None:  # sized once central has said how many may go at once
                self._pool = ThreadPoolExecutor(uploads_in_flight(self._client), "station-upload")
            for group in groups:
                future = self._pool.submit(self._upload, group)
                self._queued.update((sha, future) for sha, _path, _size in group)
        return [self._queued[sha] for sha in shas if sha in self._queued]

    @staticmethod
    def wait(uploads: list[Future[None]]) -> None:
        for upload in uploads:
            upload.result()  # raises what the upload raised

    def _upload(self, group: list[tuple[str, Path, int]]) -> None:
        # a group of photos in one request (central's per-request work shared by many, their
        # rows one transaction); PUT one by one to a central that does not take groups. Both
        # are idempotent and the server verifies every hash, so no HEAD first.
        if not self._one_by_one.is_set():
            try:
                answer = self._client.put_blobs(group)
            except Refused as exc:
                if exc.status not in (404, 405):
                    raise
                log.info("central takes no groups of blobs; sending them one by one")
                self._one_by_one.set()
            else:
                self._stored.add(*answer.created, *answer.present)
                if answer.refused:
                    first = answer.refused[0]
                    raise Refused(400, f"blob {first.sha256}: {first.error}")
                return
        for sha, path, _size in group:
            self._client.put_blob(sha, path)
            self._stored.add(sha)


def uploads_in_flight(client: CentralClient) -> int:
    """Groups of photos at once: with the batch of events beside them, what central says
    this station may have in flight."""
    return max(1, min((client.station_requests or 2) - 1, MAX_UPLOADS_IN_FLIGHT))


def _groups(paths: list[tuple[str, Path]]) -> list[list[tuple[str, Path, int]]]:
    """Photos with their sizes in groups of at most GROUP_BLOBS and about GROUP_BYTES; a blob
    larger than that goes alone."""
    groups: list[list[tuple[str, Path, int]]] = []
    group: list[tuple[str, Path, int]] = []
    size = 0
    for sha, path in paths:
        length = path.stat().st_size
        if group and (len(group) >= GROUP_BLOBS or size + length > GROUP_BYTES):
            groups.append(group)
            group, size = [], 0
        group.append((sha, path, length))
        size += length
    if group:
        groups.append(group)
    return groups


def _send(
    db: Database,
    client: CentralClient,
    batch: list[Outgoing],
    station_id: str,
    clock: Callable[[], datetime],
) -> PushReport:
    def in_halves() -> PushReport:
        half = len(batch) // 2
        report = _send(db, client, batch[:half], station_id, clock)
        report.add(_send(db, client, batch[half:], station_id, clock))
        return report

    try:
        head = db.run(audit.audit_head)
        anchor = AuditAnchor(seq=head.seq, mac=head.mac) if head is not None else None
        events = [_wire(e, station_id) for e in batch]
        result = client.post_events(EventBatch(events=events, audit_head=anchor))
    except (Refused, ValidationError) as exc:
        if len(batch) == 1:  # this one event can never be accepted as it is
            reason = str(exc) if isinstance(exc, Refused) else f"not sendable: {exc}"
            db.run(lambda s: park(s, batch[0].event_id, reason, clock(), station_id))
            return PushReport(parked=1)
        if isinstance(exc, Refused) and exc.status == 413:
            # more than central takes in one request (large payloads): halves fit sooner
            # than one request per event
            log.info("batch of %d too large for central; sending it in halves", len(batch))
            return in_halves()
        log.warning("batch of %d refused (%s); sending one by one", len(batch), exc)
        report = PushReport()
        for event in batch:
            report.add(_send(db, client, [event], station_id, clock))
        return report
    except ServerError as exc:
        if len(batch) == 1:
            return _failed_alone(db, client, batch[0], exc, station_id, clock)
        log.warning("central failed on a batch of %d (%s); sending it in halves", len(batch), exc)
        return in_halves()
    return db.run(lambda s: record_answer(s, result, clock(), station_id))


def _failed_alone(
    db: Database,
    client: CentralClient,
    event: Outgoing,
    error: ServerError,
    station_id: str,
    clock: Callable[[], datetime],
) -> PushReport:
    """The server failed on this one event: try again later (the round fails, backing off),
    unless it has failed on it alone often enough while otherwise answering: then park it."""
    failures = db.run(partial(note_failure, event_id=event.event_id, error=str(error)))
    if failures < POISON_AFTER or not client.healthy():
        raise error
    reason = f"central failed on this event {failures} times while answering others: {error}"
    log.error("event %s (%s) parked: %s", event.event_id, event.kind, reason)
    db.run(lambda s: park(s, event.event_id, reason, clock(), station_id))
    return PushReport(parked=1)
