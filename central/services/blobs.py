"""Which blobs central holds: a row is written only after the bytes are stored and verified."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from central.blobstore import BlobStore
from central.core.metrics import BYTES_IN
from central.db.models import BlobRecord, BlobUpload, EvidenceRecord, Station
from central.db.session import in_chunks, read, write
from central.db.types import utcnow

log = logging.getLogger(__name__)


def blob_size(session: Session, sha256: str, warehouse: str | None = None) -> int | None:
    """The blob's size; with ``warehouse``, only if that warehouse may see it
    (:func:`visible_blobs`), else None as for a blob central does not hold."""
    if warehouse is None:
        return session.scalar(select(BlobRecord.size).where(BlobRecord.sha256 == sha256))
    if not visible_blobs(session, [sha256], warehouse):
        return None
    return session.scalar(select(BlobRecord.size).where(BlobRecord.sha256 == sha256))


def visible_blobs(session: Session, shas: Iterable[str], warehouse: str | None) -> set[str]:
    """Those of ``shas`` that central holds and ``warehouse`` may see (None: every one held).

    A bench sees a blob only when a station of its warehouse sent its bytes. Recording
    evidence that names a blob proves nothing (a SHA-256 is no secret once shown): it makes a
    blob visible only when nobody is known to have sent it, as for blobs kept before uploads
    were recorded by station."""
    wanted = sorted(set(shas))
    held = {
        sha
        for part in in_chunks(wanted)
        for sha in session.scalars(select(BlobRecord.sha256).where(BlobRecord.sha256.in_(part)))
    }
    if warehouse is None or not held:
        return held
    ours = select(Station.id).where(Station.warehouse == warehouse)
    candidates = sorted(held)
    seen: set[str] = set()
    for part in in_chunks(candidates):
        seen.update(
            session.scalars(
                select(BlobUpload.sha256)
                .where(BlobUpload.sha256.in_(part), BlobUpload.station_id.in_(ours))
                .distinct()
            )
        )
    unseen = sorted(held - seen)
    for part in in_chunks(unseen):
        seen.update(
            session.scalars(
                select(EvidenceRecord.sha256)
                .join(BlobRecord, BlobRecord.sha256 == EvidenceRecord.sha256)
                .where(
                    EvidenceRecord.sha256.in_(part),
                    EvidenceRecord.station_id.in_(ours),
                    BlobRecord.station_id.is_(None),
                )
                .distinct()
            )
        )
    return seen


def record_blob(session: Session, sha256: str, size: int, station_id: str, now: datetime) -> bool:
    """Note a stored blob; False if it was already known."""
    return bool(record_blobs(session, [(sha256, size)], station_id, now))


def record_blobs(
    session: Session, blobs: list[tuple[str, int]], station_id: str, now: datetime
) -> set[str]:
    """Note stored blobs in one statement, and that ``station_id`` sent them (its warehouse
    may see them from now on); returns those that were not known. Two processes storing the
    same blob at once both succeed, one of them creates its row."""
    if not blobs:
        return set()
    rows = [
        {"sha256": sha, "size": size, "stored_at": now, "station_id": station_id}
        for sha, size in blobs
    ]
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    senders = insert(BlobUpload).on_conflict_do_nothing(index_elements=["sha256", "station_id"])
    session.connection().execute(
        senders,
        [{"sha256": sha, "station_id": station_id, "uploaded_at": now} for sha, _size in blobs],
    )
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
    if not blobs:
        return set()
    now = utcnow()
    # every blob of the group, also those central held: this station has sent their bytes
    sizes = [(sha, size) for sha, _path, size in blobs]
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
