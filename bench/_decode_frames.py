"""Generated camera frames for the decode benchmark: labelled parcels under known distortions.

Each frame shows one parcel with a label carrying one code (the truth), placed by a fixed seed,
then one distortion. Frames are drawn at 1280x720; the 640x480 version is the centre 4:3 crop
scaled down, as a 4:3 camera mode with the same height of view would see it.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

import cv2
import numpy as np

from station.demo.orders import generate_orders
from station.demo.video import bench_background, label_image, paste, place
from station.domain.codes import ean_check_digit

KINDS = (
    "code128 RMA",
    "code128 waybill",
    "code39",
    "ean13",
    "upca",
    "itf",
    "qr",
    "datamatrix",
)
DISTORTIONS = (
    "clean",
    "rotate 15°",
    "rotate 45°",
    "rotate 90°",
    "perspective",
    "blur σ1",
    "blur σ2",
    "blur σ3",
    "motion blur",
    "noise",
    "low light",
    "glare",
    "jpeg q30",
)
# The targets: Code128 and QR, rotation up to 15°, blur up to σ 2.
TARGET_KINDS = ("code128 RMA", "code128 waybill", "qr")
TARGET_DISTORTIONS = ("clean", "rotate 15°", "blur σ1", "blur σ2")


@dataclass(frozen=True, slots=True)
class Sample:
    kind: str
    distortion: str
    symbology: str
    text: str
    module_px: float  # narrowest bar or module at 1280x720
    hd: np.ndarray  # 1280x720 grey
    vga: np.ndarray  # 640x480 grey


def _payloads(rng: random.Random) -> dict[str, Callable[[], str]]:
    orders = list(generate_orders(400, today=date(2026, 11, 20), seed=7))

    def digits(n: int) -> str:
        return "".join(rng.choice("0123456789") for _ in range(n))

    def gtin(body: str) -> str:
        return body + str(ean_check_digit(body))

    return {
        "code128 RMA": lambda: rng.choice(orders)["rma_no"],
        "code128 waybill": lambda: rng.choice(orders)["tracking"][0]["tracking_no"],
        "code39": lambda: "SN" + digits(8),
        "ean13": lambda: rng.choice(rng.choice(orders)["lines"])["ean"],
        "upca": lambda: gtin(digits(11)),
        "itf": lambda: gtin("1" + "69" + digits(10)),
        "qr": lambda: rng.choice(orders)["rma_no"],
        "datamatrix": lambda: "SN" + digits(10),
    }


def _symbology(kind: str) -> str:
    return kind.split()[0]


def _distort(gray: np.ndarray, distortion: str, rng: random.Random, scale: float) -> np.ndarray:
    """Photometric distortions; ``scale`` shrinks optical ones with the resolution."""
    seed = rng.randrange(2**31)
    noise = np.random.default_rng(seed)
    image = gray.astype(np.float32)
    if distortion.startswith("blur σ"):
        sigma = float(distortion.removeprefix("blur σ")) * scale
        image = cv2.GaussianBlur(image, (0, 0), sigma)
    elif distortion == "motion blur":
        length = max(3, round(rng.uniform(6, 12) * scale))
        kernel = np.zeros((length, length), np.float32)
        kernel[length // 2, :] = 1 / length
        turn = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), rng.uniform(0, 180), 1)
        kernel = cv2.warpAffine(kernel, turn, (length, length))
        image = cv2.filter2D(image, -1, kernel / kernel.sum())
    elif distortion == "noise":
        image += noise.normal(0, 14, image.shape)
    elif distortion == "low light":
        image = image * 0.22 + 4 + noise.normal(0, 3, image.shape)
    elif distortion == "glare":
        h, w = image.shape
        cx, cy = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.35, 0.65)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        radius = rng.uniform(0.08, 0.14) * w
        blob = np.exp(-(((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * radius**2)))
        image = image + blob * 170
    image = np.clip(image + noise.normal(0, 1.5, image.shape), 0, 255).astype(np.uint8)
    if distortion == "jpeg q30":
        _, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 30])
        image = cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)
    return image


def _scene(kind: str, text: str, distortion: str, rng: random.Random) -> tuple[np.ndarray, float]:
    symbology = _symbology(kind)
    two_d = symbology in ("qr", "datamatrix")
    label = label_image([(symbology, text)], module_px=4, header="RETURN")
    module = rng.uniform(4.0, 7.0) if two_d else rng.uniform(1.6, 3.6)
    factor = module / 4
    label = cv2.resize(label, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    lh, lw = label.shape[:2]
    box = np.empty((lh + 120, lw + 160, 3), np.uint8)
    box[:] = (92 + rng.randint(-15, 15), 150, 196)
    box[40 : 40 + lh, 60 : 60 + lw] = label
    angle = rng.uniform(-3, 3)
    tilt = 0.0
    match distortion:
        case "rotate 15°":
            angle = rng.choice((-1, 1)) * rng.uniform(8, 15)
        case "rotate 45°":
            angle = rng.choice((-1, 1)) * rng.uniform(35, 50)
        case "rotate 90°":
            angle = rng.choice((-1, 1)) * rng.uniform(80, 90)
        case "perspective":
            angle, tilt = rng.uniform(-10, 10), rng.uniform(0.25, 0.4)
    frame = bench_background((1280, 720), seed=rng.randrange(1000))
    bh, bw = box.shape[:2]
    center = (640 + rng.uniform(-120, 120), 360 + rng.uniform(-60, 60))
    paste(frame, box, place(center, (bw, bh), angle, tilt))
    return cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY), module


def generate(per_cell: int = 3, seed: int = 2026) -> Iterator[Sample]:
    """``per_cell`` frames for every (kind, distortion): 8 x 13 x 3 = 312 by default."""
    rng = random.Random(seed)
    payloads = _payloads(rng)
    for distortion in DISTORTIONS:
        for kind in KINDS:
            for _ in range(per_cell):
                text = payloads[kind]()
                clean, module = _scene(kind, text, distortion, rng)
                vga_clean = cv2.resize(clean[:, 160:1120], (640, 480), interpolation=cv2.INTER_AREA)
                state = rng.getstate()
                hd = _distort(clean, distortion, rng, 1.0)
                rng.setstate(state)  # the same noise draw for both resolutions
                vga = _distort(vga_clean, distortion, rng, 480 / 720)
                yield Sample(kind, distortion, _symbology(kind), text, module, hd, vga)
