"""The blob store protocol: content-addressed, write-once, verified before it is stored."""

from __future__ import annotations

import os
import secrets
import shutil
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from filelock import FileLock, Timeout

CHUNK = 256 * 1024
SPOOL_SUFFIX = ".part"


class BlobMissing(LookupError):
    """The store has no blob with that SHA-256."""


class StoreUnavailable(RuntimeError):
    """The store cannot be reached or failed the operation: worth trying again later."""


@dataclass(frozen=True, slots=True)
class StoredBlob:
    size: int  # of the whole blob, whatever part ``chunks`` gives
    chunks: Iterator[bytes]  # closes what it reads from when exhausted or closed


class BlobStore(Protocol):
    name: str
    spool: Spool
    # whether uploads are spooled around the page cache (central.blobstore.unbuffered):
    # where storing is a rename, nothing reads the bytes again soon
    spool_around_cache: bool

    def spool_dir(self) -> Path:
        """Where uploads are written while they are hashed (same file system as the store,
        where that makes storing a rename)."""
        ...

    def store(self, sha256: str, source: Path) -> None:
        """Keep ``source`` (already verified to hash to ``sha256``) as that blob, atomically:
        afterwards the blob is there whole, or not at all. ``source`` may be consumed."""
        ...

    def store_all(self, blobs: Sequence[tuple[str, Path]]) -> None:
        """:meth:`store` for a group of verified ``(sha256, source)``, each there whole when
        it returns, at the cost of one wait (one flush of the disk, PUTs side by side)."""
        ...

    def exists(self, sha256: str) -> bool: ...

    def open(self, sha256: str, first: int = 0, last: int | None = None) -> StoredBlob:
        """The blob's bytes ``first``..``last`` (inclusive; None: to the end), streamed, so a
        player can seek in a clip; raises :class:`BlobMissing`."""
        ...

    def check(self) -> None:
        """Raise with a clear message if the store cannot be used (run at start)."""
        ...


OWNER_SUFFIX = ".owner"


class Spool:
    """Where this process writes uploads while it hashes them: a folder of its own under
    ``base``, beside its owner file, which it holds locked while it lives. Several processes
    share ``base`` (one data folder, one blob folder); one starting up cleans only what
    processes that are gone left (:func:`clean_spool`), never another's upload in flight."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self._guard = threading.Lock()
        self._pid = -1
        self._folder = base
        self._owner: FileLock | None = None

    def folder(self) -> Path:
        with self._guard:
            if self._pid != os.getpid():  # first use, or a forked worker
                name = f"{os.getpid()}-{secrets.token_hex(4)}"
                self.base.mkdir(parents=True, exist_ok=True)
                owner = FileLock(self.base / f"{name}{OWNER_SUFFIX}")
                owner.acquire(timeout=0)
                (self.base / name).mkdir()
                self._pid, self._folder, self._owner = os.getpid(), self.base / name, owner
            return self._folder


def clean_spool(base: Path) -> int:
    """Remove the uploads processes that are gone left half-written (their owner file can be
    locked); run at start, before serving. Returns how many."""
    removed = 0
    for owner_file in base.glob(f"*{OWNER_SUFFIX}"):
        owner = FileLock(owner_file)
        try:
            owner.acquire(timeout=0)
        except Timeout:
            continue  # a live process's
        try:
            folder = base / owner_file.name.removesuffix(OWNER_SUFFIX)
            removed += sum(1 for _ in folder.glob(f"*{SPOOL_SUFFIX}"))
            shutil.rmtree(folder, ignore_errors=True)
        finally:
            owner.release()
            owner_file.unlink(missing_ok=True)
    for path in base.glob(f"*{SPOOL_SUFFIX}"):  # spooled by versions without owner folders
        path.unlink(missing_ok=True)
        removed += 1
    return removed
