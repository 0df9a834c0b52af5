from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np
import pytest

from station.evidence.errors import ImageRejected
from station.evidence.quality import (
    DEFAULT_THRESHOLDS,
    REASONS,
    QualityFlag,
    assess,
    judge,
    reason,
)
from station.protocol.enums import PhotoKind
from tests.evidence.conftest import close_up_frame, motion_blurred, textured_frame

SHARP = textured_frame(seed=1)


def scaled(frame: np.ndarray, gain: float) -> np.ndarray:
    return (frame.astype(np.float32) * gain).clip(0, 255).astype(np.uint8)


def test_a_sharp_well_exposed_photo_passes() -> None:
    report = assess(SHARP, PhotoKind.OVERVIEW)
    assert report.ok and report.flags == ()
    assert 0.35 < report.mean_luma < 0.65


@pytest.mark.parametrize("sigma", [2.0, 4.0])
def test_a_defocused_photo_is_flagged_blurred(sigma: float) -> None:
    report = assess(cv2.GaussianBlur(SHARP, (0, 0), sigma), PhotoKind.SHIPPING_LABEL)
    assert report.flags == (QualityFlag.BLURRED,)


def test_a_shaken_photo_is_flagged_even_when_its_laplacian_looks_fine() -> None:
    shaken = motion_blurred(SHARP, 9)
    report = assess(shaken, PhotoKind.OVERVIEW)
    # Detail across the shake survives, so the plain Laplacian variance stays high...
    assert report.sharpness > DEFAULT_THRESHOLDS.min_sharpness
    # ...but nothing survives along it.
    assert report.flags == (QualityFlag.BLURRED,)


def test_a_dark_photo_is_flagged_too_dark_and_not_blurred() -> None:
    report = assess(scaled(SHARP, 0.25), PhotoKind.OVERVIEW)
    assert report.flags == (QualityFlag.TOO_DARK,)


def test_a_dim_but_usable_photo_is_not_called_blurred() -> None:
    assert assess(scaled(SHARP, 0.6), PhotoKind.OVERVIEW).ok


def test_an_overexposed_photo_is_flagged() -> None:
    report = assess(scaled(SHARP, 3.0), PhotoKind.OVERVIEW)
    assert report.flags == (QualityFlag.OVEREXPOSED,)
    assert report.bright_fraction > DEFAULT_THRESHOLDS.bright_fraction


def test_a_close_up_with_only_the_defect_in_focus_passes() -> None:
    frame = close_up_frame()
    as_close_up = assess(frame, PhotoKind.DEFECT)
    assert as_close_up.ok
    # The same frame judged as an overview would be blurred: the background dominates.
    assert QualityFlag.BLURRED in assess(frame, PhotoKind.OVERVIEW).flags


def test_a_close_up_focused_nowhere_is_flagged() -> None:
    report = assess(close_up_frame(in_focus=False), PhotoKind.DEFECT)
    assert report.flags == (QualityFlag.NOTHING_IN_FOCUS,)
    assert report.score == report.focus


def test_scores_do_not_depend_on_resolution() -> None:
    for size in [(640, 480), (1280, 960), (2560, 1920)]:
        frame = textured_frame(*size, seed=4)
        assert assess(frame, PhotoKind.OVERVIEW).ok, size
        blurred = cv2.GaussianBlur(frame, (0, 0), 3 * size[0] / 640)
        assert assess(blurred, PhotoKind.OVERVIEW).flags == (QualityFlag.BLURRED,), size


def test_a_featureless_frame_is_blurred_and_a_black_one_too_dark_only() -> None:
    grey = np.full((480, 640, 3), 120, np.uint8)
    assert assess(grey, PhotoKind.OVERVIEW).flags == (QualityFlag.BLURRED,)
    black = np.zeros((480, 640, 3), np.uint8)
    assert assess(black, PhotoKind.DEFECT).flags == (QualityFlag.TOO_DARK,)


def test_thresholds_are_data() -> None:
    report = assess(SHARP, PhotoKind.OVERVIEW)
    strict = replace(DEFAULT_THRESHOLDS, min_sharpness=report.sharpness + 1)
    assert assess(SHARP, PhotoKind.OVERVIEW, strict).flags == (QualityFlag.BLURRED,)
    assert judge(report, strict) == (QualityFlag.BLURRED,)
    assert judge(report) == ()


def test_every_flag_has_a_reason_in_both_languages() -> None:
    assert set(REASONS) == set(QualityFlag)
    for flag in QualityFlag:
        zh, en = reason(flag, "zh_CN"), reason(flag, "en")
        assert zh != en and zh.endswith("。") and en.endswith(".")
    report = assess(scaled(SHARP, 0.2), PhotoKind.OVERVIEW)
    assert report.reasons("zh_CN") == ["照片太暗：请打开补光灯或移到光线充足处后重拍。"]
    assert report.reasons("en")[0].startswith("The photo is too dark")


def test_a_grey_frame_with_a_channel_axis_is_assessed() -> None:
    grey = cv2.cvtColor(SHARP, cv2.COLOR_BGR2GRAY)
    assert assess(grey[:, :, None], PhotoKind.OVERVIEW).ok
    assert assess(grey, PhotoKind.OVERVIEW).ok


@pytest.mark.parametrize(
    "frame",
    [
        np.zeros((480, 640, 3), np.uint16),
        np.zeros((4, 4, 3), np.uint8),
        np.zeros((480, 640, 2), np.uint8),
        None,
    ],
)
def test_unusable_frames_are_refused(frame: object) -> None:
    with pytest.raises(ImageRejected):
        assess(frame, PhotoKind.OVERVIEW)
