"""A dispute's hold on an inspection's evidence: the change central publishes, the station that
recorded the clips applying it, and retention keeping them until the hold is released."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.engine import Engine

from central.db.session import make_engine, session_factory, write
from central.services.holds import publish_hold
from station import app
from station.capture.classify import classify
from station.domain.records import UserView
from station.evidence.video.recorder import ClipStart, new_clip_id
from station.evidence.video.records import ClipView, clips
from station.evidence.video.service import set_hold
from station.protocol.wire import Change, ChangeKind, ChangesPage, EvidenceHold
from station.store.models import AuditEntry, Clip, EvidenceItem, SyncCursor
from station.sync.pull import (
    DISPUTE_HOLD_PREFIX,
    BadPage,
    PullReport,
    apply_page,
    dispute_hold_reason,
)
from station.workflow import InspectionStarted
from tests.bench.test_session import received_order
from tests.central.client import Api
from tests.central.servers import CentralServer
from tests.evidence.video.rig import Rig
from tests.sync.conftest import assert_converged, enrolled, open_synced
from tests.sync.test_clip_upload import SMALL, Bench

INSPECTION = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
PAST_RETENTION = timedelta(days=200)  # past every category's window (electronics: 180)


def hold_body(**fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "inspection_id": INSPECTION,
        "held": True,
        "reason": "天猫 case 88231: customer says the box was empty",
        "dispute": str(uuid.uuid4()),
        "at": NOW.isoformat(),
    }
    return body | fields


# -- the protocol ------------------------------------------------------------------------------


def test_a_hold_reads_back_as_sent() -> None:
    body = hold_body(reason="  blank around is dropped  ")
    hold = EvidenceHold.model_validate(body)
    assert hold.reason == "blank around is dropped" and hold.held and hold.at == NOW
    assert EvidenceHold.model_validate(hold.model_dump(mode="json")) == hold
    assert EvidenceHold.model_validate(hold_body(held=False, reason="")).reason == ""
    assert ChangeKind("hold") is ChangeKind.HOLD


@pytest.mark.parametrize(
    "reason",
    [
        "box\x00empty",  # NUL
        "box\x1b[31m empty",  # a terminal escape
        "box\nempty",  # a second line
        "box\tempty",
        "refund \u202edecnuoder",  # right-to-left override disguising the text
        "a\u2066isolated\u2069",  # bidi isolates
        "zero\u200bwidth",
        "next\u0085line",  # a C1 control
        "x" * 201,
        "长" * 10_000,  # 10 kB and more
    ],
    ids=lambda r: repr(r[:12]),
)
def test_a_hostile_reason_is_refused(reason: str) -> None:
    with pytest.raises(ValidationError):
        EvidenceHold.model_validate(hold_body(reason=reason))


@pytest.mark.parametrize(
    "field,value",
    [
        ("inspection_id", ""),
        ("inspection_id", "../../etc/passwd"),
        ("inspection_id", INSPECTION + "0"),
        ("inspection_id", INSPECTION.upper()),
        ("dispute", ""),
        ("dispute", "x" * 37),
        ("dispute", "D 1"),
        ("dispute", "-D1"),
        ("dispute", "D1\n"),
        ("dispute", "D1;DROP"),
        ("dispute", "Ｄ１"),  # full-width
        ("held", "perhaps"),
        ("at", "2026-12-01T09:00:00"),  # no zone
        ("unknown", 1),
    ],
)
def test_bad_ids_and_fields_are_refused(field: str, value: object) -> None:
    with pytest.raises(ValidationError):
        EvidenceHold.model_validate(hold_body(**{field: value}))


def test_the_reason_on_a_clip_fits_its_column_and_says_which_dispute() -> None:
    longest = EvidenceHold.model_validate(hold_body(dispute="D" * 36, reason="长" * 200))
    text = dispute_hold_reason(longest)
    assert len(text) == 200 and text.startswith(f"{DISPUTE_HOLD_PREFIX}{'D' * 36}: 长")
    bare = EvidenceHold.model_validate(hold_body(dispute="D-7", reason=""))
    assert dispute_hold_reason(bare) == f"{DISPUTE_HOLD_PREFIX}D-7"


# -- the station applying it -------------------------------------------------------------------


def pull(station: app.Station, *bodies: dict[str, Any], at: datetime = NOW) -> PullReport:
    """A page of hold changes after the station's cursor, applied as the pull applies one."""
    previous = station.db.run(lambda s: s.get(SyncCursor, "changes"))
    since = int(previous.cursor) if previous is not None else 0
    changes = [
        Change(seq=since + n, kind=ChangeKind.HOLD, key=b["inspection_id"], body=b, at=at)
        for n, b in enumerate(bodies, start=1)
    ]
    page = ChangesPage(changes=changes, cursor=str(since + len(changes)), more=False)
    return station.db.run(
        partial(
            apply_page,
            page=page,
            previous=str(since) if previous else None,
            station_id=station.settings.station_id,
            now=at,
        )
    )


