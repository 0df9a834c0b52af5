"""Harder faults: the station process killed (SIGKILL) at random points of push and pull, a long
offline stretch, and a stateful property test of inspect/overturn/sync/crash/reconnect."""

from __future__ import annotations

import itertools
import os
import random
import shutil
import signal
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import func, select, text

from central.db.models import ChangeRecord, EventRecord
from station import app
from station.protocol.enums import OrderState, PhotoKind
from station.qc.engine import decide
from station.security import audit
from station.store.models import Inspection, OutboxEvent, ReturnLine, ReturnOrder, SyncCursor
from station.sync.client import SyncError
from station.workflow import InspectionStarted
from tests.conftest import make_settings
from tests.helpers import good_answers
from tests.sync.conftest import assert_converged, new_station_id, open_synced
from tests.sync.fault_proxy import Fault, FaultProxy
from tests.sync.sync_child import fork_server, run_sync
from tests.sync.test_sync_e2e import manifest_row, publish

_pictures = itertools.count(1)


def small_frame() -> np.ndarray:
    """A new picture each time, as a camera gives (the same one twice would be refused)."""
    rng = np.random.default_rng(next(_pictures))
    # fine enough texture that the quality gate takes it as sharp (a flagged photo would not
    # count toward the verdict)
    base = rng.integers(30, 225, size=(60, 80, 3), dtype=np.uint8)
    return cv2.resize(base, (320, 240), interpolation=cv2.INTER_NEAREST)


def next_order(station: app.Station) -> str:
    """A single-item order the bench can inspect next (received, else in transit)."""

    single = select(ReturnLine.return_id).group_by(ReturnLine.return_id).having(func.count() == 1)

    def work(session):  # type: ignore[no-untyped-def]
        for state in (OrderState.RECEIVED, OrderState.IN_TRANSIT):
            rma = session.scalar(
                select(ReturnOrder.rma_no)
                .where(ReturnOrder.state == state.value, ReturnOrder.id.in_(single))
                .order_by(ReturnOrder.id)
                .limit(1)
            )
            if rma is not None:
                return rma
        raise AssertionError("no order left to inspect")

    return station.db.run(work)


def inspect_quickly(station: app.Station, count: int) -> int:
    """``count`` clean inspections with small photos, through the workflow."""
    inspector = station.auth.login("I1001", "1234")
    done = 0
    for _ in range(count):
        started = station.workflow.scan(next_order(station), inspector)
        assert isinstance(started, InspectionStarted)
        answers = good_answers(started.checklist)
        for kind in started.checklist.evaluate(answers, photos={}).missing_photos:
            station.workflow.take_photo(
                small_frame(), kind, inspector, inspection_id=started.inspection.id
            )
        evaluation = started.checklist.evaluate(answers, photos={k: 1 for k in PhotoKind})
        verdict = decide(evaluation, started.checklist.template, started.line.amount_fen)
        station.workflow.complete(started.inspection.id, verdict, inspector)
        done += 1
    return done


def until(condition, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.005)
    return False


