"""Regenerate docs/screenshots/ from the real window with demo data (``make screenshots``).

Runs on whatever Qt platform is set: under Xvfb for the real look, or offscreen.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication

from station import app
from station.capture.frames import VideoFileSource
from station.capture.live import LiveScanner
from station.config import Settings, load_settings
from station.demo.expected import expected_parcels
from station.demo.orders import generate_orders
from station.demo.video import write_demo_video
from station.domain.outcome import Outcome
from station.protocol.enums import Disposition, Grade, RefundKind, Responsibility
from station.sync.pull import AppliedDecision
from station.ui.application import build_window
from station.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
DEMO_DAY = date(2026, 11, 20)
# the bench PCs' screens: the window fills them (the first is the smallest the bench fits)
SIZES = ((1366, 768), (1920, 1080))


def wait_for(signal: SignalInstance, action: Callable[[], None], timeout_ms: int = 10_000) -> None:
    loop = QEventLoop()
    signal.connect(lambda *_: loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    action()
    loop.exec()


def settle(ms: int = 600) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(language: str, qapp: QApplication, data_dir: Path) -> None:
    settings = load_settings(
        Path("/nonexistent"),
        data_dir=data_dir,
        station_id="ST-HZ01",
        demo=True,
        language=language,
    )
    station = app.open_station(settings)
    app.load_demo_data(station, today=DEMO_DAY)
    window = build_window(
        qapp,
        workflow=station.workflow,
        auth=station.auth,
        outbox_status=station.outbox_status,
        settings=settings,
    )
    window.resize(*SIZES[0])
    window.show()
    settle()
    suffix = "" if language == "zh_CN" else "_en"
    window.grab().save(str(OUT / f"login{suffix}.png"))
    user = station.auth.login("I1001", "1234")
    window.logged_in(user)
    rma = next(
        row["rma_no"]
        for row in generate_orders(200, today=DEMO_DAY)
        if row["state"] == "in_transit" and len(row["lines"]) > 1
    )
    wait_for(window.bench.scan_handled, lambda: window.route_scan(rma))
    settle()
    window.grab().save(str(OUT / f"order_card{suffix}.png"))
    wait_for(window.bench.scan_handled, lambda: window.route_scan("SF0000000000000"))
    settle()
    window.grab().save(str(OUT / f"unmatched{suffix}.png"))
    apparel = next(
        row
        for row in generate_orders(400, today=DEMO_DAY)
        if row["state"] == "received"
        and row["reason"] == "no_reason_7d"
        and len(row["lines"]) == 1
        and row["lines"][0]["category"] == "apparel"
        and row["requested_on"] >= row["customer_received_on"]
    )
    wait_for(window.bench.scan_handled, lambda: window.route_scan(apparel["rma_no"]))
    window.route_scan(apparel["lines"][0]["ean"])
    window.session.pick(0)  # tags removed
    settle()
    window.grab().save(str(OUT / f"checklist{suffix}.png"))
    for width, height in SIZES[1:]:  # the same bench on a larger screen
        window.resize(width, height)
        settle()
        window.grab().save(str(OUT / f"checklist_{width}x{height}{suffix}.png"))
    window.resize(*SIZES[0])
    shoot_decision(window, suffix)
    window.close()
    shoot_camera(qapp, station, settings, suffix)
    station.close()


def shoot_decision(window: MainWindow, suffix: str) -> None:
    """The banner of a supervisor's overturn (a corrected label printing here), another
    decision waiting behind it, over the checklist of the parcel in hand."""
    received = [
        r["rma_no"] for r in generate_orders(200, today=DEMO_DAY) if r["state"] == "received"
    ]
    rmas = received[-2:]  # inspected earlier today at this bench
    as_inspected = Outcome(
        Grade.A, Disposition.RESTOCK, RefundKind.FULL, 25_900, Responsibility.CUSTOMER
    )
    decided = replace(as_inspected, grade=Grade.B, disposition=Disposition.RESTOCK_OPEN_BOX)
    for n, (rma, after) in enumerate(((rmas[0], decided), (rmas[1], as_inspected))):
        window.session.decisions.add(
            AppliedDecision(
                inspection_id=f"screenshot-{n}",
                rma_no=rma,
                decision_id=f"screenshot-{n}",
                decided_by="S9001",
                decided_at=datetime(2026, 11, 20, 6, 42, tzinfo=UTC),
                approve=after is as_inspected,
                reason="外包装破损，开箱可售" if after is decided else "照片清楚",
                before=as_inspected,
                after=after,
                changed=("grade", "disposition") if after is decided else (),
                relabel=after is decided,
            )
        )
    settle()
    window.grab().save(str(OUT / f"decision{suffix}.png"))
    while window.session.decisions.dismiss():
        pass


def shoot_camera(qapp: QApplication, station: app.Station, settings: Settings, suffix: str) -> None:
    """Live scanning: the demo clip through the real camera path, caught with a code outlined."""
    parcels = station.db.run(expected_parcels)
    clip = station.paths.root / "screenshot-clip.avi"
    write_demo_video(clip, [str(p["rma_no"]) for p in parcels[:3]], orders=parcels)
    scanner = LiveScanner(VideoFileSource(clip, loop=True))
    # the bench films its parcel as it does in use: the status bar says so
    filming = replace(
        station, settings=settings.model_copy(update={"recording_disk_floor_gib": 0.1})
    )
    clips = app.build_recording(filming, scanner)
    window = build_window(
        qapp,
        workflow=station.workflow,
        auth=station.auth,
        outbox_status=station.outbox_status,
        settings=settings,
        camera=scanner,
        clips=clips,
    )
    window.resize(*SIZES[0])
    window.show()
    window.logged_in(station.auth.login("I1002", "1234"))
    view = window.bench.camera_view
    wait_for(window.bench.scan_handled, lambda: None, timeout_ms=20_000)
    deadline = 200
    while not view.outlines and deadline:
        settle(50)
        deadline -= 1
    settle(300)  # let the card and checklist lay themselves out for the parcel just read
    if clips is not None:
        deadline = 100
        while clips.recorder.recording is None and deadline:
            settle(50)
            deadline -= 1
        settle(200)  # the status bar hears of the take
    window.grab().save(str(OUT / f"live_scanning{suffix}.png"))
    window.close()
    for stop in filming.stoppers[len(station.stoppers) :]:
        stop()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    qapp = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qapp, QApplication)
    language = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    with tempfile.TemporaryDirectory() as tmp:
        shoot(language, qapp, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
