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
from station.demo.video import FilmingStopped, write_demo_video
from station.runtime.worker import FINISHED, Finished, Worker
from station.store.files import remove_leftovers

log = logging.getLogger(__name__)

PARCELS = 8


class DemoCamera:
    """The clip, looping; :meth:`pause` holds the parcel in view (while one is open at the
    bench, so the next one does not come along) until :meth:`resume`. Both are thread-safe
    and outlast a reopen."""

    def __init__(self, path: Path, fps: float = 30.0) -> None:
        self.path = path
        self.name = "demo camera"
        self.fps = fps
        self._video: VideoFileSource | None = None
        self._lock = threading.Lock()
        self._paused = False

    @property
    def paused(self) -> bool:
        with self._lock:
            return self._paused

    def pause(self) -> None:
        self._hold(True)

    def resume(self) -> None:
        self._hold(False)

    def _hold(self, paused: bool) -> None:
        with self._lock:
            self._paused = paused
            if self._video is not None:
                (self._video.pause if paused else self._video.resume)()

    def open(self) -> None:
        if not self.path.is_file():
            raise SourceError("the demo camera's video is being prepared")
        video = VideoFileSource(self.path, loop=True)
        video.open()
        with self._lock:
            if self._paused:
                video.pause()
            self._video = video
        self.fps = video.fps

    def read(self) -> np.ndarray | None:
        assert self._video is not None, "open() first"
        return self._video.read()

    def close(self) -> None:
        with self._lock:
            video, self._video = self._video, None
        if video is not None:
            video.close()


class Filming:
    """The clip being written in the background; :meth:`stop` abandons it and waits, so no
    encoder is left running while the interpreter shuts down (that aborts the process)."""

    def __init__(self, path: Path, orders: list[dict[str, object]]) -> None:
        self._worker = Worker("demo-camera-film", lambda: self._film(path, orders))
        self._worker.start()

    def _film(self, path: Path, orders: list[dict[str, object]]) -> Finished:
        try:
            rmas = [str(row["rma_no"]) for row in orders]
            write_demo_video(path, rmas, orders=orders, stop=lambda: self._worker.stopping)
            log.info("demo camera video written: %s", path)
        except FilmingStopped:
            log.info("demo camera video abandoned at shutdown; it is filmed again next time")
        except Exception:  # filmed once: a failure is not tried again until the next start
            log.exception("could not write the demo camera video")
        return FINISHED

    @property
    def running(self) -> bool:
        return self._worker.alive

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the clip to be finished (or abandoned); True when the work is over."""
        return self._worker.join(timeout)

    def stop(self, timeout: float = 10.0) -> None:
        self._worker.stop(timeout)


def film_in_background(path: Path, orders: list[dict[str, object]]) -> Filming | None:
    """Write the clip for ``orders`` (manifest-like rows) unless it is there already."""
    if path.is_file() or not orders:
        return None
    remove_leftovers(path)  # a process killed while filming left its unfinished clip
    return Filming(path, orders)
