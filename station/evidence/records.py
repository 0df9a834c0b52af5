"""Plain values handed across threads: a photo stored on disk, a photo on record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from station.evidence.blobs import relative_path
from station.evidence.quality import QualityFlag, QualityReport
from station.protocol import events
from station.protocol.enums import MediaKind, PhotoKind
from station.store.models import EvidenceItem


@dataclass(frozen=True, slots=True)
class PreparedPhoto:
    """A photo stored on disk and not yet recorded."""

    sha256: str
    kind: PhotoKind
    size_bytes: int
    width: int
    height: int
    quality: QualityReport
    blob_path: Path
    thumbnail_path: Path


@dataclass(frozen=True, slots=True)
class EvidenceView:
    """One piece of evidence on record: a photo, or another medium."""

    id: int
    sha256: str
    kind: PhotoKind
    inspection_id: str | None
    unmatched_id: str | None
    size_bytes: int
    width: int
    height: int
    sharpness: float | None
    exposure: float | None
    quality_flags: tuple[QualityFlag, ...]
    station_id: str
    inspector_id: int
    taken_at: datetime
    deleted_at: datetime | None = None
    media: MediaKind = MediaKind.PHOTO
    duration_ms: int | None = None
    kept: bool = False  # flagged, and kept on purpose

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def counts(self) -> bool:
        """Whether it counts toward the photos a verdict needs."""
        return not self.deleted and (self.kept or not self.quality_flags)

    @property
    def relative_path(self) -> Path:
        """The original's path inside the photo folder."""
        return relative_path(self.sha256)


def evidence_view(row: EvidenceItem) -> EvidenceView:
    return EvidenceView(
        id=row.id,
        sha256=row.sha256,
        kind=PhotoKind(row.kind),
        inspection_id=row.inspection_id,
        unmatched_id=row.unmatched_id,
        size_bytes=row.size_bytes,
        width=row.width,
        height=row.height,
        sharpness=row.sharpness,
        exposure=row.exposure,
        quality_flags=tuple(QualityFlag(f) for f in row.quality_flags),
        station_id=row.station_id,
        inspector_id=row.inspector_id,
        taken_at=row.taken_at,
        deleted_at=row.deleted_at,
        media=MediaKind(row.media),
        duration_ms=row.duration_ms,
        kept=row.kept,
    )


def evidence_added(
    row: EvidenceItem, *, inspector: str, clip: events.ClipFacts | None = None
) -> events.EvidenceAdded:
    """The event that reports an evidence item, every medium alike: what the row says of it
    (a photo's quality flags, a recording's length, a clip's chapters and chain)."""
    return events.EvidenceAdded(
        sha256=row.sha256,
        media=MediaKind(row.media),
        kind=row.kind,
        evidence_id=row.id,
        inspection_id=row.inspection_id,
        unmatched_id=row.unmatched_id,
        size_bytes=row.size_bytes,
        width=row.width,
        height=row.height,
        duration_ms=row.duration_ms,
        quality_flags=list(row.quality_flags),
        inspector=inspector.removeprefix("user:"),
        taken_at=row.taken_at,
        clip=clip,
    )
