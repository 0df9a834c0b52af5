"""Live scanning: camera frames in, one scan event per physical scan out.

Two threads: the :class:`~station.capture.reader.FrameReader` keeps the newest frame; the
scanner's own (a :class:`~station.runtime.worker.Worker`) decodes it, debounces what it read,
and reports. Callbacks run on the scanner's thread — a UI must only hand their arguments over
to its own thread. The newest full-resolution frame is kept for photos, so a photo is what the
camera sees, not the preview.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from station.capture.debounce import Debouncer
from station.capture.decoders import Decoded
from station.capture.frames import FrameSource
from station.capture.pipeline import DecodePipeline, FrameResult
from station.capture.reader import Frame, FrameReader, ReaderState, StateChange
from station.runtime.emitter import Emitter
from station.runtime.worker import FINISHED, Finished, Worker

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LiveSettings:
    decoder: str = "zxing"
    budget_ms: float = 30.0
    repeat_after_s: float = 1.5


@dataclass(frozen=True, slots=True)
class Seen:
    """A decoded frame: the picture and what the decoders found in it."""

    frame: Frame
    result: FrameResult


@dataclass(frozen=True, slots=True)
class Scanned:
    """A new scan (one per physical scan, after debouncing) and the frame it was read in."""

    code: Decoded
    frame: Frame


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
            chosen.repeat_after_s, key=lambda d: d.text, clock=clock
        )
        # on the scanner's threads: a UI hands what it hears over to its own thread
        self.frames: Emitter[Seen] = Emitter("decoded frames")
        self.scans: Emitter[Scanned] = Emitter("camera scans")
        self.states: Emitter[StateChange] = Emitter("camera state")
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
        return reader

    def latest_frame(self) -> np.ndarray | None:
        """A copy of the newest full-resolution frame (for a photo), if any."""
        with self._lock:
            return None if self._latest is None else self._latest.image.copy()

    def _round(self) -> float | Finished:
        """Decode the newest frame, if one comes within a moment, and report what it held."""
        frame = self.reader.take(timeout=0.2)
        if frame is None:
            return FINISHED if self.reader.state is ReaderState.ENDED else 0.0
        with self._lock:
            self._latest = frame
        try:
            result = self.pipeline.decode(frame.image)
        except Exception:  # a frame the decoders choke on must not end live scanning
            log.exception("decoding a frame failed")
            return 0.0
        self.decoded_frames += 1
        fresh = self.debouncer.feed(result.codes, now=frame.timestamp)
        self.frames.emit(Seen(frame, result))
        for code in fresh:
            self.scans.emit(Scanned(code, frame))
        return 0.0


def _yield_to_the_ui() -> None:
    """Decoding is the busiest thread; on a loaded PC the window must win (Linux: per-thread
    nice value; elsewhere nothing happens)."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 5)
