"""Camera frames to JPEG, and image files from disk to frames, safely.

``DEFAULT_QUALITY`` is measured by ``bench/photo_pipeline.py``: at 85 a 1080p bench photo is
175–315 KB with ordinary sensor noise and at most about 380 KB with twice that noise and a
garment's fine weave filling the frame, under the 400 KB budget (90 goes over it); the
shipping label's small print stays legible and its 2-pixel-module Code128 reads back from
the JPEG (it does from 75 up).

An imported file is untrusted: it is decoded by :mod:`station.images` within the station's
pixel budget (the header is read first, a decompression bomb refused before any pixel is
decoded, a large JPEG decoded at a fraction of its size), after it was refused if too large
in bytes. A truncated or damaged file fails while decoding, with a clear message, and nothing
is kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import cv2
import numpy as np

from station.evidence.errors import ImageRejected
from station.images import (
    MAX_PIXELS,
    DamagedImage,
    ImageTooLarge,
    NotAnImage,
    decode_image,
    image_size,
)

DEFAULT_QUALITY: Final = 85
MAX_FILE_BYTES: Final = 100 * 1024 * 1024
MIN_SIDE: Final = 16
ACCEPTED_FORMATS: Final = frozenset({"JPEG", "PNG", "WEBP", "BMP", "TIFF"})

Frame = np.ndarray


@dataclass(frozen=True, slots=True)
class EncodedPhoto:
    data: bytes
    width: int
    height: int


def check_frame(frame: object) -> Frame:
    """``frame`` if it is a usable BGR (or grey) uint8 image; :class:`ImageRejected` if not."""
    if not isinstance(frame, np.ndarray):
        raise ImageRejected(
            f"A camera frame must be an image array, not {type(frame).__name__}.",
            "相机画面格式错误（不是图像数组）。",
        )
    shape_ok = frame.ndim == 2 or (frame.ndim == 3 and frame.shape[2] in (1, 3))
    if frame.dtype != np.uint8 or not shape_ok:
        raise ImageRejected(
            f"A camera frame must be 8-bit BGR; got {frame.dtype} with shape {frame.shape}.",
            "相机画面格式错误（需要8位彩色图像）。",
        )
    height, width = frame.shape[:2]
    _check_size(width, height)
    return frame


def _check_size(width: int, height: int, name: str = "The image") -> None:
    zh_name = "图片" if name == "The image" else name
    if width < MIN_SIDE or height < MIN_SIDE:
        raise ImageRejected(
            f"{name} is too small ({width}×{height} pixels) to be evidence.",
            f"{zh_name} 太小（{width}×{height} 像素），不能作为凭证。",
        )
    if width * height > MAX_PIXELS:
        raise ImageRejected(
            f"{name} is too large: {width}×{height} pixels"
            f" ({width * height / 1e6:.0f} megapixels, at most {MAX_PIXELS / 1e6:.0f}).",
            f"{zh_name} 过大：{width}×{height} 像素（{width * height / 1e6:.0f} 百万像素，"
            f"上限 {MAX_PIXELS / 1e6:.0f}）。",
        )


def encode_jpeg(frame: Frame, quality: int = DEFAULT_QUALITY) -> EncodedPhoto:
    """JPEG bytes of a BGR frame (optimised Huffman tables: ~5 % smaller, same pixels)."""
    frame = check_frame(frame)
    if not 1 <= quality <= 100:
        raise ValueError(f"JPEG quality must be 1-100, not {quality}")
    params = [cv2.IMWRITE_JPEG_QUALITY, quality, cv2.IMWRITE_JPEG_OPTIMIZE, 1]
    ok, buffer = cv2.imencode(".jpg", np.ascontiguousarray(frame), params)
    if not ok:
        raise ImageRejected(
            "The camera frame could not be encoded as JPEG.", "相机画面无法编码为JPEG。"
        )
    height, width = frame.shape[:2]
    return EncodedPhoto(buffer.tobytes(), width, height)


def decode_jpeg(data: bytes) -> Frame:
    """A BGR frame from JPEG bytes of the blob store (within the pixel budget)."""
    check_pixels(data)
    frame = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if frame is None:
        raise ImageRejected("The stored photo cannot be decoded.", "已存储的照片无法解码。")
    return frame


def _not_an_image(name: str) -> ImageRejected:
    return ImageRejected(
        f"{name} is not an image the station can read (JPEG, PNG, WebP, BMP or TIFF).",
        f"{name} 不是可识别的图片文件（支持 JPEG、PNG、WebP、BMP、TIFF）。",
    )


def _damaged(name: str, detail: str) -> ImageRejected:
    return ImageRejected(
        f"{name} is damaged or incomplete ({detail}); copy it again from the camera.",
        f"{name} 已损坏或不完整（{detail}），请重新从相机复制。",
    )


def _too_many_bytes(name: str, size: int) -> ImageRejected:
    mb, limit = size / 2**20, MAX_FILE_BYTES / 2**20
    return ImageRejected(
        f"{name} is too large ({mb:.0f} MB, at most {limit:.0f} MB).",
        f"{name} 文件过大（{mb:.0f} MB，上限 {limit:.0f} MB）。",
    )


def _too_large(name: str, exc: ImageTooLarge) -> ImageRejected:
    zh_name = "图片" if name == "the file" else name
    zh_size = f"{exc.width}×{exc.height} 像素" if exc.width else f"{exc.megapixels} 百万像素"
    size = f"{exc.size} pixels ({exc.megapixels} megapixels," if exc.width else f"{exc.size} ("
    return ImageRejected(
        f"{name} is too large: {size} at most {exc.limit_megapixels}).",
        f"{zh_name} 过大：{zh_size}（{exc.megapixels} 百万像素，上限 {exc.limit_megapixels}）。",
    )


@contextmanager
def _rejected_as(name: str) -> Iterator[None]:
    """What the image decoder refuses, as an :class:`ImageRejected` naming ``name``."""
    try:
        yield
    except ImageTooLarge as exc:
        raise _too_large(name, exc) from None
    except NotAnImage as exc:
        raise _not_an_image(name) from exc
    except DamagedImage as exc:
        raise _damaged(name, str(exc)) from exc


def check_pixels(data: bytes | Path, name: str = "The image") -> tuple[int, int]:
    """The picture's size from its header, refused (:class:`ImageRejected`) when it is not an
    image or past the pixel budget: before cv2 decodes a blob whole."""
    with _rejected_as(name):
        return image_size(data)


def load_image_bytes(data: bytes, *, name: str = "the file") -> Frame:
    """Decode an untrusted image to a BGR frame, upright (EXIF orientation applied)."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_many_bytes(name, len(data))
    with _rejected_as(name):
        frame = decode_image(data, upright=True, formats=ACCEPTED_FORMATS)
    height, width = frame.shape[:2]
    _check_size(width, height, name)
    return frame


def load_image_file(path: Path) -> Frame:
    """Read and decode an image file picked by the user; every failure is an
    :class:`ImageRejected` naming the file."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_many_bytes(name, size)
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ImageRejected(f"{name} does not exist.", f"{name} 不存在。") from exc
    except IsADirectoryError as exc:
        raise _not_an_image(name) from exc
    except OSError as exc:
        raise ImageRejected(
            f"{name} cannot be read ({exc.strerror}).", f"{name} 无法读取（{exc.strerror}）。"
        ) from exc
    if not data:
        raise _not_an_image(name)
    return load_image_bytes(data, name=name)
