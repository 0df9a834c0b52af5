from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import cv2
import numpy as np
import pytest
from sqlalchemy import func, select

from station import app
from station.domain.records import UserView
from station.evidence.blobs import sha256_hex
from station.evidence.encode import encode_jpeg
from station.evidence.errors import ImageRejected, PhotoRefused, StorageError
from station.evidence.photos import (
    EvidenceStore,
    EvidenceView,
    PreparedPhoto,
    delete_photo,
    evidence_for,
    evidence_for_unmatched,
    photo_kinds_present,
    prepare_imported,
    prepare_photo,
    record_photo,
)
from station.evidence.quality import QualityFlag
from station.evidence.verify import referenced_evidence, unreferenced_blobs, verify_evidence
from station.protocol.enums import PhotoKind
from station.security import audit
from station.store import files
from station.store.models import AuditEntry, EvidenceItem, OutboxEvent
from station.workflow import InspectionStarted, ParcelUnmatched
from tests.evidence.conftest import (
    TAKEN,
    complete_inspection,
    start_inspection,
    take_photo,
    textured_frame,
)

REPO = Path(__file__).resolve().parents[2]


def take(
    station: app.Station,
    store: EvidenceStore,
    started: InspectionStarted,
    user: UserView,
    *,
    seed: int = 0,
    kind: PhotoKind = PhotoKind.OVERVIEW,
    frame: np.ndarray | None = None,
) -> EvidenceView:
    return take_photo(station, store, started, user, kind, frame=frame, seed=seed)


def counts(station: app.Station) -> dict[str, int]:
    def work(s):
        return {
            m.__tablename__: s.scalar(select(func.count()).select_from(m))
            for m in (EvidenceItem, AuditEntry, OutboxEvent)
        }

    return station.db.run(work)


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def test_a_photo_is_stored_recorded_audited_and_queued_for_sync(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
) -> None:
    before = counts(demo_station)
    view = take(demo_station, station_store, open_inspection, inspector, kind=PhotoKind.DEFECT)
    assert view.inspection_id == open_inspection.inspection.id and view.unmatched_id is None
    assert view.kind is PhotoKind.DEFECT and view.taken_at == TAKEN and not view.deleted
    assert (view.width, view.height) == (640, 480) and view.station_id == "ST-TEST"
    blob = station_store.root / view.relative_path
    assert blob.read_bytes()[:2] == b"\xff\xd8" and sha256_hex(blob.read_bytes()) == view.sha256
    assert view.size_bytes == blob.stat().st_size
    assert station_store.thumbnails.path_for(view.sha256).exists()
    after = counts(demo_station)
    assert after == {k: v + 1 for k, v in before.items()}

    def last(s):
        entry = s.scalar(select(AuditEntry).order_by(AuditEntry.seq.desc()))
        event = s.scalar(select(OutboxEvent).order_by(OutboxEvent.seq.desc()))
        return entry.action, entry.actor, entry.details, event.kind, event.payload

    action, actor, details, kind, payload = demo_station.db.run(last)
    assert (action, actor) == ("photo_added", "user:I1001")
    assert details["sha256"] == view.sha256 and details["kind"] == "defect"
    assert kind == "evidence.added" and payload["evidence_id"] == view.id
    assert demo_station.db.run(audit.verify).ok


def test_an_inspections_photos_are_listed_and_counted_by_kind(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
) -> None:
    kinds = [PhotoKind.OVERVIEW, PhotoKind.SHIPPING_LABEL, PhotoKind.DEFECT, PhotoKind.DEFECT]
    taken = [
        take(demo_station, station_store, open_inspection, inspector, seed=n, kind=k)
        for n, k in enumerate(kinds)
    ]
    listed = demo_station.db.run(lambda s: evidence_for(s, open_inspection.inspection.id))
    assert [p.id for p in listed] == [p.id for p in taken]
    present = demo_station.db.run(lambda s: photo_kinds_present(s, open_inspection.inspection.id))
    assert present == Counter(
        {PhotoKind.DEFECT: 2, PhotoKind.OVERVIEW: 1, PhotoKind.SHIPPING_LABEL: 1}
    )


