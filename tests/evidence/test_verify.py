from __future__ import annotations

from pathlib import Path

import pytest

from station import app
from station.domain.records import UserView
from station.evidence.photos import EvidenceStore, EvidenceView, delete_photo
from station.evidence.records import evidence_view
from station.evidence.verify import (
    Problem,
    check_evidence,
    referenced_evidence,
    verify_evidence,
)
from station.protocol.enums import PhotoKind
from station.store.models import EvidenceItem
from station.workflow import InspectionStarted
from tests.evidence.conftest import start_inspection, take_photo


@pytest.fixture
def three_photos(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
) -> list[EvidenceView]:
    return [
        take_photo(demo_station, station_store, open_inspection, inspector, kind, seed=n)
        for n, kind in enumerate([PhotoKind.OVERVIEW, PhotoKind.DEFECT, PhotoKind.PACKAGING])
    ]


def blob_of(store: EvidenceStore, photo: EvidenceView) -> Path:
    path = store.root / photo.relative_path
    path.chmod(0o644)  # originals are read-only; the test plays the vandal
    return path


def test_intact_evidence_verifies(
    demo_station: app.Station, station_store: EvidenceStore, three_photos: list[EvidenceView]
) -> None:
    seen: list[tuple[int, int]] = []
    report = demo_station.db.run(
        lambda s: verify_evidence(
            s, station_store.root, progress=lambda done, total: seen.append((done, total))
        )
    )
    assert report.ok and report.items == 3 and report.files == 3
    assert report.bytes_read == sum(p.size_bytes for p in three_photos)
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_a_flipped_byte_is_reported_with_the_photo_and_its_inspection(
    demo_station: app.Station, station_store: EvidenceStore, three_photos: list[EvidenceView]
) -> None:
    victim = three_photos[1]
    path = blob_of(station_store, victim)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    report = demo_station.db.run(lambda s: verify_evidence(s, station_store.root))
    assert not report.ok and report.missing == []
    (finding,) = report.altered
    assert finding.evidence_id == victim.id
    assert finding.inspection_id == victim.inspection_id
    assert finding.expected_sha256 == victim.sha256
    assert finding.actual_sha256 not in (None, victim.sha256)
    assert finding.path == path
    assert f"photo {victim.id}" in finding.describe() and victim.sha256 in finding.describe()


def test_a_missing_file_is_reported(
    demo_station: app.Station, station_store: EvidenceStore, three_photos: list[EvidenceView]
) -> None:
    victim = three_photos[0]
    blob_of(station_store, victim).unlink()
    report = demo_station.db.run(lambda s: verify_evidence(s, station_store.root))
    assert [f.evidence_id for f in report.missing] == [victim.id]
    assert report.missing[0].problem is Problem.MISSING and report.altered == []


def test_deleted_photos_are_still_checked(
    demo_station: app.Station, station_store: EvidenceStore, three_photos: list[EvidenceView]
) -> None:
    victim = three_photos[2]
    demo_station.db.run(lambda s: delete_photo(s, victim.id, actor="user:I1001", reason="dup"))
    blob_of(station_store, victim).unlink()
    report = demo_station.db.run(lambda s: verify_evidence(s, station_store.root))
    assert [f.evidence_id for f in report.missing] == [victim.id]


def test_a_file_shared_by_two_records_is_read_once_and_both_are_reported(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
) -> None:
    other = start_inspection(demo_station, inspector, nth=1)
    one = take_photo(demo_station, station_store, open_inspection, inspector, PhotoKind.OVERVIEW)

    def same_file_for_the_other(session) -> EvidenceView:  # as older builds recorded it
        row = session.get_one(EvidenceItem, one.id)
        copy = EvidenceItem(
            **{
                c.name: getattr(row, c.name)
                for c in EvidenceItem.__table__.columns
                if c.name != "id"
            }
        )
        copy.inspection_id = other.inspection.id
        session.add(copy)
        session.flush()
        return evidence_view(copy)

    two = demo_station.db.run(same_file_for_the_other)
    assert one.sha256 == two.sha256  # the same bytes: one file, two records
    refs = demo_station.db.run(referenced_evidence)
    assert check_evidence(refs, station_store.root).files == 1
    blob_of(station_store, one).write_bytes(b"replaced")
    report = check_evidence(refs, station_store.root)
    assert {f.evidence_id for f in report.altered} == {one.id, two.id}
    assert {f.inspection_id for f in report.altered} == {
        open_inspection.inspection.id,
        other.inspection.id,
    }


def test_an_unreadable_file_is_reported_not_raised(
    demo_station: app.Station, station_store: EvidenceStore, three_photos: list[EvidenceView]
) -> None:
    victim = three_photos[0]
    path = blob_of(station_store, victim)
    path.unlink()
    path.mkdir()  # something that cannot be read as a file sits in its place
    report = demo_station.db.run(lambda s: verify_evidence(s, station_store.root))
    assert [(f.evidence_id, f.problem) for f in report.findings] == [
        (victim.id, Problem.UNREADABLE)
    ]
