"""Phone photos of printed codes for the decode benchmark, made in code (fixed seed).

Each photo is a 12-megapixel JPEG (4032x3024, one distortion a 48-megapixel one) as a phone
writes it: a label printed on paper lying on a kraft parcel, seen slightly turned and tilted,
through a lens that is never perfectly sharp, on a noisy sensor, sharpened and compressed by
the phone. One distortion each is made much worse: tilt, curvature, defocus, motion blur,
heavy JPEG, uneven light, glare, low-light noise, low contrast, light-on-dark print, a small
code in the frame, pixels stored turned with an EXIF orientation tag, a 48 MP sensor.

Sizes are set as a phone sees them: a code's narrowest module or bar is 5-35 px at 12 MP
(a close-up fills a third of the frame), 1.8-6 px for "small".
"""

from __future__ import annotations

import io
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

import cv2
import numpy as np
from PIL import Image

from station.demo.video import barcode_bitmap
from station.domain.codes import ean_check_digit

SYMBOLOGIES: Final = ("qr", "ean13", "upca", "code128", "datamatrix")
DISTORTIONS: Final = (
    "clean",
    "tilt",
    "curved",
    "defocus",
    "motion blur",
    "jpeg q50",
    "uneven light",
    "glare",
    "noise",
    "low contrast",
    "inverted",
    "small in 12 MP",
    "EXIF rotated",
    "48 MP",
)
SIZE_12MP: Final = (4032, 3024)
SIZE_48MP: Final = (8064, 6048)
_2D: Final = frozenset({"qr", "datamatrix"})


@dataclass(frozen=True, slots=True)
class Photo:
    symbology: str
    distortion: str
    text: str
    module_px: float  # narrowest module or bar in the photo as shown
    size: tuple[int, int]  # as shown (after the EXIF turn)
    jpeg: bytes  # the file, as the phone wrote it


def _payload(symbology: str, rng: random.Random) -> str:
    digits = "".join(rng.choice("0123456789") for _ in range(14))
    match symbology:
        case "qr":  # an RMA no. or the returns portal's link, as labels carry them
            rma = f"RMA2026{digits[:10]}"
            return rma if rng.random() < 0.5 else f"https://returns.example.cn/r/{rma}?t=SF{digits}"
        case "ean13":
            body = "69" + digits[:10]
            return body + str(ean_check_digit(body))
        case "upca":
            body = "0" + digits[:11]
            return body[1:] + str(ean_check_digit(body))
        case "code128":
            return f"RMA2026{digits[:10]}" if rng.random() < 0.5 else f"SF{digits[:13]}"
        case _:
            return "SN" + digits[:10]


def _smooth(rng: np.random.Generator, w: int, h: int, cells: int) -> np.ndarray:
    """Value noise: random values on a coarse grid, interpolated up."""
    small = rng.random((max(2, round(cells * h / w)), max(2, cells)), dtype=np.float32)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)


