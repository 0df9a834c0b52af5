"""Backoff: pauses grow by the factor up to the cap, are spread by jitter, and start over."""

from __future__ import annotations

import random

import pytest

from station.runtime.backoff import Backoff


def pauses(backoff: Backoff, count: int) -> list[float]:
    return [backoff.next_delay() for _ in range(count)]


def test_without_jitter_pauses_double_up_to_the_cap_and_start_over_after_a_success() -> None:
    backoff = Backoff(base=1.0, cap=60.0, factor=2.0, jitter=False)
    assert pauses(backoff, 8) == [1, 2, 4, 8, 16, 32, 60, 60]
    assert backoff.failures == 8
    backoff.reset()
    assert backoff.failures == 0
    assert pauses(backoff, 2) == [1, 2]


def test_full_jitter_draws_below_the_growing_ceiling() -> None:
    backoff = Backoff(base=4.0, cap=300.0, rng=random.Random(7))
    drawn = pauses(backoff, 12)
    ceilings = [4, 8, 16, 32, 64, 128, 256, 300, 300, 300, 300, 300]
    assert all(0 <= pause <= ceiling for pause, ceiling in zip(drawn, ceilings, strict=True))
    assert len(set(drawn)) == len(drawn)  # spread, not in step with other stations
    assert drawn == pauses(Backoff(base=4.0, cap=300.0, rng=random.Random(7)), 12)


def test_jitter_keeps_above_the_floor() -> None:
    backoff = Backoff(base=4.0, cap=300.0, floor=1.0, rng=random.Random(3))
    drawn = pauses(backoff, 200)
    assert min(drawn) >= 1.0 and max(drawn) <= 300.0
    assert drawn[0] <= 4.0
    assert max(drawn[-100:]) > 150  # once at the cap, long pauses come up too


def test_days_of_failures_stay_at_the_cap() -> None:
    backoff = Backoff(base=0.5, cap=5.0, factor=3.0, jitter=False)
    assert pauses(backoff, 5000)[-1] == 5.0


@pytest.mark.parametrize(
    "options",
    [
        {"base": 0.0},
        {"base": 10.0, "cap": 5.0},
        {"factor": 0.5},
        {"floor": -1.0},
        {"floor": 100.0, "cap": 60.0},
    ],
)
def test_a_backoff_that_cannot_work_is_refused(options: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="no backoff"):
        Backoff(**options)  # type: ignore[arg-type]
