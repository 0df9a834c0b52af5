"""Live camera scanning in the real window: GUI-thread stalls and scan-to-order-card latency.

    QT_QPA_PLATFORM=offscreen python bench/camera_live.py [--seconds 60]

The demo camera's clip plays in real time (30 frames/s at 1280×720) through the reader, the
decoding pipeline and the debouncer into the window, exactly as at the bench. A 10 ms QTimer
measures how late the GUI thread gets to it (target: never over 50 ms); every camera scan is
timed from its frame's arrival to the order card on screen (target: p95 ≤ 150 ms).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from bench._common import GuiLateness, station_window, summary_ms, table
from station import app
from station.capture.frames import VideoFileSource
from station.capture.live import LiveScanner, LiveSettings
from station.config import load_settings
from station.demo.expected import expected_parcels
from station.demo.video import write_demo_video
from station.workflow import InspectionStarted, NotInspectable

TICK_MS = 10


@dataclass
class LiveRun:
    lateness: list[float]
    latency: list[float]
    read: int
    decoded: int
    dropped: int
    cards: dict[str, int]
    stalls: int
    clips_filed: int = 0


def measure(qapp: QApplication, seconds: float, *, recording: bool = False) -> LiveRun:
    """The demo clip through the window for ``seconds``; with ``recording``, every parcel it
    opens is filmed as at the bench (the clip service on the camera's frames)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        settings = load_settings(
            root / "none.toml",
            data_dir=root,
            language="en",
            station_id="ST-BENCH",
            recording_disk_floor_gib=0.1,
        )
        station = app.open_station(settings)
        app.load_demo_data(station, today=date.today())
        parcels = station.db.run(expected_parcels)
        clip = root / "clip.avi"
        write_demo_video(clip, [str(p["rma_no"]) for p in parcels], orders=parcels)
        scanner = LiveScanner(VideoFileSource(clip, loop=True), settings=LiveSettings())
        clips = app.build_recording(station, scanner) if recording else None
        window = station_window(
            qapp, station, settings, size=(1366, 800), camera=scanner, clips=clips
        )
        user = station.auth.login("I1001", "1234")
        window.logged_in(user)

        lateness = GuiLateness(TICK_MS)
        latency: list[float] = []
        cards = {"started": 0, "other": 0}

        def shown(outcome: object) -> None:
            seen_at = window.session.last_scan_seen_at
            if seen_at is not None:
                latency.append(time.monotonic() - seen_at)
            key = "started" if isinstance(outcome, InspectionStarted | NotInspectable) else "other"
            cards[key] += 1
            if key == "started":  # parked at once, so the next parcel opens its own card
                QTimer.singleShot(0, lambda: window.session.start(user))

        window.bench.scan_handled.connect(shown)
        lateness.start()
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
        lateness.stop()
        stats = scanner.reader.stats
        run = LiveRun(
            lateness.samples,
            latency,
            stats.read,
            scanner.decoded_frames,
            stats.dropped,
            cards,
            lateness.stalls(),
        )
        window.close()
        station.close()
        if clips is not None:
            run.clips_filed = len(list(station.evidence.clips.digests()))
    return run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    qapp = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qapp, QApplication)
    run = measure(qapp, args.seconds)
    table(
        f"Live camera for {args.seconds:.0f} s, demo clip 1280x720 at 30 fps (ms)",
        ["measure", "count", "median", "p95", "max"],
        [
            ["GUI timer lateness (10 ms timer)", len(run.lateness), *summary_ms(run.lateness)],
            ["camera scan → order card shown", len(run.latency), *summary_ms(run.latency)],
        ],
    )
    table(
        "Frames",
        ["read", "decoded", "dropped (stale)", "order cards", "other scans"],
        [[run.read, run.decoded, run.dropped, run.cards["started"], run.cards["other"]]],
    )
    sys.stdout.write(f"\nGUI stalls over 50 ms: {run.stalls}\n")
    sys.stdout.flush()
    os._exit(0)  # skip PySide6's teardown through the garbage collector


if __name__ == "__main__":
    main()