def _cardboard(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    shade = 0.8 + 0.2 * _smooth(rng, w, h, 10) + 0.08 * _smooth(rng, w, h, 400)
    out = shade[..., None] * np.array([80, 135, 180], np.float32)
    tape = int(h * rng.uniform(0.1, 0.3))
    out[tape : tape + h // 10] *= 0.8  # packing tape across the box
    return out


def _label(symbology: str, text: str, module: int, distortion: str, rng: random.Random):  # type: ignore[no-untyped-def]
    """The printed label, grey float32 0-255, and the code's box in it (x, y, w, h)."""
    code = barcode_bitmap(symbology, text, module)
    if symbology not in _2D:  # a printed linear code is taller than the demo's
        code = cv2.resize(code, (code.shape[1], max(code.shape[0], code.shape[1] // 3)))
    ch, cw = code.shape
    pad = module * 6
    label = np.full((ch + 5 * pad, cw + 2 * pad), 255, np.uint8)
    label[pad : pad + ch, pad : pad + cw] = code
    for n in range(3):  # printed lines under the code: what a label carries besides it
        words = rng.choice(("RETURN TO HZ CENTRE", "WT 1.2KG  BAY 17", "ITEM  SKU 204-1187"))
        y = pad + ch + int(pad * (1.2 + 1.1 * n))
        cv2.putText(
            label, words, (pad, y), cv2.FONT_HERSHEY_SIMPLEX, module / 6, 0, max(1, module // 4)
        )
    grey = label.astype(np.float32)
    paper, ink = 245.0, 20.0
    if distortion == "low contrast":  # faded thermal print on greyish paper
        paper, ink = rng.uniform(185, 215), 0.0
        ink = paper - rng.uniform(35, 60)
    if distortion == "inverted":  # light print on a dark box
        paper, ink = rng.uniform(25, 55), rng.uniform(200, 235)
    return ink + (paper - ink) * grey / 255, (pad, pad, cw, ch)


def _curve(label: np.ndarray, arc_deg: float) -> np.ndarray:
    """The label wrapped round a cylinder across its width, seen from the front."""
    h, w = label.shape
    half = math.radians(arc_deg) / 2
    radius = w / (2 * half)
    out_w = round(2 * radius * math.sin(half))
    xs = np.arange(out_w, dtype=np.float32) - out_w / 2
    theta = np.arcsin(np.clip(xs / radius, -1, 1))
    src_x = (theta * radius + w / 2).astype(np.float32)
    map_x = np.repeat(src_x[None, :], h, axis=0)
    map_y = np.repeat(np.arange(h, dtype=np.float32)[:, None], out_w, axis=1)
    curved = cv2.remap(label, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    shade = (0.75 + 0.25 * np.cos(theta))[None, :]  # the sides turn away from the light
    return np.asarray(curved * shade, np.float32)


def _quad(
    center: tuple[float, float], size: tuple[float, float], angle: float, tilt: float, lean: float
) -> np.ndarray:
    """A ``size`` rectangle turned by ``angle`` degrees, its far edge shrunk by ``tilt`` and
    leaning sideways by ``lean`` (perspective both ways)."""
    w, h = size
    corners = np.array(
        [
            [-w / 2 * (1 - tilt), -h / 2 * (1 - lean)],
            [w / 2 * (1 - tilt), -h / 2 * (1 + lean)],
            [w / 2 * (1 + tilt / 2), h / 2 * (1 + lean)],
            [-w / 2 * (1 + tilt / 2), h / 2 * (1 - lean)],
        ]
    )
    a = math.radians(angle)
    turn = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
    return np.asarray(corners @ turn.T + center, np.float32)


def _disk(radius: float) -> np.ndarray:
    r = max(radius, 0.5)
    n = 2 * math.ceil(r) + 1
    yy, xx = np.mgrid[:n, :n] - n // 2
    kernel = np.clip(r + 0.5 - np.hypot(xx, yy), 0, 1).astype(np.float32)
    return kernel / kernel.sum()


def _line(length: float, angle: float) -> np.ndarray:
    n = max(3, math.ceil(length) | 1)
    kernel = np.zeros((n, n), np.float32)
    kernel[n // 2, (n - round(length)) // 2 : (n + round(length)) // 2 + 1] = 1
    turn = cv2.getRotationMatrix2D(((n - 1) / 2, (n - 1) / 2), angle, 1)
    kernel = cv2.warpAffine(kernel, turn, (n, n))
    return kernel / kernel.sum()


def _module_px(symbology: str, distortion: str, rng: random.Random, modules: int) -> float:
    if distortion == "small in 12 MP":
        return rng.uniform(3.5, 6.0) if symbology in _2D else rng.uniform(1.8, 3.0)
    share = rng.uniform(0.06, 0.3) if symbology in _2D else rng.uniform(0.15, 0.45)
    width = SIZE_12MP[0] * share
    return max(width / modules, 2.0)


def photo(symbology: str, distortion: str, rng: random.Random) -> Photo:
    """One phone photo of one code under ``distortion``."""
    text = _payload(symbology, rng)
    np_rng = np.random.default_rng(rng.randrange(2**32))
    modules = barcode_bitmap(symbology, text, 1).shape[1]  # with quiet zones; close enough
    module_px = _module_px(symbology, distortion, rng, modules)
    upright = distortion == "EXIF rotated"
    w, h = SIZE_48MP if distortion == "48 MP" else SIZE_12MP
    if distortion == "48 MP":
        module_px *= 2  # the same view on a sensor twice as fine
    if upright:
        w, h = h, w  # held upright: a portrait photo
    drawn = max(2, min(12, round(module_px)))
    label, _box = _label(symbology, text, drawn, distortion, rng)
    if distortion == "curved":
        label = _curve(label, rng.uniform(70, 110))
    scale = module_px / drawn
    lh, lw = label.shape
    if scale < 1:  # what the lens does anyway, and no aliasing from the warp
        label = cv2.GaussianBlur(label, (0, 0), 0.5 / scale)
    angle, tilt, lean = rng.uniform(-6, 6), rng.uniform(0, 0.08), rng.uniform(-0.04, 0.04)
    if distortion == "tilt":
        angle, tilt = rng.uniform(-25, 25), rng.uniform(0.3, 0.5)
        lean = rng.choice((-1, 1)) * rng.uniform(0.1, 0.2)
    size = (lw * scale, lh * scale)
    margin = 0.55 * math.hypot(*size)
    center = (
        rng.uniform(margin, max(margin + 1, w - margin)),
        rng.uniform(margin, max(margin + 1, h - margin)),
    )
    scene = _cardboard(np_rng, w, h)
    quad = _quad(center, size, angle, tilt, lean)
    _paste(scene, label, quad)
    x0, y0 = np.floor(quad.min(axis=0) - 4 * module_px - 20).astype(int)
    x1, y1 = np.ceil(quad.max(axis=0) + 4 * module_px + 20).astype(int)
    box = (max(0, x0), max(0, y0), min(w, x1), min(h, y1))
    _optics(scene, box, distortion, module_px, rng)
    image = _light(scene, box, distortion, rng, np_rng)
    image = _sensor(image, distortion, np_rng)
    return Photo(symbology, distortion, text, module_px, (w, h), _jpeg(image, distortion, rng))


def _paste(scene: np.ndarray, label: np.ndarray, quad: np.ndarray) -> None:
    lh, lw = label.shape
    x0, y0 = np.maximum(np.floor(quad.min(axis=0)).astype(int), 0)
    x1, y1 = np.ceil(quad.max(axis=0)).astype(int)
    x1, y1 = min(x1, scene.shape[1]), min(y1, scene.shape[0])
    src = np.array([[0, 0], [lw, 0], [lw, lh], [0, lh]], np.float32)
    matrix = cv2.getPerspectiveTransform(src, (quad - (x0, y0)).astype(np.float32))
    size = (x1 - x0, y1 - y0)
    warped = cv2.warpPerspective(label, matrix, size, flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones_like(label), matrix, size, flags=cv2.INTER_LINEAR)
    region = scene[y0:y1, x0:x1]
    tint = np.array([0.97, 1.0, 1.02], np.float32)  # paper a little warm under bench light
    region[:] = warped[..., None] * tint * mask[..., None] + region * (1 - mask[..., None])


def _optics(
    scene: np.ndarray,
    box: tuple[int, int, int, int],
    distortion: str,
    module_px: float,
    rng: random.Random,
) -> None:
    """Lens blur, and for two distortions much more, on the code's part of the picture."""
    x0, y0, x1, y1 = box
    part = scene[y0:y1, x0:x1]
    part[:] = cv2.GaussianBlur(part, (0, 0), rng.uniform(0.7, 1.1))
    if distortion == "defocus":
        part[:] = cv2.filter2D(part, -1, _disk(module_px * rng.uniform(0.35, 0.65)))
    elif distortion == "motion blur":
        kernel = _line(module_px * rng.uniform(0.6, 1.1), rng.uniform(0, 180))
        part[:] = cv2.filter2D(part, -1, kernel)


def _light(
    scene: np.ndarray,
    box: tuple[int, int, int, int],
    distortion: str,
    rng: random.Random,
    np_rng: np.random.Generator,
) -> np.ndarray:
    """Illumination: gentle everywhere; a hard shadow and fall-off, or a glare spot."""
    h, w = scene.shape[:2]
    yy, xx = np.ogrid[:h, :w]
    vignette = 1 - 0.25 * (((xx - w / 2) / w) ** 2 + ((yy - h / 2) / h) ** 2) * 4
    light = np.broadcast_to(vignette, (h, w)).astype(np.float32)
    x0, y0, x1, y1 = box
    bw, bh = x1 - x0, y1 - y0
    if distortion == "uneven light":
        a = rng.uniform(0, 2 * math.pi)
        along = ((xx - x0 - bw / 2) * math.cos(a) + (yy - y0 - bh / 2) * math.sin(a)) / max(bw, bh)
        falloff = np.clip(0.7 + 0.6 * along, 0.3, 1.1)
        edge = rng.uniform(-0.25, 0.25)  # a phone's or hand's shadow across the code
        b = a + rng.uniform(0.8, 2.3)
        across = ((xx - x0 - bw / 2) * math.cos(b) + (yy - y0 - bh / 2) * math.sin(b)) / max(bw, bh)
        shadow = 1 - 0.55 / (1 + np.exp(-(across - edge) * 40))
        light = (light * falloff * shadow).astype(np.float32)
    out = scene * light[..., None]
    if distortion == "glare":
        cx, cy = x0 + bw * rng.uniform(0.3, 0.7), y0 + bh * rng.uniform(0.3, 0.7)
        radius = max(bw, bh) * rng.uniform(0.04, 0.09)
        spot = np.exp(-(((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * radius**2))).astype(np.float32)
        veil = np.exp(-(((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * (3 * radius) ** 2)))
        out += (spot * 300 + veil.astype(np.float32) * 35)[..., None]
    return out


def _sensor(image: np.ndarray, distortion: str, rng: np.random.Generator) -> np.ndarray:
    """Exposure, shot and read noise with colour, then the phone's denoise and sharpening."""
    gain = 1.0
    if distortion == "noise":  # a dim room: a quarter of the light, four times the gain
        gain = 4.0
        image = image / gain
    lin = np.clip(image, 0, 255)
    sigma = np.sqrt(0.08 * lin + 1.5)
    noisy = lin + rng.standard_normal(lin.shape, np.float32) * sigma
    noisy = np.clip(noisy * gain, 0, 255)
    out = noisy.astype(np.uint8)
    if distortion == "noise":
        out = cv2.bilateralFilter(out, 5, 30, 3)  # the phone's own noise reduction, partly
    soft = cv2.GaussianBlur(out, (0, 0), 1.2)
    return cv2.addWeighted(out, 1.6, soft, -0.6, 0)  # the phone's sharpening


def _jpeg(image: np.ndarray, distortion: str, rng: random.Random) -> bytes:
    quality = 50 if distortion == "jpeg q50" else rng.randint(85, 93)
    rgb = image[..., ::-1]
    exif = Image.Exif()
    if distortion == "EXIF rotated":  # the sensor's pixels as read, and the turn to show them
        orientation = rng.choice((6, 8, 3))
        turn = {6: cv2.ROTATE_90_COUNTERCLOCKWISE, 8: cv2.ROTATE_90_CLOCKWISE, 3: cv2.ROTATE_180}
        rgb = cv2.rotate(np.ascontiguousarray(rgb), turn[orientation])
        exif[0x0112] = orientation
    exif[0x010F] = "Phone"
    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb)).save(
        buffer, "JPEG", quality=quality, subsampling=2, exif=exif.tobytes()
    )
    return buffer.getvalue()


def generate(per_cell: int = 2, seed: int = 2026) -> Iterator[Photo]:
    """``per_cell`` photos for every (symbology, distortion)."""
    rng = random.Random(seed)
    for distortion in DISTORTIONS:
        for symbology in SYMBOLOGIES:
            for _ in range(per_cell):
                yield photo(symbology, distortion, rng)
