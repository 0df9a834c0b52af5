"""The content-addressed store of original photos.

Layout: a photo whose SHA-256 is ``abcdef…`` (64 lowercase hex digits) lives at
``<photos>/ab/cdef….jpg``: the first two digits name a folder (at most 256 of them, so no
folder grows too large), the other 62 the file. The name *is* the checksum, so a stored
photo can always be checked against it, storing the same bytes twice is a no-op, and an
existing file is never rewritten (blobs are also made read-only). Derived images
(thumbnails, captioned copies) live in their own sub-folders, whose names are never two hex
digits, so they cannot be mistaken for originals.

Writes are crash-safe (:mod:`station.store.files`). A photo whose file was written but
whose database transaction then failed leaves a file no row points at; that is harmless
(the same bytes would map to the same file) and :mod:`station.evidence.verify` counts such
files without touching them.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from station.evidence.errors import BlobCorrupt, BlobMissing, storage_error
from station.store.files import READ_ONLY, clean_temp_files, ensure_dir, write_atomically

log = logging.getLogger(__name__)

SUFFIX = ".jpg"
READ_CHUNK = 1 << 20
_DIGEST = re.compile(r"[0-9a-f]{64}")
_SHARD = re.compile(r"[0-9a-f]{2}")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_digest(sha256: str) -> str:
    """``sha256`` if it is a well-formed digest; anything else could name a path outside
    the store."""
    if not isinstance(sha256, str) or not _DIGEST.fullmatch(sha256):
        raise ValueError(f"not a SHA-256 hex digest: {sha256!r:.80}")
    return sha256


def hash_file(path: Path, *, chunk: int = READ_CHUNK) -> tuple[str, int]:
    """(SHA-256, size) of a file, read in chunks so a huge file never sits in memory."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def relative_path(sha256: str, suffix: str = SUFFIX) -> Path:
    """Where a blob lives relative to the store's root."""
    check_digest(sha256)
    return Path(sha256[:2]) / f"{sha256[2:]}{suffix}"


def _missing(sha256: str) -> BlobMissing:
    return BlobMissing(
        f"The photo file {sha256} is missing from the photo folder.",
        f"照片文件 {sha256} 在照片文件夹中缺失。",
    )


def _altered(sha256: str) -> BlobCorrupt:
    return BlobCorrupt(
        f"The photo file {sha256} has been altered: its content no longer matches its SHA-256.",
        f"照片文件 {sha256} 已被改动：内容与其 SHA-256 不符。",
    )


@dataclass(frozen=True, slots=True)
class StoredBlob:
    sha256: str
    path: Path
    size: int
    created: bool  # False: the same bytes were already stored


class BlobStore:
    """Original photos by SHA-256. Safe to share between threads."""

    def __init__(self, root: Path, *, suffix: str = SUFFIX) -> None:
        self.root = root
        self.suffix = suffix
        self._lock = threading.Lock()

    @classmethod
    def open(cls, root: Path) -> BlobStore:
        """Open the store at start-up: create the folder, remove files a crash left half
        written."""
        try:
            ensure_dir(root)
        except OSError as exc:
            raise storage_error(exc, "the photo folder", "照片文件夹") from exc
        removed = clean_temp_files(root)
        if removed:
            log.warning("removed %d unfinished photo file(s) from an earlier crash", removed)
        return cls(root)

    def path_for(self, sha256: str) -> Path:
        return self.root / relative_path(sha256, self.suffix)

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put(self, data: bytes) -> StoredBlob:
        """Store ``data`` under its SHA-256; idempotent. An existing file with that name is
        checked, never overwritten: if it no longer matches, :class:`BlobCorrupt`."""
        sha = sha256_hex(data)
        path = self.path_for(sha)
        with self._lock:  # two threads storing the same bytes: one writes, one finds it
            if path.exists():
                self._check_existing(path, sha, len(data))
                return StoredBlob(sha, path, len(data), created=False)
            try:
                write_atomically(path, data, mode=READ_ONLY)
            except OSError as exc:
                raise storage_error(exc, "the photo", "照片") from exc
        log.debug("stored blob %s (%d bytes)", sha, len(data))
        return StoredBlob(sha, path, len(data), created=True)

    def _check_existing(self, path: Path, sha: str, size: int) -> None:
        actual, actual_size = hash_file(path)
        if actual != sha or actual_size != size:
            raise BlobCorrupt(
                f"The stored photo {sha} has been altered on disk; it was left as it is."
                " Run the evidence check and tell a supervisor.",
                f"已存储的照片 {sha} 在磁盘上被改动，已保持原样。请运行证据校验并报告主管。",
            )

    def read(self, sha256: str, *, verify: bool = True) -> bytes:
        """The stored bytes; with ``verify`` they are checked against the name first."""
        path = self.path_for(sha256)
        try:
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise _missing(sha256) from exc
        if verify and sha256_hex(data) != sha256:
            raise _altered(sha256)
        return data

    def verify(self, sha256: str) -> int:
        """Check a stored blob against its name, reading it in chunks; its size."""
        try:
            actual, size = hash_file(self.path_for(sha256))
        except FileNotFoundError as exc:
            raise _missing(sha256) from exc
        if actual != sha256:
            raise _altered(sha256)
        return size

    def digests(self) -> Iterator[str]:
        """Every stored blob's SHA-256 (a directory walk: for checks, not for hot paths)."""
        if not self.root.is_dir():
            return
        for shard in sorted(os.scandir(self.root), key=lambda e: e.name):
            if not (shard.is_dir(follow_symlinks=False) and _SHARD.fullmatch(shard.name)):
                continue
            for entry in sorted(os.scandir(shard.path), key=lambda e: e.name):
                name = entry.name
                if name.endswith(self.suffix) and entry.is_file(follow_symlinks=False):
                    sha = shard.name + name[: -len(self.suffix)]
                    if _DIGEST.fullmatch(sha):
                        yield sha