def test_the_same_picture_again_is_refused_as_a_frozen_camera_and_nothing_is_recorded(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
) -> None:
    take(demo_station, station_store, open_inspection, inspector, seed=7)
    other = start_inspection(demo_station, inspector, nth=1)
    before = counts(demo_station)
    with pytest.raises(PhotoRefused, match="identical to a photo already taken here") as here:
        take(demo_station, station_store, open_inspection, inspector, seed=7)
    assert "摄像头画面可能卡住" in here.value.message("zh_CN")
    with pytest.raises(PhotoRefused, match=open_inspection.order.rma_no):
        take(demo_station, station_store, other, inspector, seed=7)  # the frozen frame again
    assert counts(demo_station) == before


def test_quality_flags_are_recorded_with_the_photo(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
) -> None:
    blurred = cv2.GaussianBlur(textured_frame(seed=2), (0, 0), 4)
    view = take(demo_station, station_store, open_inspection, inspector, frame=blurred)
    assert view.quality_flags == (QualityFlag.BLURRED,)
    assert view.sharpness is not None and view.exposure is not None and 0 < view.exposure < 1


def test_photos_are_refused_once_the_inspection_is_completed(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
) -> None:
    kept = take(demo_station, station_store, open_inspection, inspector, seed=1)
    complete_inspection(demo_station, station_store, open_inspection, inspector)
    kept_all = demo_station.db.run(lambda s: evidence_for(s, open_inspection.inspection.id))
    before = counts(demo_station)
    with pytest.raises(PhotoRefused, match="is completed") as caught:
        take(demo_station, station_store, open_inspection, inspector, seed=2)
    assert "已完成" in caught.value.message("zh_CN")
    with pytest.raises(PhotoRefused, match="is completed"):
        demo_station.db.run(
            lambda s: delete_photo(s, kept.id, actor="user:I1001", reason="wrong angle")
        )
    assert counts(demo_station) == before
    listed = demo_station.db.run(lambda s: evidence_for(s, open_inspection.inspection.id))
    assert listed == kept_all and kept in listed


def test_a_photo_is_soft_deleted_while_the_inspection_is_open(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
) -> None:
    inspection_id = open_inspection.inspection.id
    keep = take(demo_station, station_store, open_inspection, inspector, seed=1)
    drop = take(demo_station, station_store, open_inspection, inspector, seed=2)
    gone = demo_station.db.run(
        lambda s: delete_photo(s, drop.id, actor="user:I1001", reason="拍错了商品\n换一张")
    )
    assert gone.deleted and gone.deleted_at is not None
    assert demo_station.db.run(lambda s: evidence_for(s, inspection_id)) == [keep]
    everything = demo_station.db.run(lambda s: evidence_for(s, inspection_id, include_deleted=True))
    assert [p.id for p in everything] == [keep.id, drop.id]
    assert demo_station.db.run(lambda s: photo_kinds_present(s, inspection_id)) == Counter(
        {PhotoKind.OVERVIEW: 1}
    )
    assert (station_store.root / drop.relative_path).exists()  # evidence is never destroyed
    entry = demo_station.db.run(
        lambda s: s.scalar(select(AuditEntry).where(AuditEntry.action == "photo_deleted"))
    )
    assert entry.details["reason"] == "拍错了商品\n换一张" and entry.entity == f"photo:{drop.id}"
    with pytest.raises(PhotoRefused, match="already deleted"):
        demo_station.db.run(lambda s: delete_photo(s, drop.id, actor="user:I1001", reason="x"))
    # Deleting before completion does not stop the inspection from completing.
    complete_inspection(demo_station, station_store, open_inspection, inspector)


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("", "Say why"),
        ("   \n ", "Say why"),
        ("blurry\x1b[2J", "control characters"),
        ("bad\x00", "control characters"),
        ("\u202eevil", "control characters"),
        ("x" * 501, "too long"),
    ],
)
def test_a_deletion_needs_a_clean_reason_and_writes_nothing_otherwise(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
    reason: str,
    message: str,
) -> None:
    view = take(demo_station, station_store, open_inspection, inspector)
    before = counts(demo_station)
    with pytest.raises(PhotoRefused, match=message):
        demo_station.db.run(lambda s: delete_photo(s, view.id, actor="user:I1001", reason=reason))
    assert counts(demo_station) == before
    assert not demo_station.db.run(lambda s: s.get_one(EvidenceItem, view.id).deleted_at)