@pytest.fixture
def rig(demo_station: app.Station) -> Rig:
    """The bench camera and a close-up camera over the bench."""
    return Rig(
        demo_station.db, demo_station.paths.clips, clock=[500.0], settings=SMALL, closeup=True
    )


def filmed(station: app.Station, rig: Rig, inspector: UserView) -> tuple[str, list[ClipView]]:
    """An inspection opened at the bench and its takes (bench camera and close-up), filed and
    uploaded: only the retention window keeps them now."""
    order = received_order(station, "apparel")
    started = station.workflow.scan(classify(order.rma_no), inspector)
    assert isinstance(started, InspectionStarted)
    inspection_id = started.inspection.id
    rig.film(1.5)
    rig.service.begin(
        ClipStart(
            clip_id=new_clip_id(),
            parcel=order.rma_no,
            at=rig.clock[0],
            order=order.rma_no,
            inspection_id=inspection_id,
            station=station.settings.station_id,
            inspector_id=inspector.id,
        )
    )
    rig.film(2)
    rig.service.stop("completed")
    rig.film(0.5)
    rig.settle()

    def uploaded(s: Any) -> list[ClipView]:
        found = clips(s, inspection_id=inspection_id)
        for clip in found:
            s.get_one(EvidenceItem, clip.evidence_id).uploaded_at = datetime.now(UTC)
        return found

    takes = station.db.run(uploaded)
    assert sorted(c.kind for c in takes) == ["closeup", "unboxing"]
    return inspection_id, takes


def holds(station: app.Station, takes: list[ClipView]) -> set[str]:
    ids = [c.id for c in takes]
    return set(station.db.run(lambda s: s.scalars(select(Clip.hold).where(Clip.id.in_(ids)))))


def audit_of(station: app.Station, clip_id: str) -> list[tuple[str, str, dict[str, Any]]]:
    return station.db.run(
        lambda s: [
            (e.actor, e.action, e.details)
            for e in s.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == f"clip:{clip_id}")
                .order_by(AuditEntry.seq)
            )
        ]
    )


def files_left(rig: Rig, takes: list[ClipView]) -> list[bool]:
    return [rig.library.path_for(c.sha256).exists() for c in takes]


