"""The clip lane against a real central service: a filed unboxing clip reaches central after
its verdict, a cut resumes from what landed, a damaged clip is refused and nothing stored, the
cap paces the chunks, and events never wait behind a clip."""

from __future__ import annotations

import hashlib
import itertools
import random
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from central.blobstore import DiskBlobStore
from central.db.models import BlobRecord, EventRecord
from station import app
from station.evidence.video.recorder import ClipStart, RecordingSettings, new_clip_id
from station.evidence.video.records import ClipView
from station.protocol.enums import MediaKind
from station.store.models import Clip, EvidenceItem, Inspection
from station.sync.client import CentralClient, Unavailable
from station.sync.clips import CHUNK_MAX, CHUNK_MIN, ClipLane, ClipReport, TokenBucket, next_chunk
from station.sync.service import SyncService
from tests.central.servers import CentralServer
from tests.evidence.video.rig import Rig
from tests.sync.conftest import assert_converged, enrolled, open_synced
from tests.sync.fault_proxy import Fault, FaultProxy
from tests.sync.test_sync_faults import inspect_quickly

SMALL = RecordingSettings(width=640, height=360, fps=10, preroll_s=1.0)
CHUNK = 64 * 1024


@dataclass
class Bench:
    """A synced demo station with a recorder on a test clock."""

    station: app.Station
    rig: Rig
    central: CentralServer

    def access(self, url: str | None = None) -> Callable[[], CentralClient]:
        """A client for this station's token (registered by the first sync), perhaps by
        another address (a fault proxy)."""
        token = (self.station.paths.root / "central-token").read_text().strip()
        return lambda: CentralClient(url or self.central.base_url, token, timeout=10)

    def clip_path(self, sha: str, media: MediaKind) -> Path:
        if media is MediaKind.VIDEO:
            return self.rig.library.path_for(sha)
        return self.station.evidence.path_for(sha, media)

    def lane(self, **options: object) -> ClipLane:
        return ClipLane(
            self.station.db,
            clip_path=self.clip_path,
            now=lambda: datetime.now(UTC),
            **options,  # type: ignore[arg-type]
        )

    def sync(self, url: str | None = None, **options: object) -> SyncService:
        return SyncService(
            self.station.db,
            client=self.access(url),
            station_id=self.station.settings.station_id,
            blob_path=self.clip_path,
            lock_path=self.station.paths.root / "sync.lock",
            **options,  # type: ignore[arg-type]
        )

    def inspect_and_film(self, seconds: float = 4.0) -> ClipView:
        """One inspection through the workflow, whose clip is filed after the verdict, as the
        bench files it."""
        inspect_quickly(self.station, 1)
        inspection_id = self.station.db.run(
            lambda s: s.scalars(
                select(Inspection.id).order_by(Inspection.started_at.desc())
            ).first()
        )
        rma = f"RMA-{inspection_id[:8]}"
        self.rig.film(1.5)
        self.rig.service.begin(
            ClipStart(
                clip_id=new_clip_id(),
                parcel=rma,
                at=self.rig.clock[0],
                order=rma,
                inspection_id=inspection_id,
                station=self.station.settings.station_id,
            )
        )
        self.rig.film(seconds)
        self.rig.service.stop("completed")
        self.rig.film(0.5)
        filed: list[ClipView] = []
        self.rig.service.filed.connect(filed.append)
        self.rig.settle()
        assert len(filed) == 1
        return filed[0]


@pytest.fixture
def bench(tmp_path: Path, demo_template: Path, central: CentralServer) -> Iterator[Bench]:
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    station = open_synced(data, central.base_url, *enrolled(central))
    station.sync.sync_once()  # registered, the demo's returns pulled
    rig = Rig(
        station.db,
        station.paths.clips,
        clock=[1000.0],
        settings=SMALL,
        station_id=station.settings.station_id,
    )
    yield Bench(station, rig, central)
    station.close()


def central_sha(central: CentralServer, sha: str) -> str:
    digest = hashlib.sha256()
    for chunk in DiskBlobStore(central.data_dir / "blobs").open(sha).chunks:
        digest.update(chunk)
    return digest.hexdigest()


def central_offset(bench: Bench, sha: str) -> int:
    with bench.access()() as client:
        return client.upload_offset(sha)


def uploaded(bench: Bench, clip: ClipView) -> bool:
    return bench.station.db.run(
        lambda s: s.get(EvidenceItem, clip.evidence_id).uploaded_at is not None
    )