def test_recording_is_refused_for_missing_targets_and_files(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
) -> None:
    prepared = prepare_photo(textured_frame(), PhotoKind.OVERVIEW, station_store)

    def record(**target: object) -> EvidenceView:
        return demo_station.db.run(
            lambda s: record_photo(
                s, prepared, station_id="ST-TEST", inspector_id=inspector.id, **target
            )
        )

    before = counts(demo_station)
    with pytest.raises(PhotoRefused, match="no inspection"):
        record(inspection_id="nope")
    with pytest.raises(PhotoRefused, match="no unmatched parcel"):
        record(unmatched_id="nope")
    with pytest.raises(ValueError, match="exactly one"):
        record(inspection_id=open_inspection.inspection.id, unmatched_id="x")
    with pytest.raises(ValueError, match="exactly one"):
        record()
    prepared.blob_path.chmod(0o644)
    prepared.blob_path.unlink()  # the file vanished between preparing and recording
    with pytest.raises(PhotoRefused, match="not in the photo folder"):
        record(inspection_id=open_inspection.inspection.id)
    assert counts(demo_station) == before


def test_an_unmatched_parcel_can_be_photographed(
    demo_station: app.Station, station_store: EvidenceStore, inspector: UserView
) -> None:
    parcel = demo_station.workflow.scan("SF9999999999999", inspector)
    assert isinstance(parcel, ParcelUnmatched)
    prepared = prepare_photo(textured_frame(), PhotoKind.SHIPPING_LABEL, station_store)
    view = demo_station.db.run(
        lambda s: record_photo(
            s,
            prepared,
            unmatched_id=parcel.parcel.id,
            station_id="ST-TEST",
            inspector_id=inspector.id,
        )
    )
    assert view.unmatched_id == parcel.parcel.id and view.inspection_id is None
    assert demo_station.db.run(lambda s: evidence_for_unmatched(s, parcel.parcel.id)) == [view]


def test_a_full_disk_refuses_the_photo_and_keeps_the_inspection_intact(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = take(demo_station, station_store, open_inspection, inspector, seed=1)
    on_disk = files_under(station_store.root)
    before = counts(demo_station)

    def disk_full(fd: int, data: bytes) -> None:
        os.write(fd, data[:1000])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "_write_all", disk_full)
    with pytest.raises(StorageError) as caught:
        take(demo_station, station_store, open_inspection, inspector, seed=2)
    assert "The disk is full: the" in str(caught.value) and "磁盘已满" in caught.value.zh
    monkeypatch.undo()
    assert files_under(station_store.root) == on_disk  # no blob, thumbnail or temp file
    assert counts(demo_station) == before
    listed = demo_station.db.run(lambda s: evidence_for(s, open_inspection.inspection.id))
    assert listed == [first]
    assert demo_station.db.run(lambda s: verify_evidence(s, station_store.root)).ok
    second = take(demo_station, station_store, open_inspection, inspector, seed=2)
    assert second.id != first.id  # once space is freed the photo can be taken


def test_a_full_disk_after_the_thumbnail_removes_the_thumbnail_too(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    on_disk = files_under(station_store.root)
    real = files._publish

    def blob_rename_fails(temp: Path, target: Path) -> None:
        if "thumbs" in target.parts:
            return real(temp, target)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "_publish", blob_rename_fails)
    with pytest.raises(StorageError, match="disk is full"):
        prepare_photo(textured_frame(seed=3), PhotoKind.OVERVIEW, station_store)
    assert files_under(station_store.root) == on_disk


