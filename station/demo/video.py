"""The demo camera: a short clip of return parcels sliding under the bench webcam.

Each parcel is a drawn cardboard box with a shipping label carrying a demo order's RMA no. as
Code128 (some also the return waybill no., one in three a QR with the RMA no.) and, on some, an
item sticker with the product's EAN-13. Parcels slide in, rest under the camera, and slide out,
with a little hand wobble, motion blur while moving and sensor noise, so the live decoder sees
what a real camera sees. The drawing helpers are shared with the decode benchmark and the tests.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

import cv2
import numpy as np
import zxingcpp

from station.demo.orders import generate_orders
from station.store.files import atomic_path

FRAME_SIZE: Final = (1280, 720)
MAX_PARCELS: Final = 50
_FORMATS: Final[dict[str, zxingcpp.BarcodeFormat]] = {
    "code128": zxingcpp.BarcodeFormat.Code128,
    "code39": zxingcpp.BarcodeFormat.Code39,
    "ean13": zxingcpp.BarcodeFormat.EAN13,
    "ean8": zxingcpp.BarcodeFormat.EAN8,
    "upca": zxingcpp.BarcodeFormat.UPCA,
    "itf": zxingcpp.BarcodeFormat.ITF,
    "qr": zxingcpp.BarcodeFormat.QRCode,
    "datamatrix": zxingcpp.BarcodeFormat.DataMatrix,
}
_2D: Final = frozenset({"qr", "datamatrix"})


def barcode_bitmap(symbology: str, text: str, module_px: int = 4) -> np.ndarray:
    """A grey barcode image with quiet zones; linear codes are a quarter as tall as wide."""
    if symbology not in _FORMATS:
        raise ValueError(f"cannot draw {symbology!r} (choose from {', '.join(sorted(_FORMATS))})")
    try:
        barcode = zxingcpp.create_barcode(text, _FORMATS[symbology])
    except (ValueError, RuntimeError) as exc:
        raise ValueError(f"cannot draw {text[:40]!r} as {symbology}: {exc}") from None
    image = np.asarray(zxingcpp.write_barcode_to_image(barcode, scale=module_px), dtype=np.uint8)
    if symbology in _2D:
        return np.ascontiguousarray(image)
    row = image[:1]
    return np.ascontiguousarray(np.repeat(row, max(24 * module_px, row.shape[1] // 4), axis=0))


def _text(image: np.ndarray, text: str, org: tuple[int, int], scale: float, thick: int) -> None:
    cv2.putText(image, text, org, cv2.FONT_HERSHEY_SIMPLEX, scale, (20, 20, 20), thick, cv2.LINE_AA)


def _text_width(text: str, scale: float) -> int:
    return int(cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, 1)[0][0])


def label_image(
    codes: Sequence[tuple[str, str]], module_px: int = 4, header: str = "RETURN PARCEL"
) -> np.ndarray:
    """A white BGR label: a header, then each code with its human-readable text under it."""
    bitmaps = [barcode_bitmap(s, t, module_px) for s, t in codes]
    unit = module_px * 6
    texts = [_text_width(t, module_px * 0.25) for _, t in codes]
    width = max([b.shape[1] for b in bitmaps] + [t + 2 * unit for t in texts] + [unit * 14])
    width += 2 * unit
    height = unit * 3 + sum(b.shape[0] + unit * 2 for b in bitmaps)
    label = np.full((height, width, 3), 255, np.uint8)
    cv2.rectangle(label, (2, 2), (width - 3, height - 3), (40, 40, 40), max(2, module_px // 2))
    _text(label, header, (unit, unit * 2), module_px * 0.35, max(1, module_px // 2))
    y = unit * 3
    for (_, text), bitmap in zip(codes, bitmaps, strict=True):
        h, w = bitmap.shape
        x = (width - w) // 2
        label[y : y + h, x : x + w] = bitmap[:, :, None]
        tw = _text_width(text, module_px * 0.25)
        _text(label, text, ((width - tw) // 2, y + h + int(unit * 1.2)), module_px * 0.25, 1)
        y += h + unit * 2
    return label


def paste(canvas: np.ndarray, patch: np.ndarray, quad: np.ndarray) -> None:
    """Draws ``patch`` into ``canvas`` so its corners land on ``quad`` (TL, TR, BR, BL)."""
    h, w = patch.shape[:2]
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    x0, y0 = np.floor(quad.min(axis=0)).astype(int)
    x1, y1 = np.ceil(quad.max(axis=0)).astype(int)
    x0, y0 = max(x0, 0), max(y0, 0)
    x1, y1 = min(x1, canvas.shape[1]), min(y1, canvas.shape[0])
    if x1 <= x0 or y1 <= y0:
        return
    # Warp only into the bounding box: a full-frame warp per patch would cost 10x more.
    matrix = cv2.getPerspectiveTransform(src, (quad - (x0, y0)).astype(np.float32))
    size = (x1 - x0, y1 - y0)
    warped = cv2.warpPerspective(patch, matrix, size, flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matrix, size)
    region = canvas[y0:y1, x0:x1]
    if patch.ndim == 3 and region.ndim == 3:
        alpha = mask[:, :, None].astype(np.float32) / 255
    else:
        alpha = mask.astype(np.float32) / 255
    region[:] = (warped * alpha + region * (1 - alpha)).astype(np.uint8)


def place(
    center: tuple[float, float], size: tuple[float, float], angle_deg: float, tilt: float = 0.0
) -> np.ndarray:
    """The quad of a ``size`` rectangle turned by ``angle_deg`` and tilted away by ``tilt``.

    ``tilt`` (0..0.5) shrinks the far edge, as when a label is seen at an angle.
    """
    w, h = size
    corners = np.array(
        [
            [-w / 2 * (1 - tilt), -h / 2],
            [w / 2 * (1 - tilt), -h / 2],
            [w / 2 * (1 + tilt / 2), h / 2],
            [-w / 2 * (1 + tilt / 2), h / 2],
        ]
    )
    a = math.radians(angle_deg)
    rotation = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
    return np.asarray(corners @ rotation.T + center, np.float32)


def bench_background(size: tuple[int, int] = FRAME_SIZE, seed: int = 1) -> np.ndarray:
    """The bench mat under the camera: a dull green-grey surface with faint texture."""
    w, h = size
    rng = np.random.default_rng(seed)
    small = rng.normal(0, 4, (h // 24, w // 24, 1)).astype(np.float32)
    texture = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)[:, :, None]
    gradient = np.linspace(-10, 10, w, dtype=np.float32)[None, :, None]
    base = np.array([96, 110, 102], np.float32)[None, None, :]
    background: np.ndarray = np.clip(base + texture + gradient, 0, 255).astype(np.uint8)
    cv2.line(background, (0, h - 60), (w, h - 70), (70, 170, 190), 6)  # a strip of bench tape
    return background


@dataclass(frozen=True, slots=True)
class Parcel:
    rma: str
    waybill: str | None = None
    ean: str | None = None
    qr: bool = False

    def codes(self) -> list[tuple[str, str]]:
        """(symbology, text) of every code on the parcel."""
        found = [("code128", self.rma)]
        if self.waybill:
            found.append(("code128", self.waybill))
        if self.qr:
            found.append(("qr", self.rma))
        if self.ean:
            found.append(("ean13", self.ean))
        return found


def parcels_for(rmas: Sequence[str], orders: Iterable[Mapping[str, Any]] = ()) -> list[Parcel]:
    """Parcels for ``rmas``; codes other than the RMA no. come from matching manifest rows."""
    by_rma = {row["rma_no"]: row for row in orders}
    parcels = []
    for n, rma in enumerate(rmas):
        row = by_rma.get(rma, {})
        tracking = row.get("tracking") or [{}]
        lines = row.get("lines") or [{}]
        parcels.append(
            Parcel(
                rma,
                waybill=tracking[0].get("tracking_no") if n % 2 == 0 else None,
                ean=lines[0].get("ean") if n % 2 == 1 else None,
                qr=n % 3 == 2,
            )
        )
    return parcels


def parcel_image(parcel: Parcel, rng: random.Random) -> np.ndarray:
    """A cardboard box top (BGR) with the shipping label and, if any, the item sticker."""
    label_codes = [c for c in parcel.codes() if c[0] != "ean13"]
    label = label_image(label_codes, module_px=3)
    lh, lw = label.shape[:2]
    width, height = int(lw * 1.5), int(lh * 1.35) + 40
    shade = rng.randint(-12, 12)
    box = np.empty((height, width, 3), np.uint8)
    box[:] = (92 + shade, 150 + shade, 196 + shade)  # kraft cardboard
    cv2.rectangle(box, (0, height // 2 - 18), (width, height // 2 + 18), (150, 185, 205), -1)
    box[30 : 30 + lh, 30 : 30 + lw] = label
    if parcel.ean:
        sticker = label_image([("ean13", parcel.ean)], module_px=3, header="ITEM")
        sh, sw = sticker.shape[:2]
        x, y = min(width - sw - 20, 60 + lw), height - sh - 20
        if x > 0 and y > 0:
            box[y : y + sh, x : x + sw] = sticker
    return box


def _motion_blur(image: np.ndarray, length: int) -> np.ndarray:
    if length < 2:
        return image
    kernel = np.full((1, length), 1 / length, np.float32)
    return cv2.filter2D(image, -1, kernel)


def _track(t: float, hold: float, size: tuple[int, int], travel: float) -> tuple[float, float]:
    """Horizontal position and speed (px/s) of a parcel ``t`` seconds after it started."""
    w, _ = size
    slide = 0.6
    start, middle, end = w + travel / 2, w / 2, -travel / 2
    if t < slide:
        u = t / slide
        return start + (middle - start) * (1 - (1 - u) ** 2), 2 * (middle - start) * (1 - u) / slide
    if t < slide + hold:
        return middle, 0.0
    u = min(1.0, (t - slide - hold) / slide)
    return middle + (end - middle) * u * u, 2 * (end - middle) * u / slide


def demo_parcel_orders(count: int = 8, *, today: date, seed: int = 2026) -> list[dict[str, Any]]:
    """The first ``count`` demo orders still on their way back: parcels the bench can receive.

    Same ``today`` and ``seed`` as the demo data loaded into the store, so the clip's codes
    are orders the station knows.
    """
    picked = []
    for row in generate_orders(2400, today=today, seed=seed):
        if row["state"] == "in_transit":
            picked.append(row)
            if len(picked) == count:
                break
    return picked


class FilmingStopped(Exception):
    """The clip was abandoned before it was finished; nothing was written."""


def write_demo_video(
    path: str | Path,
    rmas: list[str],
    *,
    orders: Iterable[Mapping[str, Any]] = (),
    fps: float = 30.0,
    size: tuple[int, int] = FRAME_SIZE,
    hold_s: float = 1.0,
    gap_s: float = 0.4,
    fourcc: str = "MJPG",
    seed: int = 2026,
    stop: Callable[[], bool] | None = None,
) -> int:
    """Writes the clip (MJPG ``.avi`` by default) and returns how many frames it holds.

    Each parcel takes ``hold_s`` + 1.2 s in view (sliding in and out) then ``gap_s`` of empty
    bench; an 8-parcel clip is about 20 s and 27 MB. The file appears whole or not at all.
    When ``stop`` answers True the clip is abandoned (:class:`FilmingStopped`) at the next
    frame.
    """
    if not rmas:
        raise ValueError("no parcels to film")
    bad = next(
        (r for r in rmas if not (0 < len(r) <= 40 and r.isascii() and r.isprintable())), None
    )
    if bad is not None:
        raise ValueError(f"not an RMA no. a Code128 label can carry: {bad[:40]!r}")
    if len(rmas) > MAX_PARCELS:
        raise ValueError(f"at most {MAX_PARCELS} parcels in one clip, got {len(rmas)}")
    if not (1 <= fps <= 120) or not (64 <= size[0] <= 4096 and 64 <= size[1] <= 4096):
        raise ValueError(f"unsupported clip format {size[0]}x{size[1]} at {fps} fps")
    if not (0 <= hold_s <= 30 and 0 <= gap_s <= 30):
        raise ValueError("hold_s and gap_s must be between 0 and 30 seconds")
    target = Path(path)
    parcels = parcels_for(rmas, orders)
    rng = random.Random(seed)
    boxes = [parcel_image(parcel, rng) for parcel in parcels]  # bad codes fail before writing
    # the encoder picks the container by the file's suffix
    with atomic_path(target, suffix=target.suffix or ".avi") as temp:
        frames = _film(
            temp,
            boxes,
            rng,
            fps=fps,
            size=size,
            hold_s=hold_s,
            gap_s=gap_s,
            fourcc=fourcc,
            seed=seed,
            stop=stop,
        )
    return frames


def _film(
    temp: Path,
    boxes: list[np.ndarray],
    rng: random.Random,
    *,
    fps: float,
    size: tuple[int, int],
    hold_s: float,
    gap_s: float,
    fourcc: str,
    seed: int,
    stop: Callable[[], bool] | None,
) -> int:
    writer = cv2.VideoWriter(str(temp), cv2.VideoWriter.fourcc(*fourcc), fps, size)
    if not writer.isOpened():
        raise OSError(f"cannot write {fourcc} video to {temp.suffix} files")
    noise_rng = np.random.default_rng(seed)
    w, h = size
    background = bench_background(size, seed)
    noise = [np.rint(noise_rng.normal(0, 1.5, (h, w, 1))).astype(np.int16) for _ in range(6)]
    frames = 0
    try:
        for box in boxes:
            scale = min(0.7 * h / box.shape[0], 0.5 * w / box.shape[1], 1.0)
            box = cv2.resize(box, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
            bw, bh = box.shape[1], box.shape[0]
            angle = rng.uniform(-10, 10)
            y = h / 2 + rng.uniform(-30, 30) * h / 720
            in_view = 1.2 + hold_s
            for n in range(round((in_view + gap_s) * fps)):
                if stop is not None and stop():
                    raise FilmingStopped
                t = n / fps
                frame = background.copy()
                if t < in_view:
                    x, speed = _track(t, hold_s, size, math.hypot(bw, bh))
                    wobble = math.sin(t * 7.0) * 1.5
                    quad = place((x + wobble, y + wobble), (bw, bh), angle + wobble * 0.4)
                    paste(frame, _motion_blur(box, int(abs(speed) / fps * 0.35)), quad)
                grain = noise[frames % len(noise)]
                frame = np.clip(frame.astype(np.int16) + grain, 0, 255).astype(np.uint8)
                writer.write(frame)
                frames += 1
    finally:
        writer.release()
    return frames
