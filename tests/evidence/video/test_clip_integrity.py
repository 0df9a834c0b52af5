"""A clip proves itself: its SHA-256, its fragment chain to its last fragment, its chapters in
the file; the evidence check finds a clip altered, cut or missing, and leaves alone a clip
deleted after its retention. Hostile text in the band is shown harmless."""

from __future__ import annotations

import struct
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
import pytest

from station import app
from station.capture.classify import classify
from station.domain.records import UserView
from station.evidence.verify import Problem, verify_evidence
from station.evidence.video.chapters import ChapterKind
from station.evidence.video.fragments import SegmentHasher, check_chain, links_of_file
from station.evidence.video.overlay import OverlayFacts, OverlayPainter, shown
from station.evidence.video.records import ClipView, clips
from station.evidence.video.service import Retention, mark_purged, set_hold
from station.evidence.video.takes import ClipStart
from station.store.models import Clip, EvidenceItem, Inspection
from station.workflow import InspectionStarted
from tests.bench.test_session import received_order
from tests.evidence.video.rig import Rig, band_codes, decoded_frames


@pytest.fixture
def clock() -> list[float]:
    return [500.0]


@pytest.fixture
def rig(demo_station: app.Station, clock: list[float]) -> Rig:
    return Rig(demo_station.db, demo_station.paths.clips, clock=clock)


def take(
    rig: Rig, inspector: UserView, *, parcel: str = "SF1234567890123", seconds: float = 4
) -> ClipView:
    rig.film(3.5)
    rig.service.begin(
        ClipStart(
            clip_id=f"CLIP{int(rig.clock[0] * 1000):022d}",
            parcel=parcel,
            at=rig.clock[0],
            station="ST-TEST",
            inspector=f"{inspector.display_name} {inspector.badge_id}",
            inspector_id=inspector.id,
        )
    )
    rig.film(seconds / 2)
    rig.service.chapter(ChapterKind.ANSWER, "wash marks: fail")
    rig.film(seconds / 2)
    rig.service.stop("completed")
    rig.settle()
    return max(rig.service.db.run(lambda s: clips(s)), key=lambda c: c.started_at)


def test_a_filed_clip_passes_the_evidence_check_and_an_altered_one_does_not(
    demo_station: app.Station, rig: Rig, inspector: UserView
) -> None:
    clip = take(rig, inspector)
    report = demo_station.db.run(lambda s: verify_evidence(s, demo_station.paths.photos))
    assert report.ok and report.files >= 1
    path = rig.library.path_for(clip.sha256)
    path.chmod(0o600)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one bit of one fragment
    path.write_bytes(bytes(data))
    report = demo_station.db.run(lambda s: verify_evidence(s, demo_station.paths.photos))
    (finding,) = report.altered
    assert finding.media == "video" and finding.expected_sha256 == clip.sha256


def test_a_chain_head_edited_in_the_store_is_found(
    demo_station: app.Station, rig: Rig, inspector: UserView
) -> None:
    clip = take(rig, inspector)

    def forge(s):
        s.get_one(Clip, clip.id).chain_head = "0" * 64

    demo_station.db.run(forge)
    report = demo_station.db.run(lambda s: verify_evidence(s, demo_station.paths.photos))
    (finding,) = report.findings
    assert finding.problem is Problem.ALTERED and "fragment chain" in finding.detail


def test_a_clip_deleted_after_its_retention_is_not_reported_missing(
    demo_station: app.Station, rig: Rig, inspector: UserView
) -> None:
    clip = take(rig, inspector)
    rig.library.path_for(clip.sha256).unlink()
    report = demo_station.db.run(lambda s: verify_evidence(s, demo_station.paths.photos))
    assert [f.problem for f in report.findings] == [Problem.MISSING]
    demo_station.db.run(lambda s: mark_purged(s, clip_id=clip.id, at=datetime.now(UTC)))
    assert demo_station.db.run(lambda s: verify_evidence(s, demo_station.paths.photos)).ok


def test_a_truncated_or_spliced_file_verifies_only_to_where_it_is_intact(
    rig: Rig, inspector: UserView, tmp_path: Path
) -> None:
    clip = take(rig, inspector, seconds=5)
    original = rig.library.path_for(clip.sha256)
    links = list(links_of_file(original, clip.id))
    assert len(links) >= 5
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(original.read_bytes()[: links[3].end + 100])  # a fragment half written
    check = check_chain(cut, clip.id, links)
    assert check.verified_to == links[3].end and check.fragments == 4 and not check.ok
    spliced = bytearray(original.read_bytes())
    spliced[links[1].end + 40] ^= 1
    (tmp_path / "spliced.mp4").write_bytes(bytes(spliced))
    check = check_chain(tmp_path / "spliced.mp4", clip.id, links)
    assert check.verified_to == links[1].end and "fragment 3" in check.problem
    # the same bytes under another clip's id make another chain: a fragment cannot be moved
    assert [lk.digest for lk in links_of_file(original, "ANOTHERCLIP")] != [
        lk.digest for lk in links
    ]