def test_sigkill_at_fifty_random_points_of_push_and_pull(
    tmp_path: Path, demo_template: Path, central, central_db
) -> None:
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    station_id = new_station_id()
    station = open_synced(data, central.base_url, central.enrolment_code(station_id), station_id)
    inspect_quickly(station, 10)
    station.close()
    proxy = FaultProxy(("127.0.0.1", central.port))
    forks = fork_server()
    rng = random.Random(2026)
    kills = {"push": 0, "pull": 0}
    try:
        for _round in range(120):
            if sum(kills.values()) >= 50:
                break
            # new work for every round: an inspection to push, returns to pull
            station = open_synced(
                data, central.base_url, central.enrolment_code(station_id), station_id
            )
            inspect_quickly(station, 1)
            station.close()
            publish(
                central,
                "/v1/returns",
                [manifest_row(f"RMA2026{uuid.uuid4().int % 10**10:010d}") for _ in range(150)],
            )
            # aim at a random request of one phase: the n-th push request, or the n-th page
            # of the pull (which only starts once everything is pushed)
            phase = "pull" if _round % 2 else "push"
            start = len(proxy.seen)
            # (a push is a few requests: a group of photos, the events, the anchor)
            nth = rng.randint(1, 2)

            def reached(phase: str = phase, start: int = start, nth: int = nth) -> bool:
                pulls = sum(r.path.startswith("/v1/changes") for r in proxy.seen[start:])
                return (pulls if phase == "pull" else len(proxy.seen) - start - pulls) >= nth

            if rng.random() < 0.5:  # half the time, kill it with a request in flight
                in_phase = (lambda r: r.path.startswith("/v1/changes")) if phase == "pull" else None
                proxy.faults.append(Fault("delay", value=0.5, when=in_phase))
            process = forks.Process(
                target=run_sync,
                args=(str(data), proxy.url, central.enrolment_code(station_id), station_id),
            )
            process.start()
            until(lambda p=process: reached() or not p.is_alive(), 30)
            if process.is_alive():
                last = proxy.seen[-1].path if proxy.seen else ""
                kills["pull" if last.startswith("/v1/changes") else "push"] += 1
                assert process.pid is not None
                os.kill(process.pid, signal.SIGKILL)
            process.join(timeout=30)
            proxy.faults.clear()
        assert sum(kills.values()) >= 50, kills
        assert kills["pull"] >= 5 and kills["push"] >= 5, kills
    finally:
        proxy.close()
    station = open_synced(data, central.base_url, central.enrolment_code(station_id), station_id)
    try:
        for _ in range(5):
            try:
                station.sync.sync_once()
                break
            except SyncError:
                continue
        assert station.db.run(lambda s: s.execute(text("PRAGMA integrity_check")).scalar()) == "ok"
        assert station.db.run(audit.verify).ok
        assert_converged(station, central_db, central)
        with central_db.connect() as conn:
            last_change = conn.scalar(select(func.max(ChangeRecord.seq)))
            returns_published = conn.scalar(
                select(func.count()).select_from(ChangeRecord).where(ChangeRecord.kind == "return")
            )
        cursor = station.db.run(lambda s: s.get_one(SyncCursor, "changes").cursor)
        assert int(cursor) == last_change
        central_rmas = returns_published  # every published return is a row at the station
        local = station.db.run(
            lambda s: s.scalar(
                select(func.count()).select_from(ReturnOrder).where(ReturnOrder.platform == "")
            )
        )
        assert local >= 1 and central_rmas >= local
    finally:
        station.close()


def test_a_thousand_inspections_offline_then_reconnect(tmp_path: Path, central, central_db) -> None:
    data = tmp_path / "data"
    station_id = new_station_id()
    station = app.open_station(make_settings(data, station_id=station_id))
    app.load_demo_data(station, count=1300, today=date.today())
    station.close()
    proxy = FaultProxy(("127.0.0.1", central.port), default=lambda _r: Fault("refuse"))
    station = open_synced(data, proxy.url, central.enrolment_code(station_id), station_id)
    try:
        done = 0
        for n in range(4):
            done += inspect_quickly(station, 250)
            with pytest.raises(SyncError):  # the network is down: nothing goes out
                station.sync.sync_once()
            assert n < 4
        assert done == 1000
        status = station.sync.refresh()
        assert status.outbox.pending >= 1000 * 4
        assert status.outbox.oldest_pending_at is not None
        proxy.default = None  # the network is back
        station.sync.sync_once()
        assert_converged(station, central_db, central)
        with central_db.connect() as conn:
            completed = conn.scalar(
                select(func.count())
                .select_from(EventRecord)
                .where(
                    EventRecord.station_id == station_id,
                    EventRecord.kind == "inspection.completed",
                )
            )
        assert completed == 1000
    finally:
        station.close()
        proxy.close()


