"""Sync throughput against the real central service on loopback (SQLite + blobs on disk).

    QT_QPA_PLATFORM=offscreen python bench/sync.py [--inspections 10000] [--photos 4]
                                                   [--orders 500000]

1. Drain: a station holding ``--inspections`` completed inspections with ``--photos`` small
   photos each (built with bulk inserts, photos stored through the real blob store) pushes its
   whole outbox: events/s, MB/s, total time, and the station process's peak RSS.
2. Pull: central publishes an ``--orders`` manifest; the station pulls it in the background
   while its window runs: rows/s, and the GUI thread's longest stall (a 10 ms QTimer's
   lateness; target: none over 50 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cv2
import numpy as np
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert, select
from uuid6 import uuid7

from bench._common import GuiLateness, station_window, summary_ms, table
from station import app
from station.config import load_settings
from station.demo.orders import generate_orders
from station.store.models import Base, EvidenceItem, Inspection, OutboxEvent, ReturnLine, User
from tests.central.servers import central_server


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def tiny_jpeg(n: int) -> bytes:
    rng = np.random.default_rng(n)
    image = cv2.resize(rng.integers(0, 255, (8, 8, 3), dtype=np.uint8), (64, 48))
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 80])
    assert ok
    return bytes(data)


def build_backlog(station: app.Station, inspections: int, photos: int) -> tuple[int, int]:
    """Completed inspections, their photos and outbox events, as the workflow leaves them."""
    now = datetime.now(UTC)
    line_ids = station.db.run(
        lambda s: list(s.execute(select(ReturnLine.id, ReturnLine.return_id).limit(inspections)))
    )
    inspector = station.db.run(lambda s: s.scalar(select(User.id).where(User.badge_id == "I1001")))
    blob_bytes = 0
    inspection_rows, photo_rows, events = [], [], []
    for n, (line_id, return_id) in enumerate(line_ids):
        inspection_id = str(uuid7())
        inspection_rows.append(
            {
                "id": inspection_id,
                "return_id": return_id,
                "return_line_id": line_id,
                "station_id": station.settings.station_id,
                "inspector_id": inspector,
                "template_id": "generic",
                "template_version": 1,
                "answers": {"damage": False},
                "proposal": {},
                "rules_fired": [],
                "grade": "A",
                "disposition": "restock",
                "refund_kind": "full",
                "refund_fen": 9900,
                "refund_reason": "",
                "responsibility": "customer",
                "carrier_claim": False,
                "overridden": False,
                "override_reason": "",
                "needs_review": False,
                "overturned": False,
                "state": "completed",
                "started_at": now,
                "completed_at": now,
                "updated_at": now,
            }
        )
        events.append(
            (
                "inspection.completed",
                {
                    "inspection_id": inspection_id,
                    "rma_no": f"R{return_id}",
                    "line_no": 1,
                    "sku": "SKU",
                    "station_id": station.settings.station_id,
                    "inspector": "I1001",
                    "verdict": {
                        "grade": "A",
                        "disposition": "restock",
                        "refund_kind": "full",
                        "refund_fen": 9900,
                        "refund_reason": "",
                        "responsibility": "customer",
                        "carrier_claim": False,
                    },
                    "answers": {"damage": False},
                    "rules_fired": [],
                    "proposal": {},
                    "template": {"id": "generic", "version": 1},
                    "order_state": "inspected",
                    "overridden": False,
                    "override_reason": "",
                    "needs_review": False,
                    "started_at": now.isoformat(),
                    "completed_at": now.isoformat(),
                },
            )
        )
        for k in range(photos):
            data = tiny_jpeg(n * photos + k)
            stored = station.evidence.blobs.put(data)
            blob_bytes += len(data)
            photo_rows.append(
                {
                    "sha256": stored.sha256,
                    "inspection_id": inspection_id,
                    "kind": "overview",
                    "size_bytes": len(data),
                    "width": 64,
                    "height": 48,
                    "quality_flags": [],
                    "station_id": station.settings.station_id,
                    "inspector_id": inspector,
                    "taken_at": now,
                }
            )
            events.append(
                (
                    "photo.added",
                    {
                        "inspection_id": inspection_id,
                        "unmatched_id": None,
                        "kind": "overview",
                        "sha256": stored.sha256,
                        "size_bytes": len(data),
                        "quality_flags": [],
                        "station_id": station.settings.station_id,
                        "inspector": "I1001",
                        "taken_at": now.isoformat(),
                    },
                )
            )

    def write(session: Any) -> None:
        tables = Base.metadata.tables
        session.execute(insert(tables[Inspection.__tablename__]), inspection_rows)
        session.execute(insert(tables[EvidenceItem.__tablename__]), photo_rows)
        session.execute(
            insert(tables[OutboxEvent.__tablename__]),
            [
                {
                    "event_id": str(uuid7()),
                    "kind": kind,
                    "payload": payload,
                    "created_at": now,
                    "attempts": 0,
                    "parked": False,
                    "last_error": "",
                }
                for kind, payload in events
            ],
        )

    station.db.run(write)
    return len(events), blob_bytes


def publish_manifest(central: Any, orders: int, folder: Path) -> float:
    manifest = folder / "manifest.jsonl"
    with manifest.open("w", encoding="utf-8") as out:
        for row in generate_orders(orders, today=date.today(), seed=99):
            row["rma_no"] = "P" + row["rma_no"]
            row.pop("tracking")
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    env = dict(
        os.environ,
        CENTRAL_DATABASE_URL=central.database_url,
        CENTRAL_DATA_DIR=str(central.data_dir),
    )
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "central", "publish-manifest", str(manifest)],
        check=True,
        env=env,
        capture_output=True,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inspections", type=int, default=10_000)
    parser.add_argument("--photos", type=int, default=4)
    parser.add_argument("--orders", type=int, default=500_000)
    args = parser.parse_args()
    qapp = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp, central_server(data_dir=Path(tmp) / "c") as central:
        root = Path(tmp) / "station"
        settings = load_settings(
            root / "none.toml",
            data_dir=root,
            station_id="ST-BENCH",
            language="en",
            central_url=central.base_url,
            central_enrolment_code=central.enrolment_code("ST-BENCH"),
        )
        station = app.open_station(settings)
        app.load_demo_data(station, count=args.inspections, today=date.today())
        station.sync.sync_once()  # register; pull what central has (nothing yet)
        events, blob_bytes = build_backlog(station, args.inspections, args.photos)
        rss_before = rss_mb()
        started = time.perf_counter()
        report = station.sync.sync_once()
        drain = time.perf_counter() - started
        assert report.push.sent == events, report.push
        table(
            f"Drain: {args.inspections:,} inspections, {args.inspections * args.photos:,} photos",
            ["events", "photos", "MB", "seconds", "events/s", "MB/s", "peak RSS MB"],
            [
                [
                    events,
                    report.push.blobs,
                    f"{blob_bytes / 1e6:.1f}",
                    f"{drain:.1f}",
                    f"{events / drain:,.0f}",
                    f"{blob_bytes / 1e6 / drain:.2f}",
                    f"{max(rss_before, rss_mb()):.0f}",
                ]
            ],
        )

        publish_s = publish_manifest(central, args.orders, Path(tmp))
        window = station_window(qapp, station, settings, sync=station.sync)
        lateness = GuiLateness(10)
        lateness.start()
        pulled: dict[str, Any] = {}

        def pull() -> None:
            t0 = time.perf_counter()
            pulled["report"] = station.sync.sync_once()
            pulled["seconds"] = time.perf_counter() - t0

        import threading

        worker = threading.Thread(target=pull)
        worker.start()
        loop = QEventLoop()
        poll = QTimer()
        poll.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
        poll.start(100)
        loop.exec()
        lateness.stop()
        applied = pulled["report"].pull.applied
        table(
            f"Pull: {args.orders:,}-order manifest while the window runs",
            ["changes", "pages", "seconds", "rows/s", "publish at central s"],
            [
                [
                    applied,
                    pulled["report"].pull.pages,
                    f"{pulled['seconds']:.1f}",
                    f"{applied / pulled['seconds']:,.0f}",
                    f"{publish_s:.1f}",
                ]
            ],
        )
        table(
            "GUI thread while pulling (ms)",
            ["timer ticks", "median", "p95", "max"],
            [[len(lateness.samples), *summary_ms(lateness.samples)]],
        )
        sys.stdout.write(f"\nGUI stalls over 50 ms while pulling: {lateness.stalls()}\n")
        sys.stdout.flush()
        window.close()
        station.close()
    os._exit(0)


if __name__ == "__main__":
    main()
