"""Supervisors' decisions pulled from the real central service: the station announces what it
applied (for the bench) and relabels the items it inspected whose verdict changed."""

from __future__ import annotations

import shutil
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from station import app
from station.printing import jobs
from station.printing.queue import PrintEventKind
from station.protocol.enums import Disposition, Grade
from station.sync.pull import AppliedDecision
from tests.printing.conftest import EventLog, pdf_text
from tests.sync.conftest import assert_converged, enrolled, open_synced
from tests.sync.test_sync_e2e import inspect, publish


def decide_at_central(central, inspection_id: str, at: datetime, **verdict: object) -> str:  # type: ignore[no-untyped-def]
    decision_id = str(uuid.uuid4())
    publish(
        central,
        "/v1/decisions",
        {
            "decision_id": decision_id,
            "inspection_id": inspection_id,
            "decided_by": "S9001",
            "decided_at": at.isoformat(),
            "reason": "包装有破损未记录",
            **verdict,
        },
    )
    return decision_id


def labels_of(station: app.Station, inspection_id: str) -> list[jobs.LabelView]:
    return station.db.run(lambda s: jobs.history(s, inspection_id))


def test_an_overturn_is_announced_and_the_item_here_gets_its_corrected_label(
    synced: app.Station,
    central,
    central_db,  # type: ignore[no-untyped-def]
) -> None:
    printed = EventLog()
    synced.printing.queue.events.connect(printed)
    synced.printing.queue.start()
    heard: list[AppliedDecision] = []
    synced.sync.decisions.connect(heard.append)
    [inspection_id] = inspect(synced, 1)
    synced.sync.sync_once()
    [original] = labels_of(synced, inspection_id)
    now = datetime.now(UTC)

    decision_id = decide_at_central(
        central, inspection_id, now, grade="B", disposition="restock_open_box"
    )
    synced.sync.sync_once()
    [applied] = heard
    assert (applied.inspection_id, applied.rma_no) == (inspection_id, original.data.rma_no)
    assert (applied.decision_id, applied.decided_by, applied.approve) == (
        decision_id,
        "S9001",
        False,
    )
    assert (applied.before.grade, applied.after.grade) == (Grade.A, Grade.B)
    assert applied.after.disposition is Disposition.RESTOCK_OPEN_BOX
    assert applied.changed == ("grade", "disposition") and applied.relabel

    printed.wait_for(
        lambda events: any(
            e.kind is PrintEventKind.PRINTED and e.label_id != original.id for e in events
        )
    )
    assert synced.printing.queue.wait_idle(30)
    [corrected] = [label for label in labels_of(synced, inspection_id) if label.id != original.id]
    assert corrected.printer == original.printer and corrected.size == original.size
    text = pdf_text(synced.paths.labels / f"label-{corrected.id}.pdf")
    assert "改判 · CORRECTED" in text and "RESTOCK OPEN BOX" in text
    assert decision_id in text.replace("\n", "")

    decide_at_central(central, inspection_id, now + timedelta(minutes=5), approve=True)
    synced.sync.sync_once()  # also sends the corrected label's label.printed
    assert heard[-1].approve and heard[-1].changed == () and not heard[-1].relabel
    assert synced.printing.queue.wait_idle(30)
    assert len(labels_of(synced, inspection_id)) == 2  # an approval prints nothing
    synced.sync.sync_once()
    assert_converged(synced, central_db, central)


def test_another_stations_decision_is_neither_applied_nor_announced_nor_printed(
    synced: app.Station,
    central,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    demo_template: Path,
) -> None:
    data = tmp_path / "other"
    shutil.copytree(demo_template, data)
    other = open_synced(data, central.base_url, *enrolled(central))
    try:
        [theirs] = inspect(other, 1)
        other.sync.sync_once()
    finally:
        other.close()
    heard: list[AppliedDecision] = []
    synced.sync.decisions.connect(heard.append)
    synced.printing.queue.start()
    decide_at_central(central, theirs, datetime.now(UTC), grade="C", disposition="liquidate")
    report = synced.sync.sync_once()
    assert report.pull.decisions == () and heard == []
    assert synced.printing.queue.wait_idle(30)
    assert labels_of(synced, theirs) == []
