"""What a take is, as the bench starts it and as the recorder hands it over finished."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station.evidence.video.chapters import Chapter


@dataclass(frozen=True, slots=True)
class ClipStart:
    """What the bench knows when a parcel's scan opens a clip."""

    clip_id: str
    parcel: str
    at: float  # monotonic time of the scan: the pre-roll counts back from it
    order: str = ""
    inspection_id: str | None = None
    unmatched_id: str | None = None
    station: str = ""
    inspector: str = ""  # as shown in the band: name and badge
    inspector_id: int | None = None
    clock_skew_ms: int | None = None  # station clock minus central's, at the last sync
    camera: str = ""
    kind: str = "unboxing"  # VideoKind: the bench camera's take, or a close-up camera's
    sibling_of: str | None = None  # a close-up take: the bench camera's take of the parcel


@dataclass(frozen=True, slots=True)
class RecordedClip:
    """A take that ended (or was cut short by a crash and recovered)."""

    clip_id: str
    path: Path  # the MP4 in the recording folder
    journal: Path
    facts: dict[str, Any]
    chapters: tuple[Chapter, ...]
    gaps: tuple[dict[str, Any], ...]
    duration_ms: int
    width: int
    height: int
    ended: str  # completed, parked, abandoned, replaced, stopped, cut short
    frames: int
