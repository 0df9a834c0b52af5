from __future__ import annotations

from dataclasses import replace
from datetime import timedelta, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

from station import app
from station.domain.records import UserView
from station.evidence.errors import BlobCorrupt, BlobMissing, PhotoRefused
from station.evidence.pack import EvidencePackData, PackPhoto, build_pack, pack_data
from station.evidence.pack_data import ExplainedBy, Explanation
from station.evidence.photos import EvidenceStore
from station.evidence.video.chapters import ChapterKind
from station.evidence.video.takes import ClipStart
from station.protocol.enums import PhotoKind
from station.workflow import InspectionStarted
from tests.evidence.conftest import complete_inspection, take_photo
from tests.evidence.video.rig import Rig

CHINA = timezone(timedelta(hours=8))


@pytest.fixture
def completed(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
) -> tuple[EvidencePackData, list[PackPhoto]]:
    for n, kind in enumerate([PhotoKind.OVERVIEW, PhotoKind.DEFECT, PhotoKind.SHIPPING_LABEL]):
        take_photo(demo_station, station_store, open_inspection, inspector, kind, seed=n)
    complete_inspection(demo_station, station_store, open_inspection, inspector)
    data = demo_station.db.run(lambda s: pack_data(s, open_inspection.inspection.id))
    return data, list(data.photos)


def read_pdf(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, text


def test_the_pack_holds_order_verdict_photos_and_hashes(
    completed: tuple[EvidencePackData, list[PackPhoto]],
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    tmp_path: Path,
) -> None:
    data, photos = completed
    assert data.inspection_state == "completed" and data.grade is not None
    assert len(photos) >= 3
    out = tmp_path / "pack.pdf"
    built = build_pack(data, out, station_store, tz=CHINA)
    assert built.path == out and built.photos == len(photos)
    reader, text = read_pdf(out)
    assert sum(len(page.images) for page in reader.pages) == len(photos)
    for photo in photos:
        assert photo.sha256 in text.replace("\n", "")
    assert data.fingerprint() in text.replace("\n", "")
    assert open_inspection.order.rma_no in text
    # Chinese is real, extractable text (an embedded font), not pictures of glyphs.
    assert "退货质检证据包" in text and "质检结论" in text and "照片哈希清单" in text
    assert "已完成" in text and "快递面单" in text and "瑕疵特写" in text
    assert data.inspector_name in text
    assert "+08:00" in text
    assert out.read_bytes().startswith(b"%PDF")


def test_the_pack_can_show_originals_instead_of_captioned_copies(
    completed: tuple[EvidencePackData, list[PackPhoto]],
    station_store: EvidenceStore,
    tmp_path: Path,
) -> None:
    data, photos = completed
    build_pack(data, tmp_path / "plain.pdf", station_store, captioned=False)
    reader, _ = read_pdf(tmp_path / "plain.pdf")
    assert sum(len(page.images) for page in reader.pages) == len(photos)
    assert not (station_store.root / "captioned").exists()


def test_an_altered_photo_stops_the_pack_and_nothing_is_written(
    completed: tuple[EvidencePackData, list[PackPhoto]],
    station_store: EvidenceStore,
    tmp_path: Path,
) -> None:
    data, photos = completed
    victim = station_store.blobs.path_for(photos[-1].sha256)
    victim.chmod(0o644)
    victim.write_bytes(victim.read_bytes()[:-10] + b"0123456789")
    out_dir = tmp_path / "packs"
    out_dir.mkdir()
    with pytest.raises(BlobCorrupt, match=photos[-1].sha256):
        build_pack(data, out_dir / "pack.pdf", station_store)
    victim.unlink()
    with pytest.raises(BlobMissing, match="missing"):
        build_pack(data, out_dir / "pack.pdf", station_store)
    assert list(out_dir.iterdir()) == []


def test_hostile_text_is_printed_literally(
    completed: tuple[EvidencePackData, list[PackPhoto]],
    station_store: EvidenceStore,
    tmp_path: Path,
) -> None:
    data, _ = completed
    hostile = replace(
        data,
        reason_note="<b>不是</b> & <font size=90>big</font>\x1b[31m\x00 尺码偏小",
        refund_explanation=Explanation("</para><img src='/etc/passwd'/>", ExplainedBy.RULES),
        lines=tuple(replace(line, title=line.title + " <i>&amp;</i>") for line in data.lines),
    )
    build_pack(hostile, tmp_path / "pack.pdf", station_store)
    _, text = read_pdf(tmp_path / "pack.pdf")
    assert "<b>不是</b> & <font size=90>big</font>[31m 尺码偏小" in text
    assert "</para><img src='/etc/passwd'/>" in text
    assert "<i>&amp;</i>" in text


def test_a_pack_without_photos_still_builds(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    tmp_path: Path,
) -> None:
    data = demo_station.db.run(lambda s: pack_data(s, open_inspection.inspection.id))
    assert data.photos == () and data.completed_at is None
    build_pack(data, tmp_path / "empty.pdf", station_store)
    reader, text = read_pdf(tmp_path / "empty.pdf")
    assert "No photos" in text and "进行中" in text
    assert sum(len(page.images) for page in reader.pages) == 0


def test_deleted_photos_are_left_out_and_unknown_inspections_refused(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
) -> None:
    from station.evidence.photos import delete_photo

    keep = take_photo(demo_station, station_store, open_inspection, inspector, PhotoKind.OVERVIEW)
    drop = take_photo(
        demo_station, station_store, open_inspection, inspector, PhotoKind.DEFECT, seed=3
    )
    demo_station.db.run(lambda s: delete_photo(s, drop.id, actor="user:I1001", reason="blurry"))
    data = demo_station.db.run(lambda s: pack_data(s, open_inspection.inspection.id))
    assert [p.photo_id for p in data.photos] == [keep.id]
    with pytest.raises(PhotoRefused, match="no inspection"):
        demo_station.db.run(lambda s: pack_data(s, "missing"))


def test_the_pack_shows_the_unboxing_clip_with_frames_at_its_chapters(
    completed: tuple[EvidencePackData, list[PackPhoto]],
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
    tmp_path: Path,
) -> None:
    clock = [100.0]
    rig = Rig(demo_station.db, station_store.clips.root, clock=clock)
    rig.film(3.5)
    rig.service.begin(
        ClipStart(
            clip_id="PACKCLIP000000000000000001",
            parcel=open_inspection.order.rma_no,
            at=clock[0],
            inspection_id=open_inspection.inspection.id,
            inspector_id=inspector.id,
        )
    )
    for label in ("tags attached: yes", "wash marks: fail"):
        rig.film(1.5)
        rig.service.chapter(ChapterKind.ANSWER, label)
    rig.film(1)
    rig.service.chapter(ChapterKind.VERDICT, "A · resell · full refund")
    rig.film(1)
    rig.service.stop("completed")
    rig.settle()
    data = demo_station.db.run(lambda s: pack_data(s, open_inspection.inspection.id))
    (clip,) = data.clips
    out = tmp_path / "pack.pdf"
    build_pack(data, out, station_store, tz=CHINA)
    reader, text = read_pdf(out)
    flat = text.replace("\n", "")
    assert "开箱视频" in text and clip.sha256 in flat and clip.chain_head in flat
    assert "station video export PACKCLIP000000000000000001" in flat  # not at central yet
    assert "wash marks: fail" in text and "A · resell · full refund" in text
    images = sum(len(page.images) for page in reader.pages)
    assert images == len(data.photos) + len(clip.chapters)  # a frame at every chapter
