from __future__ import annotations

import dataclasses
import re
import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from station.printing import jobs
from station.printing.barcodes import BarcodeError
from station.printing.data import LabelKind, new_label_id
from station.printing.jobs import LabelJobError, LabelStatus
from station.printing.samples import sample
from station.printing.sizes import SizeError
from station.security import audit
from station.store.database import Database
from station.store.models import AuditEntry, Label, OutboxEvent
from tests.printing.conftest import INSPECTION_ID, NOW, UNMATCHED_ID

ACTOR = "user:I1001"


def disposition(**changes: object):  # type: ignore[no-untyped-def]
    data = dataclasses.replace(
        sample(LabelKind.DISPOSITION), inspection_id=INSPECTION_ID, label_id=new_label_id()
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


def holding():  # type: ignore[no-untyped-def]
    return dataclasses.replace(
        sample(LabelKind.HOLDING), unmatched_id=UNMATCHED_ID, label_id=new_label_id()
    )


def counts(db: Database) -> tuple[int, int, int]:
    return db.run(
        lambda s: (
            s.scalar(select(func.count()).select_from(Label)),
            s.scalar(select(func.count()).select_from(AuditEntry)),
            s.scalar(select(func.count()).select_from(OutboxEvent)),
        )
    )


def create(db: Database, data, **kw):  # type: ignore[no-untyped-def]
    options = {"printer": "bench", "size": "100x150", "actor": ACTOR, "at": NOW, **kw}
    return db.run(lambda s: jobs.create_label(s, data, **options))


def test_a_new_label_is_queued_and_its_request_audited(db: Database) -> None:
    data = disposition()
    view = create(db, data, copies=2)
    assert (view.status, view.copies, view.size, view.printer) == (
        LabelStatus.QUEUED,
        2,
        "100x150",
        "bench",
    )
    assert view.data == data and view.inspection_id == INSPECTION_ID
    entry = db.run(lambda s: s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first())
    assert (entry.action, entry.actor, entry.entity) == (
        "label_requested",
        ACTOR,
        f"label:{data.label_id}",
    )
    assert db.run(jobs.pending) == [view]


@pytest.mark.parametrize(
    "change,error,reason",
    [
        ({"size": "80x50"}, SizeError, "no disposition layout at 80x50 mm"),
        ({"size": "big"}, SizeError, "label size 'big'"),
        ({"copies": 0}, LabelJobError, "copies must be 1-20, got 0"),
        ({"copies": 10_000}, LabelJobError, "copies must be 1-20"),
        ({"printer": ""}, LabelJobError, "a label needs a printer name"),
        ({"printer": "p" * 10_000}, LabelJobError, "a label needs a printer name"),
    ],
)
def test_a_request_that_cannot_print_writes_nothing(
    db: Database, change: dict[str, object], error: type[Exception], reason: str
) -> None:
    before = counts(db)
    with pytest.raises(error, match=re.escape(reason)):
        create(db, disposition(), **change)
    assert counts(db) == before


def test_labels_for_missing_records_or_oversized_codes_write_nothing(db: Database) -> None:
    before = counts(db)
    with pytest.raises(LabelJobError, match="no inspection 0190f3a1-0000"):
        create(db, disposition(inspection_id="0190f3a1-0000-7000-8000-000000000000"))
    with pytest.raises(BarcodeError, match="QR: 600 bytes"):
        create(db, dataclasses.replace(holding(), scanned_code="无" * 200), size="60x40")
    existing = create(db, disposition())
    with pytest.raises(LabelJobError, match="already exists; reprint it instead"):
        create(db, disposition(label_id=existing.id))
    assert counts(db) == (before[0] + 1, before[1] + 1, before[2])


def test_a_printed_label_tells_the_central_service_and_the_audit_log(db: Database) -> None:
    view = create(db, disposition())
    assert db.run(lambda s: jobs.mark_printing(s, view.id)).status is LabelStatus.PRINTING
    at = NOW + timedelta(seconds=2)
    printed = db.run(lambda s: jobs.mark_printed(s, view.id, job_ref="LabelPDF-7", at=at))
    assert (printed.status, printed.printed_at, printed.job_ref) == (
        LabelStatus.PRINTED,
        at,
        "LabelPDF-7",
    )
    event = db.run(lambda s: s.scalars(select(OutboxEvent)).one())
    assert event.kind == "label.printed"
    assert event.payload["label_id"] == view.id and event.payload["inspection_id"] == INSPECTION_ID
    assert event.payload["job_ref"] == "LabelPDF-7" and event.payload["reprint"] is False
    actions = db.run(
        lambda s: [e.action for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))]
    )
    assert actions[-2:] == ["label_requested", "label_printed"]
    assert db.run(audit.verify).ok
    assert db.run(jobs.pending) == []


