"""Which blobs central holds: a row is written only after the bytes are stored and verified."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
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
    return bool(record_blobs(session, [(sha256, size)], station_id, now))


def record_blobs(
    session: Session, blobs: list[tuple[str, int]], station_id: str, now: datetime
) -> set[str]:
    """Note stored blobs in one statement; returns those that were not known. Two processes
    storing the same blob at once both succeed, one of them creates its row."""
    if not blobs:
        return set()
    rows = [
        {"sha256": sha, "size": size, "stored_at": now, "station_id": station_id}
        for sha, size in blobs
    ]
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    # the rows as parameters of one statement, run as Core: compiled once and cached, where
    # rows written into the statement made a new one (compiled, then parsed by the driver)
    # for every group
    statement = (
        insert(BlobRecord)
        .on_conflict_do_nothing(index_elements=["sha256"])
        .returning(BlobRecord.sha256)
    )
    return set(session.connection().scalars(statement, rows))


def known_blobs(session: Session, shas: list[str]) -> set[str]:
    return set(session.scalars(select(BlobRecord.sha256).where(BlobRecord.sha256.in_(shas))))


def keep_verified(
    store: BlobStore, session: Session, sha256: str, source: Path, size: int, station_id: str
) -> bool:
    """Store ``source`` (already hashed to ``sha256``) and note it, as every upload path does:
    the bytes first, then the row. False if central held the blob already (``source`` is left
    for the caller to remove)."""
    return bool(keep_group(store, session, [(sha256, source, size)], station_id))


def keep_group(
    store: BlobStore, session: Session, blobs: list[tuple[str, Path, int]], station_id: str
) -> set[str]:
    """:func:`keep_verified` for a group: what central lacks is stored, then every row is
    written in one short transaction; returns the blobs stored now."""
    held = read(session, lambda s: known_blobs(s, [sha for sha, _path, _size in blobs]))
    new = [(sha, path, size) for sha, path, size in blobs if sha not in held]
    # one wait for the group (a flush of the disk, PUTs side by side), not one per photo
    store.store_all([(sha, path) for sha, path, _size in new])
    if not new:
        return set()
    now = utcnow()
    sizes = [(sha, size) for sha, _path, size in new]
    created = write(session, lambda s: record_blobs(s, sizes, station_id, now))
    if created:
        # one line a group, naming every blob: a line a blob was a fiftieth of a drain's work
        kept = {sha: size for sha, size in sizes if sha in created}
        stored = sum(kept.values())
        log.info(
            "%d blob(s), %d bytes, stored for %s: %s",
            len(kept),
            stored,
            station_id,
            " ".join(kept),
            extra={"station": station_id, "blobs": list(kept), "bytes": stored},
        )
        BYTES_IN.inc(stored)
    return created
