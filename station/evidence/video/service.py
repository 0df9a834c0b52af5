"""The clip service: the recorder, the clip library and the store, composed.

It starts takes only with room on the disk (a free-disk floor, 5 GiB by default, with a warning
at twice that), files every finished take on its own thread (hash, link, record: completing an
inspection never waits for it), files at start whatever a crash left, and deletes clip files
once their dispute window is over: never one that has not reached the central service, is on
hold, or belongs to an inspection whose verdict was overridden, overturned or is waiting for a
supervisor.
"""

from __future__ import annotations

import logging
import queue
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.evidence.video.chapters import ChapterKind
from station.evidence.video.library import ClipLibrary
from station.evidence.video.recorder import Recorder, new_clip_id
from station.evidence.video.records import ClipView, record_clip
from station.evidence.video.takes import ClipStart, RecordedClip
from station.protocol.enums import VideoKind
from station.runtime.emitter import Emitter
from station.runtime.worker import Worker
from station.security import audit
from station.store.database import Database
from station.store.models import Clip, EvidenceItem, Inspection, ReturnLine
from station.store.types import utcnow

log = logging.getLogger(__name__)

GIB = 1 << 30
SWEEP_EVERY_S = 6 * 3600


class ClipNoticeKind(StrEnum):
    DISK_LOW = "disk_low"  # below twice the floor: clean up or sync soon
    DISK_FLOOR = "disk_floor"  # at the floor: no clip is recorded
    FILED = "filed"  # a take is on record
    FILING_FAILED = "filing_failed"


@dataclass(frozen=True, slots=True)
class ClipNotice:
    kind: ClipNoticeKind
    clip_id: str = ""
    free_bytes: int = 0


@dataclass(frozen=True, slots=True)
class Retention:
    days: int = 90
    by_category: tuple[tuple[str, int], ...] = (("electronics", 180),)

    def days_for(self, category: str | None) -> int:
        return dict(self.by_category).get(category or "", self.days)


class ClipService:
    def __init__(
        self,
        db: Database,
        library: ClipLibrary,
        recorder: Recorder,
        *,
        closeups: Sequence[Recorder] = (),
        station_id: str,
        floor_bytes: int = 5 * GIB,
        retention: Retention | None = None,
        free_bytes: Callable[[], int] | None = None,
    ) -> None:
        self.db = db
        self.library = library
        self.recorder = recorder  # the bench camera's
        # other cameras over the bench (a close-up): a sibling take each, same chapters
        self.recorders = (recorder, *closeups)
        self.station_id = station_id
        self.floor_bytes = floor_bytes
        self.retention = retention or Retention()
        self._free_bytes = free_bytes or library.free_bytes
        self.notices: Emitter[ClipNotice] = Emitter("clip notices")
        self.filed: Emitter[ClipView] = Emitter("clips filed")
        self._queue: queue.SimpleQueue[RecordedClip] = queue.SimpleQueue()
        self._filer: Worker | None = None
        self._next_sweep = 0.0  # monotonic: the first round sweeps
        for each in self.recorders:
            each.finished.connect(self._queue.put)
            each.finished.connect(lambda _clip: self._wake())
            each.disk_check = self._room_to_record

    # -- life cycle ----------------------------------------------------------------------

    def start(self) -> None:
        """Start recording and filing; first queue what a crash left behind."""
        for clip in self.library.unfinished():
            log.warning("filing clip %s left by an earlier run (%s)", clip.clip_id, clip.ended)
            self._queue.put(clip)
        for recorder in self.recorders:
            recorder.run()
        self._filer = Worker("clip-filing", self._filer_round)
        self._filer.start()

    def close(self, timeout: float = 20.0) -> None:
        for recorder in self.recorders:
            recorder.close()
        filer, self._filer = self._filer, None
        if filer is not None:
            filer.wake()
            self.file_pending()  # whatever the recorder handed over last
            filer.stop(timeout)

    # -- takes ---------------------------------------------------------------------------

    def begin(self, request: ClipStart) -> bool:
        """Start a parcel's take, unless the disk is at its floor (then False)."""
        if not self._room_to_record():
            return False
        self.recorder.start(request)
        for closeup in self.recorders[1:]:
            closeup.start(
                replace(
                    request,
                    clip_id=new_clip_id(),
                    kind=VideoKind.CLOSEUP.value,
                    sibling_of=request.clip_id,
                    camera=closeup.camera,
                )
            )
        return True

    def chapter(self, kind: ChapterKind, label: str = "") -> None:
        for recorder in self.recorders:
            recorder.chapter(kind, label)

    def step(self, text: str) -> None:
        for recorder in self.recorders:
            recorder.step(text)

    def stop(self, ended: str) -> None:
        for recorder in self.recorders:
            recorder.stop(ended)

    def _room_to_record(self) -> bool:
        free = self._free_bytes()
        if free < self.floor_bytes:
            self.notices.emit(ClipNotice(ClipNoticeKind.DISK_FLOOR, free_bytes=free))
            return False
        if free < 2 * self.floor_bytes:
            self.notices.emit(ClipNotice(ClipNoticeKind.DISK_LOW, free_bytes=free))
        return True

    # -- filing (the filer's thread) ----------------------------------------------------

    def _wake(self) -> None:
        if self._filer is not None:
            self._filer.wake()

    def _filer_round(self) -> float:
        """File what finished; sweep old clips when due. Woken by each finished take."""
        self.file_pending()
        now = time.monotonic()
        if now >= self._next_sweep:
            self._next_sweep = now + SWEEP_EVERY_S
            try:
                removed = self.sweep()
            except Exception:
                log.exception("deleting clips past their retention failed; tried again later")
            else:
                if removed:
                    log.info("deleted %d clip file(s) past their retention", removed)
        return max(1.0, self._next_sweep - now)

    def file_pending(self) -> None:
        while True:
            try:
                clip = self._queue.get_nowait()
            except queue.Empty:
                return None
            self.file(clip)

    def file(self, clip: RecordedClip) -> ClipView | None:
        try:
            filed = self.library.file(clip)
            view = self.db.run(lambda s: record_clip(s, filed, station_id=self.station_id))
        except Exception:
            log.exception(
                "filing clip %s failed; it stays to be filed at the next start", clip.clip_id
            )
            self.notices.emit(ClipNotice(ClipNoticeKind.FILING_FAILED, clip.clip_id))
            return None
        self.library.forget(clip)
        log.info(
            "clip %s filed: %s, %d ms, %s",
            clip.clip_id,
            filed.sha256[:12],
            clip.duration_ms,
            clip.ended,
        )
        self.notices.emit(ClipNotice(ClipNoticeKind.FILED, clip.clip_id))
        self.filed.emit(view)
        return view

    # -- retention -----------------------------------------------------------------------

    def sweep(self, now: datetime | None = None) -> int:
        """Delete the files of clips past their retention that may go; how many went."""
        when = now or utcnow()
        due = self.db.run(lambda s: due_for_deletion(s, when, self.retention))
        removed = 0
        for clip_id, sha in due:
            self.library.path_for(sha).unlink(missing_ok=True)
            self.db.run(partial(mark_purged, clip_id=clip_id, at=when))
            removed += 1
        return removed


