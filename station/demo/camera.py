"""The demo camera: a looping video of return parcels carrying the demo store's own codes.

The clip is filmed once per data folder, in the background, from orders the store expects;
until it exists the camera reports that it is not ready and the reader keeps retrying, exactly
as it does for a webcam that is not plugged in yet.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import numpy as np

from station.capture.frames import SourceError, VideoFileSource
from station.demo.video import write_demo_video

log = logging.getLogger(__name__)

PARCELS = 8


class DemoCamera:
    def __init__(self, path: Path, fps: float = 30.0) -> None:
        self.path = path
        self.name = "demo camera"
        self.fps = fps
        self._video: VideoFileSource | None = None

    def open(self) -> None:
        if not self.path.is_file():
            raise SourceError("the demo camera's video is being prepared")
        self._video = VideoFileSource(self.path, loop=True)
        self._video.open()
        self.fps = self._video.fps

    def read(self) -> np.ndarray | None:
        assert self._video is not None, "open() first"
        return self._video.read()

    def close(self) -> None:
        if self._video is not None:
            self._video.close()
            self._video = None


def film_in_background(path: Path, orders: list[dict[str, object]]) -> threading.Thread | None:
    """Write the clip for ``orders`` (manifest-like rows) unless it is there already."""
    if path.is_file() or not orders:
        return None

    def work() -> None:
        try:
            rmas = [str(row["rma_no"]) for row in orders]
            write_demo_video(path, rmas, orders=orders)
            log.info("demo camera video written: %s", path)
        except Exception:
            log.exception("could not write the demo camera video")

    thread = threading.Thread(target=work, name="demo-camera-film", daemon=True)
    thread.start()
    return thread
