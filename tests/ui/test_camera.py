"""Live scanning with the bench camera, through the same reader, decoder and debouncer a real
webcam uses; video files and a scripted source stand in for the webcam."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import func, select

from station import app
from station.bench.notices import Say, Sound
from station.capture.classify import Command, command_payload
from station.capture.frames import SourceError, VideoFileSource
from station.capture.live import LiveScanner, LiveSettings
from station.demo.camera import DemoCamera
from station.demo.video import bench_background, label_image, paste, place, write_demo_video
from station.protocol.enums import OrderState
from station.store.models import ReturnOrder, UnmatchedParcel
from station.ui.main_window import MainWindow
from station.workflow import InspectionStarted
from tests.ui.conftest import log_in, shown_window
from tests.ui.test_checklist_view import find_order


def in_transit(station: app.Station, count: int) -> list[str]:
    return station.db.run(
        lambda s: list(
            s.scalars(
                select(ReturnOrder.rma_no)
                .where(ReturnOrder.state == OrderState.IN_TRANSIT.value)
                .order_by(ReturnOrder.id)
                .limit(count)
            )
        )
    )


def code_frame(symbology: str, text: str, size: tuple[int, int] = (1280, 720)) -> np.ndarray:
    return label_frame([(symbology, text)], size)


def label_frame(codes: list[tuple[str, str]], size: tuple[int, int] = (1280, 720)) -> np.ndarray:
    frame = bench_background(size)
    label = label_image(codes, module_px=3)
    h, w = label.shape[:2]
    paste(frame, label, place((size[0] / 2, size[1] / 2), (w, h), 4.0))
    return frame


class ScriptedCamera:
    """A stand-in webcam whose picture the test changes; it can also be "unplugged". Like a
    real sensor, no two of its frames are exactly alike."""

    name = "scripted camera"
    fps = 30.0

    def __init__(self) -> None:
        self.picture = bench_background((1280, 720))
        self.unplugged = threading.Event()
        self.frames = 0

    def show(self, picture: np.ndarray) -> None:
        self.picture = picture

    def open(self) -> None:
        if self.unplugged.is_set():
            raise SourceError("no such device")

    def read(self) -> np.ndarray | None:
        time.sleep(1 / self.fps)
        if self.unplugged.is_set():
            raise SourceError("device removed")
        frame = self.picture.copy()
        self.frames += 1
        frame[0, :8, 0] = np.frombuffer(self.frames.to_bytes(8, "little"), np.uint8)  # noise
        return frame

    def close(self) -> None:
        pass


class AsWebcam:
    """A clip seen as a webcam sees the bench: it cannot be held, whatever is open."""

    def __init__(self, clip: VideoFileSource) -> None:
        self.clip = clip
        self.name, self.fps = clip.name, clip.fps

    def open(self) -> None:
        self.clip.open()

    def read(self) -> np.ndarray | None:
        return self.clip.read()

    def close(self) -> None:
        self.clip.close()


@pytest.fixture
def camera_window(qtbot, demo_station: app.Station, request) -> Iterator[MainWindow]:
    scanner: LiveScanner = request.param(demo_station, request)
    win = shown_window(qtbot, demo_station, camera=scanner)
    log_in(qtbot, win)
    yield win
    win.close()


def clip_scanner(station: app.Station, request) -> LiveScanner:
    path = Path(request.getfixturevalue("tmp_path")) / "clip.avi"
    rmas = in_transit(station, 3)
    request.node.rmas = rmas
    write_demo_video(path, rmas, hold_s=0.6, gap_s=0.3)
    return LiveScanner(AsWebcam(VideoFileSource(path)), settings=LiveSettings(repeat_after_s=1.0))


def scripted_scanner(_station: app.Station, request) -> LiveScanner:
    request.node.camera = ScriptedCamera()
    return LiveScanner(request.node.camera, settings=LiveSettings(repeat_after_s=0.4))


def demo_scanner(station: app.Station, request) -> LiveScanner:
    """The demo camera as ``make run`` has it: a looping clip of parcels, two here."""
    path = Path(request.getfixturevalue("tmp_path")) / "demo-camera.avi"
    request.node.rmas = in_transit(station, 2)
    write_demo_video(path, request.node.rmas, hold_s=1.0, gap_s=0.3)
    return LiveScanner(DemoCamera(path))


@pytest.mark.parametrize("camera_window", [demo_scanner], indirect=True)
def test_the_demo_camera_holds_its_parcel_until_the_inspection_is_done(
    qtbot, camera_window: MainWindow, request
) -> None:
    first, second = request.node.rmas
    opened: list[str] = []
    pointed_out: list[str] = []
    camera_window.bench.scan_handled.connect(
        lambda o: opened.append(o.order.rma_no) if isinstance(o, InspectionStarted) else None
    )
    camera_window.session.events.notice.connect(
        lambda n: pointed_out.extend(n.args) if n.say is Say.CAMERA_OTHER_PARCEL else None
    )
    scanner = camera_window.bench.camera_view.scanner
    assert scanner is not None
    qtbot.waitUntil(lambda: opened == [first], timeout=30_000)  # the clip's first parcel opens
    assert scanner.paused
    read = scanner.reader.stats.read
    # longer than the whole clip: unheld, the second parcel would have come into view
    qtbot.waitUntil(lambda: scanner.reader.stats.read > read + 5 * 30, timeout=30_000)
    assert opened == [first] and pointed_out == []
    assert scanner.paused
    camera_window.route_scan(command_payload(Command.CANCEL))  # abandoned at the bench
    camera_window.route_scan(command_payload(Command.CANCEL))
    qtbot.waitUntil(lambda: not scanner.paused, timeout=10_000)
    qtbot.waitUntil(lambda: opened == [first, second], timeout=30_000)  # the clip plays on
    assert pointed_out == []


@pytest.mark.parametrize("camera_window", [clip_scanner], indirect=True)
def test_a_clip_of_three_parcels_opens_the_first_and_never_switches_by_itself(
    qtbot, camera_window: MainWindow, request
) -> None:
    opened: list[str] = []
    others: list[str] = []

    def collect(outcome: object) -> None:
        if isinstance(outcome, InspectionStarted):
            opened.append(outcome.order.rma_no)

    camera_window.bench.scan_handled.connect(collect)
    camera_window.session.events.notice.connect(
        lambda n: others.extend(n.args) if n.say is Say.CAMERA_OTHER_PARCEL else None
    )
    expected = request.node.rmas
    scanner = camera_window.bench.camera_view.scanner
    assert scanner is not None
    qtbot.waitUntil(lambda: scanner.reader.state.value == "ended", timeout=30_000)
    assert opened == expected[:1]  # the first parcel under the camera opens
    assert set(expected[1:]) <= set(others)  # the next ones are only pointed out
    assert camera_window.bench.card.heading.text() == expected[0]
    assert camera_window.bench.camera_view.frames_shown > 30
    assert Sound.SUCCESS in camera_window.bench.feedback.played


@pytest.mark.parametrize("camera_window", [scripted_scanner], indirect=True)
def test_command_cards_drive_a_whole_inspection(
    qtbot, camera_window: MainWindow, demo_station: app.Station, request
) -> None:
    camera: ScriptedCamera = request.node.camera
    bench = camera_window.bench
    order = find_order(demo_station, "apparel")

    scanner = bench.camera_view.scanner
    assert scanner is not None

    def hold(symbology: str, text: str) -> object:
        with qtbot.waitSignal(bench.scan_handled, timeout=15_000) as signal:
            camera.show(code_frame(symbology, text))
        camera.show(bench_background((1280, 720)))  # the card leaves the camera's view…
        qtbot.waitUntil(lambda: len(scanner.debouncer) == 0, timeout=10_000)  # …for long enough
        return signal.args[0]

    assert isinstance(hold("code128", order.rma_no), InspectionStarted)
    hold("ean13", order.lines[0].ean)
    assert bench.checklist.heading.text().startswith("Step 2")
    assert hold("code128", command_payload(Command.PASS)) is Command.PASS
    assert hold("code128", command_payload(Command.PASS)) is Command.PASS
    assert bench.checklist.model.on_confirm_page
    for kind in bench.checklist.model.evaluation.missing_photos:  # the camera's frame as evidence
        bench.photo_strip.choose(kind)
        with qtbot.waitSignal(bench.photos_shown, timeout=10_000):
            assert hold("code128", command_payload(Command.PHOTO)) is Command.PHOTO
    qtbot.waitUntil(lambda: bench.checklist.model.evaluation.complete, timeout=10_000)
    photo = bench.photo_strip.photos[0]
    assert (photo.width, photo.height) == (1280, 720)  # full resolution, not the preview
    with qtbot.waitSignal(bench.completed, timeout=15_000) as done:
        camera.show(code_frame("code128", command_payload(Command.PASS)))
    assert done.args[0].order.rma_no == order.rma_no


@pytest.mark.parametrize("camera_window", [scripted_scanner], indirect=True)
def test_a_waybill_label_with_a_qr_code_opens_its_parcel_not_an_unmatched_one(
    qtbot, camera_window: MainWindow, demo_station: app.Station, request
) -> None:
    """The QR code above an express label's barcode (a tracking link) is read in the same
    frames as the waybill number, while the parcel opens on the window's worker."""
    camera: ScriptedCamera = request.node.camera
    order = find_order(demo_station, "apparel")
    assert order.tracking
    waybill = order.tracking[0][1]
    link = f"https://m.example-express.cn/t?no={waybill}"
    with qtbot.waitSignal(camera_window.bench.scan_handled, timeout=15_000) as signal:
        camera.show(label_frame([("qr", link), ("code128", waybill)]))
    opened = signal.args[0]
    assert isinstance(opened, InspectionStarted) and opened.order.rma_no == order.rma_no
    assert demo_station.db.run(lambda s: s.scalar(select(func.count(UnmatchedParcel.id)))) == 0


@pytest.mark.parametrize("camera_window", [scripted_scanner], indirect=True)
def test_an_unplugged_camera_is_reported_and_comes_back(
    qtbot, camera_window: MainWindow, demo_station: app.Station, request
) -> None:
    camera: ScriptedCamera = request.node.camera
    view = camera_window.bench.camera_view
    qtbot.waitUntil(lambda: view.frames_shown > 3, timeout=10_000)
    camera.unplugged.set()
    qtbot.waitUntil(lambda: "Camera not available" in view.message, timeout=10_000)
    assert "hand scanner" in camera_window.bench.notice.text()
    order = find_order(demo_station, "apparel")
    with qtbot.waitSignal(camera_window.bench.scan_handled, timeout=10_000):
        camera_window.route_scan(order.rma_no)  # the hand scanner goes on working
    camera.unplugged.clear()
    shown = view.frames_shown
    qtbot.waitUntil(lambda: view.frames_shown > shown + 3, timeout=15_000)
    assert view.message == ""
    scanner = view.scanner
    assert scanner is not None and scanner.reader.stats.recoveries >= 1
