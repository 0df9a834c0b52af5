"""How fast central takes a bench's backlog, next to what the disk allows.

    QT_QPA_PLATFORM=offscreen python bench/central.py [--inspections 1000] [--photos 4]
        [--photo-kb 206] [--stores sqlite-disk,pg-disk,pg-s3] [--before CHECKOUT] [--runs 1]
        [--workers 1,2] [--pg-over socket,tcp]

A station holding ``--inspections`` completed inspections — each 7 events (started, a photo
added ``--photos`` times, completed, label printed) with photos of about ``--photo-kb`` KB —
pushes its whole outbox to a real central service on loopback (``central serve``: one
process, or ``--workers N`` processes on one socket with PostgreSQL)
with the station's own sync code; the table gives seconds, events/s and MB/s per store:
SQLite + blobs on disk, PostgreSQL + disk, PostgreSQL + S3 (SeaweedFS). Central reaches
PostgreSQL through its Unix socket, as a service on the same host should (docs/DEPLOYMENT.md);
``--pg-over socket,tcp`` measures loopback TCP too. ``--before`` runs the
same against the ``central`` package of another checkout (the code before a change) in the
same run (with more than one process, a checkout whose ``central serve`` has ``--workers``).
Then the disk's own rate for the same bytes (read, SHA-256, write, fsync and rename into a
folder, with 1 and 4 threads; the 4-thread copy once in each round, and each drain's column
"of 4-thread copy" is the median over rounds of its rate against its own round's copy; then
the 4-thread copy written around the page cache, as central's disk store spools uploads), and
last central's disk store alone taking the same photos
spooled as uploads are: with one flush of the file system a group of 16, and file by file as
it did before.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cv2
import numpy as np
from sqlalchemy import insert, select
from uuid6 import uuid7

from bench._common import table
from central.blobstore import DiskBlobStore
from central.blobstore.unbuffered import UnbufferedFile
from station import app
from station.config import load_settings
from station.store.files import move_into_place
from station.store.models import Base, EvidenceItem, Inspection, OutboxEvent, ReturnLine, User
from tests.central.servers import (
    CentralServer,
    create_database,
    postgres,
    seaweed,
)

STATION = "ST-BENCH"
STORES = ("sqlite-disk", "pg-disk", "pg-s3")


def base_photo(kb: int) -> bytes:
    """A JPEG of about ``kb`` KB (camera noise compresses about as badly as a real photo)."""
    rng = np.random.default_rng(7)
    side = 256
    while True:
        image = cv2.GaussianBlur(
            rng.integers(0, 255, (side * 3 // 4, side, 3), np.uint8), (3, 3), 0
        )
        ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 85])
        assert ok
        if len(data) >= kb * 1000 or side > 4000:
            return bytes(data)
        side = int(side * 1.05)


def build_backlog(station: app.Station, inspections: int, photos: int, photo: bytes) -> int:
    """Completed inspections with their photos and outbox events, as the workflow leaves
    them; returns the photos' bytes. Each photo is the same picture with a different trailer
    after its end marker (a different SHA-256, the same size)."""
    now = datetime.now(UTC)
    sid = station.settings.station_id
    lines = station.db.run(
        lambda s: list(s.execute(select(ReturnLine.id, ReturnLine.return_id).limit(inspections)))
    )
    inspector = station.db.run(lambda s: s.scalar(select(User.id).where(User.badge_id == "I1001")))
    verdict = {
        "grade": "A",
        "disposition": "restock",
        "refund_kind": "full",
        "refund_fen": 9900,
        "refund_reason": "",
        "responsibility": "customer",
        "carrier_claim": False,
    }
    total = 0
    rows: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    events: list[tuple[str, dict[str, Any]]] = []
    for n, (line_id, return_id) in enumerate(lines):
        iid = str(uuid7())
        head = {"inspection_id": iid, "rma_no": f"R{return_id}", "line_no": 1}
        rows.append(
            {
                "id": iid,
                "return_id": return_id,
                "return_line_id": line_id,
                "station_id": sid,
                "inspector_id": inspector,
                "template_id": "generic",
                "template_version": 1,
                "answers": {"damage": False},
                "proposal": {},
                "rules_fired": [],
                **{k: v for k, v in verdict.items() if k != "carrier_claim"},
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
        events.append(("inspection.started", head | {"inspector": "I1001"}))
        for k in range(photos):
            data = photo + (n * photos + k).to_bytes(8, "big")
            stored = station.evidence.blobs.put(data)
            total += len(data)
            items.append(
                {
                    "sha256": stored.sha256,
                    "media": "photo",
                    "inspection_id": iid,
                    "kind": "overview",
                    "size_bytes": len(data),
                    "width": 1280,
                    "height": 960,
                    "quality_flags": [],
                    "station_id": sid,
                    "inspector_id": inspector,
                    "taken_at": now,
                }
            )
            events.append(
                (
                    "evidence.added",
                    {
                        "inspection_id": iid,
                        "media": "photo",
                        "kind": "overview",
                        "sha256": stored.sha256,
                        "size_bytes": len(data),
                        "quality_flags": [],
                        "inspector": "I1001",
                        "taken_at": now.isoformat(),
                    },
                )
            )
        events.append(
            (
                "inspection.completed",
                head
                | {
                    "sku": "SKU",
                    "inspector": "I1001",
                    "verdict": verdict,
                    "answers": {"damage": False},
                    "template": {"id": "generic", "version": 1},
                    "order_state": "inspected",
                    "completed_at": now.isoformat(),
                },
            )
        )
        events.append(
            (
                "label.printed",
                {"label_id": str(uuid7()), "kind": "disposition", "inspection_id": iid},
            )
        )

    def write(session: Any) -> None:
        tables = Base.metadata.tables
        session.execute(insert(tables[Inspection.__tablename__]), rows)
        if items:  # an empty list would insert one row of defaults
            session.execute(insert(tables[EvidenceItem.__tablename__]), items)
        session.execute(
            insert(tables[OutboxEvent.__tablename__]),
            [
                {"event_id": str(uuid7()), "kind": kind, "payload": payload, "created_at": now}
                for kind, payload in events
            ],
        )

    station.db.run(write)
    return total


def open_bench_station(
    folder: Path, central: CentralServer | None, station_id: str = STATION
) -> app.Station:
    settings = load_settings(
        folder / "none.toml",
        data_dir=folder,
        station_id=station_id,
        language="en",
        central_url=central.base_url if central else "",
        central_enrolment_code=central.enrolment_code(station_id) if central else "",
    )
    return app.open_station(settings)


@contextlib.contextmanager
def central_on(
    store: str, folder: Path, source: Path | None, workers: int, cluster: str | None
) -> Iterator[CentralServer]:
    """A fresh central on ``store`` with ``workers`` processes, running the ``central`` of
    ``source`` if given; on PostgreSQL, a new database of the running ``cluster``."""
    with contextlib.ExitStack() as stack:
        database = blobs = None
        if store.startswith("pg-"):
            assert cluster is not None
            database = create_database(cluster)
        if store == "pg-s3":
            blobs = stack.enter_context(seaweed(volumes=64)).s3.blob_url()
        server = CentralServer(
            database or f"sqlite:///{folder / 'central.db'}",
            blobs or (folder / "blobs").as_uri(),
            folder,
            source=source,
            workers=workers,
        )
        try:
            yield server.start()
        finally:
            server.stop()


def drain(
    template: Path, work: Path, store: str, source: Path | None, workers: int, cluster: str | None
) -> float:
    """Seconds for the station in ``template`` to push everything to a fresh central."""
    shutil.copytree(template, work / "station")
    with central_on(store, work / "central", source, workers, cluster) as central:
        station = open_bench_station(work / "station", central)
        # the station's copy written out before the clock starts: on a real bench it is on
        # another machine, where central's flushes of its own disk would not write it out
        os.sync()
        try:
            started = time.perf_counter()
            report = station.sync.sync_once()
            seconds = time.perf_counter() - started
            assert report.push.parked == 0, report.push
            left = station.db.run(
                lambda s: s.scalar(
                    select(OutboxEvent.seq).where(OutboxEvent.sent_at.is_(None)).limit(1)
                )
            )
            assert left is None, "the outbox was not drained"
        finally:
            station.close()
    set_aside(work)
    return seconds


def set_aside(folder: Path) -> None:
    """Move a spent folder out of the way, to be deleted when the bench ends. Deleting its
    thousands of files now would slow the next measurement: ext4 without a journal (as here)
    passes over every inode freed in the last minutes each time it makes a file."""
    spent = folder.parent / "spent"
    spent.mkdir(exist_ok=True)
    folder.rename(spent / f"{folder.name}-{time.monotonic_ns()}")


def copy_rate(files: list[Path], into: Path, threads: int, *, around_cache: bool = False) -> float:
    """Seconds to read, hash, write, fsync and rename every file into ``into`` (written
    through the page cache, or around it as central's disk store spools uploads)."""
    into.mkdir(parents=True)
    os.sync()  # from a written-out disk, as each drain starts

    def one(path: Path) -> None:
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        part = into / f"{sha}.part"
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            out = UnbufferedFile(os.dup(fd), around_cache=around_cache)  # closes its copy
            out.write(data)
            out.close()
            os.fsync(fd)
        finally:
            os.close(fd)
        part.rename(into / sha)

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(one, files))
    fd = os.open(into, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    seconds = time.perf_counter() - started
    set_aside(into)
    return seconds


def store_rate(files: list[Path], into: Path, *, one_flush: bool) -> float:
    """Seconds for central's disk store to take every file, spooled beforehand as uploads
    are, in groups of 16, 6 groups at once (2 processes × 3 uploads): with one flush of the
    file system a group (``store_all``), or each file made durable on its own as central
    stored them before (its new folder's parent, the file and its folder fsynced; 16 threads
    a group)."""
    store = DiskBlobStore(into)
    spool = store.spool_dir()
    spooled = []
    for path in files:
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        (spool / f"{sha}.part").write_bytes(data)
        spooled.append((sha, spool / f"{sha}.part"))
    groups = [spooled[i : i + 16] for i in range(0, len(spooled), 16)]

    def file_by_file(group: list[tuple[str, Path]]) -> None:
        with ThreadPoolExecutor(16) as pool:
            list(pool.map(lambda blob: move_into_place(blob[1], store.path(blob[0])), group))

    started = time.perf_counter()
    with ThreadPoolExecutor(6) as pool:
        list(pool.map(store.store_all if one_flush else file_by_file, groups))
    seconds = time.perf_counter() - started
    set_aside(into)
    return seconds


def disk_row(name: str, times: list[float], mb: float) -> list[str]:
    """A row of the table for the disk alone: the median of ``times``, and its rate."""
    seconds = statistics.median(times)
    return [name, "", "", f"{seconds:.1f}", "", f"{mb / seconds:.1f}", ""]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inspections", type=int, default=1000)
    parser.add_argument("--photos", type=int, default=4)
    parser.add_argument("--photo-kb", type=int, default=206)
    parser.add_argument("--stores", default=",".join(STORES))
    parser.add_argument("--before", type=Path, help="a checkout whose central to measure too")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument(
        "--workers",
        default="1,2",
        help="central processes to measure on PostgreSQL, e.g. 1,2,3 (SQLite: always 1)",
    )
    parser.add_argument(
        "--pg-over", default="socket", help="how central reaches PostgreSQL: socket, tcp or both"
    )
    args = parser.parse_args()
    transports = [t for t in args.pg_over.split(",") if t]
    if not transports or set(transports) - {"socket", "tcp"}:
        parser.error("--pg-over takes socket, tcp or socket,tcp")
    workers = [int(n) for n in args.workers.split(",") if n]
    stores = [s for s in args.stores.split(",") if s]
    unknown = set(stores) - set(STORES)
    if unknown:
        parser.error(f"unknown store {sorted(unknown)}; one of {', '.join(STORES)}")
    with contextlib.ExitStack() as stack:
        root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-central-")))
        # one PostgreSQL for the whole run, a database a drain: a cluster made and removed
        # for each would leave its deleted files to slow the next drain (see set_aside)
        on_postgres = any(s.startswith("pg-") for s in stores)
        clusters: dict[str, str | None] = {"": None}  # "": a store without PostgreSQL
        if on_postgres:
            running = stack.enter_context(postgres())
            clusters |= {"socket": running.socket_url, "tcp": running.url}
        template = root / "template"
        station = open_bench_station(template, None)
        app.load_demo_data(station, count=args.inspections, today=date.today())
        photo = base_photo(args.photo_kb)
        blob_bytes = build_backlog(station, args.inspections, args.photos, photo)
        events = station.db.run(lambda s: len(list(s.scalars(select(OutboxEvent.seq)))))
        shas = station.db.run(lambda s: list(s.scalars(select(EvidenceItem.sha256))))
        files = [station.evidence.blobs.path_for(sha) for sha in shas]
        station.close()
        mb = blob_bytes / 1e6
        sys.stdout.write(
            f"backlog: {args.inspections} inspections, {events} events, "
            f"{len(files)} photos, {mb:.0f} MB\n"
        )
        rows = []
        versions = [("after", None)] + ([("before", args.before)] if args.before else [])
        runs = [
            (store, name, label, source, n, cluster)
            for store in stores
            for over in (transports if store.startswith("pg-") else [""])
            for name, cluster in [(store + (" over TCP" if over == "tcp" else ""), clusters[over])]
            for n in (workers if store.startswith("pg-") else [1])
            for label, source in versions
        ]
        # round after round, each configuration once a round: a machine that slows down
        # or speeds up meanwhile weighs on every configuration alike
        drains: dict[tuple[str, str, int], list[float]] = {}
        # the target's yardstick, the 4-thread copy, measured in each round beside its drains:
        # the disk's flush rate moves from one hour to the next, so a drain is set against
        # the copy of its own round
        shares: dict[tuple[str, str, int], list[float]] = {}
        copies: dict[int, list[float]] = {1: [], 4: []}
        for round_no in range(args.runs):
            measured = []
            for store, name, label, source, n, cluster in runs:
                seconds = drain(template, root / "work", store, source, n, cluster)
                drains.setdefault((name, label, n), []).append(seconds)
                measured.append(((name, label, n), seconds))
                sys.stdout.write(f"round {round_no + 1}: {name} ×{n} {label}: {seconds:.1f} s\n")
                sys.stdout.flush()
            copies[4].append(copy_rate(files, root / "copy", 4))
            for key, seconds in measured:
                shares.setdefault(key, []).append(copies[4][-1] / seconds)
        for _store, name, label, _source, n, _cluster in runs:
            seconds = statistics.median(drains[(name, label, n)])
            share = statistics.median(shares[(name, label, n)])
            rows.append(
                [
                    name,
                    str(n),
                    label,
                    f"{seconds:.1f}",
                    f"{events / seconds:,.0f}",
                    f"{mb / seconds:.1f}",
                    f"{share:.0%}",
                ]
            )
        for threads in (1, 4):
            while len(copies[threads]) < max(args.runs, 3):
                copies[threads].append(copy_rate(files, root / "copy", threads))
            rows.append(
                disk_row(f"copy + SHA-256 + fsync, {threads} thread(s)", copies[threads], mb)
            )
        # the same written around the page cache, as central's disk store spools uploads
        around = [
            copy_rate(files, root / "copy", 4, around_cache=True) for _ in range(max(args.runs, 3))
        ]
        rows.append(disk_row("the same around the page cache, 4 threads", around, mb))
        stored: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(max(args.runs, 3)):  # alternated, as the drains are
            for one_flush in (True, False):
                stored[one_flush].append(store_rate(files, root / "store", one_flush=one_flush))
        for one_flush, label in ((True, "one flush a group"), (False, "file by file")):
            rows.append(
                disk_row(f"central's disk store, spooled photos: {label}", stored[one_flush], mb)
            )
        table(
            f"Drain of {args.inspections:,} inspections ({events:,} events, {mb:.0f} MB of photos)",
            ["central on", "processes", "code", "seconds", "events/s", "MB/s", "of 4-thread copy"],
            rows,
        )
    os._exit(0)


if __name__ == "__main__":
    main()
