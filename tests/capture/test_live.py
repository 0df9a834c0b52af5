"""Live scanning, frame by frame: the test hands each frame to the scanner as its reader thread
would (``LiveScanner.process``), with the frame's own time, so what is decoded, shown and
reported is exactly reproducible. Decoders, pace and debouncer are the real ones."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from station.capture.frames import VideoFileSource
from station.capture.live import LiveScanner, LiveSettings, Seen
from station.capture.reader import Frame
from tests.capture.test_frames import write_clip
from tests.capture.test_pace import BENCH, FPS, noisy, with_label

RMA = "RMA20261120000001"


class NoCamera:
    """A source the test never starts: frames are handed to the scanner directly."""

    name = "frames from the test"
    fps = float(FPS)

    def open(self) -> None:
        pass

    def read(self) -> np.ndarray | None:
        return None

    def close(self) -> None:
        pass


class Watched:
    def __init__(self, settings: LiveSettings | None = None) -> None:
        self.scanner = LiveScanner(NoCamera(), settings=settings)
        self.scans: list[str] = []
        self.shown: list[Seen] = []
        self.scanner.scans.connect(lambda s: self.scans.extend(c.text for c in s.codes))
        self.scanner.frames.connect(self.shown.append)
        self.t = 0.0
        self.seq = 0

    def play(self, picture: np.ndarray, seconds: float) -> None:
        for _ in range(round(seconds * FPS)):
            self.seq += 1
            self.scanner.process(Frame(noisy(picture), self.seq, self.t))
            self.t += 1 / FPS


def test_a_label_lying_still_is_reported_once_and_decoded_a_few_times_a_second() -> None:
    live = Watched(LiveSettings(repeat_after_s=1.5))
    live.play(BENCH, 1.0)
    live.play(with_label(RMA), 8.0)
    assert live.scans == [RMA]  # read again and again, never forgotten, never repeated
    decoded = live.scanner.decoded_frames
    live.play(with_label(RMA), 4.0)
    assert live.scanner.decoded_frames - decoded <= 4 * 3 + 1  # not 4 * 30
    assert live.scans == [RMA]
    assert all(seen.result.codes for seen in live.shown[-10:])  # its outline stays on screen


def test_a_code_in_a_single_frame_is_not_a_scan() -> None:
    live = Watched()
    live.play(BENCH, 1.0)
    live.play(with_label("6901234567892"), 1 / FPS)  # an item carried past the camera
    live.play(BENCH, 2.0)
    assert live.scans == []
    eager = Watched(LiveSettings(steady_frames=1))  # the first reading counting, as before
    eager.play(BENCH, 1.0)
    eager.play(with_label("6901234567892"), 1 / FPS)
    assert eager.scans == ["6901234567892"]


def test_a_label_brought_into_view_is_reported_within_a_few_frames() -> None:
    live = Watched()
    live.play(BENCH, 3.0)  # a still bench: a few frames a second are decoded
    reported_at: list[float] = []
    live.scanner.scans.connect(lambda _s: reported_at.append(live.t))
    arrived = live.t
    live.play(with_label(RMA), 1.0)
    assert live.scans == [RMA]
    assert reported_at[0] - arrived <= 2 / FPS  # its first and second frames


def test_fewer_frames_are_offered_for_display_while_nothing_changes() -> None:
    live = Watched(LiveSettings(preview_fps=15, still_preview_fps=5))
    live.play(BENCH, 1.0)
    shown = len(live.shown)
    live.play(BENCH, 4.0)
    assert 19 <= len(live.shown) - shown <= 21
    assert not all(seen.decoded for seen in live.shown)  # shown with the last frame's codes


def test_a_video_source_pauses_and_resumes_a_webcam_cannot(tmp_path: Path) -> None:
    clip = LiveScanner(VideoFileSource(write_clip(tmp_path / "clip.avi", 3), loop=True))
    assert not clip.paused
    assert clip.pause() is True
    assert clip.paused and clip.reader.source.paused  # type: ignore[attr-defined]
    clip.resume()
    assert not clip.paused
    webcam = LiveScanner(NoCamera())
    assert webcam.pause() is False
    assert not webcam.paused
    webcam.resume()  # harmless


def test_frames_the_camera_should_not_send_are_passed_over_and_scanning_goes_on() -> None:
    live = Watched()
    live.play(BENCH, 0.5)
    for odd in (
        np.zeros((720, 1280, 2), np.uint8),  # two channels
        np.zeros((0, 0, 3), np.uint8),
        np.zeros((3, 3, 3), np.uint8),
        BENCH.astype(np.float32),  # another data type than the frames before
        BENCH[:, :, :1],  # grey with a channel axis: read like any grey frame
    ):
        live.seq += 1
        live.scanner.process(Frame(odd, live.seq, live.t))  # logged, not raised
        live.t += 1 / FPS
    live.play(with_label(RMA), 1.0)
    assert live.scans == [RMA]