def test_a_dispute_hold_keeps_both_takes_past_retention_and_its_release_lets_them_go(
    demo_station: app.Station, rig: Rig, inspector: UserView
) -> None:
    inspection_id, takes = filmed(demo_station, rig, inspector)
    dispute = str(uuid.uuid4())
    report = pull(demo_station, hold_body(inspection_id=inspection_id, dispute=dispute))
    assert (report.applied, report.skipped) == (1, 0)
    assert holds(demo_station, takes) == {
        f"{DISPUTE_HOLD_PREFIX}{dispute}: 天猫 case 88231: customer says the box was empty"
    }
    later = datetime.now(UTC) + PAST_RETENTION
    assert rig.service.sweep(later) == 0
    assert files_left(rig, takes) == [True, True]
    for take in takes:
        [(actor, action, details)] = [
            e for e in audit_of(demo_station, take.id) if e[0] == "central"
        ]
        assert (actor, action) == ("central", "clip_hold")
        assert details["dispute"] == dispute and details["inspection_id"] == inspection_id
        assert details["by_hand"] is False

    released = pull(
        demo_station, hold_body(inspection_id=inspection_id, dispute=dispute, held=False)
    )
    assert released.applied == 1
    assert holds(demo_station, takes) == {""}
    assert [a for _, a, _ in audit_of(demo_station, takes[0].id)][-1] == "clip_released"
    assert rig.service.sweep(later) == 2
    assert files_left(rig, takes) == [False, False]


def test_an_operators_hold_survives_a_dispute_and_its_release(
    demo_station: app.Station, rig: Rig, inspector: UserView
) -> None:
    inspection_id, takes = filmed(demo_station, rig, inspector)
    by_hand, other = takes
    mine = "platform dispute 12345, keep until the claim is paid"
    demo_station.db.run(lambda s: set_hold(s, by_hand.id, mine, actor="user:S9001"))
    dispute = str(uuid.uuid4())
    pull(demo_station, hold_body(inspection_id=inspection_id, dispute=dispute))
    assert holds(demo_station, [by_hand]) == {mine}  # the operator's reason stays
    expected = dispute_hold_reason(EvidenceHold.model_validate(hold_body(dispute=dispute)))
    assert holds(demo_station, [other]) == {expected}
    pull(demo_station, hold_body(inspection_id=inspection_id, dispute=dispute, held=False))
    assert holds(demo_station, [by_hand]) == {mine} and holds(demo_station, [other]) == {""}
    actions = [(actor, action) for actor, action, _ in audit_of(demo_station, by_hand.id)]
    assert actions[-3:] == [
        ("user:S9001", "clip_hold"),
        ("central", "clip_hold"),
        ("central", "clip_hold_kept"),
    ]
    assert rig.service.sweep(datetime.now(UTC) + PAST_RETENTION) == 1
    assert files_left(rig, [by_hand, other]) == [True, False]


@pytest.mark.parametrize("unlinked", ["closeup", "unboxing"])
def test_a_take_that_lost_its_inspection_is_held_through_its_sibling(
    demo_station: app.Station, rig: Rig, inspector: UserView, unlinked: str
) -> None:
    """A take filed from a damaged journal may not name its inspection; the other camera's
    take of the same parcel does, and the two point at each other."""
    inspection_id, takes = filmed(demo_station, rig, inspector)
    [lost] = [c for c in takes if c.kind == unlinked]
    demo_station.db.run(lambda s: setattr(s.get_one(Clip, lost.id), "inspection_id", None))
    pull(demo_station, hold_body(inspection_id=inspection_id, dispute="D-9"))
    assert holds(demo_station, takes) == {
        f"{DISPUTE_HOLD_PREFIX}D-9: 天猫 case 88231: customer says the box was empty"
    }


def test_a_later_dispute_takes_over_the_reason_and_one_release_lifts_the_hold(
    demo_station: app.Station, rig: Rig, inspector: UserView
) -> None:
    """Central releases only when the last dispute on the inspection is closed: the station
    keeps no count."""
    inspection_id, takes = filmed(demo_station, rig, inspector)
    first = hold_body(inspection_id=inspection_id, dispute="D-1", reason="damaged")
    second = hold_body(inspection_id=inspection_id, dispute="D-2", reason="missing part")
    pull(demo_station, first, second)
    assert holds(demo_station, takes) == {f"{DISPUTE_HOLD_PREFIX}D-2: missing part"}
    pull(demo_station, first | {"held": False, "reason": ""})
    assert holds(demo_station, takes) == {""}


