"""One scan event per physical scan.

A code under the camera is read in frame after frame, and missed in a few (a hand passes, the
parcel turns). It fires once when it first appears, and again only after it has been out of
view for ``quiet_s`` (1.5 s by default), e.g. when the same parcel is taken away and brought
back. Codes are told apart by their text, so the RMA no. printed as both a Code128 and a QR
on one label is one scan.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")

DEFAULT_QUIET_S = 1.5


def _text(item: object) -> Hashable:
    text = getattr(item, "text", item)
    return text if isinstance(text, Hashable) else repr(text)


class Debouncer(Generic[T]):
    """Feeds on each frame's codes; returns those that count as a new scan. Thread-safe."""

    def __init__(
        self,
        quiet_s: float = DEFAULT_QUIET_S,
        *,
        key: Callable[[T], Hashable] = _text,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if quiet_s < 0:
            raise ValueError("quiet_s must not be negative")
        self.quiet_s = quiet_s
        self._key = key
        self._clock = clock
        self._last_seen: dict[Hashable, float] = {}
        self._lock = threading.Lock()

    def feed(self, items: Iterable[T], now: float | None = None) -> list[T]:
        """The items of one frame that fire now, in the order given, each key at most once.

        ``now`` is the frame's time (the clock's by default); a video file's own timestamps
        make a clip debounce the same however fast it is decoded.
        """
        t = self._clock() if now is None else now
        fired: list[T] = []
        with self._lock:
            seen_now: set[Hashable] = set()
            for item in items:
                k = self._key(item)
                if k in seen_now:
                    continue
                seen_now.add(k)
                last = self._last_seen.get(k)
                # A clock that went back (a looping clip's timestamps) starts over too.
                if last is None or t - last > self.quiet_s or t < last:
                    fired.append(item)
                self._last_seen[k] = t
            # Forget what has been gone long enough to fire again anyway: keeps this small.
            for k in [k for k, last in self._last_seen.items() if abs(t - last) > self.quiet_s]:
                del self._last_seen[k]
        return fired

    def __len__(self) -> int:
        """How many codes are remembered (seen within the quiet time)."""
        with self._lock:
            return len(self._last_seen)

    def reset(self) -> None:
        """Forget everything: the next sighting of any code fires."""
        with self._lock:
            self._last_seen.clear()
