"""Every image the station opens is decoded here, within one pixel budget.

An image is untrusted wherever it comes from (a file picked for import, a folder a test
camera reads, a blob pulled from the central service): a few kilobytes of PNG can claim
7071×7071 pixels and cost hundreds of megabytes once decoded. The header is read first
(Pillow opens lazily) and the image refused before any pixel is decoded when it claims more
than the budget; a JPEG past it is decoded at 1/2, 1/4 or 1/8 of its size instead (the
decoder's own scaling, which never holds the full picture), so a 48-megapixel phone photo
still imports, at a size the budget allows.

Callers word the errors for their own users; each says what was wrong.
"""

from __future__ import annotations

import io
import logging
import struct
import warnings
from pathlib import Path
from typing import Final

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PIXELS: Final = 24_000_000  # decoded: 72 MB as 8-bit RGB
# Formats Pillow decodes itself. Never one it hands to another program: an EPS file is run by
# Ghostscript, and a looping one hung `station decode` (and would have hung central's export).
PICTURE_FORMATS: Final = frozenset({"JPEG", "PNG", "WEBP", "BMP", "TIFF", "GIF"})
_SCALES: Final = (1, 2, 4, 8)  # what a JPEG decoder scales by for nothing

log = logging.getLogger(__name__)


class ImageError(ValueError):
    """An image that cannot be decoded safely; ``str()`` says why."""


class NotAnImage(ImageError):
    pass


class DamagedImage(ImageError):
    pass


class ImageTooLarge(ImageError):
    """``size``: "8000×7000" when the header said, else "200 megapixels" (what Pillow said)."""

    def __init__(self, pixels: int, limit: int, width: int = 0, height: int = 0) -> None:
        self.pixels, self.limit, self.width, self.height = pixels, limit, width, height
        self.megapixels = round(pixels / 1e6)
        self.limit_megapixels = round(limit / 1e6)
        self.size = f"{width}×{height}" if width else f"{self.megapixels} megapixels"
        super().__init__(
            f"{self.size} pixels is more than {self.limit_megapixels} megapixels"
            if width
            else f"{self.size} is more than {self.limit_megapixels} megapixels"
        )

    @classmethod
    def of(cls, image: Image.Image, limit: int) -> ImageTooLarge:
        width, height = image.size
        return cls(width * height, limit, width, height)


Source = bytes | Path


def _open(source: Source) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # our limit is lower
        try:
            return Image.open(io.BytesIO(source) if isinstance(source, bytes) else source)
        except Image.DecompressionBombError as exc:
            raise ImageTooLarge(_claimed(str(exc)), MAX_PIXELS) from None
        except (UnidentifiedImageError, SyntaxError) as exc:
            raise NotAnImage("not an image") from exc
        except (OSError, ValueError) as exc:
            raise DamagedImage(str(exc)) from exc


def _claimed(message: str) -> int:
    """The pixel count Pillow's bomb error names (it does not name the sides)."""
    digits = "".join(c if c.isdigit() else " " for c in message).split()
    return int(digits[0]) if digits else 0


def _scale(image: Image.Image, max_pixels: int) -> int:
    """By how much the picture must be shrunk while decoding to fit; 0: it cannot be."""
    width, height = image.size
    for scale in _SCALES:
        fits = (-(-width // scale)) * (-(-height // scale)) <= max_pixels
        if fits and (scale == 1 or image.format == "JPEG"):
            return scale
    return 0


def image_size(
    source: Source, *, max_pixels: int = MAX_PIXELS, formats: frozenset[str] = PICTURE_FORMATS
) -> tuple[int, int]:
    """The picture's width and height from its header; refused as :func:`decode_image` would."""
    with _open(source) as image:
        _check_format(image, formats)
        if not _scale(image, max_pixels):
            raise ImageTooLarge.of(image, max_pixels)
        return image.size


def _check_format(image: Image.Image, formats: frozenset[str]) -> None:
    if image.format not in formats:
        raise NotAnImage(f"a {image.format} image, not one of {', '.join(sorted(formats))}")


def _upright(image: Image.Image) -> Image.Image:
    """The picture as it is meant to be seen: phones store their pixels as the sensor read them
    and say in the EXIF orientation tag how to turn them. An EXIF block that cannot be parsed
    leaves the pixels as stored."""
    try:
        return ImageOps.exif_transpose(image) or image
    except (OSError, ValueError, SyntaxError, KeyError, TypeError, struct.error):
        log.debug("ignoring an unreadable EXIF block", exc_info=True)
        return image


def decode_image(
    source: Source,
    *,
    color: bool = True,
    upright: bool = False,
    formats: frozenset[str] = PICTURE_FORMATS,
    max_pixels: int = MAX_PIXELS,
) -> np.ndarray:
    """The picture as a BGR (or grey) uint8 array of at most ``max_pixels``; EXIF orientation
    applied when ``upright``; only the Pillow ``formats`` given."""
    with _open(source) as image:
        _check_format(image, formats)
        scale = _scale(image, max_pixels)
        if not scale:
            raise ImageTooLarge.of(image, max_pixels)
        try:
            if scale > 1:
                width, height = image.size
                image.draft("RGB" if color else "L", (width // scale, height // scale))
            image.load()  # decodes the pixels: a truncated file fails here
            turned = _upright(image) if upright else image
            converted = turned.convert("RGB" if color else "L")
        except Image.DecompressionBombError as exc:
            raise ImageTooLarge(_claimed(str(exc)), max_pixels) from None
        except (OSError, ValueError, SyntaxError, EOFError) as exc:
            raise DamagedImage(str(exc)) from exc
    pixels = np.asarray(converted)
    return np.ascontiguousarray(pixels[:, :, ::-1] if color else pixels)
