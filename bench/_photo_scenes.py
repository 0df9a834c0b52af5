"""Synthetic bench photos for the photo benchmarks: a textured table, a returned item and a
printed label with small text and a Code128 barcode, with camera noise and slight lens blur.

Every size is a fraction of the frame's width, so the same scene rendered at 640×480 and at
2592×1944 is the same picture at two camera resolutions; that is what lets the quality
benchmark check that thresholds do not depend on resolution.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp

Frame = np.ndarray
LABEL_CODE = "SF1308457729615"


@dataclass(frozen=True, slots=True)
class Placed:
    """Where the label and its barcode ended up, in pixels (x, y, w, h)."""

    label: tuple[int, int, int, int]
    barcode: tuple[int, int, int, int]


def _smooth_noise(rng: np.random.Generator, w: int, h: int, cells: int) -> np.ndarray:
    """Value noise: random values on a coarse grid, interpolated up (cheap and organic)."""
    gw = max(2, cells)
    gh = max(2, round(cells * h / w))
    small = rng.random((gh, gw), dtype=np.float32)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)


def _background(rng: np.random.Generator, w: int, h: int, style: str) -> np.ndarray:
    if style == "wood":
        base = np.array([70, 110, 160], np.float32)  # BGR, a brown bench top
        grain = _smooth_noise(rng, w, h, 6) * 0.5 + _smooth_noise(rng, w, h, 40) * 0.3
        fibres = _smooth_noise(rng, w, h, max(8, w // 6)) * 0.25
        stripes = np.sin(np.linspace(0, 60, h, dtype=np.float32))[:, None] * 0.15
        shade = 0.6 + 0.5 * (grain + stripes + fibres)
    elif style == "cardboard":
        base = np.array([95, 150, 190], np.float32)
        shade = (
            0.75
            + 0.3 * _smooth_noise(rng, w, h, 12)
            + 0.1 * _smooth_noise(rng, w, h, 120)
            + 0.12 * _smooth_noise(rng, w, h, max(8, w // 4))  # paper fibres
        )
    else:  # a plain grey mat with faint texture: hard for a sharpness measure
        base = np.array([150, 150, 150], np.float32)
        shade = 0.9 + 0.15 * _smooth_noise(rng, w, h, 30) + 0.04 * _smooth_noise(rng, w, h, w // 4)
    return shade[..., None] * base


def _fabric(rng: np.random.Generator, w: int, h: int, colour: np.ndarray) -> np.ndarray:
    """A woven pattern: fine detail everywhere, like a garment filling the frame."""
    period = max(3.0, w / 240)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    weave = np.sin(xx * 2 * np.pi / period) * np.sin(yy * 2 * np.pi / period)
    folds = _smooth_noise(rng, w, h, 5)
    shade = 0.55 + 0.2 * weave + 0.4 * folds
    return shade[..., None] * colour


def _auto_exposed(img: np.ndarray, target: float = 0.47) -> np.ndarray:
    """Scale to the mean luma a camera's auto exposure aims for (mid grey, about 0.47)."""
    mean = float(cv2.cvtColor(np.clip(img, 0, 255).astype(np.uint8), cv2.COLOR_BGR2GRAY).mean())
    return img * (target * 255 / max(mean, 1.0))


def _put_text(img: np.ndarray, text: str, org: tuple[int, int], scale: float, th: int) -> None:
    cv2.putText(img, text, org, cv2.FONT_HERSHEY_SIMPLEX, scale, (25, 25, 25), th, cv2.LINE_AA)


def _label(img: np.ndarray, x: int, y: int, lw: int, rng: np.random.Generator) -> Placed:
    lh = int(lw * 0.62)
    cv2.rectangle(img, (x, y), (x + lw, y + lh), (238, 240, 242), -1)
    scale = lw / 900  # ~12 px high capitals on a 480 px wide label (a 1080p photo)
    th = max(1, round(lw / 500))
    lines = [
        "SF EXPRESS  RETURN",
        f"TO: HZ RETURNS CENTRE  BAY {rng.integers(1, 40):02d}",
        "FROM: ZHANG W. 138****5521",
        f"RMA{rng.integers(10**9, 10**10)}  WT 1.2KG",
    ]
    line_h = int(lw * 0.05)
    for n, text in enumerate(lines):
        _put_text(img, text, (x + int(lw * 0.04), y + int(lw * 0.07) + n * line_h), scale, th)
    code = zxingcpp.create_barcode(LABEL_CODE, zxingcpp.BarcodeFormat.Code128)
    module = max(1, round(lw / 240))  # ~2 px per bar module at 1080p: small but printable
    bars = np.array(code.to_image(scale=module))
    bh = int(lh * 0.28)
    bars = cv2.resize(bars, (bars.shape[1], bh), interpolation=cv2.INTER_NEAREST)
    bx, by = x + int(lw * 0.04), y + lh - bh - int(lh * 0.06)
    bw = min(bars.shape[1], x + lw - bx)
    img[by : by + bh, bx : bx + bw] = bars[:, :bw, None]
    return Placed((x, y, lw, lh), (bx, by, bw, bh))