def test_a_hold_with_no_clip_here_is_skipped_and_the_cursor_moves_on(
    demo_station: app.Station, inspector: UserView
) -> None:
    order = received_order(demo_station, "apparel")
    started = demo_station.workflow.scan(classify(order.rma_no), inspector)
    assert isinstance(started, InspectionStarted)
    report = pull(
        demo_station,
        hold_body(),  # another station's inspection
        hold_body(inspection_id=started.inspection.id),  # this station's, filmed by no camera
        hold_body(held=False),
    )
    assert (report.applied, report.skipped) == (0, 3)
    cursor = demo_station.db.run(lambda s: s.get_one(SyncCursor, "changes").cursor)
    assert int(cursor) >= 3
    audit = demo_station.db.run(lambda s: list(s.scalars(select(AuditEntry.action))))
    assert "change_refused" not in audit


def test_a_malformed_hold_refuses_the_page_and_changes_nothing(
    demo_station: app.Station, rig: Rig, inspector: UserView
) -> None:
    inspection_id, takes = filmed(demo_station, rig, inspector)
    good = hold_body(inspection_id=inspection_id)
    with pytest.raises(BadPage):
        pull(demo_station, good, hold_body(inspection_id=inspection_id, reason="x\u202e" * 50))
    assert holds(demo_station, takes) == {""}
    assert demo_station.db.run(lambda s: s.get(SyncCursor, "changes")) is None


# -- through a real central service --------------------------------------------------------------


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


def at_central(central: CentralServer, inspection_id: str, **hold: Any) -> int:
    """What the dispute desk does when a dispute opens or its last one closes: publish the
    hold in its own transaction, in central's database."""
    engine = make_engine(central.database_url)
    try:
        with session_factory(engine)() as session:
            return write(
                session,
                lambda s: publish_hold(s, inspection_id, now=datetime.now(UTC), **hold),
            )
    finally:
        engine.dispose()


def test_a_hold_published_at_central_reaches_the_station_with_the_clip_and_no_other_warehouse(
    bench: Bench, central: CentralServer, central_db: Engine
) -> None:
    clip = bench.inspect_and_film(seconds=2)
    sync = bench.sync()
    first = sync.sync_once()
    assert first.clips.uploaded == 1  # at central now: only retention keeps it here
    inspection_id = clip.inspection_id
    assert inspection_id is not None
    elsewhere = Api(central).register(warehouse="EAST")
    try:
        since = elsewhere.cursor_now()
        dispute = str(uuid.uuid4())
        seq = at_central(
            central,
            inspection_id,
            held=True,
            reason="京东 case 5521:\n顾客称空箱\u202e",
            dispute_id=dispute,
        )
        report = sync.sync_once()
        assert report.pull.applied >= 1
        [held] = bench.station.db.run(lambda s: clips(s, inspection_id=inspection_id))
        assert held.hold == f"{DISPUTE_HOLD_PREFIX}{dispute}: 京东 case 5521: 顾客称空箱"
        assert int(bench.station.db.run(lambda s: s.get_one(SyncCursor, "changes").cursor)) >= seq
        later = datetime.now(UTC) + PAST_RETENTION
        assert bench.rig.service.sweep(later) == 0
        assert bench.rig.library.path_for(clip.sha256).exists()

        at_central(central, inspection_id, held=False, reason="closed", dispute_id=dispute)
        sync.sync_once()
        [released] = bench.station.db.run(lambda s: clips(s, inspection_id=inspection_id))
        assert released.hold == ""
        assert bench.rig.service.sweep(later) == 1
        assert not bench.rig.library.path_for(clip.sha256).exists()
        assert all(c["key"] != inspection_id for c in elsewhere.all_changes(since))
    finally:
        elsewhere.close()
    sync.sync_once()
    assert_converged(bench.station, central_db, central)
