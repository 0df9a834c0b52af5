"""The window films every parcel: a scan opens a take with the seconds before it, the status
bar says it is recording, and the take is filed with its chapters when the parcel leaves the
bench. A camera unplugged mid-take leaves a marked gap, never a cut."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from station import app
from station.capture.classify import Command, command_payload
from station.capture.live import LiveScanner, LiveSettings
from station.demo.camera import DemoCamera
from station.demo.video import write_demo_video
from station.evidence.blobs import hash_file
from station.evidence.video.chapters import ChapterKind
from station.evidence.video.fragments import links_of_file
from station.evidence.video.recorder import GAP_AFTER_S
from station.evidence.video.records import ClipView, clips
from station.ui.main_window import MainWindow
from tests.evidence.video.rig import band_codes, decoded_frames
from tests.ui.conftest import log_in, shown_window
from tests.ui.test_camera import ScriptedCamera, in_transit
from tests.ui.test_checklist_view import find_order


def recording_window(qtbot, station: app.Station, scanner: LiveScanner) -> Iterator[MainWindow]:
    # the floor is lowered: the machine running the tests may have less free disk than a bench
    settings = station.settings.model_copy(update={"recording_disk_floor_gib": 0.1})
    filming = dataclasses.replace(station, settings=settings, stoppers=[])
    clip_service = app.build_recording(filming, scanner)
    assert clip_service is not None
    win = shown_window(qtbot, station, settings=settings, camera=scanner, clips=clip_service)
    log_in(qtbot, win)
    try:
        yield win
    finally:
        win.close()
        for stop in filming.stoppers:
            stop()


def filed(station: app.Station) -> list[ClipView]:
    return station.db.run(lambda s: clips(s))


@pytest.fixture
def demo_window(qtbot, demo_station: app.Station, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "demo-camera.avi"
    rmas = in_transit(demo_station, 2)
    write_demo_video(path, rmas, hold_s=1.5, gap_s=0.5)
    yield from recording_window(qtbot, demo_station, LiveScanner(DemoCamera(path)))


def test_the_demo_camera_films_its_parcel_from_the_scan_until_it_is_cancelled(
    qtbot, demo_window: MainWindow, demo_station: app.Station
) -> None:
    clip_service = demo_window.clips
    assert clip_service is not None
    qtbot.waitUntil(lambda: clip_service.recorder.recording is not None, timeout=30_000)
    qtbot.waitUntil(lambda: "REC" in demo_window.recording_label.text(), timeout=5_000)
    clip_id = clip_service.recorder.recording
    encoded = clip_service.recorder.encoded
    qtbot.waitUntil(lambda: clip_service.recorder.encoded > encoded + 30, timeout=15_000)
    demo_window.route_scan(command_payload(Command.CANCEL))
    demo_window.route_scan(command_payload(Command.CANCEL))
    qtbot.waitUntil(lambda: any(c.id == clip_id for c in filed(demo_station)), timeout=20_000)
    clip = next(c for c in filed(demo_station) if c.id == clip_id)
    assert clip.ended == "abandoned" and clip.inspection_id is not None
    assert clip.chapters[0].kind is ChapterKind.SCAN
    path = demo_station.evidence.clips.path_for(clip.sha256)
    assert hash_file(path) == (clip.sha256, clip.size_bytes)
    assert [link.digest for link in links_of_file(path, clip.id)][-1] == clip.chain_head
    frames = decoded_frames(path)
    assert len(frames) > 30
    after_scan = [f for f in frames if f.time * 1000 > clip.preroll_ms + 500]
    for sample in after_scan[:: max(1, len(after_scan) // 5)]:
        ((read_id, _, parcel),) = band_codes(sample.to_ndarray(format="bgr24"))
        assert read_id == clip_id and parcel == clip.parcel_code.split(" / ")[0]


@pytest.fixture
def scripted_window(qtbot, demo_station: app.Station, request) -> Iterator[MainWindow]:
    request.node.camera = ScriptedCamera()
    scanner = LiveScanner(request.node.camera, settings=LiveSettings(repeat_after_s=0.4))
    yield from recording_window(qtbot, demo_station, scanner)


def test_a_camera_unplugged_mid_take_leaves_a_marked_gap(
    qtbot, scripted_window: MainWindow, demo_station: app.Station, request
) -> None:
    camera: ScriptedCamera = request.node.camera
    clip_service = scripted_window.clips
    assert clip_service is not None
    recorder = clip_service.recorder
    qtbot.waitUntil(lambda: recorder.encoded > 20, timeout=15_000)
    order = find_order(demo_station, "apparel")
    scripted_window.route_scan(order.rma_no)  # the hand scanner opens the parcel
    qtbot.waitUntil(lambda: recorder.recording is not None, timeout=10_000)
    clip_id = recorder.recording
    camera.unplugged.set()
    qtbot.waitUntil(lambda: recorder.gap_cards >= 3, timeout=15_000)
    camera.unplugged.clear()
    encoded = recorder.encoded
    qtbot.waitUntil(lambda: recorder.encoded > encoded + 30, timeout=20_000)
    scripted_window.route_scan(command_payload(Command.CANCEL))
    scripted_window.route_scan(command_payload(Command.CANCEL))
    qtbot.waitUntil(lambda: any(c.id == clip_id for c in filed(demo_station)), timeout=20_000)
    clip = next(c for c in filed(demo_station) if c.id == clip_id)
    kinds = [c.kind for c in clip.chapters]
    assert ChapterKind.CAMERA_LOST in kinds and ChapterKind.CAMERA_BACK in kinds
    assert kinds.index(ChapterKind.CAMERA_LOST) < kinds.index(ChapterKind.CAMERA_BACK)
    (gap,) = clip.gaps
    assert gap["to_ms"] - gap["from_ms"] >= 1000
    # one continuous take: no jump longer than the second it takes to call the camera lost
    # and the half second between cards
    times = [f.time for f in decoded_frames(demo_station.evidence.clips.path_for(clip.sha256))]
    assert max(b - a for a, b in itertools.pairwise(times)) < GAP_AFTER_S + 0.6
