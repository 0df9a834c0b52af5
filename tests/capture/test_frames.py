from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, ClassVar

import cv2
import numpy as np
import pytest
from PIL import Image

from station.capture.frames import (
    CameraSource,
    EndOfStream,
    ImageFolderSource,
    SourceError,
    VideoFileSource,
    default_camera_api,
    open_source,
    read_image,
)


def write_clip(path: Path, frames: int, fps: float = 10.0) -> Path:
    """A small MJPG clip whose frame n is a flat grey of level 8 * n (readable back as n)."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (64, 48))
    assert writer.isOpened()
    for n in range(frames):
        writer.write(np.full((48, 64, 3), 8 * n, np.uint8))
    writer.release()
    return path


def frame_no(image: np.ndarray) -> int:
    return round(float(image.mean()) / 8)


def read_all(source: Any, limit: int = 1000) -> list[int]:
    seen = []
    for _ in range(limit):
        try:
            image = source.read()
        except EndOfStream:
            return seen
        seen.append(frame_no(image))
    raise AssertionError("source never ended")


class FakeClock:
    """Time moves only when the source sleeps, or when the test says so."""

    def __init__(self) -> None:
        self.t = 100.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.t += seconds


def test_a_video_file_plays_every_frame_in_order_then_ends(tmp_path: Path) -> None:
    source = VideoFileSource(write_clip(tmp_path / "clip.avi", 12), pace=False)
    source.open()
    assert source.fps == pytest.approx(10.0)
    assert read_all(source) == list(range(12))
    source.close()


def test_a_looping_video_starts_over(tmp_path: Path) -> None:
    source = VideoFileSource(write_clip(tmp_path / "clip.avi", 3), pace=False, loop=True)
    source.open()
    assert [frame_no(source.read()) for _ in range(7)] == [0, 1, 2, 0, 1, 2, 0]


def test_a_paced_video_waits_for_each_frame_like_a_camera(tmp_path: Path) -> None:
    clock = FakeClock()
    source = VideoFileSource(write_clip(tmp_path / "clip.avi", 10), clock=clock, sleep=clock.sleep)
    source.open()
    assert [frame_no(source.read()) for _ in range(4)] == [0, 1, 2, 3]
    assert clock.sleeps == [0.1, 0.1, 0.1]  # 10 fps: one frame every 100 ms


def test_a_paced_video_skips_what_a_camera_would_have_shown_meanwhile(tmp_path: Path) -> None:
    clock = FakeClock()
    source = VideoFileSource(write_clip(tmp_path / "clip.avi", 20), clock=clock, sleep=clock.sleep)
    source.open()
    assert frame_no(source.read()) == 0
    clock.t += 0.45  # the reader was busy for 450 ms: frames 1-3 are gone, 4 is due
    assert frame_no(source.read()) == 4
    assert frame_no(source.read()) == 5
    assert clock.sleeps == [pytest.approx(0.05)]


def test_a_paused_video_holds_its_picture_and_goes_on_where_it_stopped(tmp_path: Path) -> None:
    clock = FakeClock()
    source = VideoFileSource(write_clip(tmp_path / "clip.avi", 10), clock=clock, sleep=clock.sleep)
    source.open()
    assert [frame_no(source.read()) for _ in range(2)] == [0, 1]
    source.pause()
    assert source.paused
    held = [source.read() for _ in range(20)]  # two seconds paused, at the clip's pace
    assert all(image is held[0] for image in held) and frame_no(held[0]) == 1
    assert not held[0].flags.writeable  # handed out many times: nobody may draw on it
    source.resume()
    assert [frame_no(source.read()) for _ in range(3)] == [2, 3, 4]  # nothing skipped
    assert set(clock.sleeps) == {0.1}  # one frame's time per read, paused or not


def test_a_video_paused_before_it_plays_holds_its_first_frame(tmp_path: Path) -> None:
    clock = FakeClock()
    source = VideoFileSource(
        write_clip(tmp_path / "clip.avi", 5), pace=False, clock=clock, sleep=clock.sleep
    )
    source.pause()
    source.open()
    assert [frame_no(source.read()) for _ in range(4)] == [0, 0, 0, 0]
    assert clock.sleeps == [0.1, 0.1, 0.1]  # unpaced, a held picture still waits a frame


def test_image_folders_play_in_name_order_and_skip_bad_files(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    for n in (2, 0, 1):
        Image.new("L", (32, 24), 8 * n).save(tmp_path / f"frame{n}.png")
    (tmp_path / "frame15.png").write_bytes(b"not a png")
    (tmp_path / "notes.txt").write_text("ignored")
    source = ImageFolderSource(tmp_path, pace=False)
    source.open()
    with caplog.at_level(logging.WARNING):
        assert read_all(source) == [0, 1, 2]
    assert "frame15.png" in caplog.text
    looping = ImageFolderSource(tmp_path, pace=False, loop=True)
    looping.open()
    assert [frame_no(looping.read()) for _ in range(5)] == [0, 1, 2, 0, 1]


def test_image_folders_are_paced_too(tmp_path: Path) -> None:
    for n in range(3):
        Image.new("L", (32, 24), 8 * n).save(tmp_path / f"{n}.png")
    clock = FakeClock()
    source = ImageFolderSource(tmp_path, fps=4, clock=clock, sleep=clock.sleep)
    source.open()
    assert read_all(source) == [0, 1, 2]
    assert clock.sleeps == [0.25, 0.25, 0.25]


def test_empty_or_unreadable_image_folders_fail_clearly(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no images"):
        ImageFolderSource(tmp_path).open()
    (tmp_path / "a.png").write_bytes(b"")
    (tmp_path / "b.jpg").write_bytes(b"\xff\xd8 truncated")
    source = ImageFolderSource(tmp_path, pace=False, loop=True)
    source.open()
    with pytest.raises(SourceError, match="no readable image"):
        source.read()
    with pytest.raises(ValueError, match="fps"):
        ImageFolderSource(tmp_path, fps=0)


def test_video_files_that_are_not_videos_fail_clearly(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not found"):
        VideoFileSource(tmp_path / "missing.avi").open()
    junk = tmp_path / "junk.avi"
    junk.write_bytes(b"RIFF\x00\x00\x00\x00AVI garbage" * 10)
    with pytest.raises(SourceError, match="cannot decode"):
        VideoFileSource(junk).open()
    with pytest.raises(SourceError, match="not open"):
        VideoFileSource(junk).read()


class FakeCapture:
    """Stands in for cv2.VideoCapture on a webcam: there is no camera on this machine."""

    instances: ClassVar[list[FakeCapture]] = []

    def __init__(self, device: int | str, api: int, *, frames: int = 3, opens: bool = True):
        self.device, self.api = device, api
        self.frames, self.opens = frames, opens
        self.props: dict[int, float] = {}
        self.released = False
        FakeCapture.instances.append(self)

    def isOpened(self) -> bool:
        return self.opens

    def set(self, prop: int, value: float) -> bool:
        self.props[prop] = value
        return True

    def get(self, prop: int) -> float:
        return self.props.get(prop, 0.0)

    def read(self) -> tuple[bool, np.ndarray | None]:
        if self.frames <= 0:
            return False, None  # unplugged
        self.frames -= 1
        return True, np.zeros((720, 1280, 3), np.uint8)

    def release(self) -> None:
        self.released = True


def test_a_camera_is_asked_for_720p30_mjpg_with_a_one_frame_buffer() -> None:
    FakeCapture.instances.clear()
    camera = CameraSource(2, capture=FakeCapture)
    camera.open()
    cap = FakeCapture.instances[-1]
    assert (cap.device, cap.api) == (2, default_camera_api())
    assert cap.props[cv2.CAP_PROP_FRAME_WIDTH] == 1280
    assert cap.props[cv2.CAP_PROP_FRAME_HEIGHT] == 720
    assert cap.props[cv2.CAP_PROP_FPS] == 30
    assert cap.props[cv2.CAP_PROP_BUFFERSIZE] == 1
    assert cap.props[cv2.CAP_PROP_FOURCC] == cv2.VideoWriter.fourcc(*"MJPG")
    frames = [camera.read() for _ in range(4)]
    assert [f is not None for f in frames] == [True, True, True, False]  # then unplugged
    camera.close()
    assert cap.released


def test_a_camera_that_will_not_open_says_so() -> None:
    def absent(device: int | str, api: int) -> FakeCapture:
        return FakeCapture(device, api, opens=False)

    with pytest.raises(SourceError, match="cannot open camera /dev/video9"):
        CameraSource("/dev/video9", capture=absent).open()
    with pytest.raises(SourceError, match="not open"):
        CameraSource(0, capture=absent).read()


def test_linux_uses_v4l2() -> None:
    assert default_camera_api() == cv2.CAP_V4L2


def test_source_specs(tmp_path: Path) -> None:
    camera = open_source("camera:0")
    assert isinstance(camera, CameraSource) and camera.device == 0
    device = open_source("camera:/dev/video2", width=640, height=480, fps=15)
    assert isinstance(device, CameraSource) and device.device == "/dev/video2"
    assert device.size == (640, 480) and device.fps == 15
    clip = write_clip(tmp_path / "clip.avi", 2)
    video = open_source(f"video:{clip}", pace=False, loop=True)
    assert isinstance(video, VideoFileSource) and video.loop and not video.pace
    assert isinstance(open_source(f"images:{tmp_path}"), ImageFolderSource)


@pytest.mark.parametrize(
    "spec,error",
    [
        ("", ValueError),
        ("camera", ValueError),
        ("camera:", ValueError),
        ("webcam:0", ValueError),
        ("video:/nonexistent/clip.avi", SourceError),
        ("video:C:\\clips\\a.avi", SourceError),  # a Windows path parses; it just is not here
        ("images:/nonexistent", SourceError),
    ],
)
def test_bad_specs_are_refused(spec: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        open_source(spec)


@pytest.mark.parametrize(("orientation", "turned"), [(6, 1), (8, 3), (3, 2)])
def test_a_phone_photo_is_read_the_way_up_it_is_meant_to_be_seen(
    tmp_path: Path, orientation: int, turned: int
) -> None:
    upright = np.zeros((40, 30), np.uint8)
    upright[:10, :10] = 255  # a white corner at the top left, as seen
    stored = np.ascontiguousarray(np.rot90(upright, turned))  # the sensor's rows
    exif = Image.Exif()
    exif[0x0112] = orientation
    Image.fromarray(stored).save(tmp_path / "photo.jpg", "JPEG", quality=95, exif=exif)
    pixels = read_image(tmp_path / "photo.jpg")
    assert pixels.shape == (40, 30)
    assert pixels[:10, :10].mean() > 200 and pixels[-10:, -10:].mean() < 50
