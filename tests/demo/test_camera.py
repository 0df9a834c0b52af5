"""The demo camera's clip is filmed in the background and can be abandoned at shutdown."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from station.capture.frames import SourceError
from station.demo.camera import DemoCamera, film_in_background
from station.demo.video import demo_parcel_orders
from tests.capture.test_frames import frame_no, write_clip

TODAY = date(2026, 11, 20)
REPO = Path(__file__).resolve().parents[2]


def test_stopping_abandons_the_clip_and_leaves_no_partial_file(tmp_path: Path) -> None:
    path = tmp_path / "demo-camera.avi"
    filming = film_in_background(path, demo_parcel_orders(8, today=TODAY))
    assert filming is not None
    filming.stop()
    assert not filming.running
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(SourceError, match="being prepared"):
        DemoCamera(path).open()


KILLED_WHILE_FILMING = """
import os, sys
from datetime import date
from station.demo.video import demo_parcel_orders, write_demo_video

orders = demo_parcel_orders(1, today=date(2026, 11, 20))
write_demo_video(sys.argv[1], [o["rma_no"] for o in orders], orders=orders,
                 stop=lambda: os._exit(9))  # killed at the first frame: no cleanup runs
"""


def test_a_finished_clip_plays_and_is_not_filmed_again(tmp_path: Path) -> None:
    path = tmp_path / "demo-camera.avi"
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_FILMING, str(path)],
        cwd=REPO,
        capture_output=True,
        timeout=120,
    )
    assert killed.returncode == 9, killed.stderr
    assert [p.name for p in tmp_path.iterdir()] != []  # what the killed process left behind
    assert not path.exists()
    filming = film_in_background(path, demo_parcel_orders(1, today=TODAY))
    assert filming is not None
    assert filming.wait(120)
    assert [p.name for p in tmp_path.iterdir()] == ["demo-camera.avi"]
    camera = DemoCamera(path)
    camera.open()
    frame = camera.read()
    camera.close()
    assert frame is not None and frame.shape[:2] == (720, 1280)
    assert film_in_background(path, demo_parcel_orders(1, today=TODAY)) is None


def test_a_paused_demo_camera_holds_the_parcel_in_view_even_across_a_reopen(
    tmp_path: Path,
) -> None:
    camera = DemoCamera(write_clip(tmp_path / "demo-camera.avi", 6, fps=200))
    camera.open()
    assert [frame_no(camera.read()) for _ in range(3)] == [0, 1, 2]
    camera.pause()
    assert [frame_no(camera.read()) for _ in range(3)] == [2, 2, 2]
    camera.close()
    camera.open()  # the settings dialog borrowed the camera meanwhile
    assert camera.paused
    assert [frame_no(camera.read()) for _ in range(2)] == [0, 0]
    camera.resume()
    assert [frame_no(camera.read()) for _ in range(6)] == [1, 2, 3, 4, 5, 0]  # looping on
    camera.close()
