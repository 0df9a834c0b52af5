"""Pictures from a clip at given moments (the evidence pack's frames at the chapters)."""

from __future__ import annotations

from pathlib import Path

import av
import cv2
import numpy as np


def frames_at(path: Path, times_ms: list[int], *, width: int = 480) -> list[np.ndarray]:
    """The first frame at or after each time (BGR, ``width`` pixels wide); a time past the end
    gives the last frame. Seeks to the key frame before each time and decodes forward (key
    frames are a second apart, so this reads at most a second of video per picture)."""
    pictures: list[np.ndarray] = []
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        time_base = stream.time_base
        assert time_base is not None
        for wanted in times_ms:
            container.seek(int(wanted / 1000 / time_base), stream=stream, backward=True)
            chosen = None
            for frame in container.decode(stream):
                chosen = frame
                if frame.time is not None and frame.time * 1000 >= wanted:
                    break
            if chosen is None:
                continue
            image = chosen.to_ndarray(format="bgr24")
            h, w = image.shape[:2]
            pictures.append(
                cv2.resize(image, (width, h * width // w), interpolation=cv2.INTER_AREA)
            )
    return pictures