def test_a_filed_clip_reaches_central_after_its_verdict_and_the_stores_agree(
    bench: Bench, central_db: Engine
) -> None:
    clip = bench.inspect_and_film()
    sync = bench.sync()
    waiting = sync.refresh()
    assert (waiting.clips_waiting, waiting.clip_bytes_waiting) == (1, clip.size_bytes)

    with FaultProxy(("127.0.0.1", bench.central.port)) as proxy:
        report = bench.sync(proxy.url).sync_once()
        order = [(r.method, r.path.split("/")[2]) for r in proxy.seen]
    assert report.clips.uploaded == 1 and report.clips.bytes_sent == clip.size_bytes
    # the clip's event went with the verdict's; its bytes only after every event was sent
    first_upload = order.index(("HEAD", "uploads"))
    assert ("POST", "events") in order[:first_upload]
    assert all(path != "events" for _, path in order[first_upload:])

    assert central_sha(bench.central, clip.sha256) == clip.sha256
    assert uploaded(bench, clip)
    after = sync.refresh()
    assert (after.clips_waiting, after.clip_bytes_waiting) == (0, 0)
    assert_converged(bench.station, central_db, bench.central)  # every item, the clip too
    with central_db.connect() as conn:
        media = conn.execute(
            select(EventRecord.payload).where(
                EventRecord.station_id == bench.station.settings.station_id,
                EventRecord.kind == "evidence.added",
            )
        ).scalars()
        assert any(p.get("media") == "video" and p["sha256"] == clip.sha256 for p in media)
    again = bench.lane().run(bench.access()())
    assert again == ClipReport()  # nothing left, nothing sent


