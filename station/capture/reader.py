"""The camera reader: a long-lived thread that keeps the newest frame for whoever decodes.

Decoding may be slower than the camera; then the frames it had no time for are dropped, never
queued, so what it decodes is always what the camera sees now (a one-slot handoff, counted in
``stats``). When the source fails (a webcam unplugged: no frame, or an error) the reader says
so, closes it, and keeps reopening it with growing pauses until it works again, then says that
too; it never takes the process down. A finite source (a video file) ends the reader. The
thread is a :class:`~station.runtime.worker.Worker` whose round is one open-and-stream.

Typical use from a worker (a Qt worker calls the same from its own thread)::

    reader = FrameReader(open_source("camera:0"))
    reader.states.connect(lambda change: ...)
    reader.start()
    while running:
        frame = reader.take(timeout=0.2)
        if frame is not None:
            result = pipeline.decode(frame.image)
    reader.stop()

``states`` announces on the reader's thread: a Qt receiver should only emit a signal from it.
``take``, ``stats``, ``state`` and ``stop`` are thread-safe.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from station.capture.frames import EndOfStream, FrameSource
from station.runtime.backoff import Backoff
from station.runtime.emitter import Emitter
from station.runtime.worker import FINISHED, Finished, Worker

log = logging.getLogger(__name__)


class ReaderState(StrEnum):
    IDLE = "idle"  # not started yet
    OPENING = "opening"
    RUNNING = "running"
    FAILED = "failed"  # the source failed; reopening with backoff
    ENDED = "ended"  # a finite source ran out
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class Frame:
    image: np.ndarray  # BGR, as the source gave it
    seq: int  # 1 for the first frame this reader read
    timestamp: float  # the reader's clock when it was read


@dataclass(frozen=True, slots=True)
class ReaderStats:
    read: int  # frames read from the source
    taken: int  # frames handed to the consumer
    dropped: int  # frames replaced by a newer one before anyone took them
    failures: int  # times the source failed (each outage counts once)
    recoveries: int  # times it came back after a failure


@dataclass(frozen=True, slots=True)
class StateChange:
    state: ReaderState
    detail: str  # what happened: the source's name, the error, "recovered"


class FrameReader:
    def __init__(
        self,
        source: FrameSource,
        *,
        retry_initial_s: float = 0.5,
        retry_max_s: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.source = source
        # every change of state, on the reader's thread: a Qt receiver only hands it over
        self.states: Emitter[StateChange] = Emitter("camera state")
        # every frame read, on the reader's thread, before any is dropped: for the recorder,
        # which must neither copy the array nor hold the thread up
        self.frames: Emitter[Frame] = Emitter("camera frames")
        # no jitter: only this station opens its camera
        self._reopen = Backoff(retry_initial_s, retry_max_s, jitter=False)
        self._clock = clock
        self._cond = threading.Condition()
        self._worker = Worker(
            "frame-reader", self._round, on_start=self._opening, on_exit=self._ended
        )
        self._slot: Frame | None = None
        self._state = ReaderState.IDLE
        self._detail = ""
        self._read = self._taken = self._dropped = self._failures = self._recoveries = 0

    # -- consumer side -------------------------------------------------------------------

    def take(self, timeout: float | None = None) -> Frame | None:
        """The newest frame not taken yet, waiting up to ``timeout`` seconds for one.

        None on timeout, or at once when the reader has ended or stopped with nothing left.
        """
        with self._cond:
            self._cond.wait_for(lambda: self._slot is not None or self._finished(), timeout)
            frame, self._slot = self._slot, None
            if frame is not None:
                self._taken += 1
            return frame

    @property
    def state(self) -> ReaderState:
        with self._cond:
            return self._state

    @property
    def detail(self) -> str:
        """Why the reader is in its state (the last error while failed)."""
        with self._cond:
            return self._detail

    @property
    def stats(self) -> ReaderStats:
        with self._cond:
            return ReaderStats(
                self._read, self._taken, self._dropped, self._failures, self._recoveries
            )

    def is_alive(self) -> bool:
        """Whether the reader's thread is running."""
        return self._worker.alive

    def wait_for(self, *states: ReaderState, timeout: float | None = None) -> bool:
        """Blocks until the reader is in one of ``states``; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: self._state in states, timeout)

    # -- life cycle ----------------------------------------------------------------------

    def start(self) -> None:
        try:
            self._worker.start()
        except RuntimeError:
            raise RuntimeError("reader already started") from None

    def stop(self, timeout: float = 5.0) -> None:
        """Stops reading, closes the source and joins the thread."""
        self._worker.stop(timeout=0)
        with self._cond:
            self._cond.notify_all()  # a consumer waiting in take() returns at once
        if not self._worker.join(timeout) and not self._worker.on_its_thread:
            # a driver stuck in read(): the thread is a daemon
            log.warning("%s did not stop within %.1f s", self.source.name, timeout)
        if self.state not in (ReaderState.STOPPED, ReaderState.ENDED) and not self._worker.alive:
            self._set_state(ReaderState.STOPPED, "")

    def __enter__(self) -> FrameReader:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- reader thread -------------------------------------------------------------------

    def _opening(self) -> None:
        self._set_state(ReaderState.OPENING, self.source.name)

    def _round(self) -> float | Finished:
        """Open the source and stream until it fails: then the pause before reopening."""
        failure = self._stream()
        if failure is None:  # stopped or ended
            return FINISHED
        self._fail(failure)
        return self._reopen.next_delay()

    def _ended(self) -> None:
        self._close_source()
        if self.state is not ReaderState.ENDED:
            self._set_state(ReaderState.STOPPED, "")

    def _stream(self) -> str | None:
        """Opens the source and reads until it fails (returns why) or stops/ends (None)."""
        try:
            self.source.open()
        except Exception as exc:
            return f"cannot open {self.source.name}: {exc}"
        first = True
        while not self._worker.stopping:
            try:
                image = self.source.read()
            except EndOfStream:
                self._close_source()
                self._set_state(ReaderState.ENDED, f"{self.source.name} ended")
                return None
            except Exception as exc:
                log.debug("read failed", exc_info=True)
                self._close_source()
                return f"{self.source.name} failed: {exc}"
            if image is None:
                self._close_source()
                return f"{self.source.name} gave no frame (unplugged?)"
            if first:
                self._started()
                first = False
            self._publish(image)
        return None

    def _publish(self, image: np.ndarray) -> None:
        with self._cond:
            self._read += 1
            if self._slot is not None:
                self._dropped += 1
            frame = self._slot = Frame(image, self._read, self._clock())
            self._cond.notify_all()
        self.frames.emit(frame)

    def _started(self) -> None:
        self._reopen.reset()  # a later outage starts again with short pauses
        with self._cond:
            recovered = self._state is ReaderState.FAILED
            if recovered:
                self._recoveries += 1
        if recovered:
            log.info("%s recovered", self.source.name)
        self._set_state(ReaderState.RUNNING, "recovered" if recovered else self.source.name)

    def _fail(self, why: str) -> None:
        with self._cond:
            first = self._state is not ReaderState.FAILED
            if first:
                self._failures += 1
        if first:
            log.warning("%s; retrying", why)
            self._set_state(ReaderState.FAILED, why)
        else:
            log.debug("%s; still retrying", why)
            with self._cond:
                self._detail = why

    def _close_source(self) -> None:
        try:
            self.source.close()
        except Exception:
            log.warning("closing %s failed", self.source.name, exc_info=True)

    def _finished(self) -> bool:
        return self._state in (ReaderState.ENDED, ReaderState.STOPPED) or self._worker.stopping

    def _set_state(self, state: ReaderState, detail: str) -> None:
        with self._cond:
            changed = state is not self._state
            self._state, self._detail = state, detail
            self._cond.notify_all()
        if changed:  # a listener's failure is logged by the emitter: the camera goes on
            self.states.emit(StateChange(state, detail))
