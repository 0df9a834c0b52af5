from __future__ import annotations

import threading
from pathlib import Path

import cv2
import numpy as np
import pytest

from station.capture.frames import CameraSource, EndOfStream, SourceError, VideoFileSource
from station.capture.reader import FrameReader, ReaderState, StateChange
from tests.capture.test_frames import FakeCapture, frame_no, write_clip

WAIT = 10.0  # seconds; a deadline for a thread to get somewhere, never a pause


class ScriptedSource:
    """A source that follows a script: frames, a failure, refusals to reopen."""

    name = "scripted"
    fps = 30.0

    def __init__(self, frames: int, *, fail_after: int | None = None, refuse_opens: int = 0):
        self.frames = frames
        self.fail_after = fail_after
        self.refuse_opens = refuse_opens  # how many reopens fail before one works
        self.blocked = False  # refuse every open
        self.opens = self.closes = self.served = 0

    def open(self) -> None:
        self.opens += 1
        if self.blocked or (self.opens > 1 and self.refuse_opens > 0):
            self.refuse_opens -= 1
            raise SourceError("device busy")

    def read(self) -> np.ndarray | None:
        if self.fail_after is not None and self.served == self.fail_after:
            self.fail_after = None
            raise OSError("USB device disconnected")
        if self.served >= self.frames:
            raise EndOfStream(self.name)
        self.served += 1
        return np.full((4, 4, 3), self.served % 256, np.uint8)

    def close(self) -> None:
        self.closes += 1


def test_a_video_file_goes_through_the_reader_like_a_camera(tmp_path: Path) -> None:
    source = VideoFileSource(write_clip(tmp_path / "clip.avi", 15), pace=False)
    taken = []
    with FrameReader(source) as reader:
        while (frame := reader.take(timeout=WAIT)) is not None:
            taken.append(frame)
        assert reader.state is ReaderState.ENDED
    stats = reader.stats
    assert stats.read == 15
    assert stats.taken + stats.dropped == 15 and stats.taken == len(taken)
    assert [f.seq for f in taken] == sorted(f.seq for f in taken)
    assert frame_no(taken[-1].image) == 14  # the last frame is never lost
    assert [f.timestamp for f in taken] == sorted(f.timestamp for f in taken)


def test_a_slow_consumer_gets_the_newest_frame_and_the_rest_are_dropped() -> None:
    reader = FrameReader(ScriptedSource(50))
    reader.start()
    assert reader.wait_for(ReaderState.ENDED, timeout=WAIT)  # nobody took anything meanwhile
    frame = reader.take(timeout=0)
    assert frame is not None and frame.seq == 50 and int(frame.image[0, 0, 0]) == 50
    stats = reader.stats
    assert (stats.read, stats.taken, stats.dropped) == (50, 1, 49)
    assert reader.take(timeout=0) is None  # ended and empty: no waiting
    reader.stop()


def test_a_source_failing_mid_stream_is_reported_retried_and_recovers() -> None:
    source = ScriptedSource(1000, fail_after=5, refuse_opens=2)
    events: list[tuple[ReaderState, str]] = []
    reader = FrameReader(source, retry_initial_s=0.001)
    reader.states.connect(lambda change: events.append((change.state, change.detail)))
    reader.start()
    assert reader.wait_for(ReaderState.ENDED, timeout=WAIT)
    reader.stop()
    states = [s for s, _ in events]
    assert states == [
        ReaderState.OPENING,
        ReaderState.RUNNING,
        ReaderState.FAILED,
        ReaderState.RUNNING,
        ReaderState.ENDED,
    ]
    assert "USB device disconnected" in events[2][1]
    assert events[3][1] == "recovered"  # after two refused reopens
    stats = reader.stats
    assert (stats.failures, stats.recoveries) == (1, 1)
    assert source.opens == 4 and stats.read == 1000