def test_uploads_cut_at_random_offsets_resume_without_sending_again_what_landed(
    bench: Bench,
) -> None:
    clip = bench.inspect_and_film(seconds=6)
    chunks = -(-clip.size_bytes // CHUNK)
    assert chunks >= 4, "the clip should take several chunks"
    rng = random.Random(7)
    cuts = 3
    with FaultProxy(("127.0.0.1", bench.central.port)) as proxy:
        for _ in range(cuts):
            proxy.faults.append(
                Fault(
                    "cut_upload",
                    value=rng.randrange(1, CHUNK),
                    when=lambda r: r.method == "PATCH" and rng.random() < 0.5,
                )
            )
        lane = bench.lane(chunk_bytes=CHUNK)
        sent = 0
        failures = 0
        while not uploaded(bench, clip):
            report = ClipReport()
            try:
                report = lane.run(bench.access(proxy.url)())
            except Unavailable:
                failures += 1
                assert failures <= cuts, "only a cut may fail a round"
            sent += report.bytes_sent
            if not report.uploaded:  # a cut: what landed stays at central
                landed = central_offset(bench, clip.sha256)
                assert 0 <= landed < clip.size_bytes
        patches = [r for r in proxy.seen if r.method == "PATCH"]
    assert not proxy.faults, "every cut happened"
    assert central_sha(bench.central, clip.sha256) == clip.sha256
    # bytes of the cut chunks aside, nothing was sent twice: each cut costs one chunk at most
    body = sum(len(r.body) for r in patches)
    assert clip.size_bytes <= body <= clip.size_bytes + cuts * CHUNK
    assert sent <= clip.size_bytes + cuts * CHUNK


def test_a_station_stopped_mid_clip_resumes_where_central_is(bench: Bench) -> None:
    clip = bench.inspect_and_film(seconds=6)
    chunks_left = iter(range(2))
    first = bench.lane(chunk_bytes=CHUNK).run(
        bench.access()(), keep_going=lambda: next(chunks_left, None) is not None
    )
    assert first.paused and first.uploaded == 0 and first.bytes_sent == CHUNK
    assert central_offset(bench, clip.sha256) == CHUNK
    # a new lane, as after the station was restarted: it asks central and goes on from there
    second = bench.lane(chunk_bytes=CHUNK).run(bench.access()())
    assert second.uploaded == 1
    assert first.bytes_sent + second.bytes_sent == clip.size_bytes  # not one byte twice
    assert central_sha(bench.central, clip.sha256) == clip.sha256


def test_a_damaged_clip_is_refused_nothing_is_stored_and_it_is_not_marked_sent(
    bench: Bench, central_db: Engine
) -> None:
    clip = bench.inspect_and_film()
    path = bench.rig.library.path_for(clip.sha256)
    path.chmod(0o600)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one bit rotted on the station's disk
    path.write_bytes(bytes(data))
    lane = bench.lane(chunk_bytes=CHUNK)
    report = lane.run(bench.access()())
    assert report.uploaded == 0 and report.skipped == 1
    assert not uploaded(bench, clip)
    assert central_offset(bench, clip.sha256) == 0  # central dropped the partial
    with central_db.connect() as conn:
        assert conn.scalar(select(BlobRecord).where(BlobRecord.sha256 == clip.sha256)) is None
    assert lane.run(bench.access()()).bytes_sent == 0  # not sent again at once


def test_a_purged_or_missing_clip_is_not_sent_and_the_round_goes_on(bench: Bench) -> None:
    purged = bench.inspect_and_film(seconds=2)
    missing = bench.inspect_and_film(seconds=2)
    kept = bench.inspect_and_film(seconds=2)
    bench.station.db.run(
        lambda s: s.execute(
            update(Clip).where(Clip.id == purged.id).values(purged_at=datetime.now(UTC))
        )
    )
    bench.rig.library.path_for(missing.sha256).unlink()
    sync = bench.sync()
    assert sync.refresh().clips_waiting == 2  # the purged one is not waiting
    report = sync.sync_once()
    assert report.clips.uploaded == 1 and report.clips.skipped == 1
    assert uploaded(bench, kept) and not uploaded(bench, missing) and not uploaded(bench, purged)
    assert sync.status.online and sync.status.clips_waiting == 1


def test_the_cap_paces_the_chunks_on_the_clock(bench: Bench) -> None:
    clip = bench.inspect_and_film(seconds=4)
    clock = [0.0]
    sends: list[float] = []

    def sleep(seconds: float) -> None:
        clock[0] += seconds

    class Timed(CentralClient):
        def upload_chunk(self, sha256: str, offset: int, total: int, data: bytes) -> int:
            sends.append(clock[0])
            return super().upload_chunk(sha256, offset, total, data)

    token = (bench.station.paths.root / "central-token").read_text().strip()
    kbps = 400  # 50,000 bytes a second
    lane = bench.lane(
        upload_kbps=kbps, chunk_bytes=CHUNK, clock=lambda: clock[0], sleep=sleep, budget_s=1e9
    )
    report = lane.run(Timed(bench.central.base_url, token))
    assert report.uploaded == 1
    rate = kbps * 1000 / 8
    # a second's burst at once, then the cap: the last chunk leaves once all the bytes before
    # it and itself, less the burst, took their time at the rate
    assert sends[-1] == pytest.approx((clip.size_bytes - rate) / rate, abs=0.01)
    gaps = [b - a for a, b in itertools.pairwise(sends)]
    assert all(gap == pytest.approx(CHUNK / rate, rel=0.01) for gap in gaps[:-1])


def test_the_token_bucket_allows_a_burst_then_the_rate() -> None:
    clock = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    bucket = TokenBucket(80, clock=lambda: clock[0], sleep=sleep)  # 10,000 bytes a second
    assert bucket.take(10_000) == 0  # the second's burst
    assert bucket.take(5_000) == pytest.approx(0.5)
    clock[0] += 10  # idle: the burst comes back, no more
    assert bucket.take(10_000) == 0
    assert bucket.take(20_000) == pytest.approx(2.0)
    assert TokenBucket(0, sleep=sleep).take(10**9) == 0  # no cap
    assert slept == [pytest.approx(0.5), pytest.approx(2.0)]


def test_chunks_shrink_on_a_slow_line_and_grow_on_a_fast_one() -> None:
    mib = 1024 * 1024
    assert next_chunk(mib, 5.0) == mib // 2  # a slow line: smaller chunks, cheaper cuts
    assert next_chunk(CHUNK_MIN, 30.0) == CHUNK_MIN
    assert next_chunk(mib, 0.1) == 2 * mib
    assert next_chunk(CHUNK_MAX, 0.01) == CHUNK_MAX
    assert next_chunk(mib, 0.1, ceiling=mib) == mib  # capped: never more than the cap allows
    assert next_chunk(mib, 1.0) == mib


def test_a_verdict_is_accepted_by_central_while_a_clip_is_still_uploading(
    bench: Bench, central_db: Engine
) -> None:
    clip = bench.inspect_and_film(seconds=6)
    clock = [0.0]

    def sleep(seconds: float) -> None:
        clock[0] += seconds

    # a slow line: the first round of the lane gives way after its budget, mid-clip
    lane = bench.lane(
        upload_kbps=80, chunk_bytes=CHUNK, clock=lambda: clock[0], sleep=sleep, budget_s=10
    )
    sync = bench.sync(clip_lane=lane)
    first = sync.sync_once()
    assert first.clips.paused and first.clips.uploaded == 0
    partway = central_offset(bench, clip.sha256)
    assert 0 < partway < clip.size_bytes

    inspect_quickly(bench.station, 1)  # the next parcel's verdict, while the clip is half sent
    verdict = bench.station.db.run(
        lambda s: s.scalars(select(Inspection.id).order_by(Inspection.started_at.desc())).first()
    )
    second = sync.sync_once()
    assert second.push.sent >= 1
    with central_db.connect() as conn:
        kinds = conn.execute(
            select(EventRecord.kind).where(
                EventRecord.station_id == bench.station.settings.station_id,
                EventRecord.payload["inspection_id"].as_string() == verdict,
            )
        ).scalars()
        assert "inspection.completed" in set(kinds)
    assert central_offset(bench, clip.sha256) < clip.size_bytes  # the clip is still going up
    while not uploaded(bench, clip):
        sync.sync_once()
    assert central_sha(bench.central, clip.sha256) == clip.sha256


def test_central_out_of_reach_mid_clip_fails_the_round_and_the_next_resumes(
    bench: Bench,
) -> None:
    clip = bench.inspect_and_film(seconds=4)
    with FaultProxy(("127.0.0.1", bench.central.port)) as proxy:
        proxy.faults.append(Fault("refuse", when=lambda r: r.method == "PATCH"))
        sync = bench.sync(proxy.url)
        with pytest.raises(Unavailable):
            sync.sync_once()
        assert not uploaded(bench, clip)
        assert sync.sync_once().clips.uploaded == 1
    assert central_sha(bench.central, clip.sha256) == clip.sha256
    assert httpx.get(f"{bench.central.base_url}/v1/health").status_code == 200
