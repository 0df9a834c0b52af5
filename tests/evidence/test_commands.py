from __future__ import annotations

import io
from pathlib import Path

from station import app
from station.domain.records import UserView
from station.evidence.commands import pack_command, verify_command
from station.evidence.photos import EvidenceStore, prepare_photo
from station.protocol.enums import PhotoKind
from station.workflow import InspectionStarted
from tests.evidence.conftest import take_photo, textured_frame


def test_verify_evidence_reports_and_sets_the_exit_code(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
) -> None:
    photo = take_photo(demo_station, station_store, open_inspection, inspector, PhotoKind.OVERVIEW)
    orphan = prepare_photo(textured_frame(seed=8), PhotoKind.OVERVIEW, station_store)
    out = io.StringIO()
    assert verify_command(demo_station.db, station_store.root, out, unreferenced=True) == 0
    assert "evidence intact: 1 items, 1 files" in out.getvalue()
    assert f"unreferenced (harmless, kept): {orphan.sha256}" in out.getvalue()
    (station_store.root / photo.relative_path).unlink()
    out = io.StringIO()
    assert verify_command(demo_station.db, station_store.root, out) == 1
    assert f"photo {photo.id}" in out.getvalue() and "1 missing" in out.getvalue()


def test_evidence_pack_writes_the_pdf_or_explains_why_not(
    demo_station: app.Station,
    station_store: EvidenceStore,
    open_inspection: InspectionStarted,
    inspector: UserView,
    tmp_path: Path,
) -> None:
    take_photo(demo_station, station_store, open_inspection, inspector, PhotoKind.DEFECT)
    out = io.StringIO()
    target = tmp_path / "pack.pdf"
    code = pack_command(
        demo_station.db, station_store.root, open_inspection.inspection.id, target, out
    )
    assert code == 0 and target.read_bytes().startswith(b"%PDF")
    assert "1 photos" in out.getvalue()
    out = io.StringIO()
    code = pack_command(
        demo_station.db, station_store.root, "nope", tmp_path / "x.pdf", out, language="zh_CN"
    )
    assert code == 2 and "没有质检记录 nope" in out.getvalue()
    assert not (tmp_path / "x.pdf").exists()
