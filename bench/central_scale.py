"""Central side by side: 1, 2 and 4 processes on one PostgreSQL, many benches draining at once.

    QT_QPA_PLATFORM=offscreen python bench/central_scale.py [--processes 1,2,4]
        [--stations 8] [--inspections 100] [--photos 4] [--photo-kb 206] [--no-kill]

``--stations`` benches, each holding ``--inspections`` completed inspections (7 events each,
``--photos`` photos of about ``--photo-kb`` KB), drain at once with ``station sync --once``,
each in its own process, station *i* talking to central process *i mod N* (as a proxy that
keeps a connection's requests on one process would). Meanwhile an administrator publishes
returns to the processes in turn and two readers page through the change feed, switching
process every page. Afterwards every event is checked stored exactly once, every photo's
bytes against its SHA-256, and each reader's feed strictly in order with nothing missing.

Last (unless ``--no-kill``): once the drain is under way, one central process is killed with
SIGKILL and started again (as a supervisor would); benches cut off sync again until they
succeed, and the same checks must hold.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.pool import NullPool

from bench._common import table
from bench.central import base_photo, build_backlog, open_bench_station
from central.db.models import BlobRecord, ChangeRecord, EventRecord
from station import app
from station.store.models import OutboxEvent
from tests.central.client import manifest_row
from tests.central.servers import CentralServer, create_database, free_port, postgres

ROOT = Path(__file__).resolve().parent.parent


@dataclass(slots=True)
class Reader:
    """A bench of the warehouse that only pulls: every page from the next process."""

    token: str
    seqs: list[int] = field(default_factory=list)
    pages: int = 0
    errors: int = 0


def build_stations(root: Path, count: int, inspections: int, photos: int, kb: int) -> list[str]:
    photo = base_photo(kb)
    ids = []
    for n in range(count):
        station_id = f"ST-SCALE{n:02d}"
        station = open_bench_station(root / station_id, None, station_id)
        app.load_demo_data(station, count=inspections, today=date.today())
        build_backlog(station, inspections, photos, photo + n.to_bytes(4, "big"))
        station.close()
        ids.append(station_id)
    return ids


def sync_process(folder: Path, station_id: str, central: CentralServer) -> subprocess.Popen[bytes]:
    env = dict(
        os.environ,
        STATION_CENTRAL_URL=central.base_url,
        STATION_CENTRAL_ENROLMENT_CODE=central.enrolment_code(station_id),
        STATION_STATION_ID=station_id,
    )
    args = [sys.executable, "-m", "station", "--data-dir", str(folder)]
    args += ["--config", str(folder / "none.toml"), "sync", "--once"]
    return subprocess.Popen(
        args, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def register_reader(central: CentralServer) -> Reader:
    station_id = f"ST-READ{uuid.uuid4().hex[:6].upper()}"
    code = central.enrolment_code(station_id)
    answer = httpx.post(
        f"{central.base_url}/v1/stations",
        json={"station_id": station_id, "name": "reader", "enrolment_code": code},
        timeout=30,
    )
    answer.raise_for_status()
    return Reader(answer.json()["token"])


def read_feed(reader: Reader, servers: list[CentralServer], done: threading.Event) -> None:
    cursor = "0"
    finished = False
    while not finished:
        finished = done.is_set()  # one more full pass after the last publish
        more = True
        while more:
            server = servers[reader.pages % len(servers)]
            try:
                answer = httpx.get(
                    f"{server.base_url}/v1/changes",
                    params={"since": cursor, "limit": 200},
                    headers={"Authorization": f"Bearer {reader.token}"},
                    timeout=30,
                )
                answer.raise_for_status()
            except httpx.HTTPError:
                reader.errors += 1  # that process is down: the next one
                reader.pages += 1
                time.sleep(0.2)
                continue
            page = answer.json()
            reader.pages += 1
            reader.seqs += [change["seq"] for change in page["changes"]]
            cursor, more = page["cursor"], page["more"]
        time.sleep(0.1)


def publish(servers: list[CentralServer], rounds: int, done: threading.Event) -> None:
    try:
        for n in range(rounds):
            server = servers[n % len(servers)]
            rows = [manifest_row(f"RMA{uuid.uuid4().int % 10**12:012d}") for _ in range(100)]
            with contextlib.suppress(httpx.HTTPError):
                httpx.post(
                    f"{server.base_url}/v1/returns",
                    json=rows,
                    headers={"X-Admin-Token": server.admin_token},
                    timeout=60,
                )
            time.sleep(0.3)
    finally:
        done.set()


def run(
    cluster_url: str,
    root: Path,
    templates: Path,
    stations: list[str],
    processes: int,
    kill: bool,
) -> list[str]:
    database = create_database(cluster_url)
    shared = root / "shared"
    token = "adm_" + uuid.uuid4().hex
    servers = [
        CentralServer(database, (shared / "blobs").as_uri(), shared, admin_token=token)
        for _ in range(processes)
    ]
    for server in servers:
        server.port = free_port()
        server.start()
    work = root / "stations"
    shutil.rmtree(work, ignore_errors=True)
    for station_id in stations:
        shutil.copytree(templates / station_id, work / station_id)
    expected = sum(outbox_size(work / sid) for sid in stations)
    readers = [register_reader(servers[0]) for _ in range(2)]
    published = threading.Event()
    threads = [threading.Thread(target=publish, args=(servers, 20, published))]
    threads += [threading.Thread(target=read_feed, args=(r, servers, published)) for r in readers]
    try:
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        running = {
            sid: sync_process(work / sid, sid, servers[n % processes])
            for n, sid in enumerate(stations)
        }
        killed = False
        retries = 0
        while running:
            time.sleep(0.2)
            if kill and not killed and stored_events(database, stations) > expected // 3:
                victim = servers[-1]
                assert victim.process is not None
                os.kill(victim.process.pid, signal.SIGKILL)
                victim.process.wait()
                victim.process = None
                victim.start()  # a supervisor starts it again
                killed = True
            for n, sid in enumerate(stations):
                process = running.get(sid)
                if process is None or process.poll() is None:
                    continue
                if process.returncode == 0:
                    del running[sid]
                else:  # cut off by the kill: sync again, as the bench's next round would
                    retries += 1
                    running[sid] = sync_process(work / sid, sid, servers[n % processes])
        seconds = time.perf_counter() - started
        for thread in threads:
            thread.join(120)
        return check(database, shared, work, stations, readers, processes, seconds, kill, retries)
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(shared, ignore_errors=True)


def outbox_size(folder: Path) -> int:
    engine = create_engine(f"sqlite:///{folder / 'station.db'}")
    with engine.connect() as conn:
        count = conn.scalar(select(func.count()).select_from(OutboxEvent)) or 0
    engine.dispose()
    return count


def stored_events(database: str, stations: list[str]) -> int:
    engine = create_engine(database, poolclass=NullPool)
    with engine.connect() as conn:
        count = conn.scalar(
            select(func.count())
            .select_from(EventRecord)
            .where(EventRecord.station_id.in_(stations))
        )
    return count or 0


def check(
    database: str,
    shared: Path,
    work: Path,
    stations: list[str],
    readers: list[Reader],
    processes: int,
    seconds: float,
    kill: bool,
    retries: int,
) -> list[str]:
    expected = 0
    for sid in stations:
        engine = create_engine(f"sqlite:///{work / sid / 'station.db'}")
        with engine.connect() as conn:
            expected += conn.scalar(select(func.count()).select_from(OutboxEvent)) or 0
            unsent = conn.scalar(
                select(func.count()).select_from(OutboxEvent).where(OutboxEvent.sent_at.is_(None))
            )
            assert unsent == 0, f"{sid} still has {unsent} events to send"
        engine.dispose()
    engine = create_engine(database)
    with engine.connect() as conn:
        stored = conn.scalar(
            select(func.count())
            .select_from(EventRecord)
            .where(EventRecord.station_id.in_(stations))
        )
        blobs = list(conn.execute(select(BlobRecord.sha256, BlobRecord.size)))
        feed = [
            seq
            for (seq,) in conn.execute(
                select(ChangeRecord.seq)
                .where(ChangeRecord.warehouse.is_(None) | (ChangeRecord.warehouse == "MAIN"))
                .order_by(ChangeRecord.seq)
            )
        ]
        conn.execute(text("SELECT 1"))
    engine.dispose()
    assert stored == expected, f"{stored} events stored, {expected} sent"
    total = 0
    for sha, size in blobs:
        data = (shared / "blobs" / sha[:2] / sha[2:4] / sha).read_bytes()
        assert len(data) == size and hashlib.sha256(data).hexdigest() == sha, sha
        total += size
    for reader in readers:
        assert reader.seqs == sorted(set(reader.seqs)), "a reader saw the feed out of order"
        assert reader.seqs == feed, (
            f"a reader saw {len(reader.seqs)} changes of {len(feed)}: "
            f"missing {sorted(set(feed) - set(reader.seqs))[:5]}"
        )
    mb = total / 1e6
    return [
        str(processes),
        str(len(stations)),
        "yes" if kill else "",
        f"{seconds:.1f}",
        f"{expected / seconds:,.0f}",
        f"{mb / seconds:.1f}",
        f"{expected:,} once each",
        f"{len(blobs):,} right",
        f"{len(feed):,} in order, {sum(r.errors for r in readers)} pages retried",
        str(retries),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", default="1,2,4")
    parser.add_argument("--stations", type=int, default=8)
    parser.add_argument("--inspections", type=int, default=100)
    parser.add_argument("--photos", type=int, default=4)
    parser.add_argument("--photo-kb", type=int, default=206)
    parser.add_argument(
        "--no-kill", action="store_true", help="leave out the run that SIGKILLs a process"
    )
    args = parser.parse_args()
    counts = [int(n) for n in args.processes.split(",") if n]
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp, postgres() as cluster:
        root = Path(tmp)
        stations = build_stations(
            root / "templates", args.stations, args.inspections, args.photos, args.photo_kb
        )
        sys.stdout.write(f"built {len(stations)} benches\n")
        rows = []
        for processes in counts:
            rows.append(run(cluster.url, root, root / "templates", stations, processes, False))
            sys.stdout.write(f"{processes} process(es): {rows[-1][3]} s\n")
            sys.stdout.flush()
        if not args.no_kill:
            processes = max(max(counts), 2)
            rows.append(run(cluster.url, root, root / "templates", stations, processes, True))
        table(
            f"{args.stations} benches draining at once ({args.inspections} inspections each) "
            "with a publisher and two feed readers, on one PostgreSQL",
            [
                "processes",
                "benches",
                "SIGKILL",
                "seconds",
                "events/s",
                "MB/s",
                "events",
                "photos (SHA-256)",
                "feed",
                "syncs again",
            ],
            rows,
        )
    os._exit(0)


if __name__ == "__main__":
    main()
