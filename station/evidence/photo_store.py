"""The photo folder on disk: originals, thumbnails and captioned copies together."""

from __future__ import annotations

from pathlib import Path

from station.evidence.blobs import BlobStore
from station.evidence.caption import CaptionedCopies
from station.evidence.thumbnails import ThumbnailCache


class PhotoStore:
    """Everything on disk under the photo folder: originals (two-hex-digit folders), and
    the derived ``thumbs/`` and ``captioned/`` folders."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.blobs = BlobStore(root)
        self.thumbnails = ThumbnailCache(root / "thumbs")
        self.captioned = CaptionedCopies(root / "captioned")

    @classmethod
    def open(cls, root: Path) -> PhotoStore:
        """Open at start-up: creates the folder and removes files a crash left unfinished
        (in the originals and the derived folders alike)."""
        BlobStore.open(root)
        return cls(root)