def test_an_unplugged_camera_is_reported_and_picked_up_again_when_plugged_back() -> None:
    plugged = threading.Event()
    plugged.set()

    class Webcam(FakeCapture):
        def read(self) -> tuple[bool, np.ndarray | None]:
            ok, image = super().read()
            if not ok:
                plugged.clear()
            return ok, image

    made: list[Webcam] = []

    def webcam(device: int | str, api: int) -> FakeCapture:
        # Three frames before the cable is pulled; once plugged back it keeps streaming.
        made.append(Webcam(device, api, frames=3 if not made else 10**9, opens=plugged.is_set()))
        return made[-1]

    outage: list[str] = []
    reported = threading.Event()

    def on_state(change: StateChange) -> None:
        if change.state is ReaderState.FAILED:
            outage.append(change.detail)
            reported.set()

    reader = FrameReader(CameraSource(0, capture=webcam), retry_initial_s=0.001)
    reader.states.connect(on_state)
    reader.start()
    assert reported.wait(WAIT)
    assert outage == ["camera 0 gave no frame (unplugged?)"]
    plugged.set()
    assert reader.wait_for(ReaderState.RUNNING, timeout=WAIT)
    assert reader.stats.recoveries >= 1
    reader.stop()
    assert reader.state is ReaderState.STOPPED


def test_a_camera_that_never_opens_keeps_being_retried_until_stopped() -> None:
    source = ScriptedSource(10)
    source.blocked = True
    reader = FrameReader(source, retry_initial_s=0.001, retry_max_s=0.002)
    reader.start()
    assert reader.wait_for(ReaderState.FAILED, timeout=WAIT)
    assert "cannot open scripted: device busy" in reader.detail
    reader.stop()
    assert reader.state is ReaderState.STOPPED
    assert reader.stats.failures == 1  # one outage, however many attempts
    assert source.opens >= 1
    assert reader.take(timeout=0) is None


def test_stop_joins_and_closes_the_source(tmp_path: Path) -> None:
    source = VideoFileSource(write_clip(tmp_path / "clip.avi", 5), pace=True, loop=True)
    reader = FrameReader(source)
    reader.start()
    assert reader.take(timeout=WAIT) is not None
    reader.stop()
    assert reader.state is ReaderState.STOPPED
    assert not reader.is_alive()
    with pytest.raises(SourceError, match="not open"):
        source.read()
    with pytest.raises(RuntimeError, match="already started"):
        reader.start()


def test_a_listener_that_raises_does_not_stop_the_camera() -> None:
    def broken(_change: StateChange) -> None:
        raise ValueError("bug in the UI")

    reader = FrameReader(ScriptedSource(20))
    reader.states.connect(broken)
    reader.start()
    assert reader.wait_for(ReaderState.ENDED, timeout=WAIT)
    assert reader.stats.read == 20
    reader.stop()


def test_stopping_a_reader_that_never_started_is_harmless() -> None:
    reader = FrameReader(ScriptedSource(1))
    reader.stop()
    assert reader.state is ReaderState.STOPPED
    assert reader.take(timeout=0) is None


def test_frames_are_handed_over_as_the_source_gave_them(tmp_path: Path) -> None:
    clip = tmp_path / "colour.avi"
    writer = cv2.VideoWriter(str(clip), cv2.VideoWriter.fourcc(*"MJPG"), 10, (64, 48))
    writer.write(np.dstack([np.full((48, 64), v, np.uint8) for v in (200, 100, 30)]))
    writer.release()
    with FrameReader(VideoFileSource(clip, pace=False)) as reader:
        frame = reader.take(timeout=WAIT)
    assert frame is not None and frame.image.shape == (48, 64, 3)
    b, g, r = (int(frame.image[..., i].mean()) for i in range(3))
    assert b > g > r  # BGR order kept


def test_live_scanning_starts_again_after_a_stop_on_the_same_camera() -> None:
    """The settings dialog borrows the bench camera: stop, let it be used, start again."""
    from station.capture.live import LiveScanner

    source = ScriptedSource(frames=10**9)
    frames = threading.Semaphore(0)
    scanner = LiveScanner(source)
    scanner.frames.connect(lambda _seen: frames.release())
    scanner.start()
    assert frames.acquire(timeout=WAIT)
    scanner.stop()
    assert source.closes >= 1 and scanner.reader.state is ReaderState.STOPPED
    while frames.acquire(blocking=False):  # what arrived before the stop
        pass
    scanner.start()
    assert frames.acquire(timeout=WAIT)
    assert source.opens == 2
    scanner.stop()