@pytest.mark.parametrize(
    "header",
    [
        struct.pack(">I", 3) + b"moof",  # smaller than its own header
        struct.pack(">I", 1) + b"mdat" + struct.pack(">Q", 4),  # a 64-bit size that lies
    ],
)
def test_hostile_box_sizes_are_refused(header: bytes) -> None:
    with pytest.raises(ValueError, match="less than its own header"):
        SegmentHasher("X").feed(header + b"\0" * 64)


def test_a_box_claiming_to_run_to_the_end_never_completes_a_fragment() -> None:
    hasher = SegmentHasher("X")
    assert hasher.feed(struct.pack(">I", 0) + b"mdat" + b"\0" * 10_000) == []


def test_retention_deletes_only_clips_that_may_go(
    demo_station: app.Station, rig: Rig, inspector: UserView
) -> None:
    on_hold = take(rig, inspector, parcel="HOLD")
    sent = take(rig, inspector, parcel="SENT")
    unsent = take(rig, inspector, parcel="UNSENT")
    overturned = take(rig, inspector, parcel="OVERTURNED")
    order = received_order(demo_station, "apparel")
    started = demo_station.workflow.scan(classify(order.rma_no), inspector)
    assert isinstance(started, InspectionStarted)

    def prepare(s):
        for clip in (on_hold, sent, overturned):
            s.get_one(EvidenceItem, clip.evidence_id).uploaded_at = datetime.now(UTC)
        set_hold(s, on_hold.id, "platform dispute 12345", actor="user:S9001")
        s.get_one(Clip, overturned.id).inspection_id = started.inspection.id
        s.get_one(Inspection, started.inspection.id).overturned = True  # a supervisor's decision

    demo_station.db.run(prepare)
    assert rig.service.sweep(datetime.now(UTC) + timedelta(days=89)) == 0  # not old enough
    assert rig.service.sweep(datetime.now(UTC) + timedelta(days=91)) == 1
    left = {c.parcel_code: c for c in demo_station.db.run(lambda s: clips(s))}
    assert left["SENT"].purged and not rig.library.path_for(sent.sha256).exists()
    for kept in (on_hold, unsent, overturned):  # on hold, never sent, verdict overturned
        assert not left[kept.parcel_code].purged and rig.library.path_for(kept.sha256).exists()
    demo_station.db.run(lambda s: set_hold(s, on_hold.id, "", actor="user:S9001"))
    assert rig.service.sweep(datetime.now(UTC) + timedelta(days=91)) == 1  # released: it goes


def test_hostile_text_in_the_band_is_shown_harmless_and_the_code_still_reads() -> None:
    nasty = "RMA\x00\x1b[31m\u202eevil\u202c\t" + "长" * 512
    assert "\x00" not in shown(nasty) and "\u202e" not in shown(nasty) and len(shown(nasty)) <= 48
    painter = OverlayPainter(1280, 720, "top")
    facts = OverlayFacts(
        clip_id="HOSTILE0000000000000000001",
        parcel=nasty,
        order="RMA|with|bars",
        station="ST\n01",
        inspector="\x07" * 300,
        step="\r\n" * 100,
    )
    when = datetime(2026, 12, 3, 17, 30, 5, tzinfo=UTC)
    frame = cv2.cvtColor(np.full((720, 1280, 3), 90, np.uint8), cv2.COLOR_BGR2YUV_I420)
    painter.apply(frame, painter.band(facts, when))
    picture = cv2.cvtColor(frame, cv2.COLOR_YUV2BGR_I420)
    ((clip_id, unix, parcel),) = band_codes(picture)
    assert clip_id == facts.clip_id and unix == int(when.timestamp())
    assert parcel.startswith("RMA") and len(parcel) <= 40 and "|" not in parcel
    assert picture[400, 640].tolist() == [90, 90, 90]  # the middle of the bench is untouched


def test_the_band_reads_after_a_platform_shrinks_the_clip_to_480p(
    rig: Rig, inspector: UserView
) -> None:
    clip = take(rig, inspector, parcel="YT9876543210987")
    frames = decoded_frames(rig.library.path_for(clip.sha256))
    last = frames[-1].to_ndarray(format="bgr24")
    small = cv2.resize(last, (854, 480), interpolation=cv2.INTER_AREA)
    ((clip_id, _, parcel),) = band_codes(small)
    assert (clip_id, parcel) == (clip.id, "YT9876543210987")


def test_a_category_with_a_shorter_window_is_deleted_sooner(
    demo_station: app.Station, rig: Rig, inspector: UserView
) -> None:
    clip = take(rig, inspector, parcel="APPAREL")
    order = received_order(demo_station, "apparel")
    started = demo_station.workflow.scan(classify(order.rma_no), inspector)
    assert isinstance(started, InspectionStarted)

    def link(s):
        s.get_one(EvidenceItem, clip.evidence_id).uploaded_at = datetime.now(UTC)
        s.get_one(Clip, clip.id).inspection_id = started.inspection.id

    demo_station.db.run(link)
    rig.service.retention = Retention(days=90, by_category=(("apparel", 30),))
    assert rig.service.sweep(datetime.now(UTC) + timedelta(days=29)) == 0
    assert rig.service.sweep(datetime.now(UTC) + timedelta(days=31)) == 1
    assert not rig.library.path_for(clip.sha256).exists()
