"""Resumable uploads of large blobs (unboxing clips), one partial file per station and blob.

A station sends a clip in chunks, each appended to its partial file in ``<data>/uploads``
(named from the station's id and the SHA-256, so a station only ever continues its own). The
file outlives requests and restarts of the service; a chunk cut short keeps what arrived.
When the last byte lands the file is hashed: a wrong hash discards it, a right one is stored
through the blob store exactly as ``PUT /v1/blobs`` stores a photo (:func:`keep_verified`).

Partial files nobody continued for :data:`STALE_AFTER` are removed, and a station keeps at
most :data:`PARTIALS_PER_STATION` of them (its oldest goes first): a bench whose clip was
purged before it reached central cannot fill the disk.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from central.blobstore import SPOOL_SUFFIX, BlobStore, StoreUnavailable
from central.services.blobs import keep_verified
from station.protocol.wire import ascii_digits
from station.store.files import create_private, ensure_dir

log = logging.getLogger(__name__)

UPLOAD_SUFFIX = ".upload"
STALE_AFTER = 7 * 24 * 3600.0  # seconds without a chunk before a partial upload is dropped
PARTIALS_PER_STATION = 4  # a station sends one clip at a time; a few cut uploads wait
HASH_CHUNK = 1024 * 1024
_SAFE_ID = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,19}$")  # station.protocol.ids.StationId
_SHA = re.compile(r"^[0-9a-f]{64}$")


class UploadMismatch(ValueError):
    """The finished file does not hash to the SHA-256 it was sent as; it was discarded."""

    def __init__(self, expected: str, actual: str) -> None:
        self.actual = actual
        super().__init__(
            f"the upload's SHA-256 is {actual}, not the {expected} it was sent as; "
            "nothing stored, start again from offset 0"
        )


@dataclass(frozen=True, slots=True)
class Partial:
    """A station's unfinished upload of one blob: ``length`` bytes in all, the file so far."""

    path: Path
    length: int

    @property
    def offset(self) -> int:
        try:
            return self.path.stat().st_size
        except FileNotFoundError:
            return 0


class Uploads:
    """The partial uploads under ``root``. Which are being written is kept here, in the one
    process that serves them, so two requests never append to one file at once."""

    def __init__(self, root: Path, *, clock: Callable[[], float] = time.time) -> None:
        self.root = root
        self._clock = clock
        self._busy: set[str] = set()
        self._lock = threading.Lock()

    # -- naming -----------------------------------------------------------------------------

    @staticmethod
    def key(station_id: str, sha256: str) -> str:
        if not _SAFE_ID.fullmatch(station_id) or not _SHA.fullmatch(sha256):
            raise ValueError("not a station id and a SHA-256")  # the API validated both
        return f"{station_id}.{sha256}"

    def find(self, station_id: str, sha256: str) -> Partial | None:
        key = self.key(station_id, sha256)
        if not self.root.is_dir():
            return None
        for path in self.root.glob(f"{key}.*{UPLOAD_SUFFIX}"):
            length = path.name.removeprefix(f"{key}.").removesuffix(UPLOAD_SUFFIX)
            if ascii_digits(length):
                return Partial(path, int(length))
        return None

    # -- one writer per partial -------------------------------------------------------------

    def claim(self, station_id: str, sha256: str) -> bool:
        """Take the partial for one request; False while another request holds it."""
        key = self.key(station_id, sha256)
        with self._lock:
            if key in self._busy:
                return False
            self._busy.add(key)
        return True

    def release(self, station_id: str, sha256: str) -> None:
        with self._lock:
            self._busy.discard(self.key(station_id, sha256))

    # -- life cycle -------------------------------------------------------------------------

    def begin(self, station_id: str, sha256: str, length: int) -> Partial:
        """An empty partial upload of ``length`` bytes (the caller holds the claim)."""
        ensure_dir(self.root)
        self.sweep(station_id)
        path = self.root / f"{self.key(station_id, sha256)}.{length}{UPLOAD_SUFFIX}"
        create_private(path)
        return Partial(path, length)

    def discard(self, partial: Partial) -> None:
        partial.path.unlink(missing_ok=True)

    def sweep(self, station_id: str) -> int:
        """Drop partial uploads nobody continued for :data:`STALE_AFTER`, and this station's
        oldest beyond :data:`PARTIALS_PER_STATION` (keeping room for one more)."""
        if not self.root.is_dir():
            return 0
        now = self._clock()
        removed = 0
        mine: list[tuple[float, Path]] = []
        for path in self.root.glob(f"*{UPLOAD_SUFFIX}"):
            key = path.name.rsplit(".", 2)[0]
            with self._lock:
                if key in self._busy:
                    continue
            try:
                touched = path.stat().st_mtime
            except FileNotFoundError:
                continue
            if now - touched > STALE_AFTER:
                path.unlink(missing_ok=True)
                removed += 1
                log.info(
                    "dropped the upload %s: no chunk for %d days", path.name, STALE_AFTER // 86400
                )
            elif path.name.startswith(f"{station_id}."):
                mine.append((touched, path))
        mine.sort()
        for _, path in mine[: max(0, len(mine) - PARTIALS_PER_STATION + 1)]:
            path.unlink(missing_ok=True)
            removed += 1
            log.info("dropped the upload %s: %s began newer ones", path.name, station_id)
        return removed


def sync_file(path: Path) -> None:
    """Flush what a chunk appended, so an acknowledged offset survives a power cut."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def finish(
    store: BlobStore, session: Session, partial: Partial, sha256: str, station_id: str
) -> bool:
    """Hash the complete partial file and store it as the blob ``sha256`` (True: stored now,
    False: central had it already). A wrong hash discards the file (:class:`UploadMismatch`);
    a store that fails leaves it, so the station need only ask again."""
    digest = hashlib.sha256()
    with partial.path.open("rb") as fh:
        while block := fh.read(HASH_CHUNK):
            digest.update(block)
    actual = digest.hexdigest()
    if actual != sha256:
        partial.path.unlink(missing_ok=True)
        raise UploadMismatch(sha256, actual)
    created = _keep(store, session, partial, sha256, station_id)
    partial.path.unlink(missing_ok=True)  # stored, or central had it: either way done
    return created


def _keep(
    store: BlobStore, session: Session, partial: Partial, sha256: str, station_id: str
) -> bool:
    try:
        return keep_verified(store, session, sha256, partial.path, partial.length, station_id)
    except StoreUnavailable as exc:
        cause = exc.__cause__
        if not isinstance(cause, OSError) or cause.errno != errno.EXDEV:
            raise
    # the store's folder is on another file system than the uploads: copy it over first
    fd, name = tempfile.mkstemp(
        dir=store.spool_dir(), prefix=f"{sha256[:16]}.", suffix=SPOOL_SUFFIX
    )
    os.close(fd)
    spooled = Path(name)
    try:
        shutil.copyfile(partial.path, spooled)
        return keep_verified(store, session, sha256, spooled, partial.length, station_id)
    finally:
        spooled.unlink(missing_ok=True)
