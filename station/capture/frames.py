"""Where camera frames come from: a webcam, a video file or a folder of images, one interface.

The bench webcam is the usual source; a video file stands in for it in the demo and in tests,
and behaves like a camera: frames arrive in real time (paced to the file's frame rate, skipping
ahead when the reader falls behind), not as fast as they decode. ``pace=False`` turns that off
for tests and benchmarks. A folder of images plays as a slide show of frames.

A source is used by one thread at a time (the reader's); ``open`` may be called again after a
failure to reopen it.
"""

from __future__ import annotations

import logging
import math
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, Protocol, runtime_checkable

import cv2
import numpy as np

from station.images import MAX_PIXELS, DamagedImage, ImageTooLarge, NotAnImage, decode_image

log = logging.getLogger(__name__)

IMAGE_SUFFIXES: Final = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp"})
MAX_IMAGE_PIXELS: Final = MAX_PIXELS
MAX_IMAGE_BYTES: Final = 256 * 1024 * 1024


class SourceError(Exception):
    """A source could not be opened or read; the message says which and why."""


class BadImage(SourceError):
    """A file that is not safely an image: missing, empty, corrupt, or too large."""


class EndOfStream(Exception):
    """A video file or image folder (not looping) has no more frames."""


class FrameSource(Protocol):
    @property
    def name(self) -> str:
        """What it is, for logs and the status bar, e.g. ``camera 0``."""
        ...

    @property
    def fps(self) -> float: ...

    def open(self) -> None:
        """(Re)opens the source; raises :class:`SourceError`."""
        ...

    def read(self) -> np.ndarray | None:
        """The next BGR frame; None when a camera gave none (unplugged, busy).

        Raises :class:`EndOfStream` when a finite source is done.
        """
        ...

    def close(self) -> None: ...


@runtime_checkable
class Pausable(Protocol):
    """A source that can hold its picture (a recording can; a webcam cannot)."""

    @property
    def paused(self) -> bool: ...

    def pause(self) -> None:
        """Keep handing out the current frame; thread-safe."""
        ...

    def resume(self) -> None:
        """Go on from the frame held, not from where the time spent paused would put it."""
        ...


def default_camera_api() -> int:
    """The capture backend that works best for USB webcams on this platform."""
    platform: str = sys.platform
    if platform.startswith("linux"):
        return int(cv2.CAP_V4L2)
    if platform == "win32":
        return int(cv2.CAP_MSMF)
    if platform == "darwin":
        return int(cv2.CAP_AVFOUNDATION)
    return int(cv2.CAP_ANY)


class CameraSource:
    """A webcam by index (``0``) or device path (``/dev/video2``) through OpenCV.

    Most USB webcams give 1280x720 at 30 fps only as MJPG; the buffer is kept to one frame so
    what is read is what the camera sees now. ``capture`` replaces ``cv2.VideoCapture`` in tests.
    """

    def __init__(
        self,
        device: int | str,
        *,
        width: int = 1280,
        height: int = 720,
        fps: float = 30.0,
        fourcc: str | None = "MJPG",
        api: int | None = None,
        capture: Callable[..., Any] = cv2.VideoCapture,
    ) -> None:
        self.device = device
        self.size = (width, height)
        self._fps = fps
        self.fourcc = fourcc
        self.api = default_camera_api() if api is None else api
        self._capture = capture
        self._cap: Any = None

    @property
    def name(self) -> str:
        return f"camera {self.device}"

    @property
    def fps(self) -> float:
        return self._fps

    def open(self) -> None:
        self.close()
        apis = [self.api]
        platform: str = sys.platform
        if platform == "win32" and self.api == cv2.CAP_MSMF:
            apis.append(int(cv2.CAP_DSHOW))  # some webcams only answer DirectShow
        for api in apis:
            cap = self._capture(self.device, api)
            if cap.isOpened():
                self._cap = cap
                break
            cap.release()
        else:
            raise SourceError(f"cannot open {self.name} (unplugged, or in use by another program?)")
        if self.fourcc:
            self._cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*self.fourcc))
        self._cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.size[0])
        self._cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.size[1])
        self._cap.set(cv2.CAP_PROP_FPS, self._fps)
        self._cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        got_w = int(self._cap.get(cv2.CAP_PROP_FRAME_WIDTH))
        got_h = int(self._cap.get(cv2.CAP_PROP_FRAME_HEIGHT))
        got_fps = float(self._cap.get(cv2.CAP_PROP_FPS))
        if got_fps > 0 and math.isfinite(got_fps):
            self._fps = got_fps
        log.info("opened %s at %dx%d, %.0f fps", self.name, got_w, got_h, self._fps)

    def read(self) -> np.ndarray | None:
        if self._cap is None:
            raise SourceError(f"{self.name} is not open")
        ok, frame = self._cap.read()
        return frame if ok and frame is not None else None

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


