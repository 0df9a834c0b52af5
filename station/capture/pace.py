"""How often live scanning decodes and shows frames: every frame while the view changes, a few
a second while it is still.

Most of a bench's day the camera sees a still view: the empty bench, the login screen's
camera, a parcel lying open. Decoding that thirty times a second finds nothing new, and
showing it thirty times a second shows nothing new. So each frame is boiled down to a
thumbnail (grey cells of 16x16 pixels at 1280x720) and compared with the
thumbnail of the last frame decoded: a few cells changed by more than sensor noise mean
something moved. Then, and for ``hold_s`` after, and while a code read once waits to be read
again (see :class:`~station.capture.debounce.Debouncer`), every frame is decoded; otherwise
``still_decode_fps`` frames a second are, which still catches a code that comes into focus
without moving. Frames are shown at ``preview_fps`` while the view changes and
``still_preview_fps`` while it does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import cv2
import numpy as np

_CELLS_ACROSS: Final = 80  # thumbnail width: cells of 16x16 pixels at 1280x720
_CHANGED: Final = 8  # grey levels a cell's mean must move by: many times its noise
_CELLS_CHANGED: Final = 3  # a small sticker coming into view spans more cells than this


def thumbnail(image: np.ndarray) -> np.ndarray:
    """Grey cell means of a BGR or grey frame, about 80 cells across (about 0.5 ms); a frame
    that is neither is refused before it can become what later frames are compared with."""
    if image.dtype != np.uint8 or image.size == 0 or image.ndim not in (2, 3):
        raise ValueError(f"not a camera frame: shape {image.shape}, dtype {image.dtype}")
    if image.ndim == 3 and image.shape[2] not in (1, 3):
        raise ValueError(f"not a camera frame: {image.shape[2]} channels")
    if image.ndim == 3 and image.shape[2] == 1:  # grey, with a channel axis
        image = image[:, :, 0]
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    h, w = grey.shape[:2]
    cell = max(1, w // _CELLS_ACROSS)
    size = (max(1, w // cell), max(1, h // cell))
    return np.asarray(cv2.resize(grey, size, interpolation=cv2.INTER_AREA))


def changed(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two thumbnails show a different view (sensor noise and JPEG do not count)."""
    if a.shape != b.shape:
        return True
    return int(np.count_nonzero(cv2.absdiff(a, b) > _CHANGED)) >= _CELLS_CHANGED


@dataclass(frozen=True, slots=True)
class Plan:
    decode: bool
    show: bool
    still: bool  # nothing moved lately and no code waits to be read again


class Pace:
    """Decides, frame by frame, whether to decode and whether to show. One thread only."""

    def __init__(
        self,
        *,
        still_decode_fps: float = 3.0,
        preview_fps: float = 15.0,
        still_preview_fps: float = 5.0,
        hold_s: float = 0.5,
    ) -> None:
        if min(still_decode_fps, preview_fps, still_preview_fps) <= 0 or hold_s < 0:
            raise ValueError("frame rates must be positive and hold_s not negative")
        self.still_decode_s = 1 / still_decode_fps
        self.preview_s = 1 / preview_fps
        self.still_preview_s = 1 / still_preview_fps
        self.hold_s = hold_s
        self._reference: np.ndarray | None = None  # the last decoded frame's thumbnail
        self._last_image: np.ndarray | None = None
        self._moved_at: float | None = None
        self._decoded_at: float | None = None
        self._shown_at: float | None = None

    def plan(self, image: np.ndarray, t: float, *, pending: bool = False) -> Plan:
        """What to do with the frame ``image`` taken at ``t``; ``pending``: a code was read
        lately that has not been reported yet."""
        if self._decoded_at is not None and t < self._decoded_at:  # the clock went back
            self._moved_at = self._decoded_at = self._shown_at = None
        same_picture = image is self._last_image  # a held picture, handed out again
        self._last_image = image
        thumb = None if same_picture else thumbnail(image)
        if thumb is not None and (self._reference is None or changed(thumb, self._reference)):
            self._moved_at = t
        still = not pending and (self._moved_at is None or t - self._moved_at > self.hold_s)
        decode = not still or _due(self._decoded_at, t, self.still_decode_s)
        if decode:
            self._decoded_at = t
            if thumb is not None:
                self._reference = thumb
        show = _due(self._shown_at, t, self.still_preview_s if still else self.preview_s)
        if show:
            self._shown_at = t
        return Plan(decode, show, still)


def _due(last: float | None, t: float, period: float) -> bool:
    # 10 ms early still counts: frames arrive with jitter, and a frame that just missed its
    # turn would otherwise wait a whole frame more.
    return last is None or t - last >= period - 0.010
