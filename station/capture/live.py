"""Live scanning: camera frames in, one scan event per physical scan out.

Two threads: the :class:`~station.capture.reader.FrameReader` keeps the newest frame; the
scanner's own thread decodes it, debounces what it read, and reports. Callbacks run on the
scanner's thread — a UI must only hand their arguments over to its own thread. The newest
full-resolution frame is kept for photos, so a photo is what the camera sees, not the preview.
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
from station.capture.reader import Frame, FrameReader, ReaderState

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LiveSettings:
    decoder: str = "zxing"
    budget_ms: float = 30.0
    repeat_after_s: float = 1.5


FrameListener = Callable[[Frame, FrameResult], None]
ScanListener = Callable[[Decoded, Frame], None]
StateListener = Callable[[ReaderState, str], None]


class LiveScanner:
    def __init__(
        self,
        source: FrameSource,
        *,
        settings: LiveSettings | None = None,
        on_frame: FrameListener | None = None,
        on_scan: ScanListener | None = None,
        on_state: StateListener | None = None,
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
        self.on_frame, self.on_scan, self.on_state = on_frame, on_scan, on_state
        self._clock = clock
        self.reader = FrameReader(source, on_state=self._state, clock=clock)
        self._latest: Frame | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.decoded_frames = 0

    def start(self) -> None:
        """Start scanning; again after :meth:`stop` (the settings dialog borrows the camera)."""
        if self._thread is not None:
            return
        if self._stop.is_set():  # a stopped reader cannot start again: a fresh one, same camera
            self._stop.clear()
            self.reader = FrameReader(self.reader.source, on_state=self._state, clock=self._clock)
        self.reader.start()
        self._thread = threading.Thread(target=self._run, name="station-decode", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self.reader.stop(timeout)
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _state(self, state: ReaderState, detail: str) -> None:
        if self.on_state is not None:
            self.on_state(state, detail)

    def latest_frame(self) -> np.ndarray | None:
        """A copy of the newest full-resolution frame (for a photo), if any."""
        with self._lock:
            return None if self._latest is None else self._latest.image.copy()

    def _run(self) -> None:
        _yield_to_the_ui()
        while not self._stop.is_set():
            frame = self.reader.take(timeout=0.2)
            if frame is None:
                if self.reader.state is ReaderState.ENDED:
                    return
                continue
            with self._lock:
                self._latest = frame
            try:
                result = self.pipeline.decode(frame.image)
            except Exception:  # a frame the decoders choke on must not end live scanning
                log.exception("decoding a frame failed")
                continue
            self.decoded_frames += 1
            fresh = self.debouncer.feed(result.codes, now=frame.timestamp)
            try:
                if self.on_frame is not None:
                    self.on_frame(frame, result)
                if self.on_scan is not None:
                    for code in fresh:
                        self.on_scan(code, frame)
            except Exception:  # a listener's failure must not end live scanning either
                log.exception("a live-scanning listener failed")


def _yield_to_the_ui() -> None:
    """Decoding is the busiest thread; on a loaded PC the window must win (Linux: per-thread
    nice value; elsewhere nothing happens)."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 5)
