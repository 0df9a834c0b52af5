"""Running work off the GUI thread and bringing results back to it.

Every UI action that touches the database, the disk, the network or a slow hash goes through
:class:`TaskRunner`: the callable runs on a worker, and its result or error is delivered on
the GUI thread. Errors without a handler of their own surface through one ``failed`` signal,
so no call site can swallow them.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from workers queue onto it."""

    finished = Signal(object)


class TaskRunner(QObject):
    failed = Signal(object)  # an exception no task handled
    busy_changed = Signal(bool)
    idle = Signal()

    def __init__(self, parent: QObject | None = None, *, workers: int = 2) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="station-ui-task")
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._pending = 0
        self._closed = False

    @property
    def pending(self) -> int:
        return self._pending

    def submit(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``work()`` on a worker; call ``on_done(result)`` or ``on_error(exc)`` on the GUI
        thread afterwards. Once the runner is shut down (the window closed), work that a late
        answer asks for is dropped: nobody is left to show its result."""
        if self._closed:
            log.debug("dropped work submitted after shutdown: %s", work)
            return
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        future = self._pool.submit(work)
        future.add_done_callback(partial(self._finished, on_done=on_done, on_error=on_error))

    def _finished(self, future: Future[Any], *, on_done: Any, on_error: Any) -> None:
        # on a worker: hand over to the GUI thread, unless the runner is gone by now
        with contextlib.suppress(RuntimeError):
            self._relay.finished.emit((future, on_done, on_error))

    @Slot(object)
    def _deliver(self, packet: tuple[Future[Any], Any, Any]) -> None:
        future, on_done, on_error = packet
        try:
            if future.cancelled():  # dropped at shutdown: nobody is waiting for it
                return
            error = future.exception()
            if error is None:
                if on_done is not None:
                    on_done(future.result())
            elif on_error is not None:
                on_error(error)
            else:
                log.error("background task failed", exc_info=error)
                self.failed.emit(error)
        finally:
            self._pending -= 1
            if self._pending == 0:
                self.busy_changed.emit(False)
                self.idle.emit()

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop taking work; queued tasks are dropped. ``wait=False`` leaves a running task
        to finish on its own (its result is dropped with the runner)."""
        self._closed = True
        self._pool.shutdown(wait=wait, cancel_futures=True)
