"""The hash-chained audit log.

Each entry's hash covers its own content and the previous entry's hash, so editing,
deleting or reordering any row breaks the chain from that row on; :func:`verify` finds the
first broken link. Entries are appended inside the caller's transaction.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.protocol.events import Payload
from station.store import outbox
from station.store.models import AuditEntry
from station.store.types import utcnow

GENESIS = "0" * 64


def entry_hash(
    *,
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    details: dict[str, Any],
    prev_hash: str,
) -> str:
    canonical = json.dumps(
        [seq, at.isoformat(), actor, action, entity, details, prev_hash],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _hash_of(entry: AuditEntry) -> str:
    """What the entry's hash should be, from what it holds."""
    return entry_hash(
        seq=entry.seq,
        at=entry.at,
        actor=entry.actor,
        action=entry.action,
        entity=entry.entity,
        details=entry.details,
        prev_hash=entry.prev_hash,
    )


def append(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEntry:
    """Add an entry at the end of the chain (in the caller's transaction)."""
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq = last.seq + 1 if last else 1
    prev = last.hash if last else GENESIS
    when = at or utcnow()
    entry = AuditEntry(
        seq=seq,
        at=when,
        actor=actor,
        action=action,
        entity=entity,
        details=dict(details or {}),
        prev_hash=prev,
    )
    entry.hash = _hash_of(entry)
    session.add(entry)
    session.flush()
    return entry


def record(
    session: Session,
    event: Payload,
    *,
    actor: str,
    action: str,
    entity: str,
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> str:
    """A change the central service hears about: its outbox event and its audit entry,
    written together in the caller's transaction; the entry names the event. Returns the
    event's id."""
    event_id = outbox.enqueue(session, event, at=at)
    append(
        session,
        actor=actor,
        action=action,
        entity=entity,
        details={**(details or {}), "event_id": event_id},
        at=at,
    )
    return event_id


@dataclass(frozen=True, slots=True)
class ChainReport:
    checked: int
    broken_at: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(session: Session) -> ChainReport:
    """Walk the chain in order and report the first entry that does not hold."""
    expected_seq, prev = 1, GENESIS
    checked = 0
    rows = session.scalars(
        select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=1000)
    )
    for row in rows:
        if row.seq != expected_seq:
            return ChainReport(checked, expected_seq, f"entry {expected_seq} is missing")
        if row.prev_hash != prev:
            return ChainReport(checked, row.seq, "does not follow the entry before it")
        if _hash_of(row) != row.hash:
            return ChainReport(checked, row.seq, "its content was changed after it was written")
        prev, expected_seq = row.hash, expected_seq + 1
        checked += 1
    return ChainReport(checked)
