"""One scan event per physical scan, and only for a code held in view.

A code under the camera is read in frame after frame, and missed in a few (a hand passes, the
parcel turns). It fires once it has been read in ``sightings`` frames within ``within_s`` (a
code glimpsed in one frame, on another item passing by, never fires), and again only after it
has been out of view for ``quiet_s`` (1.5 s by default), e.g. when the same parcel is taken away
and brought back. Codes are told apart by their text, so the RMA no. printed as both a Code128
and a QR on one label is one scan.
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
        sightings: int = 1,
        within_s: float = 0.6,
        key: Callable[[T], Hashable] = _text,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if quiet_s < 0:
            raise ValueError("quiet_s must not be negative")
        if sightings < 1:
            raise ValueError("sightings must be at least 1")
        if within_s < 0:
            raise ValueError("within_s must not be negative")
        self.quiet_s = quiet_s
        self.sightings = sightings
        self.within_s = within_s
        self._key = key
        self._clock = clock
        self._last_seen: dict[Hashable, float] = {}
        self._seen_at: dict[Hashable, list[float]] = {}  # codes not fired yet: when read
        self._now: float | None = None  # the last frame's time
        self._lock = threading.Lock()

    def feed(self, items: Iterable[T], now: float | None = None) -> list[T]:
        """The items of one frame that fire now, in the order given, each key at most once.

        ``now`` is the frame's time (the clock's by default); a video file's own timestamps
        make a clip debounce the same however fast it is decoded.
        """
        t = self._clock() if now is None else now
        fired: list[T] = []
        with self._lock:
            self._now = t
            seen_now: set[Hashable] = set()
            for item in items:
                k = self._key(item)
                if k in seen_now:
                    continue
                seen_now.add(k)
                last = self._last_seen.get(k)
                # A clock that went back (a looping clip's timestamps) starts over too.
                if last is None or t - last > self.quiet_s or t < last:
                    self._seen_at[k] = []  # a new visit: it has to be held in view again
                self._last_seen[k] = t
                seen = self._seen_at.get(k)
                if seen is None:  # fired already on this visit
                    continue
                seen[:] = [s for s in seen if t - s <= self.within_s]
                seen.append(t)
                if len(seen) >= self.sightings:
                    fired.append(item)
                    del self._seen_at[k]
            # Forget what has been gone long enough to fire again anyway: keeps this small.
            for k in [k for k, last in self._last_seen.items() if abs(t - last) > self.quiet_s]:
                del self._last_seen[k]
                self._seen_at.pop(k, None)
        return fired

    @property
    def pending(self) -> bool:
        """Whether a code read within ``within_s`` of the last frame has not fired yet: it may
        be on its way in, and the next frames decide. A glimpse longer ago does not count."""
        with self._lock:
            now = self._now
            return now is not None and any(
                seen and abs(now - seen[-1]) <= self.within_s for seen in self._seen_at.values()
            )

    def __len__(self) -> int:
        """How many codes are remembered (seen within the quiet time)."""
        with self._lock:
            return len(self._last_seen)

    def reset(self) -> None:
        """Forget everything: the next sighting of any code fires (once held in view)."""
        with self._lock:
            self._last_seen.clear()
            self._seen_at.clear()
            self._now = None
