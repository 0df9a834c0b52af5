"""How often live scanning decodes and shows frames: every frame while the view changes, a few
a second while it is still. Frames are a bench seen by a 1280x720 camera with sensor noise."""

from __future__ import annotations

import numpy as np
import pytest

from station.capture.pace import Pace, changed, thumbnail
from station.demo.video import bench_background, label_image, paste, place

FPS = 30
SIZE = (1280, 720)
BENCH = bench_background(SIZE, seed=3)
_RNG = np.random.default_rng(7)
GRAINS = [np.rint(_RNG.normal(0, 1.5, (*SIZE[::-1], 3))).astype(np.int16) for _ in range(4)]
_frames = 0


def noisy(picture: np.ndarray) -> np.ndarray:
    """The same view in a new frame: a webcam's sensor noise (about 1.5 grey levels)."""
    global _frames
    _frames += 1
    grain = GRAINS[_frames % len(GRAINS)]
    return np.clip(picture.astype(np.int16) + grain, 0, 255).astype(np.uint8)


def with_label(text: str, center: tuple[float, float] = (640, 360)) -> np.ndarray:
    picture = BENCH.copy()
    label = label_image([("code128", text)], module_px=3)
    h, w = label.shape[:2]
    paste(picture, label, place(center, (w, h), 4.0))
    return picture


def play(pace: Pace, pictures: list[np.ndarray], start: float = 0.0) -> list[tuple[bool, bool]]:
    """(decoded, shown) for each picture, one frame every 1/30 s, each with fresh noise."""
    plans = [pace.plan(noisy(p), start + n / FPS) for n, p in enumerate(pictures)]
    return [(plan.decode, plan.show) for plan in plans]


def test_a_still_bench_is_decoded_a_few_times_a_second_and_shown_less_often() -> None:
    pace = Pace(still_decode_fps=3, preview_fps=15, still_preview_fps=5)
    plans = play(pace, [BENCH] * (5 * FPS))  # five seconds of nothing happening
    later = plans[FPS:]  # after the first second (the camera's first picture counts as news)
    assert 11 <= sum(d for d, _ in later) <= 13  # 3 a second, not 30
    assert 19 <= sum(s for _, s in later) <= 21  # 5 a second
    assert sum(d for d, _ in plans) <= 30  # of 150 frames


def test_sensor_noise_and_jpeg_grain_are_not_a_change() -> None:
    a, b = thumbnail(noisy(BENCH)), thumbnail(noisy(BENCH))
    assert not changed(a, b)
    assert changed(a, thumbnail(noisy(with_label("RMA20261120000001"))))


def test_every_frame_is_decoded_from_the_moment_something_comes_into_view() -> None:
    pace = Pace(still_decode_fps=3, preview_fps=15, hold_s=0.5)
    play(pace, [BENCH] * (2 * FPS))
    label = with_label("RMA20261120000001")
    plans = play(pace, [label] * (2 * FPS), start=2.0)
    decoded = [d for d, _ in plans]
    assert all(decoded[: FPS // 2])  # the label arriving, and half a second after
    assert sum(decoded[FPS:]) <= 4  # then it lies still: a few a second again
    assert 7 <= sum(s for _, s in plans[: FPS // 2]) <= 8  # shown at 15 a second meanwhile


def test_a_label_moving_under_the_camera_is_decoded_in_every_frame() -> None:
    pace = Pace(still_decode_fps=3)
    play(pace, [BENCH] * FPS)
    moving = [with_label("SF1402318765432", (300 + 12 * n, 360)) for n in range(FPS)]
    assert all(d for d, _ in play(pace, moving, start=1.0))


def test_a_code_waiting_for_its_second_reading_has_every_frame_decoded() -> None:
    pace = Pace(still_decode_fps=3)
    play(pace, [BENCH] * (2 * FPS))
    still = [pace.plan(noisy(BENCH), 2 + n / FPS, pending=True) for n in range(10)]
    assert all(plan.decode and not plan.still for plan in still)


def test_a_held_picture_handed_out_again_is_still() -> None:
    pace = Pace(still_decode_fps=3)
    held = noisy(with_label("RMA20261120000001"))
    plans = [pace.plan(held, n / FPS) for n in range(3 * FPS)]
    assert plans[-1].still
    assert sum(p.decode for p in plans[FPS:]) <= 7


def test_a_clock_that_goes_back_starts_over() -> None:
    pace = Pace(still_decode_fps=1)
    play(pace, [BENCH] * (3 * FPS), start=50.0)
    assert pace.plan(noisy(BENCH), 0.0).decode  # a looping clip's timestamps start again


def test_bad_rates_are_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        Pace(still_decode_fps=0)
