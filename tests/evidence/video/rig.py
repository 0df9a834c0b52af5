"""A recorder driven frame by frame on a clock the test holds: no thread, no waiting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import av
import cv2
import numpy as np
import zxingcpp

from station.evidence.video.library import ClipLibrary
from station.evidence.video.overlay import parse_qr
from station.evidence.video.recorder import Recorder, RecordingSettings
from station.evidence.video.service import GIB, ClipService, Retention
from station.store.database import Database

BENCH = RecordingSettings(width=1280, height=720, fps=10, preroll_s=3.0)


def scene(n: int, width: int = 1280, height: int = 720) -> np.ndarray:
    """A moving, textured bench: every frame differs, as a real camera's do."""
    rng = np.random.default_rng(n // 10)
    base = rng.integers(40, 215, size=(height // 8, width // 8, 3), dtype=np.uint8)
    image = cv2.resize(base, (width, height), interpolation=cv2.INTER_NEAREST)
    image = np.roll(image, n * 2, axis=1)
    cv2.putText(image, f"{n}", (40, 120), cv2.FONT_HERSHEY_SIMPLEX, 2, (255, 255, 255), 3)
    return image


class Rig:
    def __init__(
        self,
        db: Database,
        root: Path,
        *,
        clock: list[float],
        settings: RecordingSettings = BENCH,
        free_bytes: int = 100 * GIB,
        station_id: str = "ST-TEST",
        closeup: bool = False,
    ) -> None:
        self.clock = clock
        self.free = free_bytes
        self.library = ClipLibrary(root)
        # the wall clock runs with the test's clock, from an hour before now
        start = datetime.now(UTC) - timedelta(hours=1) - timedelta(seconds=clock[0])

        def wall() -> datetime:
            return start + timedelta(seconds=clock[0])

        self.recorder = Recorder(
            self.library.recording, settings, clock=lambda: clock[0], wall=wall
        )
        self.closeup = (
            Recorder(
                self.library.recording,
                settings,
                clock=lambda: clock[0],
                wall=wall,
                camera="close-up",
            )
            if closeup
            else None
        )
        self.service = ClipService(
            db,
            self.library,
            self.recorder,
            closeups=[self.closeup] if self.closeup else [],
            station_id=station_id,
            retention=Retention(),
            free_bytes=lambda: self.free,
        )
        self.frames = 0
        self.fps = settings.fps

    def film(self, seconds: float) -> None:
        """The camera runs for ``seconds``: each frame goes to the recorder as it is read."""
        for _ in range(round(seconds * self.fps)):
            self.clock[0] += 1 / self.fps
            self.frames += 1
            self.recorder.process((scene(self.frames), self.clock[0]))
            if self.closeup is not None:
                self.closeup.process((scene(self.frames + 5000), self.clock[0]))

    def silence(self, seconds: float) -> None:
        """The camera gives nothing for ``seconds`` (unplugged)."""
        steps = round(seconds / 0.25)
        for _ in range(steps):
            self.clock[0] += 0.25
            self.recorder.process(None)

    def settle(self) -> None:
        """Apply what the bench said and file what finished."""
        for recorder in self.service.recorders:
            recorder.process(None)
        self.service.file_pending()


def decoded_frames(path: Path) -> list[av.VideoFrame]:
    with av.open(str(path)) as container:
        return list(container.decode(video=0))


def band_codes(image: np.ndarray) -> list[tuple[str, int, str]]:
    """What the band's QR code says on a frame, read after scaling it to 480 lines high."""
    h, w = image.shape[:2]
    if h != 480:
        image = cv2.resize(image, (w * 480 // h, 480), interpolation=cv2.INTER_AREA)
    found = [parse_qr(r.text) for r in zxingcpp.read_barcodes(image)]
    return [f for f in found if f is not None]
