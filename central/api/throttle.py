"""A budget of failed credential checks per client address and per kind of credential.

Every check of a token, enrolment code, admin token or PIN asks first; a failure spends from
the budget. Past it, the address is answered 429 without the check being made, for a minute
at first and twice as long at each further block (up to an hour). Successes cost nothing.

It lives in the process: one central process per database is how the service is run
(docs/SECURITY.md); the PIN locks that must hold across processes and stations are in the
database (central/services/people.py).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from fastapi import HTTPException, status

from station.protocol.badges import lock_length

MAX_KEYS = 10_000  # a flood of addresses cannot grow it without bound


@dataclass(slots=True)
class _Record:
    failures: int = 0
    window_start: float = 0.0
    blocks: int = 0
    blocked_until: float = 0.0


@dataclass(slots=True)
class FailureThrottle:
    failures: int = 10  # per window, before a block
    window: float = 60.0
    first_block: float = 60.0
    longest_block: float = 3600.0
    clock: Callable[[], float] = time.monotonic
    _records: dict[tuple[str, str], _Record] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def check(self, kind: str, address: str) -> None:
        """Raise 429 if ``address`` spent its budget for ``kind``."""
        with self._lock:
            record = self._records.get((kind, address))
            now = self.clock()
            if record is None or record.blocked_until <= now:
                return
            wait = math.ceil(record.blocked_until - now)
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            f"too many failed attempts from this address; try again in {wait} s",
            headers={"Retry-After": str(wait)},
        )

    def fail(self, kind: str, address: str) -> None:
        with self._lock:
            now = self.clock()
            record = self._records.get((kind, address))
            if record is None:
                self._prune(now)
                record = self._records[(kind, address)] = _Record(window_start=now)
            if now - record.window_start > self.window:
                record.failures, record.window_start = 0, now
            record.failures += 1
            if record.failures >= self.failures:
                record.failures = 0
                record.blocks += 1
                length = lock_length(
                    timedelta(seconds=self.first_block),
                    record.blocks,
                    timedelta(seconds=self.longest_block),
                ).total_seconds()
                record.blocked_until = now + length

    def _prune(self, now: float) -> None:
        if len(self._records) < MAX_KEYS:
            return
        stale = [
            key
            for key, r in self._records.items()
            if r.blocked_until <= now and now - r.window_start > self.window
        ]
        for key in stale:
            del self._records[key]
        if len(self._records) >= MAX_KEYS:  # all busy: forget the oldest windows
            oldest = sorted(self._records, key=lambda k: self._records[k].window_start)
            for key in oldest[: MAX_KEYS // 10]:
                del self._records[key]
