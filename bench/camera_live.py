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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    qapp = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        settings = load_settings(
            root / "none.toml", data_dir=root, language="en", station_id="ST-BENCH"
        )
        station = app.open_station(settings)
        app.load_demo_data(station, today=date.today())
        parcels = station.db.run(expected_parcels)
        clip = root / "clip.avi"
        write_demo_video(clip, [str(p["rma_no"]) for p in parcels], orders=parcels)
        scanner = LiveScanner(VideoFileSource(clip, loop=True), settings=LiveSettings())
        window = station_window(qapp, station, settings, size=(1366, 800), camera=scanner)
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
        QTimer.singleShot(int(args.seconds * 1000), loop.quit)
        loop.exec()
        lateness.stop()
        stats = scanner.reader.stats
        decoded = scanner.decoded_frames
        window.close()
        station.close()

    table(
        f"Live camera for {args.seconds:.0f} s, demo clip 1280x720 at 30 fps (ms)",
        ["measure", "count", "median", "p95", "max"],
        [
            [
                "GUI timer lateness (10 ms timer)",
                len(lateness.samples),
                *summary_ms(lateness.samples),
            ],
            ["camera scan → order card shown", len(latency), *summary_ms(latency)],
        ],
    )
    table(
        "Frames",
        ["read", "decoded", "dropped (stale)", "order cards", "other scans"],
        [[stats.read, decoded, stats.dropped, cards["started"], cards["other"]]],
    )
    sys.stdout.write(f"\nGUI stalls over 50 ms: {lateness.stalls()}\n")
    sys.stdout.flush()
    os._exit(0)  # skip PySide6's teardown through the garbage collector


if __name__ == "__main__":
    main()
