from __future__ import annotations

import cv2
import numpy as np
import pytest

from station.capture.decoders import ZxingDecoder
from station.capture.regions import (
    Region,
    bar_angle,
    bar_profiles,
    crop_region,
    cut_region,
    enhance,
    find_regions,
)
from station.demo.video import barcode_bitmap, bench_background, paste, place

RMA = "RMA20261120000123"


def bars_at(angle: float, module_px: float = 2.0) -> tuple[np.ndarray, np.ndarray]:
    """A grey frame with a Code128 turned by ``angle``, and the code's quad."""
    bitmap = barcode_bitmap("code128", RMA, module_px=4)
    bitmap = cv2.resize(
        bitmap, None, fx=module_px / 4, fy=module_px / 4, interpolation=cv2.INTER_AREA
    )
    frame = cv2.cvtColor(bench_background(), cv2.COLOR_BGR2GRAY)
    h, w = bitmap.shape
    quad = place((640, 360), (w, h), angle)
    paste(frame, bitmap, quad)
    return frame, quad


@pytest.mark.parametrize("angle", [0, 20, 45, 70, 90, -30])
def test_a_code_is_found_where_it_is_whatever_its_angle(angle: float) -> None:
    frame, quad = bars_at(angle)
    best = find_regions(frame)[0]
    assert cv2.pointPolygonTest(quad, best.center, False) >= 0
    assert max(best.size) > 0.6 * np.ptp(quad, axis=0).max()


def test_an_empty_bench_and_plain_noise_have_no_regions() -> None:
    bench = cv2.cvtColor(bench_background(), cv2.COLOR_BGR2GRAY)
    assert find_regions(bench) == []
    noisy = np.clip(bench + np.random.default_rng(1).normal(0, 14, bench.shape), 0, 255)
    assert find_regions(noisy.astype(np.uint8)) == []


def test_a_code_already_read_is_not_found_again() -> None:
    frame, _ = bars_at(10)
    (code,) = ZxingDecoder().decode(frame)
    assert find_regions(frame, [code]) == []


@pytest.mark.parametrize("angle", [0, 25, 45, 80, -60])
def test_levelled_cut_out_stands_the_bars_upright(angle: float) -> None:
    frame, _ = bars_at(angle, module_px=3.0)
    region = find_regions(frame)[0]
    measured = bar_angle(crop_region(frame, region)[0])
    assert measured is not None
    cut = cut_region(frame, region)
    assert cut.bars_upright
    # Upright bars: every row crosses them all, every column is nearly one tone.
    band = cut.image[cut.image.shape[0] // 3 : 2 * cut.image.shape[0] // 3].astype(float)
    assert band.std(axis=0).mean() < 0.35 * band.std(axis=1).mean()
    (code,) = ZxingDecoder(try_rotate=False).decode(cut.image)
    assert code.text == RMA


def test_a_blank_or_2d_patch_has_no_bar_direction() -> None:
    assert bar_angle(np.full((50, 50), 128, np.uint8)) is None
    assert bar_angle(barcode_bitmap("qr", RMA, module_px=4)) is None
    assert bar_angle(np.zeros((0, 0), np.uint8)) is None


def test_cut_outs_map_back_to_the_frame() -> None:
    frame, _ = bars_at(35, module_px=3.0)
    region = find_regions(frame)[0]
    cut = cut_region(frame, region)
    h, w = cut.image.shape
    centre = cv2.transform(np.array([[[w / 2, h / 2]]]), cut.transform)[0, 0]
    assert np.hypot(*(centre - region.center)) < 2
    crop, (dx, _) = crop_region(frame, region)
    assert crop.base is frame or crop.base is frame.base  # a view: no pixels copied
    assert dx <= region.center[0] <= dx + crop.shape[1]


def test_regions_at_the_frame_edge_are_cut_without_error() -> None:
    frame = np.full((200, 300), 220, np.uint8)
    region = Region((2.0, 2.0), (120.0, 40.0), 30.0, 1.0)
    crop, _ = crop_region(frame, region)
    assert crop.size > 0
    assert cut_region(frame, region).image.shape[0] >= 16


def test_a_defocused_thin_code_is_redrawn_readable() -> None:
    frame, _ = bars_at(3, module_px=1.7)
    frame = cv2.GaussianBlur(frame, (0, 0), 1.0)
    assert ZxingDecoder().decode(frame) == []
    cut = cut_region(frame, find_regions(frame)[0])
    assert ZxingDecoder().decode(cut.image) == []
    assert ZxingDecoder().decode(enhance(cut.image)) == []
    reads = {c.text for p in bar_profiles(cut) for c in ZxingDecoder({"code128"}).decode(p)}
    assert reads == {RMA}


def test_profiles_only_for_linear_codes() -> None:
    frame = cv2.cvtColor(bench_background(), cv2.COLOR_BGR2GRAY)
    qr = barcode_bitmap("qr", RMA, module_px=6)
    frame[300 : 300 + qr.shape[0], 600 : 600 + qr.shape[1]] = qr
    cut = cut_region(frame, find_regions(frame)[0])
    assert not cut.bars_upright and list(bar_profiles(cut)) == []