def photo_scene(
    width: int = 1920,
    height: int = 1080,
    *,
    seed: int = 1,
    scene: str = "parcel",
    noise: float = 2.5,
) -> tuple[Frame, Placed]:
    """A sharp, well exposed photo as a bench camera delivers it (BGR uint8); ``noise`` is
    the sensor noise's standard deviation in grey levels."""
    rng = np.random.default_rng(seed)
    w, h = width, height
    if scene == "fabric":
        colour = np.array(rng.uniform(60, 200, 3), np.float32)
        img = _fabric(rng, w, h, colour)
    else:
        img = _background(rng, w, h, "plain" if scene == "plain" else "wood")
        bx0, by0 = int(w * 0.18), int(h * 0.12)
        bx1, by1 = int(w * 0.82), int(h * 0.9)
        box = _background(rng, bx1 - bx0, by1 - by0, "cardboard")
        img[by0:by1, bx0:bx1] = box
        cv2.rectangle(img, (bx0, by0), (bx1, by1), (40, 70, 100), max(1, w // 400))
        tape_y = by0 + (by1 - by0) // 3
        img[tape_y : tape_y + h // 14, bx0:bx1] *= 0.85
    img = np.clip(_auto_exposed(img), 0, 255).astype(np.uint8)
    placed = _label(img, int(w * 0.35), int(h * 0.42), int(w * 0.25), rng)
    # Optics are never perfect; the sensor adds noise.
    img = cv2.GaussianBlur(img, (0, 0), 0.5 * w / 1920 + 0.3)
    grain = rng.normal(0.0, noise, img.shape).astype(np.float32)
    out = np.clip(img.astype(np.float32) + grain, 0, 255).astype(np.uint8)
    return out, placed


def close_up(
    width: int = 1920, height: int = 1080, *, seed: int = 1, in_focus: bool = True
) -> Frame:
    """A macro shot of a defect: a scratched patch in focus, the rest far out of focus
    (shallow depth of field). With ``in_focus=False`` the camera focused nowhere."""
    rng = np.random.default_rng(seed)
    w, h = width, height
    colour = np.array(rng.uniform(70, 190, 3), np.float32)
    img = _fabric(rng, w, h, colour)
    for _ in range(25):  # scratches
        p0 = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        p1 = (
            p0[0] + int(rng.integers(-w // 6, w // 6)),
            p0[1] + int(rng.integers(-h // 6, h // 6)),
        )
        cv2.line(img, p0, p1, (235, 235, 235), max(1, w // 900), cv2.LINE_AA)
    img = np.clip(_auto_exposed(img), 0, 255).astype(np.uint8)
    far = cv2.GaussianBlur(img, (0, 0), 8 * w / 1920)
    if in_focus:
        # The focused patch: a fifth of the frame's width around a random point.
        cx, cy = int(rng.integers(w // 4, 3 * w // 4)), int(rng.integers(h // 4, 3 * h // 4))
        mask = np.zeros((h, w), np.float32)
        cv2.circle(mask, (cx, cy), w // 10, 1.0, -1)
        mask = cv2.GaussianBlur(mask, (0, 0), w / 60)[..., None]
        img = (img * mask + far * (1 - mask)).astype(np.uint8)
    else:
        img = far
    noise = rng.normal(0.0, 2.5, img.shape).astype(np.float32)
    return np.clip(img.astype(np.float32) + noise, 0, 255).astype(np.uint8)


# -- degradations, each scaled to the frame so "2 px at 1080p" means the same at any size ---


def gaussian_blur(frame: Frame, sigma_1080: float) -> Frame:
    sigma = sigma_1080 * frame.shape[0] / 1080
    return cv2.GaussianBlur(frame, (0, 0), sigma)


def motion_blur(frame: Frame, length_1080: float, angle_deg: float) -> Frame:
    length = max(2, round(length_1080 * frame.shape[0] / 1080))
    kernel = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1.0
    centre = ((length - 1) / 2, (length - 1) / 2)
    rot = cv2.getRotationMatrix2D(centre, angle_deg, 1.0)
    kernel = cv2.warpAffine(kernel, rot, (length, length))
    kernel /= kernel.sum()
    return cv2.filter2D(frame, -1, kernel)


def exposed(frame: Frame, gain: float, *, seed: int = 0, noise: float = 0.0) -> Frame:
    """Under (gain < 1, with the extra noise of a high ISO) or over (gain > 1) exposure."""
    rng = np.random.default_rng(seed)
    out = frame.astype(np.float32) * gain
    if noise:
        out += rng.normal(0.0, noise, out.shape).astype(np.float32)
    return np.clip(out, 0, 255).astype(np.uint8)


Degrade = Callable[[Frame], Frame]
