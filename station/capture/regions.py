"""Where a frame looks printed with a code, and cut-outs of those places worth a second read.

Everything here is cheap next to a decoder pass: a texture map at a quarter of the resolution,
a rotation of a small cut-out, a one-dimensional deconvolution. The pipeline uses it to spend
its fallbacks only where a code probably is.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final

import cv2
import numpy as np

from station.capture.decoders import Decoded

Point = tuple[int, int]

_CELL: Final = 4  # texture map cell, full-resolution pixels
_MIN_ENERGY: Final = 18.0  # mean morphological gradient of a cell below which nothing is printed
_PROFILE_PAD: Final = 40  # white margin around a redrawn bar profile


@dataclass(frozen=True, slots=True)
class Region:
    """A barcode-like area: a rotated box in frame pixels (OpenCV's RotatedRect terms)."""

    center: tuple[float, float]
    size: tuple[float, float]
    angle: float
    score: float

    def corners(self) -> tuple[Point, ...]:
        box = cv2.boxPoints((self.center, self.size, self.angle))
        return tuple((round(float(x)), round(float(y))) for x, y in box)


@dataclass(frozen=True, slots=True)
class Cut:
    """A region cut out level: ``transform`` maps its pixels back to the frame's."""

    image: np.ndarray
    transform: np.ndarray  # 2x3 affine
    scale: float
    bars_upright: bool  # a linear code, turned so its bars stand vertical


def texture_map(gray: np.ndarray) -> np.ndarray:
    """Mean morphological gradient per 4x4 cell: high where bars or modules are printed."""
    gradient = cv2.morphologyEx(gray, cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8))
    h, w = gray.shape
    return cv2.resize(gradient, (w // _CELL, h // _CELL), interpolation=cv2.INTER_AREA)


def find_regions(gray: np.ndarray, known: Iterable[Decoded] = ()) -> list[Region]:
    """Barcode-like regions not explained by ``known`` codes, most promising first."""
    if min(gray.shape[:2]) < 4 * _CELL:  # too small to hold a code, or to map
        return []
    energy = texture_map(gray)
    floor, top = (float(v) for v in np.percentile(energy, [50, 99.5]))
    # Above the frame's own grain (sensor noise raises every cell) and not far below the
    # strongest print; a quarter of it still keeps large-module codes next to bold text.
    threshold = max(_MIN_ENERGY, 2.5 * floor, 0.25 * top)
    for code in known:  # a read code's area needs no second look
        (cx, cy), (w, h), angle = cv2.minAreaRect(np.array(code.corners, np.float32) / _CELL)
        long_side = max(w, h, 1.0)
        grown = (max(w, 0.35 * long_side) * 1.25 + 2, max(h, 0.35 * long_side) * 1.25 + 2)
        points = cv2.boxPoints(((cx, cy), grown, angle))
        cv2.fillConvexPoly(energy, np.round(points).astype(np.int32), 0)
    raw = (energy >= threshold).astype(np.uint8)
    regions: list[Region] = []
    # Closing fills wide bars and large modules but can also join a code to the text or label
    # border beside it in one shapeless blob, which the fill test drops: so a tighter closing
    # gets a second say.
    for close in (5, 3):
        mask = cv2.morphologyEx(raw, cv2.MORPH_CLOSE, np.ones((close, close), np.uint8))
        mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for contour in contours:
            region = _region(contour, energy, mask.size)
            if region is not None and not any(_same(region, r) for r in regions):
                regions.append(region)
    return sorted(regions, key=lambda r: -r.score)


def _region(contour: np.ndarray, energy: np.ndarray, cells: int) -> Region | None:
    area = cv2.contourArea(contour)
    (cx, cy), (w, h), angle = cv2.minAreaRect(contour)
    if area < 40 or min(w, h) < 4 or area < 0.45 * w * h or area > cells / 3:
        return None  # specks, thin lines (box edges, tape), sparse clutter, the whole scene
    x, y, bw, bh = cv2.boundingRect(contour)
    score = area * float(energy[y : y + bh, x : x + bw].mean())
    centre = (cx * _CELL + _CELL / 2, cy * _CELL + _CELL / 2)
    return Region(centre, (w * _CELL, h * _CELL), angle, score)


def _same(a: Region, b: Region) -> bool:
    near = math.dist(a.center, b.center) < 0.25 * min(max(a.size), max(b.size))
    return near and 0.6 < max(a.size) / max(max(b.size), 1.0) < 1.6


def crop_region(gray: np.ndarray, region: Region) -> tuple[np.ndarray, tuple[float, float]]:
    """The region's upright bounding box with a margin, pixels untouched, and its offset."""
    corners = np.array(region.corners(), np.float32)
    margin = 0.15 * max(region.size) + 12
    h, w = gray.shape
    x0, y0 = np.floor(corners.min(axis=0) - margin).astype(int)
    x1, y1 = np.ceil(corners.max(axis=0) + margin).astype(int)
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
    return gray[y0:y1, x0:x1], (float(x0), float(y0))


def bar_angle(patch: np.ndarray) -> float | None:
    """Degrees to turn ``patch`` by so its bars stand upright; None if it has no bars.

    The structure tensor's main direction is across the bars; a 2-D code or text has no main
    direction (low coherence), and 2-D decoders do not care about rotation anyway.
    """
    if patch.size == 0:
        return None
    gx = cv2.Sobel(patch, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(patch, cv2.CV_32F, 0, 1, ksize=3)
    jxx, jyy, jxy = float((gx * gx).sum()), float((gy * gy).sum()), float((gx * gy).sum())
    total = jxx + jyy
    if total <= 0 or math.hypot(jxx - jyy, 2 * jxy) / total < 0.35:
        return None
    return math.degrees(0.5 * math.atan2(2 * jxy, jxx - jyy))


def cut_region(gray: np.ndarray, region: Region) -> Cut:
    """The region turned level (bars upright), with quiet zones, enlarged when small."""
    measured = bar_angle(crop_region(gray, region)[0])
    angle = region.angle if measured is None else measured
    turn = cv2.getRotationMatrix2D(region.center, angle, 1.0)
    corners = cv2.transform(np.array(region.corners(), np.float64).reshape(-1, 1, 2), turn)
    w, h = np.ptp(corners.reshape(-1, 2), axis=0)
    w, h = w * 1.15 + 24, h * 1.15 + 24  # the texture map stops at the bars: add quiet zones
    # Thin bars (about 1.5 px) are below what decoders need; twice the size is enough.
    scale = 2.0 if max(w, h) < 720 else 1.0
    out_w, out_h = max(16, round(w * scale)), max(16, round(h * scale))
    matrix = cv2.getRotationMatrix2D(region.center, angle, scale)
    matrix[0, 2] += out_w / 2 - region.center[0]
    matrix[1, 2] += out_h / 2 - region.center[1]
    image = cv2.warpAffine(
        gray, matrix, (out_w, out_h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    return Cut(image, cv2.invertAffineTransform(matrix), scale, measured is not None)


def enhance(image: np.ndarray) -> np.ndarray:
    """Sharpened and stretched to full contrast: helps defocus, low light and glare."""
    blurred = cv2.GaussianBlur(image, (0, 0), 2.0)
    sharp = cv2.addWeighted(image, 2.0, blurred, -1.0, 0)
    return np.asarray(cv2.normalize(sharp, np.empty_like(sharp), 0, 255, cv2.NORM_MINMAX))


# (blur σ in frame pixels, Wiener noise-to-signal ratio): cautious guesses first, then bolder
# ones that undo a σ 2 blur of 2.5 px bars (and would turn noise into bars on their own, but
# what they redraw must still pass the code's check digit).
_DEBLUR_GUESSES: Final = (
    (1.0, 3e-3),
    (1.5, 3e-3),
    (2.0, 3e-3),
    (1.0, 3e-4),
    (1.5, 3e-4),
    (2.0, 3e-4),
    (2.5, 3e-4),
)


def bar_profiles(
    cut: Cut, guesses: Iterable[tuple[float, float]] = _DEBLUR_GUESSES
) -> Iterator[np.ndarray]:
    """Clean redrawings of a blurred linear code, one per guess of the blur.

    Averaging the middle of the bars into one line cuts sensor noise enough to undo a Gaussian
    blur (Wiener deconvolution) that leaves the narrow bars with a few percent of contrast;
    each result is thresholded against its local mean and redrawn as a short, sharp barcode.
    Made one at a time, as the caller tries them.
    """
    if not cut.bars_upright:
        return
    h = cut.image.shape[0]
    line = cut.image[int(h * 0.3) : max(int(h * 0.7), int(h * 0.3) + 1)].mean(axis=0)
    n = line.size
    padded = np.pad(line, n // 2, mode="edge")
    spectrum = np.fft.rfft(padded - padded.mean())
    freq = np.fft.rfftfreq(padded.size)
    for sigma, noise in guesses:
        blur = np.exp(-2 * np.pi**2 * (sigma * cut.scale) ** 2 * freq**2)
        sharp = np.fft.irfft(spectrum * blur / (blur**2 + noise), padded.size)[n // 2 : n // 2 + n]
        local = cv2.GaussianBlur(sharp.reshape(1, -1).astype(np.float32), (0, 0), 12).ravel()
        image = np.full((40, n + 2 * _PROFILE_PAD), 255, np.uint8)
        image[8:32, _PROFILE_PAD : _PROFILE_PAD + n] = np.where(sharp > local, 255, 0)
        yield image
