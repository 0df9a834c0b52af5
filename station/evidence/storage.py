"""The evidence on disk: each medium's originals under their SHA-256, and the copies derived
from photos (thumbnails, captioned copies)."""

from __future__ import annotations

from pathlib import Path

from station.evidence.blobs import BlobStore
from station.evidence.caption import CaptionedCopies
from station.evidence.thumbnails import ThumbnailCache
from station.evidence.video.library import ClipLibrary
from station.protocol.enums import MediaKind


class EvidenceStore:
    """Everything on disk under the evidence folder: photo originals (two-hex-digit folders)
    and the derived ``thumbs/`` and ``captioned/`` folders, and beside it the clip library
    (``clips/`` next to ``photos/`` unless told otherwise). Each medium has its blob store;
    :meth:`path_for` finds any item's original."""

    def __init__(self, root: Path, clips: Path | None = None) -> None:
        self.root = root
        self.blobs = BlobStore(root)  # photos
        self.thumbnails = ThumbnailCache(root / "thumbs")
        self.captioned = CaptionedCopies(root / "captioned")
        self.clips = ClipLibrary(clips if clips is not None else root.parent / "clips")
        self.by_media = {MediaKind.PHOTO: self.blobs, MediaKind.VIDEO: self.clips.blobs}

    def path_for(self, sha256: str, media: MediaKind = MediaKind.PHOTO) -> Path:
        """Where the original of an evidence item lives (it may be missing)."""
        return self.by_media[media].path_for(sha256)

    @classmethod
    def open(cls, root: Path, clips: Path | None = None) -> EvidenceStore:
        """Open at start-up: creates the folder and removes files a crash left unfinished
        (in the originals and the derived folders alike). Takes a crash left in the clip
        library are not touched here: the clip service files them."""
        BlobStore.open(root)
        return cls(root, clips)
