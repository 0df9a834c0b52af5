"""A named background thread that repeats one step until it is stopped.

The step does one round of work and says when to run again: a number of seconds (0: at once),
``None`` (when woken) or :data:`FINISHED` (the work is done; the thread ends). :meth:`Worker.wake`
cuts the pause short; :meth:`Worker.stop` ends the thread after the round in progress and
waits for it. A step that raises is logged and tried again after a growing pause: one bad
round never ends the thread.

Life cycle: ``new`` → :meth:`~Worker.start` → ``running`` → :meth:`~Worker.stop` (or
:data:`FINISHED`) → ``stopping`` → ``stopped``. A worker runs once; make a new one to run
again. ``on_start`` and ``on_exit`` run on the worker's thread, first and last.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import Enum, StrEnum
from typing import Final

from station.runtime.backoff import Backoff

log = logging.getLogger(__name__)


class Finished(Enum):
    FINISHED = "finished"


FINISHED: Final = Finished.FINISHED
Step = Callable[[], float | Finished | None]


class WorkerState(StrEnum):
    NEW = "new"
    RUNNING = "running"
    STOPPING = "stopping"  # asked to stop, or finished: the thread is ending
    STOPPED = "stopped"


class Worker:
    def __init__(
        self,
        name: str,
        step: Step,
        *,
        on_start: Callable[[], None] | None = None,
        on_exit: Callable[[], None] | None = None,
        error_backoff: Backoff | None = None,
    ) -> None:
        self.name = name
        self._step = step
        self._on_start, self._on_exit = on_start, on_exit
        self._errors = error_backoff or Backoff(1.0, 60.0, jitter=False)
        self._lock = threading.Lock()
        self._state = WorkerState.NEW
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    @property
    def state(self) -> WorkerState:
        with self._lock:
            return self._state

    @property
    def stopping(self) -> bool:
        """Whether the worker was asked to stop: a long step should give up when it is."""
        return self._stop.is_set()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    @property
    def on_its_thread(self) -> bool:
        """Whether the caller runs on the worker's own thread (a step, a hook, a listener)."""
        return self._thread is threading.current_thread()

    def start(self) -> None:
        with self._lock:
            if self._state is not WorkerState.NEW:
                raise RuntimeError(f"{self.name} already started; a worker runs once")
            self._state = WorkerState.RUNNING
        self._thread.start()

    def wake(self) -> None:
        """Run the next round now instead of at the end of the pause."""
        self._wake.set()

    def stop(self, timeout: float | None = 10.0) -> bool:
        """End after the round in progress and wait up to ``timeout`` seconds for the thread;
        whether it has ended. With ``timeout=0``, or from the worker's own thread, it only
        asks."""
        with self._lock:
            if self._state is WorkerState.NEW:
                self._state = WorkerState.STOPPED
                return True
            if self._state is WorkerState.RUNNING:
                self._state = WorkerState.STOPPING
        self._stop.set()
        self._wake.set()
        return self.join(timeout)

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread to end (stopped or finished); whether it has."""
        if self._thread.ident is None:  # never started
            return self.state is WorkerState.STOPPED
        if not self.on_its_thread:
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            self._call(self._on_start, "starting")
            while not self._stop.is_set():
                self._wake.clear()
                try:
                    pause = self._step()
                except Exception:
                    pause = self._errors.next_delay()
                    log.exception("%s: a round failed; trying again in %.1f s", self.name, pause)
                else:
                    self._errors.reset()
                if isinstance(pause, Finished):
                    break
                if pause is None or pause > 0:
                    self._wake.wait(pause)
        finally:
            with self._lock:
                self._state = WorkerState.STOPPING
            self._call(self._on_exit, "ending")
            with self._lock:
                self._state = WorkerState.STOPPED

    def _call(self, hook: Callable[[], None] | None, what: str) -> None:
        if hook is None:
            return
        try:
            hook()
        except Exception:
            log.exception("%s: %s failed", self.name, what)