def test_a_printer_error_keeps_the_label_queued_until_it_is_final(db: Database) -> None:
    view = create(db, disposition())
    db.run(lambda s: jobs.mark_printing(s, view.id))
    retry = db.run(
        lambda s: jobs.mark_failed(s, view.id, "printer LabelPDF is stopped:\n paper", final=False)
    )
    assert (retry.status, retry.last_error) == (
        LabelStatus.QUEUED,
        "printer LabelPDF is stopped: paper",
    )
    assert [v.id for v in db.run(jobs.pending)] == [view.id]
    final = db.run(lambda s: jobs.mark_failed(s, view.id, "x" * 5000, final=True))
    assert final.status is LabelStatus.FAILED and len(final.last_error) == 500
    assert [v.id for v in db.run(jobs.failed)] == [view.id]
    assert (
        db.run(
            lambda s: s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq.desc())).first()
        )
        == "label_failed"
    )


def test_a_reprint_queues_the_same_label_again(db: Database) -> None:
    view = create(db, disposition())
    db.run(lambda s: jobs.mark_printed(s, view.id, job_ref="LabelPDF-1"))
    again = db.run(
        lambda s: jobs.reprint(s, view.id, actor="user:S9001", printer="other", copies=3)
    )
    assert (again.status, again.printer, again.copies, again.reprints) == (
        LabelStatus.QUEUED,
        "other",
        3,
        1,
    )
    assert again.data == view.data and again.requested_by == "user:S9001"
    with pytest.raises(LabelJobError, match="is still queued"):
        db.run(lambda s: jobs.reprint(s, view.id, actor=ACTOR))
    db.run(lambda s: jobs.mark_printed(s, view.id))
    events = db.run(
        lambda s: [
            e.payload["reprint"] for e in s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq))
        ]
    )
    assert events == [False, True]


def test_cancelling(db: Database) -> None:
    view = create(db, disposition())
    cancelled = db.run(lambda s: jobs.cancel(s, view.id, actor=ACTOR))
    assert cancelled.status is LabelStatus.CANCELLED and db.run(jobs.pending) == []
    assert db.run(lambda s: jobs.mark_printing(s, view.id)) is None
    with pytest.raises(LabelJobError, match="cancelled and cannot be cancelled"):
        db.run(lambda s: jobs.cancel(s, view.id, actor=ACTOR))
    with pytest.raises(LabelJobError, match="no label nope"):
        db.run(lambda s: jobs.cancel(s, "nope", actor=ACTOR))


def test_labels_left_printing_by_a_crash_go_back_to_the_queue(db: Database) -> None:
    first, second = create(db, disposition()), create(db, holding(), size="60x40")
    db.run(lambda s: jobs.mark_printing(s, first.id))
    assert db.run(jobs.requeue_interrupted) == 1
    assert [v.id for v in db.run(jobs.pending)] == [first.id, second.id]
    assert db.run(lambda s: jobs.get_label(s, first.id)).last_error.startswith("interrupted")


def test_history_lists_an_inspections_or_a_parcels_labels(db: Database) -> None:
    a, b = create(db, disposition()), create(db, disposition())
    parcel = create(db, holding(), size="60x40")
    assert [v.id for v in db.run(lambda s: jobs.history(s, INSPECTION_ID))] == [a.id, b.id]
    assert [v.id for v in db.run(lambda s: jobs.history(s, unmatched_id=UNMATCHED_ID))] == [
        parcel.id
    ]
    with pytest.raises(LabelJobError, match="either"):
        db.run(lambda s: jobs.history(s))


def test_a_damaged_row_is_reported_not_printed(db: Database) -> None:
    view = create(db, disposition())
    path = db.engine.url.database
    assert path
    with sqlite3.connect(path) as raw:
        raw.execute(
            'UPDATE labels SET payload = \'{"data": {"kind": "x"}}\' WHERE id = ?', (view.id,)
        )
    with pytest.raises(LabelJobError, match=f"label {view.id} has an unreadable payload"):
        db.run(lambda s: jobs.get_label(s, view.id))
