"""The station's own time in a clean apparel inspection (target: < 1 s in all).

    QT_QPA_PLATFORM=offscreen python bench/inspection_flow.py [--orders 20]

Drives the real window with the inspector's inputs — scan the parcel, scan the tag, PASS the
condition step, PASS the packaging step, photos, accept — and measures, for each input, the
time from the input until the station shows its result (the order card, the next step, the
completed inspection). Inspector think-time is not counted; the sum is what the inspector
waits for the software.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication

from bench._common import station_window, summary_ms, table
from station import app
from station.capture.classify import Command
from station.config import load_settings
from station.demo.orders import generate_orders
from station.store.models import EvidenceItem
from station.ui.main_window import MainWindow
from station.workflow import InspectionStarted

TODAY = date.today()


def timed_until(signal: SignalInstance, action: Callable[[], None]) -> float:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(10_000, loop.quit)
    t0 = time.perf_counter()
    action()
    loop.exec()
    elapsed = time.perf_counter() - t0
    signal.disconnect(loop.quit)
    return elapsed


def timed(action: Callable[[], None]) -> float:
    t0 = time.perf_counter()
    action()
    QApplication.processEvents()
    return time.perf_counter() - t0


def clean_apparel_orders(count: int) -> list[dict]:
    picked = []
    for row in generate_orders(2400, today=TODAY):
        requested = date.fromisoformat(row["requested_on"])
        received = date.fromisoformat(row["customer_received_on"])
        line = row["lines"][0]
        if (
            row["state"] in ("received", "in_transit")
            and row["reason"] in ("no_reason_7d", "size_fit")
            and len(row["lines"]) == 1
            and line["category"] == "apparel"
            and requested - received <= timedelta(days=6)
        ):
            picked.append(row)
        if len(picked) == count:
            break
    return picked


def photograph(station: app.Station, window: MainWindow) -> None:
    """Record the required photos as the evidence store does (the camera is not measured)."""
    started = window.session.inspection
    model = window.session.checklist
    assert started is not None and model is not None
    missing = model.evaluation.missing_photos

    def work(session) -> None:  # type: ignore[no-untyped-def]
        for n, kind in enumerate(missing):
            session.add(
                EvidenceItem(
                    sha256=f"{n:064x}",
                    inspection_id=started.inspection.id,
                    kind=kind.value,
                    size_bytes=1,
                    width=1,
                    height=1,
                    station_id="ST-BENCH",
                    inspector_id=started.inspection.inspector_id,
                )
            )

    station.db.run(work)
    window.session.refresh_photos()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=20)
    args = parser.parse_args()
    qapp = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(
            Path(tmp) / "none.toml", data_dir=Path(tmp), language="en", station_id="ST-BENCH"
        )
        station = app.open_station(settings)
        app.load_demo_data(station, today=TODAY)
        window = station_window(qapp, station, settings)
        window.logged_in(station.auth.login("I1001", "1234"))
        steps: dict[str, list[float]] = {
            name: []
            for name in (
                "scan parcel → order card and checklist",
                "scan tag → next step",
                "PASS condition → next step",
                "PASS packaging → verdict page",
                "photos recorded → verdict complete",
                "accept → completed and saved",
            )
        }
        names = list(steps)
        totals = []
        bench, session = window.bench, window.session
        for row in clean_apparel_orders(args.orders):
            spent = [
                timed_until(bench.scan_handled, lambda r=row: window.route_scan(r["rma_no"])),
                timed(lambda r=row: window.route_scan(r["lines"][0]["ean"])),
                timed(lambda: session.command(Command.PASS)),
                timed(lambda: session.command(Command.PASS)),
                timed_until(bench.photos_shown, lambda: photograph(station, window)),
                timed_until(bench.completed, lambda: session.command(Command.PASS)),
            ]
            assert isinstance(session.outcome, InspectionStarted) or session.outcome is None
            for name, value in zip(names, spent, strict=True):
                steps[name].append(value)
            totals.append(sum(spent))
        rows = [[name, *summary_ms(values)] for name, values in steps.items()]
        rows.append(["total waiting per inspection", *summary_ms(totals)])
        table(
            f"Clean apparel inspection, {len(totals)} orders, station time per input (ms)",
            ["input → result", "median", "p95", "max"],
            rows,
        )
        sys.stdout.write(
            f"\nmedian total {statistics.median(totals) * 1000:.0f} ms (target < 1000 ms)\n"
        )
        window.close()
        station.close()
    sys.stdout.flush()
    # Exit without tearing Qt down through the garbage collector: PySide6 can crash there.
    os._exit(0)


if __name__ == "__main__":
    main()