CRASH_BEFORE_BLOB_RENAME = """
import os, sys
from pathlib import Path
import numpy as np
from station.protocol.enums import PhotoKind
from station.store import files
from station.evidence.photos import EvidenceStore, prepare_photo, record_photo
from station.store.database import Database

real = files._publish
def crash(temp, target):
    if "thumbs" in target.parts:
        return real(temp, target)
    os._exit(17)  # power cut: the blob's temp file is written, the rename never happens

files._publish = crash
root, db_path, frame_path, inspection_id, user_id = sys.argv[1:]
prepared = prepare_photo(np.load(frame_path), PhotoKind.DEFECT, EvidenceStore.open(Path(root)))
db = Database.open(Path(db_path))
db.run(lambda s: record_photo(s, prepared, inspection_id=inspection_id, station_id="ST-TEST",
                              inspector_id=int(user_id)))
"""


def test_a_crash_mid_photo_leaves_no_half_photo_and_no_dangling_row(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
    tmp_path: Path,
) -> None:
    first = take(demo_station, station_store, open_inspection, inspector, seed=1)
    frame = textured_frame(seed=9)
    np.save(tmp_path / "frame.npy", frame)
    doomed_sha = sha256_hex(encode_jpeg(frame).data)
    before = counts(demo_station)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            CRASH_BEFORE_BLOB_RENAME,
            str(station_store.root),
            str(demo_station.paths.database),
            str(tmp_path / "frame.npy"),
            open_inspection.inspection.id,
            str(inspector.id),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 17, done.stderr
    assert any(files.is_temp_file(p) for p in files_under(station_store.root))
    restarted = EvidenceStore.open(station_store.root)  # the station starts again
    assert not any(files.is_temp_file(p) for p in files_under(restarted.root))
    assert not restarted.blobs.exists(doomed_sha)
    assert counts(demo_station) == before
    assert demo_station.db.run(lambda s: evidence_for(s, open_inspection.inspection.id)) == [first]
    assert demo_station.db.run(lambda s: verify_evidence(s, restarted.root)).ok


def test_a_failed_transaction_leaves_only_a_harmless_unreferenced_blob(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = counts(demo_station)
    prepared = prepare_photo(textured_frame(seed=4), PhotoKind.OVERVIEW, station_store)

    def audit_fails(session, **kwargs):
        raise OSError("disk I/O error")

    monkeypatch.setattr("station.evidence.photos.audit.append", audit_fails)
    with pytest.raises(OSError, match="disk I/O error"):
        demo_station.db.run(
            lambda s: record_photo(
                s,
                prepared,
                inspection_id=open_inspection.inspection.id,
                station_id="ST-TEST",
                inspector_id=inspector.id,
            )
        )
    monkeypatch.undo()
    assert counts(demo_station) == before  # no row, no audit entry, no event
    refs = demo_station.db.run(referenced_evidence)
    assert unreferenced_blobs(refs, station_store.root) == [prepared.sha256]
    # Retrying records it against the very same file.
    again = prepare_photo(textured_frame(seed=4), PhotoKind.OVERVIEW, station_store)
    assert again.blob_path == prepared.blob_path


def test_an_imported_file_goes_through_the_same_checks(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    tmp_path: Path,
) -> None:
    good = tmp_path / "IMG_0001.JPG"
    cv2.imwrite(str(good), textured_frame(seed=6))
    prepared = prepare_imported(good, PhotoKind.ITEM_LABEL, station_store)
    assert isinstance(prepared, PreparedPhoto) and prepared.blob_path.exists()
    bad = tmp_path / "IMG_0002.JPG"
    bad.write_bytes(good.read_bytes()[:5000])
    on_disk = files_under(station_store.root)
    with pytest.raises(ImageRejected, match="damaged"):
        prepare_imported(bad, PhotoKind.ITEM_LABEL, station_store)
    assert files_under(station_store.root) == on_disk


def test_another_inspection_is_not_affected(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
) -> None:
    other = start_inspection(demo_station, inspector, nth=1)
    take(demo_station, station_store, open_inspection, inspector, seed=1)
    assert demo_station.db.run(lambda s: evidence_for(s, other.inspection.id)) == []
