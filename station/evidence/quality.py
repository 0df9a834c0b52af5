"""The photo quality gate: is a photo sharp enough and well exposed enough to be evidence?

Scores are computed on the luma of the frame scaled to ``analysis_side`` pixels on its long
side, so a score means the same at 640×480 and at 2592×1944 (the same scene blurred by the
same fraction of the frame gets the same score), and thresholds need no per-camera tuning.

- **sharpness**: variance of the Laplacian of that luma, scaled to a mid-grey exposure
  (luma × 128 / mean), so a dim but usable photo is not called blurred.
- **directional**: the weakest of the second-derivative variances along four directions
  (0°, 45°, 90°, 135°). Motion blur wipes out detail along the direction of movement only,
  so a shaken photo of a busy texture can keep half its Laplacian variance; it cannot keep
  detail along the streak. (A subject with detail in one direction only, e.g. nothing but
  vertical stripes, scores low here too; real scenes have edges in every direction.)
- A close-up of a defect (kind ``defect``) is judged by its sharpest tile of a grid
  instead: with a shallow depth of field only the defect is in focus, and that is what
  matters.
- **exposure**: mean luma, and the fractions of pixels crushed to black or clipped to white.
  A photo too dark or blown out is not also called blurred: its focus cannot be judged, and
  more or less light fixes both.

Thresholds are data (:class:`QualityThresholds`); the defaults come from
``bench/photo_quality.py``, which reports precision and recall per flag on a labelled set.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Final

import cv2
import numpy as np

from station.domain.labels import Language
from station.evidence.encode import Frame, check_frame
from station.protocol.enums import PhotoKind


class QualityFlag(StrEnum):
    BLURRED = "blurred"
    TOO_DARK = "too_dark"
    OVEREXPOSED = "overexposed"
    NOTHING_IN_FOCUS = "nothing_in_focus"


REASONS: Final[dict[QualityFlag, tuple[str, str]]] = {
    QualityFlag.BLURRED: (
        "照片模糊：请拿稳相机或让物品静止后重拍。",
        "The photo is blurred: hold the camera steady (and the item still) and retake it.",
    ),
    QualityFlag.TOO_DARK: (
        "照片太暗：请打开补光灯或移到光线充足处后重拍。",
        "The photo is too dark: switch on the bench light or move to better light and retake it.",
    ),
    QualityFlag.OVEREXPOSED: (
        "照片过曝（太亮）：请减弱灯光或避开反光后重拍。",
        "The photo is overexposed (too bright): dim the light or avoid the glare and retake it.",
    ),
    QualityFlag.NOTHING_IN_FOCUS: (
        "特写中没有清晰的地方：请对准瑕疵对焦后重拍。",
        "Nothing in the close-up is in focus: focus on the defect and retake it.",
    ),
}


def reason(flag: QualityFlag, language: Language = "zh_CN") -> str:
    zh, en = REASONS[flag]
    return zh if language == "zh_CN" else en


@dataclass(frozen=True, slots=True)
class QualityThresholds:
    """Where the gate draws its lines; see ``bench/photo_quality.py`` for how they were set."""

    analysis_side: int = 960
    min_sharpness: float = 60.0
    min_directional: float = 14.0
    min_focus: float = 30.0  # a close-up's sharpest tile, by its weakest direction
    grid: tuple[int, int] = (8, 6)  # tiles across, down
    dark_mean: float = 0.22  # mean luma (0-1) below this is too dark
    dark_level: int = 24  # a pixel at or below this luma is crushed to black
    dark_fraction: float = 0.6
    bright_mean: float = 0.7  # a camera's auto exposure aims at about 0.47
    bright_level: int = 250  # a pixel at or above this luma is clipped
    bright_fraction: float = 0.2


DEFAULT_THRESHOLDS: Final = QualityThresholds()


@dataclass(frozen=True, slots=True)
class QualityReport:
    sharpness: float  # whole frame, exposure-normalised Laplacian variance
    directional: float  # the weakest direction's second-derivative variance
    focus: float  # the sharpest tile's weakest direction
    mean_luma: float  # 0-1
    dark_fraction: float
    bright_fraction: float
    flags: tuple[QualityFlag, ...] = field(default=())
    kind: PhotoKind = PhotoKind.OVERVIEW

    @property
    def ok(self) -> bool:
        return not self.flags

    @property
    def score(self) -> float:
        """The sharpness the gate judged: the close-up's sharpest tile or the whole frame."""
        return self.focus if self.kind is PhotoKind.DEFECT else self.sharpness

    def reasons(self, language: Language = "zh_CN") -> list[str]:
        return [reason(flag, language) for flag in self.flags]


