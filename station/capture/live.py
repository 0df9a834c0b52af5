"""Live scanning: camera frames in, one scan event per physical scan out.

Two threads: the :class:`~station.capture.reader.FrameReader` keeps the newest frame; the
scanner's own (a :class:`~station.runtime.worker.Worker`) decides what the frame is worth
(:mod:`station.capture.pace`: every frame is decoded while the view changes, a few a second
while it is still), decodes it, debounces what it read (a code counts once it has been read in
``steady_frames`` frames within ``steady_window_s``), and reports. Frames to show are offered
at ``preview_fps`` (fewer while the view is still), each with what the last decoded frame
held. Callbacks run on the scanner's thread — a UI must only hand their arguments over to its
own thread. The newest full-resolution frame is kept for photos, so a photo is what the
camera sees, not the preview.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from station.capture.debounce import Debouncer
from station.capture.decoders import Decoded
from station.capture.frames import FrameSource, Pausable
from station.capture.pace import Pace
from station.capture.pipeline import DecodePipeline, FrameResult
from station.capture.reader import Frame, FrameReader, ReaderState, StateChange
from station.runtime.emitter import Emitter
from station.runtime.priority import lower_this_thread
from station.runtime.worker import FINISHED, Finished, Worker

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LiveSettings:
    decoder: str = "zxing"
    budget_ms: float = 30.0
    repeat_after_s: float = 1.5
    # A code counts once read in this many decoded frames within the window: one glimpsed in a
    # single frame (another item passing by) does not. 1 reports the first sighting.
    steady_frames: int = 2
    steady_window_s: float = 0.6
    preview_fps: float = 15.0  # frames offered for display while the view changes…
    still_preview_fps: float = 5.0  # …and while it is still
    still_decode_fps: float = 3.0  # frames decoded a second while nothing in view changes


@dataclass(frozen=True, slots=True)
class Seen:
    """A frame to show and what the decoders found: in this frame when ``decoded``, else in
    the last decoded one (the view had not changed since)."""

    frame: Frame
    result: FrameResult
    decoded: bool = True


@dataclass(frozen=True, slots=True)
class Scanned:
    """New scans (one per physical scan, after debouncing), all those of the frame they were
    read in, together: a label shows its codes at once, and which to act on is the bench's
    business."""

    codes: tuple[Decoded, ...]
    frame: Frame


_NOTHING_YET = FrameResult((), (), (), (), 0, 0.0)


class LiveScanner:
    def __init__(
        self,
        source: FrameSource,
        *,
        settings: LiveSettings | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        chosen = settings or LiveSettings()
        secondary = "pyzbar" if chosen.decoder == "zxing" else "zxing"
        self.pipeline = DecodePipeline(
            primary=chosen.decoder, secondary=secondary, budget_ms=chosen.budget_ms
        )
        self.debouncer: Debouncer[Decoded] = Debouncer(
            chosen.repeat_after_s,
            sightings=chosen.steady_frames,
            within_s=chosen.steady_window_s,
            key=lambda d: d.text,
            clock=clock,
        )
        # While still, a code in view must be read again before the debouncer forgets it, or
        # it would count as a new scan the moment the view changes.
        self.pace = Pace(
            still_decode_fps=max(chosen.still_decode_fps, 2 / max(chosen.repeat_after_s, 0.01)),
            preview_fps=chosen.preview_fps,
            still_preview_fps=chosen.still_preview_fps,
        )
        self._last_result = _NOTHING_YET
        # on the scanner's threads: a UI hands what it hears over to its own thread
        self.frames: Emitter[Seen] = Emitter("decoded frames")
        self.scans: Emitter[Scanned] = Emitter("camera scans")
        self.states: Emitter[StateChange] = Emitter("camera state")
        # every frame the camera gives, on the reader's thread (the recorder listens)
        self.every_frame: Emitter[Frame] = Emitter("camera frames")
        self._clock = clock
        self.reader = self._new_reader(source)
        self._latest: Frame | None = None
        self._lock = threading.Lock()
        self._worker: Worker | None = None
        self._stopped = False
        self.decoded_frames = 0

    def start(self) -> None:
        """Start scanning; again after :meth:`stop` (the settings dialog borrows the camera)."""
        if self._worker is not None:
            return
        if self._stopped:  # a stopped reader cannot start again: a fresh one, same camera
            self._stopped = False
            self.reader = self._new_reader(self.reader.source)
        self.reader.start()
        self._worker = Worker("station-decode", self._round, on_start=_yield_to_the_ui)
        self._worker.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopped = True
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.stop(timeout=0)  # no further round, while the reader closes the camera
        self.reader.stop(timeout)
        if worker is not None:
            worker.join(timeout)

    def _new_reader(self, source: FrameSource) -> FrameReader:
        reader = FrameReader(source, clock=self._clock)
        reader.states.connect(self.states.emit)
        reader.frames.connect(self.every_frame.emit)
        return reader

    def pause(self) -> bool:
        """Hold the picture where the source can (the demo camera, a video file): it stops
        moving on and the same frame keeps being shown. A webcam cannot; False then.
        Thread-safe, and kept across :meth:`stop` and :meth:`start`."""
        source = self.reader.source
        if not isinstance(source, Pausable):
            return False
        source.pause()
        return True

    def resume(self) -> None:
        """Let a held picture move on again from where it stopped. Thread-safe."""
        source = self.reader.source
        if isinstance(source, Pausable):
            source.resume()

    @property
    def paused(self) -> bool:
        source = self.reader.source
        return isinstance(source, Pausable) and source.paused

    def latest_frame(self) -> np.ndarray | None:
        """A copy of the newest full-resolution frame (for a photo), if any."""
        with self._lock:
            return None if self._latest is None else self._latest.image.copy()

    def _round(self) -> float | Finished:
        """Handle the newest frame, if one comes within a moment."""
        frame = self.reader.take(timeout=0.2)
        if frame is None:
            return FINISHED if self.reader.state is ReaderState.ENDED else 0.0
        self.process(frame)
        return 0.0

    def process(self, frame: Frame) -> None:
        """What the scanner's thread does with each frame: decode it if it is worth it, offer
        it for display if one is due, report new scans. One thread at a time."""
        with self._lock:
            self._latest = frame
        fresh: list[Decoded] = []
        try:  # a frame the pacing or the decoders choke on must not end live scanning
            plan = self.pace.plan(frame.image, frame.timestamp, pending=self.debouncer.pending)
            if plan.decode:
                self._last_result = self.pipeline.decode(frame.image)
        except Exception:
            log.exception("a camera frame could not be used (%s)", _shape_of(frame.image))
            return
        if plan.decode:
            self.decoded_frames += 1
            fresh = self.debouncer.feed(self._last_result.codes, now=frame.timestamp)
        if plan.show:
            self.frames.emit(Seen(frame, self._last_result, plan.decode))
        if fresh:
            self.scans.emit(Scanned(tuple(fresh), frame))


def _shape_of(image: object) -> str:
    shape, dtype = getattr(image, "shape", None), getattr(image, "dtype", None)
    return f"{shape} {dtype}" if shape is not None else type(image).__name__


def _yield_to_the_ui() -> None:
    """Decoding is the busiest thread; on a loaded PC the window must win."""
    lower_this_thread(5)