class SyncMachine(RuleBasedStateMachine):
    """Inspect, overturn at central, sync, crash (reopen from disk) and lose or regain the
    network, in any order: the station and central must converge, nothing lost or twice."""

    central = None  # set by the test
    central_db = None
    template: Path | None = None

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(os.environ["SYNC_MACHINE_TMP"]) / uuid.uuid4().hex[:8]
        shutil.copytree(self.template, self.root)  # type: ignore[arg-type]
        self.station_id = new_station_id()
        assert self.central is not None
        self.proxy = FaultProxy(("127.0.0.1", self.central.port))
        self.station = self._open()
        self.completed: list[str] = []
        self.synced: set[str] = set()
        self.decided: dict[str, str] = {}

    def _open(self) -> app.Station:
        assert self.central is not None
        return open_synced(
            self.root, self.proxy.url, self.central.enrolment_code(self.station_id), self.station_id
        )

    @rule()
    def inspect(self) -> None:
        before = self.station.db.run(lambda s: set(s.scalars(select(Inspection.id))))
        inspect_quickly(self.station, 1)
        after = self.station.db.run(lambda s: set(s.scalars(select(Inspection.id))))
        self.completed.extend(sorted(after - before))

    @rule()
    def sync(self) -> None:
        try:
            self.station.sync.sync_once()
        except SyncError:
            return
        self.synced.update(self.completed)

    @precondition(lambda self: bool(self.synced - set(self.decided)))
    @rule(data=st.data())
    def overturn(self, data: st.DataObject) -> None:
        inspection_id = data.draw(st.sampled_from(sorted(self.synced - set(self.decided))))
        decision_id = str(uuid.uuid4())
        publish(
            self.central,
            "/v1/decisions",
            {
                "decision_id": decision_id,
                "inspection_id": inspection_id,
                "decided_by": "S9001",
                "decided_at": datetime.now(UTC).isoformat(),
                "reason": "复核改判",
                "grade": "C",
                "disposition": "liquidate",
            },
        )
        self.decided[inspection_id] = decision_id

    @rule()
    def crash(self) -> None:
        self.station.close()  # the process ends; everything committed is on disk
        self.station = self._open()

    @rule(down=st.booleans())
    def network(self, down: bool) -> None:
        self.proxy.default = (lambda _r: Fault("refuse")) if down else None

    @invariant()
    def nothing_foreign_or_twice_at_central(self) -> None:
        assert self.central_db is not None
        with self.central_db.connect() as conn:
            ids = list(
                conn.scalars(
                    select(EventRecord.event_id).where(EventRecord.station_id == self.station_id)
                )
            )
        local = set(self.station.db.run(lambda s: list(s.scalars(select(OutboxEvent.event_id)))))
        assert len(ids) == len(set(ids)) and set(ids) <= local

    def teardown(self) -> None:
        try:
            self.proxy.default = None
            self.station.sync.sync_once()
            self.station.sync.sync_once()  # the decisions published meanwhile
            assert_converged(self.station, self.central_db, self.central)  # type: ignore[arg-type]
            grades = self.station.db.run(
                lambda s: {
                    row.id: (row.grade, row.overturned) for row in s.scalars(select(Inspection))
                }
            )
            for inspection_id in self.decided:
                assert grades[inspection_id] == ("C", True)
        finally:
            self.station.close()
            self.proxy.close()
            shutil.rmtree(self.root, ignore_errors=True)


def test_convergence_whatever_happens(
    tmp_path: Path, demo_template: Path, central, central_db, monkeypatch
) -> None:
    monkeypatch.setenv("SYNC_MACHINE_TMP", str(tmp_path))
    SyncMachine.central, SyncMachine.central_db, SyncMachine.template = (
        central,
        central_db,
        demo_template,
    )
    runner = SyncMachine.TestCase
    runner.settings = settings(
        max_examples=6,
        stateful_step_count=12,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    runner().runTest()
