"""The recorder: the bench camera's frames become one continuous clip per parcel.

Frames arrive from the camera's reader thread through :meth:`Recorder.offer`, which never
blocks: the newest few are kept (the same arrays the decoder and the preview get, never
copied) and the oldest dropped if the recorder falls behind. The recorder's own thread, below
the GUI's priority, scales each to the recording size, converts it to YUV, burns in the band
and encodes it; between parcels the encoded seconds only fill the pre-roll ring.

The bench tells it what happens (:meth:`start`, :meth:`chapter`, :meth:`step`, :meth:`stop`);
each call is timed when it is made and applied by the recorder's thread in order. A clip opens
with the pre-roll, so it shows the sealed parcel and the scan. A camera that goes silent
mid-clip is never a silent cut: after a second without frames the clip carries a "camera lost"
card, twice a second, until frames come back, and both moments are chapters and a gap.

Everything a crash must not lose goes to the clip's journal as it happens
(:mod:`station.evidence.video.journal`); a finished take is handed to ``finished`` listeners
(the clip library, which hashes, files and records it on its own thread).
"""

from __future__ import annotations

import base64
import contextlib
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final

import cv2
import numpy as np
from uuid6 import uuid7

from station.evidence.video.chapters import Chapter, ChapterKind
from station.evidence.video.encoder import (
    QUALITIES,
    ClipMuxer,
    GopRing,
    H264Encoder,
    SinkFile,
)
from station.evidence.video.fragments import SegmentHasher
from station.evidence.video.journal import Journal
from station.evidence.video.overlay import OverlayFacts, OverlayPainter, Position
from station.evidence.video.takes import ClipStart, RecordedClip
from station.runtime.emitter import Emitter
from station.runtime.priority import lower_this_thread
from station.runtime.worker import FINISHED, Finished, Worker

log = logging.getLogger(__name__)

GAP_AFTER_S: Final = 1.0  # no frame for this long: the camera is lost
GAP_CARD_EVERY_S: Final = 0.5
QUEUE_FRAMES: Final = 8
DISK_CHECK_EVERY_S: Final = 5.0


def new_clip_id() -> str:
    """A clip's id: a UUIDv7 (time-ordered, unique across stations) in 26 base-32 characters,
    short enough for the band's QR code."""
    return base64.b32encode(uuid7().bytes).decode().rstrip("=")


@dataclass(frozen=True, slots=True)
class RecordingSettings:
    width: int = 1280
    height: int = 720
    fps: float = 30.0
    quality: str = "standard"
    preroll_s: float = 3.0
    position: Position = "bottom"
    station: str = ""  # named in the band between parcels too (the pre-roll shows it)


@dataclass
class _Take:
    start: ClipStart
    muxer: ClipMuxer
    sink_fd: int
    journal: Journal
    path: Path
    facts: OverlayFacts
    wall_zero: datetime
    record: dict[str, Any] = field(default_factory=dict)
    chapters: list[Chapter] = field(default_factory=list)
    gaps: list[dict[str, Any]] = field(default_factory=list)
    gap_since: float | None = None


