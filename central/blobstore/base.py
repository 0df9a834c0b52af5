"""The blob store protocol: content-addressed, write-once, verified before it is stored."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

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

    def spool_dir(self) -> Path:
        """Where uploads are written while they are hashed (same file system as the store,
        where that makes storing a rename)."""
        ...

    def store(self, sha256: str, source: Path) -> None:
        """Keep ``source`` (already verified to hash to ``sha256``) as that blob, atomically:
        afterwards the blob is there whole, or not at all. ``source`` may be consumed."""
        ...

    def exists(self, sha256: str) -> bool: ...

    def open(self, sha256: str, first: int = 0, last: int | None = None) -> StoredBlob:
        """The blob's bytes ``first``..``last`` (inclusive; None: to the end), streamed, so a
        player can seek in a clip; raises :class:`BlobMissing`."""
        ...

    def check(self) -> None:
        """Raise with a clear message if the store cannot be used (run at start)."""
        ...


def clean_spool(spool: Path) -> int:
    """Remove the uploads a killed process left half-written; run at start, before serving."""
    removed = 0
    for path in spool.glob(f"*{SPOOL_SUFFIX}"):
        path.unlink(missing_ok=True)
        removed += 1
    return removed
