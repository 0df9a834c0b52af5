"""A whole inspection films one clip: the take opens with the seconds before the scan and
closes with the verdict, and every step the inspector took is a chapter."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from station.bench.recording import ClipDirector
from station.capture.classify import Command, command_payload
from station.evidence.blobs import hash_file
from station.evidence.video.chapters import ChapterKind, read_chapters_box
from station.evidence.video.fragments import check_chain, links_of_file
from station.evidence.video.records import clips
from station.protocol import events
from station.protocol.enums import MediaKind
from station.store.models import OutboxEvent
from tests.bench.test_session import Bench, received_order
from tests.evidence.video.rig import Rig, band_codes, decoded_frames


@pytest.fixture
def rig(bench: Bench, clock: list[float]) -> Rig:
    return Rig(bench.station.db, bench.station.paths.clips, clock=clock)


@pytest.fixture
def director(bench: Bench, rig: Rig, clock: list[float]) -> ClipDirector:
    return ClipDirector(bench.session, rig.service, station_id="ST-TEST", clock=lambda: clock[0])


def test_a_clean_return_is_one_clip_from_before_the_scan_to_the_verdict(
    bench: Bench, rig: Rig, director: ClipDirector
) -> None:
    order = received_order(bench.station, "apparel")
    rig.film(4)  # the sealed parcel on the bench
    bench.scan(order.rma_no)
    rig.film(1)
    bench.scan(order.lines[0].ean or "")
    rig.film(1)
    bench.scan(command_payload(Command.PASS))
    bench.scan(command_payload(Command.PASS))
    rig.film(1)
    bench.photograph_what_is_missing()
    rig.film(1)
    bench.scan(command_payload(Command.PASS))  # accept: the verdict
    done = bench.completed[-1]
    rig.film(1)
    rig.settle()

    (clip,) = bench.station.db.run(lambda s: clips(s))
    assert clip.inspection_id == done.inspection.id and clip.ended == "completed"
    assert clip.preroll_ms >= 3000  # the parcel before its scan
    kinds = [c.kind for c in clip.chapters]
    assert kinds[0] is ChapterKind.SCAN and order.rma_no in clip.chapters[0].label
    assert ChapterKind.ANSWER in kinds and ChapterKind.PHOTO in kinds
    assert kinds[-2:] == [ChapterKind.VERDICT, ChapterKind.LABEL]
    assert [c.at_ms for c in clip.chapters] == sorted(c.at_ms for c in clip.chapters)
    assert clip.chapters[0].at_ms == clip.preroll_ms

    path = rig.library.path_for(clip.sha256)
    assert hash_file(path) == (clip.sha256, clip.size_bytes)
    links = list(links_of_file(path, clip.id))
    assert check_chain(path, clip.id, links).ok and links[-1].digest == clip.chain_head
    boxed = read_chapters_box(path)
    assert boxed is not None and boxed["clip_id"] == clip.id
    assert [c["kind"] for c in boxed["chapters"]] == [str(k) for k in kinds]

    frames = decoded_frames(path)
    assert abs(len(frames) / 10 - clip.duration_ms / 1000) < 0.3
    after_scan = [f for f in frames if f.time * 1000 > clip.preroll_ms + 1000]
    for sample in after_scan[:: max(1, len(after_scan) // 5)]:
        codes = band_codes(sample.to_ndarray(format="bgr24"))
        assert codes, "the band's code must read on every sampled frame"
        clip_id, _, parcel = codes[0]
        assert clip_id == clip.id and parcel.startswith(order.rma_no)

    def sent(s):
        row = s.scalars(
            select(OutboxEvent)
            .where(OutboxEvent.kind == "evidence.added")
            .order_by(OutboxEvent.seq.desc())
        ).first()
        return events.EvidenceAdded.model_validate(row.payload)

    payload = bench.station.db.run(sent)
    assert payload.media is MediaKind.VIDEO and payload.sha256 == clip.sha256
    assert payload.clip is not None and payload.clip.chain_head == clip.chain_head
    assert payload.blobs() == ()  # the clip follows on its own lane: the verdict never waits


def test_a_parcel_scanned_while_another_is_open_parks_the_first_take(
    bench: Bench, rig: Rig, director: ClipDirector
) -> None:
    first = received_order(bench.station, "apparel")
    rig.film(3)
    bench.scan(first.rma_no)
    rig.film(2)
    bench.scan("SF1234567890123")  # a parcel no order expects comes next
    bench.session.end()  # the inspector logs out
    rig.film(1)
    rig.settle()
    taken = sorted(bench.station.db.run(lambda s: clips(s)), key=lambda c: c.started_at)
    assert [c.ended for c in taken] == ["parked", "abandoned"]
    assert taken[0].inspection_id is not None and taken[1].unmatched_id is not None
    assert taken[1].parcel_code == "SF1234567890123"


def test_no_clip_is_started_with_the_disk_at_its_floor(
    bench: Bench, rig: Rig, director: ClipDirector
) -> None:
    rig.free = rig.service.floor_bytes - 1
    heard = []
    rig.service.notices.connect(heard.append)
    order = received_order(bench.station, "apparel")
    rig.film(1)
    bench.scan(order.rma_no)
    rig.film(1)
    rig.settle()
    assert bench.station.db.run(lambda s: clips(s)) == []
    assert heard and heard[-1].kind.value == "disk_floor"
    assert not any(Path(rig.library.recording).glob("*.mp4"))


def test_a_close_up_camera_films_a_sibling_take_with_the_same_chapters(
    bench: Bench, clock: list[float]
) -> None:
    rig = Rig(bench.station.db, bench.station.paths.clips, clock=clock, closeup=True)
    ClipDirector(bench.session, rig.service, station_id="ST-TEST", clock=lambda: clock[0])
    order = received_order(bench.station, "apparel")
    rig.film(3.5)
    bench.scan(order.rma_no)
    rig.film(1)
    bench.scan(order.lines[0].ean or "")
    rig.film(1)
    bench.session.end()
    rig.settle()
    taken = {c.kind: c for c in bench.station.db.run(lambda s: clips(s))}
    bench_take, closeup = taken["unboxing"], taken["closeup"]
    assert closeup.sibling_of == bench_take.id and closeup.id != bench_take.id
    assert closeup.inspection_id == bench_take.inspection_id
    assert [c.kind for c in closeup.chapters] == [c.kind for c in bench_take.chapters]
    assert closeup.sha256 != bench_take.sha256  # another camera, another picture


def test_a_take_ends_filed_when_the_disk_reaches_its_floor_mid_take(
    bench: Bench, rig: Rig, director: ClipDirector
) -> None:
    order = received_order(bench.station, "apparel")
    rig.film(3.5)
    bench.scan(order.rma_no)
    rig.film(6)
    rig.free = rig.service.floor_bytes - 1  # other files filled the disk meanwhile
    rig.film(6)  # the recorder looks every 5 s
    rig.settle()
    (clip,) = bench.station.db.run(lambda s: clips(s))
    assert clip.ended == "disk full" and clip.inspection_id is not None
    assert 6000 <= clip.duration_ms - clip.preroll_ms <= 12_000  # ended, not cut at random
    assert rig.recorder.recording is None
    assert not any(Path(rig.library.recording).glob("*.mp4"))
