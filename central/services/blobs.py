"""Which blobs central holds: a row is written only after the bytes are stored and verified."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.db.models import BlobRecord


def blob_size(session: Session, sha256: str) -> int | None:
    return session.scalar(select(BlobRecord.size).where(BlobRecord.sha256 == sha256))


def record_blob(session: Session, sha256: str, size: int, station_id: str, now: datetime) -> bool:
    """Note a stored blob; False if it was already known."""
    if session.get(BlobRecord, sha256) is not None:
        return False
    session.add(BlobRecord(sha256=sha256, size=size, stored_at=now, station_id=station_id))
    session.flush()
    return True