def _analysis_luma(frame: Frame, side: int) -> np.ndarray:
    if frame.ndim == 3 and frame.shape[2] == 1:  # grey with an explicit channel axis
        frame = frame[:, :, 0]
    grey = frame if frame.ndim == 2 else cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    height, width = grey.shape
    scale = side / max(height, width)
    if abs(scale - 1.0) > 1e-3:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
        grey = cv2.resize(grey, size, interpolation=interpolation)
    return grey


_DIRECTIONS: Final = (
    np.array([[1, -2, 1]], np.float32),
    np.array([[1], [-2], [1]], np.float32),
    np.array([[1, 0, 0], [0, -2, 0], [0, 0, 1]], np.float32) / 2,  # 1/2: √2 spacing, squared
    np.array([[0, 0, 1], [0, -2, 0], [1, 0, 0]], np.float32) / 2,
)


def _sharpest_tile(derivatives: list[np.ndarray], grid: tuple[int, int]) -> float:
    """The best tile's weakest direction: a tile counts as in focus only if it has detail
    along every direction (so a motion-blurred close-up does not pass on one streak)."""
    height, width = derivatives[0].shape
    across, down = grid
    best = 0.0
    for row in range(down):
        rows = slice(row * height // down, (row + 1) * height // down)
        for col in range(across):
            cols = slice(col * width // across, (col + 1) * width // across)
            best = max(best, min(float(d[rows, cols].var()) for d in derivatives))
    return best


def judge(
    report: QualityReport, thresholds: QualityThresholds = DEFAULT_THRESHOLDS
) -> tuple[QualityFlag, ...]:
    """The flags a report's scores earn at ``thresholds`` (the benchmark re-judges stored
    scores at many thresholds without measuring again)."""
    flags: list[QualityFlag] = []
    too_dark = (
        report.mean_luma < thresholds.dark_mean or report.dark_fraction > thresholds.dark_fraction
    )
    over = (
        report.mean_luma > thresholds.bright_mean
        or report.bright_fraction > thresholds.bright_fraction
    )
    if too_dark:
        flags.append(QualityFlag.TOO_DARK)
    if over:
        flags.append(QualityFlag.OVEREXPOSED)
    if too_dark or over:
        return tuple(flags)
    if report.kind is PhotoKind.DEFECT:
        if report.focus < thresholds.min_focus:
            flags.append(QualityFlag.NOTHING_IN_FOCUS)
    elif (
        report.sharpness < thresholds.min_sharpness
        or report.directional < thresholds.min_directional
    ):
        flags.append(QualityFlag.BLURRED)
    return tuple(flags)


def assess(
    frame: Frame, kind: PhotoKind, thresholds: QualityThresholds = DEFAULT_THRESHOLDS
) -> QualityReport:
    """Score a frame and flag what would make it weak evidence."""
    luma = _analysis_luma(check_frame(frame), thresholds.analysis_side)
    mean = float(luma.mean())
    pixels = luma.size
    dark = float(np.count_nonzero(luma <= thresholds.dark_level)) / pixels
    bright = float(np.count_nonzero(luma >= thresholds.bright_level)) / pixels
    gain = 128.0 / max(mean, 1.0)
    derivatives = [cv2.filter2D(luma, cv2.CV_32F, k * gain) for k in _DIRECTIONS]
    report = QualityReport(
        sharpness=round(float((derivatives[0] + derivatives[1]).var()), 2),  # the Laplacian
        directional=round(min(float(d.var()) for d in derivatives), 2),
        focus=round(_sharpest_tile(derivatives, thresholds.grid), 2),
        mean_luma=round(mean / 255, 4),
        dark_fraction=round(dark, 4),
        bright_fraction=round(bright, 4),
        kind=PhotoKind(kind),
    )
    return replace(report, flags=judge(report, thresholds))
