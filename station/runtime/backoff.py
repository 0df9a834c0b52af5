"""Exponential backoff: how long to wait after each failure in a row.

The n-th pause is at most ``base × factor^(n-1)``, never more than ``cap``. With jitter (the
default) the pause is drawn evenly below that ("full jitter"), so a warehouse of stations that
lost the same server does not come back in step; ``floor`` keeps the draw from hammering with
pauses near zero. Without jitter the pause is the ceiling itself, for a printer or a camera
only this station talks to.
"""

from __future__ import annotations

import random


class Backoff:
    def __init__(
        self,
        base: float = 1.0,
        cap: float = 60.0,
        factor: float = 2.0,
        *,
        jitter: bool = True,
        floor: float = 0.0,
        rng: random.Random | None = None,
    ) -> None:
        if not (0 < base <= cap and factor >= 1 and 0 <= floor <= cap):
            raise ValueError(f"no backoff from {base} to {cap} by {factor} above {floor}")
        self.base, self.cap, self.factor = base, cap, factor
        self.jitter, self.floor = jitter, floor
        self.failures = 0
        self._ceiling = base
        self._rng = rng or random.Random()

    def next_delay(self) -> float:
        """Count one more failure; the pause before the next attempt, in seconds."""
        ceiling = self._ceiling
        self.failures += 1
        # grown step by step rather than by a power, which overflows after days of failures
        self._ceiling = min(self.cap, ceiling * self.factor)
        if not self.jitter:
            return ceiling
        return self._rng.uniform(min(self.floor, ceiling), ceiling)

    def reset(self) -> None:
        """It worked: the next failure starts from ``base`` again."""
        self.failures = 0
        self._ceiling = self.base