def due_for_deletion(
    session: Session, now: datetime, retention: Retention
) -> list[tuple[str, str]]:
    # the shortest window any clip has: younger clips are not even looked at
    shortest = min([retention.days, *(d for _, d in retention.by_category)])
    rows = session.execute(
        select(Clip.id, EvidenceItem.sha256, Clip.started_at, ReturnLine.category, Inspection)
        .join(EvidenceItem, EvidenceItem.id == Clip.evidence_id)
        .outerjoin(Inspection, Inspection.id == Clip.inspection_id)
        .outerjoin(ReturnLine, ReturnLine.id == Inspection.return_line_id)
        .where(
            Clip.purged_at.is_(None),
            Clip.hold == "",
            EvidenceItem.uploaded_at.is_not(None),
            Clip.started_at < now - timedelta(days=shortest),
        )
    )
    due = []
    for clip_id, sha, started, category, inspection in rows:
        if started >= now - timedelta(days=retention.days_for(category)):
            continue
        if inspection is not None and (
            inspection.overridden or inspection.overturned or inspection.needs_review
        ):
            continue
        due.append((clip_id, sha))
    return due


def mark_purged(session: Session, *, clip_id: str, at: datetime) -> None:
    clip = session.get(Clip, clip_id)
    if clip is None or clip.purged_at is not None:
        return
    clip.purged_at = at
    audit.append(
        session,
        actor="system",
        action="clip_purged",
        entity=f"clip:{clip_id}",
        details={"reason": "retention"},
        at=at,
    )


def set_hold(session: Session, clip_id: str, reason: str, *, actor: str) -> None:
    """Keep a clip past its retention (a dispute); an empty reason lifts the hold."""
    clip = session.get(Clip, clip_id)
    if clip is None:
        raise LookupError(f"no clip {clip_id}")
    clip.hold = reason[:200]
    audit.append(
        session,
        actor=actor,
        action="clip_hold" if reason else "clip_released",
        entity=f"clip:{clip_id}",
        details={"reason": clip.hold},
    )
