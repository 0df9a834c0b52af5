"""The demo camera (any camera that can hold its picture) is held while an inspection is open
at the bench, so its clip cannot bring the next parcel along mid-checklist; it plays on once
the inspection is completed, cancelled, or the bench is cleared. No Qt: the session and the
live scanner only."""

from __future__ import annotations

from pathlib import Path

import pytest

from station import app
from station.bench.camera_hold import hold_camera_while_open
from station.bench.notices import Say
from station.capture.classify import Command, command_payload
from station.capture.live import LiveScanner
from station.demo.camera import DemoCamera
from station.domain.records import UserView
from tests.bench.test_session import Bench, received_order
from tests.capture.test_frames import write_clip


@pytest.fixture
def demo_camera(tmp_path: Path) -> LiveScanner:
    return LiveScanner(DemoCamera(write_clip(tmp_path / "demo-camera.avi", 4)))


@pytest.fixture
def held(demo_station: app.Station, inspector: UserView, demo_camera: LiveScanner) -> Bench:
    bench = Bench(demo_station, inspector, [1000.0])
    hold_camera_while_open(bench.session.events, demo_camera)
    return bench


def test_the_demo_camera_holds_while_an_inspection_is_open_until_it_is_completed(
    held: Bench, demo_camera: LiveScanner
) -> None:
    order = received_order(held.station, "apparel")
    assert not demo_camera.paused
    held.scan(order.rma_no)
    assert demo_camera.paused
    held.scan(order.lines[0].ean or "")
    held.scan(command_payload(Command.PASS))
    held.scan(command_payload(Command.PASS))
    assert demo_camera.paused  # all through the checklist
    held.photograph_what_is_missing()
    held.scan(command_payload(Command.PASS))
    assert held.completed and held.last.say is Say.DONE
    assert not demo_camera.paused


def test_cancelling_or_logging_out_lets_the_demo_camera_play_on(
    held: Bench, demo_camera: LiveScanner
) -> None:
    order = received_order(held.station, "apparel")
    held.scan(order.rma_no)
    held.scan(command_payload(Command.CANCEL))
    assert demo_camera.paused  # asked to confirm: still open
    held.scan(command_payload(Command.CANCEL))
    assert held.last.say is Say.CANCELLED and not demo_camera.paused
    held.scan(order.rma_no)
    assert demo_camera.paused
    held.session.suspend()  # the idle lock keeps the bench as it is
    assert demo_camera.paused
    held.session.end()
    assert not demo_camera.paused


def test_a_parcel_that_opens_no_inspection_does_not_hold_the_camera(
    held: Bench, demo_camera: LiveScanner
) -> None:
    held.scan("SF9999999999999")  # unmatched: received and photographed, no checklist
    assert not demo_camera.paused


def test_a_webcam_is_left_as_it_is(demo_station: app.Station, inspector: UserView) -> None:
    class Webcam:
        name, fps = "webcam", 30.0

        def open(self) -> None: ...
        def read(self) -> None: ...
        def close(self) -> None: ...

    webcam = LiveScanner(Webcam())
    bench = Bench(demo_station, inspector, [1000.0])
    hold_camera_while_open(bench.session.events, webcam)
    order = received_order(bench.station, "apparel")
    assert bench.scan(order.rma_no) is not None
    assert not webcam.paused  # it cannot hold; the session keeps its codes in check instead
