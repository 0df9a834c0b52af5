"""The print queue with real printers: faults keep labels queued, nothing is lost or doubled."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from station.config import resources_dir
from station.printing import jobs
from station.printing.backends import CupsBackend, PrinterBackend, RawTcpBackend
from station.printing.data import LabelData, LabelKind, new_label_id
from station.printing.jobs import LabelStatus
from station.printing.queue import PrintEventKind, PrintQueue, RetryPolicy
from station.printing.samples import sample
from station.store.database import Database
from station.store.models import OutboxEvent
from tests.printing.conftest import INSPECTION_ID, UNMATCHED_ID, EventLog
from tests.printing.cups_server import QUEUE, CupsServer
from tests.printing.fake_zebra import FakeZebra
from tests.printing.zpl_reader import fields

FAST = RetryPolicy(first_delay=0.05, factor=2, max_delay=0.2, report_after=2)
ACTOR = "user:I1001"


def label(kind: LabelKind = LabelKind.DISPOSITION) -> LabelData:
    data = dataclasses.replace(sample(kind), label_id=new_label_id())
    if kind is LabelKind.HOLDING:
        return dataclasses.replace(data, unmatched_id=UNMATCHED_ID)
    return dataclasses.replace(data, inspection_id=INSPECTION_ID)


class TitledCups(CupsBackend):
    """CUPS backend whose jobs carry titles the test server can find (title = label id)."""

    def __init__(self, cups: CupsServer) -> None:
        super().__init__(QUEUE, server=cups.server, timeout=10)
        self.cups = cups

    def print_pdf(self, pdf: bytes, *, copies: int = 1, title: str = "label", size=None) -> str:  # type: ignore[no-untyped-def]
        return super().print_pdf(pdf, copies=copies, title=self.cups.tag + "-" + title, size=size)


@pytest.fixture
def events() -> EventLog:
    return EventLog()


@pytest.fixture
def make_queue(db: Database, events: EventLog) -> Iterator:  # type: ignore[type-arg]
    queues: list[PrintQueue] = []

    def make(printers: dict[str, PrinterBackend], **options: object) -> PrintQueue:
        queue = PrintQueue(db, printers, retry=FAST, **options)  # type: ignore[arg-type]
        queue.events.connect(events)
        queues.append(queue)
        return queue

    yield make
    for queue in queues:
        queue.stop()


def status(db: Database, label_id: str) -> LabelStatus:
    return db.run(lambda s: jobs.get_label(s, label_id)).status


def outbox_kinds(db: Database) -> list[str]:
    return db.run(lambda s: [e.kind for e in s.scalars(select(OutboxEvent))])


def cups_outputs(cups: CupsServer, label_id: str) -> list[Path]:
    return cups.outputs(f"{cups.tag}-label-{label_id}")


def test_a_submitted_label_prints_off_the_callers_thread(
    db: Database,
    cups: CupsServer,
    make_queue,
    events: EventLog,  # type: ignore[no-untyped-def]
) -> None:
    queue = make_queue({"bench": TitledCups(cups)})
    queue.start()
    view = queue.submit(label(), printer="bench", size="100x150", actor=ACTOR)
    printed = events.wait_kind(view.id, PrintEventKind.PRINTED)
    assert printed.job_ref.startswith(f"{QUEUE}-")
    assert events.kinds(view.id) == [
        PrintEventKind.QUEUED,
        PrintEventKind.PRINTING,
        PrintEventKind.PRINTED,
    ]
    assert status(db, view.id) is LabelStatus.PRINTED
    assert outbox_kinds(db) == ["label.printed"]
    cups.wait_for_output(f"{cups.tag}-label-{view.id}", printed.job_ref)


@pytest.mark.parametrize("fault", ["disabled", "rejecting", "cups stopped"])
def test_a_cups_fault_keeps_the_label_queued_until_the_printer_is_back(
    db: Database,
    cups: CupsServer,
    make_queue,
    events: EventLog,
    fault: str,  # type: ignore[no-untyped-def]
) -> None:
    breaks = {"disabled": cups.disable, "rejecting": cups.reject, "cups stopped": cups.stop}
    mends = {"disabled": cups.enable, "rejecting": cups.accept, "cups stopped": cups.start}
    expected = {
        "disabled": "printer LabelPDF is stopped: paper jam",
        "rejecting": "is not accepting jobs",
        "cups stopped": "CUPS print service is not running",
    }
    breaks[fault]()
    queue = make_queue({"bench": TitledCups(cups)})
    queue.start()
    view = queue.submit(label(), printer="bench", size="60x40", actor=ACTOR)
    reported = events.wait_kind(view.id, PrintEventKind.PRINTER_ERROR)
    assert expected[fault] in reported.error and reported.retry_in is not None
    row = db.run(lambda s: jobs.get_label(s, view.id))
    assert row.status is LabelStatus.QUEUED and expected[fault] in row.last_error
    assert outbox_kinds(db) == [] and cups_outputs(cups, view.id) == []
    mends[fault]()
    queue.retry_now()
    printed = events.wait_kind(view.id, PrintEventKind.PRINTED)
    assert status(db, view.id) is LabelStatus.PRINTED and outbox_kinds(db) == ["label.printed"]
    cups.wait_for_output(f"{cups.tag}-label-{view.id}", printed.job_ref)
    assert len(cups_outputs(cups, view.id)) == 1


def test_a_refused_connection_keeps_zpl_labels_queued_and_in_order(
    db: Database,
    make_queue,
    events: EventLog,  # type: ignore[no-untyped-def]
) -> None:
    zebra = FakeZebra(switched_on=False)
    try:
        backend = RawTcpBackend("127.0.0.1", zebra.port, connect_timeout=1, io_timeout=2)
        queue = make_queue({"zebra": backend})
        queue.start()
        first = queue.submit(label(), printer="zebra", size="60x40", actor=ACTOR)
        second = queue.submit(label(LabelKind.HOLDING), printer="zebra", size="60x40", actor=ACTOR)
        error = events.wait_kind(first.id, PrintEventKind.PRINTER_ERROR)
        assert "refused the connection" in error.error
        assert PrintEventKind.PRINTING not in events.kinds(second.id)  # waits behind the first
        assert queue.waiting() == {"zebra": 2}
        zebra.switch_on()
        queue.retry_now("zebra")
        events.wait_kind(second.id, PrintEventKind.PRINTED)
        printed = [
            [f.data for f in fields(z.decode()) if "^BC" in f.commands]
            for z in zebra.wait_labels(2)
        ]
        assert printed == [[first.id], [second.id]]
        assert outbox_kinds(db) == ["label.printed", "label.printed"]
    finally:
        zebra.close()


def test_a_connection_dropped_mid_label_prints_it_once_on_retry(
    db: Database,
    zebra: FakeZebra,
    make_queue,
    events: EventLog,  # type: ignore[no-untyped-def]
) -> None:
    zebra.drop_after = 2000
    queue = make_queue({"zebra": RawTcpBackend("127.0.0.1", zebra.port, io_timeout=2)})
    queue.start()
    view = queue.submit(label(), printer="zebra", size="100x150", actor=ACTOR)
    retry = events.wait_kind(view.id, PrintEventKind.RETRYING)
    assert "dropped the connection" in retry.error
    events.wait_kind(view.id, PrintEventKind.PRINTED)
    first, second = zebra.wait_connections(2)
    assert len(first) == 2000 and b"^XZ" not in first  # the printer discards a partial format
    assert b"^XZ" in second and len(zebra.labels()) == 1
    assert status(db, view.id) is LabelStatus.PRINTED


def test_a_restart_resumes_what_was_queued_or_interrupted(
    db: Database,
    zebra: FakeZebra,
    make_queue,
    events: EventLog,  # type: ignore[no-untyped-def]
) -> None:
    backend = RawTcpBackend("127.0.0.1", zebra.port, io_timeout=2)
    before = make_queue({"zebra": backend})  # never started: the station closed first
    waiting = before.submit(label(), printer="zebra", size="60x40", actor=ACTOR)
    interrupted = before.submit(label(), printer="zebra", size="60x40", actor=ACTOR)
    db.run(lambda s: jobs.mark_printing(s, interrupted.id))  # a crash mid-print
    after = make_queue({"zebra": backend})
    assert after.start() == 2
    events.wait_kind(interrupted.id, PrintEventKind.PRINTED)
    events.wait_kind(waiting.id, PrintEventKind.PRINTED)
    assert after.wait_idle(10)
    assert len(zebra.wait_labels(2)) == 2


def test_a_label_that_cannot_render_fails_at_once_and_is_not_retried(
    db: Database,
    tmp_path: Path,
    zebra: FakeZebra,
    make_queue,
    events: EventLog,  # type: ignore[no-untyped-def]
) -> None:
    layouts = tmp_path / "labels"
    shutil.copytree(resources_dir() / "labels", layouts)
    queue = make_queue(
        {"zebra": RawTcpBackend("127.0.0.1", zebra.port, layouts=layouts)}, layouts=layouts
    )
    view = queue.submit(label(), printer="zebra", size="60x40", actor=ACTOR)
    (layouts / "disposition_60x40.toml").write_text("kind = 'disposition'\n", encoding="utf-8")
    queue.start()
    failed = events.wait_kind(view.id, PrintEventKind.FAILED)
    assert "cannot be rendered" in failed.error and "'width_mm' is missing" in failed.error
    assert queue.wait_idle(5)
    assert status(db, view.id) is LabelStatus.FAILED and zebra.labels() == []


def test_reprint_and_cancel(
    db: Database,
    zebra: FakeZebra,
    make_queue,
    events: EventLog,  # type: ignore[no-untyped-def]
) -> None:
    zebra.paper_out = True
    queue = make_queue({"zebra": RawTcpBackend("127.0.0.1", zebra.port, io_timeout=2)})
    queue.start()
    kept = queue.submit(label(), printer="zebra", size="60x40", actor=ACTOR)
    dropped = queue.submit(label(), printer="zebra", size="60x40", actor=ACTOR)
    assert "paper out" in events.wait_kind(kept.id, PrintEventKind.PRINTER_ERROR).error
    queue.cancel(dropped.id, actor=ACTOR)
    zebra.paper_out = False
    queue.retry_now()
    events.wait_kind(kept.id, PrintEventKind.PRINTED)
    assert queue.wait_idle(10)
    queue.reprint(kept.id, actor="user:S9001", copies=2)
    events.wait_kind(kept.id, PrintEventKind.PRINTED, count=2)
    assert status(db, dropped.id) is LabelStatus.CANCELLED
    labels = zebra.wait_labels(2)
    assert len(labels) == 2 and b"^PQ2,0,1,Y" in labels[1]
    assert all(dropped.id.encode() not in z for z in labels)


def test_an_unknown_printer_waits_until_it_is_set_up(
    db: Database,
    zebra: FakeZebra,
    make_queue,
    events: EventLog,  # type: ignore[no-untyped-def]
) -> None:
    queue = make_queue({})
    queue.start()
    view = queue.submit(label(), printer="new", size="60x40", actor=ACTOR)
    assert "no printer named 'new'" in events.wait_kind(view.id, PrintEventKind.PRINTER_ERROR).error
    queue.set_printer("new", RawTcpBackend("127.0.0.1", zebra.port, io_timeout=2))
    events.wait_kind(view.id, PrintEventKind.PRINTED)


def test_a_broken_listener_does_not_stop_the_queue(
    db: Database,
    zebra: FakeZebra,
    make_queue,
    events: EventLog,  # type: ignore[no-untyped-def]
) -> None:
    queue = make_queue({"zebra": RawTcpBackend("127.0.0.1", zebra.port, io_timeout=2)})

    def explode(event: object) -> None:
        raise RuntimeError("UI gone")

    queue.events.connect(explode)
    queue.start()
    view = queue.submit(label(), printer="zebra", size="60x40", actor=ACTOR)
    events.wait_kind(view.id, PrintEventKind.PRINTED)
