"""The clip lane: unboxing clips reach central after the events and photos, resumably.

A clip's ``evidence.added`` event names no blob, so push sends it at once and a verdict never
waits behind video; the clip's bytes follow here, once push and pull are done. Oldest first,
each clip is sent in chunks from the offset central says it holds (``HEAD /v1/uploads``), so a
cut — network, central restarted, this station killed — costs at most the chunk in flight.
The item is marked uploaded only when central answered that it stored the blob.

Chunks follow the line (1 MiB to start, halved when one takes over two seconds, doubled under
half a second, 256 KiB to 4 MiB). ``upload_kbps`` caps this lane only (events and photos are
never slowed): a token bucket paces the chunks. A round of the lane gives way after ``budget``
seconds, so events recorded while a long clip goes up wait at most that long for the next push.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.protocol.enums import MediaKind
from station.protocol.wire import DirectPlan
from station.store.database import Database
from station.store.models import Clip, EvidenceItem
from station.sync.client import CentralClient, OffsetMismatch, Refused, ServerError
from station.sync.push import mark_uploaded

log = logging.getLogger(__name__)

MIB = 1024 * 1024
CHUNK_MAX = 4 * MIB
CHUNK_MIN = 256 * 1024
CHUNK_START = 1 * MIB  # uncapped; capped: about two seconds' worth, within the bounds
CHUNK_SECONDS = (0.5, 2.0)  # a chunk sent faster grows (×2), slower shrinks (÷2)
BUDGET_S = 20.0  # seconds of clips per sync round before events get their turn again
RETRY_REFUSED_S = 3600.0  # a clip central refused is tried again after this long
MISMATCHES = 3  # offset corrections in a row without progress: try the clip next round


@dataclass(frozen=True, slots=True)
class PendingClip:
    sha256: str
    size: int
    evidence_id: int


@dataclass(frozen=True, slots=True)
class Backlog:
    clips: int
    bytes: int


@dataclass(slots=True)
class ClipReport:
    uploaded: int = 0  # clips central now holds
    bytes_sent: int = 0  # body bytes sent, chunks cut short included
    chunks: int = 0
    skipped: int = 0  # missing here, refused, or stalled: tried again later
    paused: bool = False  # gave way (budget spent, or the worker stopping) with clips left


def pending(session: Session, *, limit: int = 10_000) -> list[PendingClip]:
    """Clips whose bytes central does not hold yet and whose file is still kept, oldest first."""
    rows = session.execute(
        select(EvidenceItem.sha256, EvidenceItem.size_bytes, EvidenceItem.id)
        .outerjoin(Clip, Clip.evidence_id == EvidenceItem.id)
        .where(
            EvidenceItem.media == MediaKind.VIDEO.value,
            EvidenceItem.uploaded_at.is_(None),
            Clip.purged_at.is_(None),
        )
        .order_by(EvidenceItem.taken_at, EvidenceItem.id)
        .limit(limit)
    )
    return [PendingClip(sha, size, item_id) for sha, size, item_id in rows]


def backlog(session: Session) -> Backlog:
    """How many clips, and how many bytes, wait for the lane."""
    count, size = session.execute(
        select(func.count(EvidenceItem.id), func.coalesce(func.sum(EvidenceItem.size_bytes), 0))
        .outerjoin(Clip, Clip.evidence_id == EvidenceItem.id)
        .where(
            EvidenceItem.media == MediaKind.VIDEO.value,
            EvidenceItem.uploaded_at.is_(None),
            Clip.purged_at.is_(None),
        )
    ).one()
    return Backlog(int(count), int(size))


class TokenBucket:
    """Paces bytes to ``kbps`` kilobits a second (0: no cap), with a burst of ``burst_s``
    seconds' worth. :meth:`take` waits, on the injected ``sleep``, until ``n`` bytes may go."""

    def __init__(
        self,
        kbps: int,
        *,
        burst_s: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], object] = time.sleep,
    ) -> None:
        self.rate = kbps * 1000 / 8  # bytes a second
        self.capacity = self.rate * burst_s
        self._clock = clock
        self._sleep = sleep
        self._tokens = self.capacity
        self._last = clock()

    @property
    def capped(self) -> bool:
        return self.rate > 0

    def chunk_size(self) -> int:
        if not self.capped:
            return CHUNK_START
        return int(min(CHUNK_MAX, max(CHUNK_MIN, self.rate * 2)))

    def take(self, n: int) -> float:
        """Wait until ``n`` bytes may be sent and spend them; the seconds waited."""
        if not self.capped:
            return 0.0
        now = self._clock()
        self._tokens = min(self.capacity, self._tokens + (now - self._last) * self.rate)
        self._last = now
        self._tokens -= n
        if self._tokens >= 0:
            return 0.0
        wait = -self._tokens / self.rate
        self._sleep(wait)
        # the debt is paid by the time slept, whatever the clock says it was
        self._tokens = 0.0
        self._last = max(self._clock(), now + wait)
        return wait


