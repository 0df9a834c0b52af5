"""Blobs as files under a folder, ``ab/cd/abcd…``; stored by fsync and rename."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from central.blobstore.base import CHUNK, BlobMissing, Spool, StoredBlob, StoreUnavailable
from station.store.files import move_all_into_place


class DiskBlobStore:
    name = "disk"
    spool_around_cache = True  # the spool file becomes the blob by a rename

    def __init__(self, root: Path) -> None:
        self.root = root
        self.spool = Spool(root / "tmp")  # beside the blobs: storing one is a rename

    def spool_dir(self) -> Path:
        return self.spool.folder()

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def store(self, sha256: str, source: Path) -> None:
        self.store_all([(sha256, source)])

    def store_all(self, blobs: Sequence[tuple[str, Path]]) -> None:
        # one flush of the file system for the group; a blob file a crash cut short before
        # it is not recorded yet, and the upload sent again replaces it
        try:
            move_all_into_place([(source, self.path(sha)) for sha, source in blobs])
        except OSError as exc:
            shas = ", ".join(sha[:12] for sha, _source in blobs)
            raise StoreUnavailable(f"storing {shas} on disk failed: {exc}") from exc

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def open(self, sha256: str, first: int = 0, last: int | None = None) -> StoredBlob:
        try:
            fh = self.path(sha256).open("rb")
            size = os.fstat(fh.fileno()).st_size
            fh.seek(first)
        except FileNotFoundError:
            raise BlobMissing(sha256) from None
        except OSError as exc:
            raise StoreUnavailable(f"reading {sha256} from disk failed: {exc}") from exc
        end = size - 1 if last is None else min(last, size - 1)
        return StoredBlob(size, _read(fh, end + 1 - first))

    def check(self) -> None:
        probe = self.spool_dir() / ".probe"
        probe.write_bytes(b"")
        probe.unlink()


def _read(fh: BinaryIO, length: int) -> Iterator[bytes]:
    with fh:
        while length > 0 and (chunk := fh.read(min(CHUNK, length))):
            length -= len(chunk)
            yield chunk
