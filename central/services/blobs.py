"""Which blobs central holds: a row is written only after the bytes are stored and verified."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.blobstore import BlobStore
from central.core.metrics import BYTES_IN
from central.db.models import BlobRecord, EvidenceRecord, Station
from central.db.session import read, write
from central.db.types import utcnow

log = logging.getLogger(__name__)


def blob_size(session: Session, sha256: str, warehouse: str | None = None) -> int | None:
    """The blob's size; with ``warehouse``, only if a station of it uploaded the blob or
    recorded evidence with it (a bench sees its own warehouse's photos, no others)."""
    size = session.scalar(select(BlobRecord.size).where(BlobRecord.sha256 == sha256))
    if size is None or warehouse is None:
        return size
    ours = select(Station.id).where(Station.warehouse == warehouse)
    uploaded = select(BlobRecord.sha256).where(
        BlobRecord.sha256 == sha256, BlobRecord.station_id.in_(ours)
    )
    recorded = select(EvidenceRecord.id).where(
        EvidenceRecord.sha256 == sha256, EvidenceRecord.station_id.in_(ours)
    )
    if session.scalar(uploaded.limit(1)) is None and session.scalar(recorded.limit(1)) is None:
        return None
    return size


def record_blob(session: Session, sha256: str, size: int, station_id: str, now: datetime) -> bool:
    """Note a stored blob; False if it was already known."""
    if session.get(BlobRecord, sha256) is not None:
        return False
    session.add(BlobRecord(sha256=sha256, size=size, stored_at=now, station_id=station_id))
    session.flush()
    return True


def keep_verified(
    store: BlobStore, session: Session, sha256: str, source: Path, size: int, station_id: str
) -> bool:
    """Store ``source`` (already hashed to ``sha256``) and note it, as every upload path does:
    the bytes first, then the row. False if central held the blob already (``source`` is left
    for the caller to remove)."""
    if read(session, lambda s: blob_size(s, sha256)) is not None:
        return False
    store.store(sha256, source)
    now = utcnow()
    created = write(session, lambda s: record_blob(s, sha256, size, station_id, now))
    if created:
        log.info("blob %s (%d bytes) stored for %s", sha256, size, station_id)
        BYTES_IN.inc(size)
    return created
