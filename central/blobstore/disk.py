"""Blobs as files under a folder, ``ab/cd/abcd…``; stored by fsync and rename."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from central.blobstore.base import CHUNK, BlobMissing, StoredBlob, StoreUnavailable


class DiskBlobStore:
    name = "disk"

    def __init__(self, root: Path) -> None:
        self.root = root
        self._spool = root / "tmp"

    def spool_dir(self) -> Path:
        self._spool.mkdir(parents=True, exist_ok=True)
        return self._spool

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def store(self, sha256: str, source: Path) -> None:
        final = self.path(sha256)
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            with source.open("rb") as fh:
                os.fsync(fh.fileno())
            source.replace(final)
            _fsync_dir(final.parent)
        except OSError as exc:
            raise StoreUnavailable(f"storing {sha256} on disk failed: {exc}") from exc

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def open(self, sha256: str) -> StoredBlob:
        try:
            fh = self.path(sha256).open("rb")
        except FileNotFoundError:
            raise BlobMissing(sha256) from None
        except OSError as exc:
            raise StoreUnavailable(f"reading {sha256} from disk failed: {exc}") from exc
        return StoredBlob(os.fstat(fh.fileno()).st_size, _read(fh))

    def check(self) -> None:
        self.spool_dir()
        probe = self._spool / ".probe"
        probe.write_bytes(b"")
        probe.unlink()


def _read(fh: BinaryIO) -> Iterator[bytes]:
    with fh:
        while chunk := fh.read(CHUNK):
            yield chunk


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):  # not every file system syncs folders
            os.fsync(fd)
    finally:
        os.close(fd)