class ClipLane:
    """Sends pending clips to central; one per sync service, used on the sync thread."""

    def __init__(
        self,
        db: Database,
        *,
        clip_path: Callable[[str, MediaKind], Path],
        upload_kbps: int = 0,
        budget_s: float = BUDGET_S,
        chunk_bytes: int | None = None,  # fixed; by default it follows the line
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], object] = time.sleep,
        now: Callable[[], datetime],
    ) -> None:
        self._db = db
        self._clip_path = clip_path
        self.bucket = TokenBucket(upload_kbps, clock=clock, sleep=sleep)
        self._budget = budget_s
        self._chunk = chunk_bytes or self.bucket.chunk_size()
        self._adapt = chunk_bytes is None
        # capped, never more than about two seconds' worth at the cap
        self._chunk_max = self.bucket.chunk_size() if self.bucket.capped else CHUNK_MAX
        self._clock = clock
        self._now = now
        self._lock = threading.Lock()
        self._refused: dict[str, float] = {}  # sha → when to try it again
        self._direct = True  # straight to the object store, until central says it has none

    def backlog(self) -> Backlog:
        return self._db.run(backlog)

    def run(
        self, client: CentralClient, *, keep_going: Callable[[], bool] = lambda: True
    ) -> ClipReport:
        """Send what is pending until done, the budget is spent or ``keep_going`` says no;
        raises the client's :class:`~station.sync.client.Unavailable` (central out of reach)."""
        report = ClipReport()
        deadline = self._clock() + self._budget
        with self._lock:
            for clip in self._db.run(pending):
                if self._stopped(deadline, keep_going, report):
                    break
                if self._refused.get(clip.sha256, 0.0) > self._clock():
                    report.skipped += 1
                    continue
                if self._send(client, clip, report, deadline, keep_going):
                    self._db.run(partial(mark_uploaded, shas=[clip.sha256], now=self._now()))
                    self._refused.pop(clip.sha256, None)
                    report.uploaded += 1
                elif report.paused:
                    break
        return report

    def _send(
        self,
        client: CentralClient,
        clip: PendingClip,
        report: ClipReport,
        deadline: float,
        keep_going: Callable[[], bool],
    ) -> bool:
        """Whether central holds the whole clip now (False: paused, or skipped for now)."""
        try:
            path = self._clip_path(clip.sha256, MediaKind.VIDEO)
            fh = path.open("rb")
        except (LookupError, OSError) as exc:
            log.warning("clip %s cannot be read here, not uploaded: %s", clip.sha256, exc)
            report.skipped += 1
            return False
        with fh:
            return self._send_file(client, clip, fh, report, deadline, keep_going)

    def _send_file(
        self,
        client: CentralClient,
        clip: PendingClip,
        fh: BinaryIO,
        report: ClipReport,
        deadline: float,
        keep_going: Callable[[], bool],
    ) -> bool:
        if self._direct and clip.size > 0:
            try:
                plan = client.start_direct_upload(clip.sha256, clip.size)
            except Refused as exc:
                if exc.status != 404:
                    return self._refuse(clip, exc, report)
                log.info("central takes clips through its own uploads; sending them there")
                self._direct = False
            else:
                return self._send_parts(client, clip, fh, plan, report, deadline, keep_going)
        total = clip.size
        offset = client.upload_offset(clip.sha256)
        stalled = 0
        while True:
            if offset > total:
                log.warning(
                    "central holds %d bytes of the %d-byte clip %s", offset, total, clip.sha256
                )
                report.skipped += 1
                return False
            if self._stopped(deadline, keep_going, report):
                return False
            data = self._piece(fh, clip, offset, min(self._chunk, total - offset), report)
            if data is None:
                return False
            began = time.monotonic()  # the line's real speed, whatever clock paces
            try:
                held = client.upload_chunk(clip.sha256, offset, total, data)
            except OffsetMismatch as exc:
                stalled = stalled + 1 if exc.offset == offset else 0
                if stalled >= MISMATCHES:
                    report.skipped += 1
                    return False
                offset = exc.offset
                continue
            except (Refused, ServerError) as exc:
                return self._refuse(clip, exc, report)
            if held >= total:
                return True
            offset = held
            self._fit_chunk(len(data), time.monotonic() - began)

    def _send_parts(
        self,
        client: CentralClient,
        clip: PendingClip,
        fh: BinaryIO,
        plan: DirectPlan,
        report: ClipReport,
        deadline: float,
        keep_going: Callable[[], bool],
    ) -> bool:
        """The parts the object store lacks, straight to it, then central checks the clip."""
        if plan.stored:
            return True
        try:
            for part in plan.parts:
                # stopped: the store keeps the parts sent, the next round asks for the rest
                if self._stopped(deadline, keep_going, report):
                    return False
                offset = (part.number - 1) * plan.part_size
                data = self._piece(
                    fh, clip, offset, min(plan.part_size, clip.size - offset), report
                )
                if data is None:
                    return False
                client.put_part(part.url, data)
            client.complete_direct_upload(clip.sha256, clip.size)
        except (Refused, ServerError) as exc:
            if isinstance(exc, Refused) and exc.status == 409:
                return False  # a part did not arrive (its URL ran out): asked again next round
            return self._refuse(clip, exc, report)
        return True

    def _stopped(self, deadline: float, keep_going: Callable[[], bool], report: ClipReport) -> bool:
        if self._clock() >= deadline or not keep_going():
            report.paused = True
            return True
        return False

    def _piece(
        self, fh: BinaryIO, clip: PendingClip, offset: int, want: int, report: ClipReport
    ) -> bytes | None:
        """``want`` bytes of the clip from ``offset``, paced by the cap and counted; None (and
        the clip skipped) when the file here does not have them."""
        data = fh.read(want) if want > 0 and offset >= 0 and fh.seek(offset) == offset else b""
        if want <= 0 or len(data) != want:
            log.warning("clip %s is shorter here than recorded; not uploaded", clip.sha256)
            report.skipped += 1
            return None
        self.bucket.take(len(data))
        report.chunks += 1
        report.bytes_sent += len(data)
        return data

    def _refuse(self, clip: PendingClip, exc: Exception, report: ClipReport) -> bool:
        log.warning("central refused the clip %s: %s", clip.sha256, exc)
        self._refused[clip.sha256] = self._clock() + RETRY_REFUSED_S
        report.skipped += 1
        return False

    def _fit_chunk(self, sent: int, seconds: float) -> None:
        if self._adapt and sent >= self._chunk:  # a clip's short last chunk says little
            self._chunk = next_chunk(self._chunk, seconds, self._chunk_max)


def next_chunk(chunk: int, seconds: float, ceiling: int = CHUNK_MAX) -> int:
    """The next chunk's size after one of ``chunk`` bytes took ``seconds``: chunks of a second
    or so, so that a cut costs little and a stop never waits long on a slow line."""
    fast, slow = CHUNK_SECONDS
    if seconds < fast:
        return min(chunk * 2, ceiling)
    if seconds > slow:
        return max(chunk // 2, CHUNK_MIN)
    return chunk
