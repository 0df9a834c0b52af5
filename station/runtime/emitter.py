"""One way to hear that something happened: an :class:`Emitter` per kind of event.

Listeners run on the thread that emits, in the order they connected; a listener that fails is
logged and never stops the others or the emitter. A UI that must act on its own thread hands
the value over (a queued Qt signal) from its listener.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class Emitter(Generic[T]):
    def __init__(self, name: str = "") -> None:
        self.name = name
        self._listeners: list[Callable[[T], None]] = []
        self._lock = threading.Lock()

    def connect(self, listener: Callable[[T], None]) -> Callable[[], None]:
        """Call ``listener(value)`` on every emit; returns the function that disconnects it."""
        with self._lock:
            self._listeners.append(listener)

        def disconnect() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return disconnect

    def emit(self, value: T) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(value)
            except Exception:
                log.exception("a listener of %s failed", self.name or "an event")

    def __len__(self) -> int:
        with self._lock:
            return len(self._listeners)