class Recorder:
    def __init__(
        self,
        folder: Path,
        settings: RecordingSettings | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = lambda: datetime.now(UTC).astimezone(),
        camera: str = "",
    ) -> None:
        self.folder = folder
        self.camera = camera  # which camera it films, as the clip records it
        self.settings = settings or RecordingSettings()
        self._clock = clock
        self._wall = wall
        self.finished: Emitter[RecordedClip] = Emitter("recorded clips")
        self.started: Emitter[str] = Emitter("clip started")
        self._cond = threading.Condition()
        self._frames: deque[tuple[np.ndarray, float]] = deque(maxlen=QUEUE_FRAMES)
        self._commands: deque[tuple[str, Any, float]] = deque()
        self.dropped = 0
        self.encoded = 0
        self.gap_cards = 0  # "camera lost" cards filmed in place of frames
        self._worker: Worker | None = None
        self._encoder: H264Encoder | None = None
        self._painter: OverlayPainter | None = None
        self._ring = GopRing(int(self.settings.preroll_s * 1000) + 2000)
        self._epoch: float | None = None  # monotonic time of pts 0
        self._wall_epoch: datetime | None = None
        self._take: _Take | None = None
        self._idle = OverlayFacts(station=self.settings.station)
        self._last_frame_at: float | None = None
        self._last_card_at = 0.0
        self._card: np.ndarray | None = None
        # whether there is still room on the disk (the clip service sets it); checked every
        # few seconds of a take, which ends rather than fill the disk
        self.disk_check: Callable[[], bool] = lambda: True
        self._next_disk_check = 0.0

    # -- any thread ----------------------------------------------------------------------

    def offer(self, image: np.ndarray, at: float | None = None) -> None:
        """A camera frame (BGR). Never blocks; the array must not be changed afterwards."""
        with self._cond:
            if len(self._frames) == self._frames.maxlen:
                self.dropped += 1
            self._frames.append((image, self._clock() if at is None else at))
            self._cond.notify()

    def start(self, request: ClipStart) -> None:
        self._command("start", request)

    def chapter(self, kind: ChapterKind, label: str = "") -> None:
        self._command("chapter", (kind, label))

    def step(self, text: str) -> None:
        """What the band says the inspector is doing now."""
        self._command("step", text)

    def stop(self, ended: str) -> None:
        """End the take in progress (if any); ``ended`` says how the parcel left the bench."""
        self._command("stop", ended)

    @property
    def recording(self) -> str | None:
        """The clip id being recorded, if any."""
        take = self._take
        return take.start.clip_id if take else None

    def run(self) -> None:
        if self._worker is not None:
            return
        self._worker = Worker("station-record", self._round, on_start=_below_the_ui)
        self._worker.start()

    def close(self, timeout: float = 10.0) -> None:
        """Finish the take in progress and stop the thread."""
        self.stop("stopped")
        worker, self._worker = self._worker, None
        if worker is not None:
            with self._cond:
                self._cond.notify_all()
            worker.stop(timeout)
        # what the thread had no round left for, the final stop among it: the take is filed
        self._apply_commands()
        if self._encoder is not None:
            self._encoder.close()
            self._encoder = None

    # -- the recorder's thread -----------------------------------------------------------

    def _command(self, what: str, value: Any) -> None:
        with self._cond:
            self._commands.append((what, value, self._clock()))
            self._cond.notify()

    def _round(self) -> float | Finished:
        with self._cond:
            self._cond.wait_for(lambda: bool(self._frames or self._commands), GAP_CARD_EVERY_S)
            frame = self._frames.popleft() if self._frames else None
        self.process(frame)
        return FINISHED if self._worker is not None and self._worker.stopping else 0.0

    def process(self, frame: tuple[np.ndarray, float] | None) -> None:
        """One step: apply what the bench said, then the frame (or a gap card). Tests call it
        directly to drive a recorder without its thread."""
        if frame is not None:
            self._apply_commands(until=frame[1])
            self._frame(*frame)
        else:
            self._apply_commands()
            self._maybe_gap_card()

    def _apply_commands(self, until: float | None = None) -> None:
        while True:
            with self._cond:
                if not self._commands or (until is not None and self._commands[0][2] > until):
                    return
                what, value, at = self._commands.popleft()
            try:
                getattr(self, f"_do_{what}")(value, at)
            except Exception:
                log.exception("recording: %s failed", what)

    def _do_start(self, request: ClipStart, at: float) -> None:
        if self._take is not None:
            self._finish_take("replaced")
        self._ensure_encoder()
        assert self._encoder is not None and self._epoch is not None
        # the wall clock is read again for each take: one set right (or stepped) since the
        # encoder started shows in the next take's band, not days later
        self._wall_epoch = self._wall() - timedelta(seconds=self._clock() - self._epoch)
        wanted = self._pts(request.at - self.settings.preroll_s)
        chunks = self._ring.since(wanted)
        zero = chunks[0].pts if chunks else self._pts(at)
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{request.clip_id}.mp4"
        journal = Journal(self.folder / f"{request.clip_id}.journal")
        fd = os.open(
            path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), 0o600
        )
        hasher = SegmentHasher(request.clip_id)

        def watch(data: memoryview) -> None:
            links = hasher.feed(data)
            if links:
                os.fsync(fd)  # the bytes before their link
                for link in links:
                    journal.append("link", [link.end, link.digest])

        muxer = ClipMuxer(SinkFile(fd, watch), self._encoder, zero)
        wall_zero = self._wall_at(zero)
        facts = OverlayFacts(
            clip_id=request.clip_id,
            parcel=request.parcel,
            order=request.order,
            station=request.station,
            inspector=request.inspector,
        )
        record = {
            "clip_id": request.clip_id,
            "parcel": request.parcel,
            "order": request.order,
            "inspection_id": request.inspection_id,
            "unmatched_id": request.unmatched_id,
            "station": request.station,
            "inspector": request.inspector,
            "inspector_id": request.inspector_id,
            "clock_skew_ms": request.clock_skew_ms,
            "camera": request.camera,
            "kind": request.kind,
            "sibling_of": request.sibling_of,
            "started_at": wall_zero.isoformat(),
            "preroll_ms": max(0, self._pts(request.at) - zero),
            "width": self.settings.width,
            "height": self.settings.height,
            "quality": self.settings.quality,
        }
        journal.append("clip", record)
        self._take = _Take(request, muxer, fd, journal, path, facts, wall_zero, record=record)
        muxer.write(chunks)
        self._add_chapter(ChapterKind.SCAN, request.parcel, request.at)
        self.started.emit(request.clip_id)

    def _do_chapter(self, value: tuple[ChapterKind, str], at: float) -> None:
        kind, label = value
        self._add_chapter(kind, label, at)

    def _do_step(self, text: str, at: float) -> None:
        if self._take is not None:
            self._take.facts = replace(self._take.facts, step=text)

    def _do_stop(self, ended: str, at: float) -> None:
        if self._take is not None:
            self._finish_take(ended)

    def _add_chapter(self, kind: ChapterKind, label: str, at: float) -> None:
        take = self._take
        if take is None:
            return
        offset = max(0, self._pts(at) - take.muxer.zero)
        chapter = Chapter(offset, kind, label, self._wall_at(self._pts(at)).isoformat())
        take.chapters.append(chapter)
        take.journal.append("chapter", chapter.to_json())

    def _frame(self, image: np.ndarray, at: float) -> None:
        self._ensure_encoder()
        take = self._take
        if take is not None and take.gap_since is not None:
            self._gap_over(take, at)
        self._last_frame_at = at
        self._encode(self._to_yuv(image), at)

    def _to_yuv(self, image: np.ndarray) -> np.ndarray:
        s = self.settings
        if image.ndim == 2:
            image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
        if image.shape[1] != s.width or image.shape[0] != s.height:
            image = _fit(image, s.width, s.height)
        return cv2.cvtColor(image, cv2.COLOR_BGR2YUV_I420)

    def _encode(self, yuv: np.ndarray, at: float) -> None:
        assert self._encoder is not None and self._painter is not None
        pts = self._pts(at)
        take = self._take
        facts = take.facts if take is not None else self._idle
        self._painter.apply(yuv, self._painter.band(facts, self._wall_at(pts)))
        chunks = self._encoder.encode(yuv, pts)
        if not chunks:
            return
        self.encoded += 1
        self._ring.add(chunks)
        if take is not None and at >= self._next_disk_check:
            self._next_disk_check = at + DISK_CHECK_EVERY_S
            if not self.disk_check():
                log.error("the disk is at its floor: clip %s ends here", take.start.clip_id)
                self._finish_take("disk full")
                take = None
        if take is not None:
            try:
                take.muxer.write(chunks)
            except Exception:  # a full disk, a yanked drive: end the take, keep what is written
                log.exception("writing clip %s failed; it ends here", take.start.clip_id)
                self._finish_take("write failed")

    def _maybe_gap_card(self) -> None:
        take = self._take
        if take is None or self._encoder is None:
            return
        now = self._clock()
        silent_since = self._last_frame_at if self._last_frame_at is not None else now
        if now - silent_since < GAP_AFTER_S or now - self._last_card_at < GAP_CARD_EVERY_S:
            return
        if take.gap_since is None:
            take.gap_since = silent_since
            self._add_chapter(ChapterKind.CAMERA_LOST, "", silent_since)
        self._last_card_at = now
        self.gap_cards += 1
        self._encode(self._gap_card(), now)

    def _gap_over(self, take: _Take, at: float) -> None:
        assert take.gap_since is not None
        start = max(0, self._pts(take.gap_since) - take.muxer.zero)
        end = max(start, self._pts(at) - take.muxer.zero)
        gap = {"from_ms": start, "to_ms": end}
        take.gaps.append(gap)
        take.journal.append("gap", gap)
        take.gap_since = None
        self._add_chapter(ChapterKind.CAMERA_BACK, "", at)

    def _gap_card(self) -> np.ndarray:
        """The "camera lost" picture, drawn once; each use gets a copy (the band goes on it)."""
        if self._card is None:
            self._card = self._draw_gap_card()
        return self._card.copy()

    def _draw_gap_card(self) -> np.ndarray:
        s = self.settings
        card = np.full((s.height, s.width, 3), 64, np.uint8)
        scale = s.height / 360
        for i, text in enumerate(("CAMERA LOST", "camera signal lost - recording continues")):
            cv2.putText(
                card,
                text,
                (int(40 * scale), int((150 + 50 * i) * scale)),
                cv2.FONT_HERSHEY_SIMPLEX,
                scale * (1.4 if i == 0 else 0.7),
                (255, 255, 255),
                max(1, int(2 * scale)),
                cv2.LINE_AA,
            )
        return cv2.cvtColor(card, cv2.COLOR_BGR2YUV_I420)

    def _finish_take(self, ended: str) -> None:
        take, self._take = self._take, None
        if take is None:
            return
        if take.gap_since is not None:
            self._gap_over(take, self._clock())
        try:
            take.muxer.close()
        except Exception:
            log.exception("closing clip %s failed", take.start.clip_id)
        with contextlib.suppress(OSError):
            os.fsync(take.sink_fd)
        os.close(take.sink_fd)
        duration = take.muxer.duration_ms
        take.journal.append("end", {"ended": ended, "duration_ms": duration})
        take.journal.close()
        self.finished.emit(
            RecordedClip(
                clip_id=take.start.clip_id,
                path=take.path,
                journal=take.journal.path,
                facts=take.record,
                chapters=tuple(take.chapters),
                gaps=tuple(take.gaps),
                duration_ms=duration,
                width=self.settings.width,
                height=self.settings.height,
                ended=ended,
                frames=take.muxer.frames,
            )
        )

    def _ensure_encoder(self) -> None:
        if self._encoder is not None:
            return
        s = self.settings
        self._encoder = H264Encoder(s.width, s.height, s.fps, QUALITIES[s.quality])
        self._painter = OverlayPainter(s.width, s.height, s.position)
        self._epoch = self._clock()
        self._wall_epoch = self._wall()

    def _pts(self, at: float) -> int:
        assert self._epoch is not None
        return round((at - self._epoch) * 1000)

    def _wall_at(self, pts: int) -> datetime:
        assert self._wall_epoch is not None
        return self._wall_epoch + timedelta(milliseconds=pts)


def _fit(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """``image`` scaled to fit ``width``×``height``, letterboxed in black."""
    h, w = image.shape[:2]
    scale = min(width / w, height / h)
    nw, nh = max(2, int(w * scale)), max(2, int(h * scale))
    scaled = cv2.resize(image, (nw, nh), interpolation=cv2.INTER_AREA)
    if (nw, nh) == (width, height):
        return scaled
    out = np.zeros((height, width, 3), np.uint8)
    x, y = (width - nw) // 2, (height - nh) // 2
    out[y : y + nh, x : x + nw] = scaled
    return out


def _below_the_ui() -> None:
    """Encoding must never take the CPU from the window, nor from the scan decoder."""
    lower_this_thread(10)
