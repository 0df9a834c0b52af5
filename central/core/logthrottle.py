"""Log lines a flood can repeat, one per kind per interval.

A thousand slow or refused connections must not write a thousand lines each: the first record
of a kind (its logger and message template) goes through, the next ones within the interval
are counted, and the first one after it says how many were left out.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable

INTERVAL = 10.0
# uvicorn's own warnings (invalid requests, the concurrency limit), asyncio's (accept failing
# when descriptors run out) and the deadlines' (central.http)
NOISY = ("uvicorn.error", "asyncio", "central.http")


class Throttle(logging.Filter):
    def __init__(
        self,
        loggers: Iterable[str] = NOISY,
        *,
        interval: float = INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self._loggers = tuple(loggers)
        self._interval = interval
        self._clock = clock
        self._lock = threading.Lock()
        self._kinds: dict[tuple[str, str], tuple[float, int]] = {}  # since, left out

    def _throttled(self, name: str) -> bool:
        return any(name == n or name.startswith(n + ".") for n in self._loggers)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING or not self._throttled(record.name):
            return True
        kind = (record.name, str(record.msg).split("\n", 1)[0][:200])
        now = self._clock()
        with self._lock:
            since, left_out = self._kinds.get(kind, (now - self._interval, 0))
            if now - since < self._interval:
                self._kinds[kind] = (since, left_out + 1)
                return False
            self._kinds[kind] = (now, 0)
            if len(self._kinds) > 1000:  # kinds are templates; a flood of new ones is a bug
                self._kinds = {kind: (now, 0)}
        if left_out:
            record.msg = f"{record.msg} ({left_out} more like this in the last {now - since:.0f} s)"
        record.exc_info = record.exc_info if not left_out else None  # one traceback per kind
        return True


def install(handlers: Iterable[logging.Handler], throttle: Throttle | None = None) -> Throttle:
    """Put one throttle on ``handlers`` (the root logger's); returns it."""
    throttle = throttle or Throttle()
    for handler in handlers:
        handler.addFilter(throttle)
    return throttle