class _Pacer:
    """Hands out frame numbers in real time: waits when early, skips when late."""

    def __init__(self, fps: float, clock: Callable[[], float], sleep: Callable[[float], None]):
        self.period = 1.0 / fps
        self._clock, self._sleep = clock, sleep
        self._start: float | None = None

    def restart(self) -> None:
        self._start = None

    def frames_to_skip(self, next_index: int) -> int:
        """Sleeps until frame ``next_index`` is due; returns how many frames are overdue."""
        now = self._clock()
        if self._start is None:
            self._start = now - next_index * self.period
        due = self._start + next_index * self.period
        if now < due:
            self._sleep(due - now)
            return 0
        return int((now - due) / self.period)

    def hold(self, next_index: int) -> None:
        """Waits a frame's time without moving on: frame ``next_index`` becomes due a frame
        later, so a paused clip goes on where it stopped instead of skipping the pause."""
        self.frames_to_skip(next_index)
        self._start = self._clock() - (next_index - 1) * self.period


class VideoFileSource:
    """A video file played like a camera; ``loop`` starts it over instead of ending.

    :meth:`pause` holds the current frame: :meth:`read` hands the same picture out again, at
    the file's pace, until :meth:`resume`; the frame is read-only, being handed out many times.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        pace: bool = True,
        loop: bool = False,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.path = Path(path)
        self.pace, self.loop = pace, loop
        self._clock, self._sleep = clock, sleep
        self._cap: Any = None
        self._fps = 30.0
        self._index = 0
        self._pacer: _Pacer | None = None
        self._pause_lock = threading.Lock()
        self._paused = False
        self._held: np.ndarray | None = None

    @property
    def name(self) -> str:
        return f"video {self.path.name}"

    @property
    def paused(self) -> bool:
        with self._pause_lock:
            return self._paused

    def pause(self) -> None:
        with self._pause_lock:
            self._paused = True

    def resume(self) -> None:
        with self._pause_lock:
            self._paused = False

    @property
    def fps(self) -> float:
        return self._fps

    def open(self) -> None:
        self.close()
        if not self.path.is_file():
            raise SourceError(f"video file not found: {self.path}")
        cap = cv2.VideoCapture(str(self.path))
        if not cap.isOpened():
            cap.release()
            raise SourceError(f"cannot decode video file {self.path}")
        fps = float(cap.get(cv2.CAP_PROP_FPS))
        self._fps = fps if math.isfinite(fps) and 1 <= fps <= 240 else 30.0
        self._cap, self._index = cap, 0
        self._pacer = _Pacer(self._fps, self._clock, self._sleep) if self.pace else None

    def read(self) -> np.ndarray | None:
        if self._cap is None:
            raise SourceError(f"{self.name} is not open")
        if self.paused and self._held is not None:
            if self._pacer is not None:
                self._pacer.hold(self._index)
            else:  # unpaced, a held picture would be handed out as fast as it is asked for
                self._sleep(1 / self._fps)
            return self._held
        frame = self._next()
        frame.flags.writeable = False
        self._held = frame
        return frame

    def _next(self) -> np.ndarray:
        assert self._cap is not None
        if self._pacer is not None:
            for _ in range(self._pacer.frames_to_skip(self._index)):
                if not self._cap.grab():  # a camera would have shown these while we were busy
                    break
                self._index += 1
        ok, frame = self._cap.read()
        if not ok or frame is None:
            if not self.loop or self._index == 0:
                raise EndOfStream(self.name)
            self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            self._index = 0
            if self._pacer is not None:
                self._pacer.restart()
            ok, frame = self._cap.read()
            if not ok or frame is None:
                raise EndOfStream(self.name)
        self._index += 1
        return np.asarray(frame)

    def close(self) -> None:
        self._held = None
        if self._cap is not None:
            self._cap.release()
            self._cap = None


class ImageFolderSource:
    """The images of a folder in name order, one per frame at ``fps``; unreadable ones skipped."""

    def __init__(
        self,
        folder: str | Path,
        *,
        fps: float = 30.0,
        pace: bool = True,
        loop: bool = False,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not (0 < fps <= 240):
            raise ValueError(f"fps must be between 0 and 240, got {fps}")
        self.folder = Path(folder)
        self._fps = fps
        self.pace, self.loop = pace, loop
        self._clock, self._sleep = clock, sleep
        self._files: list[Path] = []
        self._shown = 0  # frames handed out since opening; the image is this modulo the count
        self._pacer: _Pacer | None = None

    @property
    def name(self) -> str:
        return f"images {self.folder.name}"

    @property
    def fps(self) -> float:
        return self._fps

    def open(self) -> None:
        if not self.folder.is_dir():
            raise SourceError(f"image folder not found: {self.folder}")
        self._files = sorted(
            p for p in self.folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()
        )
        if not self._files:
            raise SourceError(f"no images in {self.folder}")
        self._shown = 0
        self._pacer = _Pacer(self._fps, self._clock, self._sleep) if self.pace else None

    def read(self) -> np.ndarray | None:
        if not self._files:
            raise SourceError(f"{self.name} is not open")
        if self._pacer is not None:
            self._shown += self._pacer.frames_to_skip(self._shown)
        for _ in self._files:
            if self._shown >= len(self._files) and not self.loop:
                raise EndOfStream(self.name)
            path = self._files[self._shown % len(self._files)]
            self._shown += 1
            try:
                return read_image(path, color=True)
            except BadImage as exc:
                log.warning("skipping %s", exc)
        raise SourceError(f"no readable image in {self.folder}")

    def close(self) -> None:
        self._files = []


def read_image(
    path: str | Path, *, color: bool = False, max_pixels: int = MAX_IMAGE_PIXELS
) -> np.ndarray:
    """An image file as a grey (or BGR) array; :class:`BadImage` for anything else.

    Decoded by :mod:`station.images` within the pixel budget: a small file claiming a huge
    picture (a decompression bomb) is refused from its header and costs nothing.
    """
    file = Path(path)
    if not file.exists():
        raise BadImage(f"{file}: no such file")
    if file.is_dir():
        raise BadImage(f"{file}: is a directory, not an image")
    size = file.stat().st_size
    if size == 0:
        raise BadImage(f"{file}: empty file")
    if size > MAX_IMAGE_BYTES:
        raise BadImage(f"{file}: file too large ({size / 1e6:.0f} MB)")
    try:
        return decode_image(file, color=color, upright=True, max_pixels=max_pixels)
    except ImageTooLarge as exc:
        claimed = exc.size.replace("×", "x")
        raise BadImage(
            f"{file}: image too large"
            f" (limit {exc.limit_megapixels} megapixels, this one is {claimed})"
        ) from None
    except NotAnImage:
        raise BadImage(f"{file}: not an image the station can read") from None
    except DamagedImage as exc:
        raise BadImage(f"{file}: truncated or corrupt image ({exc})") from None


def open_source(
    spec: str,
    *,
    width: int = 1280,
    height: int = 720,
    fps: float = 30.0,
    pace: bool = True,
    loop: bool = False,
) -> FrameSource:
    """A source from a spec: ``camera:0``, ``camera:/dev/video2``, ``video:PATH``, ``images:DIR``.

    The source is not opened yet (the reader opens it, and reopens it after a failure); a file
    or folder that does not exist is refused here already.
    """
    kind, sep, rest = spec.partition(":")
    kind = kind.strip().lower()
    if not sep or not rest.strip():
        raise ValueError(
            f"bad source {spec!r}: expected camera:N, camera:DEVICE, video:FILE or images:DIR"
        )
    rest = rest.strip()
    if kind == "camera":
        device: int | str = int(rest) if rest.isdigit() else rest
        return CameraSource(device, width=width, height=height, fps=fps)
    if kind == "video":
        if not Path(rest).is_file():
            raise SourceError(f"video file not found: {rest}")
        return VideoFileSource(rest, pace=pace, loop=loop)
    if kind == "images":
        if not Path(rest).is_dir():
            raise SourceError(f"image folder not found: {rest}")
        return ImageFolderSource(rest, fps=fps, pace=pace, loop=loop)
    raise ValueError(f"bad source {spec!r}: unknown kind {kind!r} (camera, video or images)")
