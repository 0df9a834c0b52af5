"""Thumbnails for the photo strip: small JPEGs cached on disk, derived from the originals.

They live in ``<photos>/thumbs/ab/cdef….jpg`` (named by the original's SHA-256). The folder
is a cache: deleting it loses nothing, :meth:`ThumbnailCache.ensure` re-creates a missing
thumbnail from its original. Thumbnails are never part of the evidence chain.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import Final

import cv2
import numpy as np

from station.evidence.blobs import BlobStore, relative_path
from station.evidence.encode import Frame, check_frame, check_pixels
from station.evidence.errors import ImageRejected, storage_error
from station.store.files import write_atomically

log = logging.getLogger(__name__)

THUMB_WIDTH: Final = 320
THUMB_QUALITY: Final = 80
_REDUCED: Final = (
    (8, cv2.IMREAD_REDUCED_COLOR_8),
    (4, cv2.IMREAD_REDUCED_COLOR_4),
    (2, cv2.IMREAD_REDUCED_COLOR_2),
)


def render_thumbnail(frame: Frame, width: int = THUMB_WIDTH) -> bytes:
    """JPEG bytes of ``frame`` scaled to ``width`` pixels wide (never enlarged)."""
    frame = check_frame(frame)
    height, full_width = frame.shape[:2]
    if full_width > width:
        size = (width, max(1, round(height * width / full_width)))
        frame = cv2.resize(frame, size, interpolation=cv2.INTER_AREA)
    ok, buffer = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, THUMB_QUALITY])
    if not ok:
        raise ImageRejected("The thumbnail could not be encoded.", "缩略图无法编码。")
    return bytes(buffer.tobytes())


def _decode_reduced(data: bytes, width: int) -> Frame:
    """Decode a JPEG at 1/2, 1/4 or 1/8 scale when that is still wide enough: the decoder
    skips most of the work. A blob past the pixel budget is refused from its header."""
    check_pixels(data, "The stored photo")
    buffer = np.frombuffer(data, np.uint8)
    probe = cv2.imdecode(buffer, cv2.IMREAD_REDUCED_GRAYSCALE_8)
    full_width = probe.shape[1] * 8 if probe is not None else 0
    for factor, flag in _REDUCED:
        if full_width // factor >= width:
            frame = cv2.imdecode(buffer, flag)
            if frame is not None:
                return frame
    frame = cv2.imdecode(buffer, cv2.IMREAD_COLOR)
    if frame is None:
        raise ImageRejected("The stored photo cannot be decoded.", "已存储的照片无法解码。")
    return frame


class ThumbnailCache:
    def __init__(self, root: Path, *, width: int = THUMB_WIDTH) -> None:
        self.root = root
        self.width = width

    def path_for(self, sha256: str) -> Path:
        return self.root / relative_path(sha256)

    def write(self, sha256: str, frame: Frame) -> tuple[Path, bool]:
        """Write the thumbnail of the photo ``sha256`` from its frame unless it is cached;
        return its path and whether it was written now."""
        path = self.path_for(sha256)
        if path.exists():
            return path, False
        data = render_thumbnail(frame, self.width)
        try:
            written = write_atomically(path, data)
        except OSError as exc:
            raise storage_error(exc, "the thumbnail", "缩略图") from exc
        return path, written

    def discard(self, sha256: str) -> None:
        """Drop a cached thumbnail (it is derived; it comes back on demand)."""
        with contextlib.suppress(FileNotFoundError):
            self.path_for(sha256).unlink()

    def ensure(self, sha256: str, blobs: BlobStore) -> Path:
        """The thumbnail's path, re-created from the verified original if it is missing."""
        path = self.path_for(sha256)
        if path.exists():
            return path
        frame = _decode_reduced(blobs.read(sha256, verify=True), self.width)
        log.info("re-creating the thumbnail of %s", sha256)
        return self.write(sha256, frame)[0]
