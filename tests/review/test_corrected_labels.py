"""A supervisor's decision that changes a verdict reaches the item: the corrected label is
requested in the decision's transaction, made and printed by the print queue after the commit,
and audited; an approval, or a decision about an item that is not here, prints nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from station import app
from station.domain.records import UserView
from station.printing import jobs
from station.printing.queue import PrintEventKind
from station.protocol.enums import Disposition, Grade, RefundKind, Responsibility
from station.protocol.events import Decision
from station.review.decisions import DecisionRequest
from station.review.service import ReviewService
from station.store.models import AuditEntry, Inspection, LabelRequest
from station.sync.pull import apply_page
from station.workflow import Workflow
from tests.printing.conftest import EventLog, pdf_text
from tests.review.conftest import REFUSE, clean_orders, finish
from tests.review.test_decisions import _page

TO_B = DecisionRequest(
    "照片显示为正常试穿，按开箱品退全款",
    grade=Grade.B,
    disposition=Disposition.RESTOCK_OPEN_BOX,
    refund_kind=RefundKind.FULL,
)


@pytest.fixture
def printed(demo_station: app.Station) -> EventLog:
    log = EventLog()
    demo_station.printing.queue.events.connect(log)
    demo_station.printing.queue.start()
    return log


def labels_of(station: app.Station, inspection_id: str) -> list[jobs.LabelView]:
    return station.db.run(lambda s: jobs.history(s, inspection_id))


def requests_of(station: app.Station, inspection_id: str) -> list[LabelRequest]:
    return station.db.run(
        lambda s: list(
            s.scalars(select(LabelRequest).where(LabelRequest.inspection_id == inspection_id))
        )
    )


def audit_of(station: app.Station, entity: str) -> list[AuditEntry]:
    return station.db.run(
        lambda s: list(
            s.scalars(
                select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.seq)
            )
        )
    )


def wait_printed(log: EventLog, station: app.Station, inspection_id: str, count: int) -> list[str]:
    """Wait until ``count`` labels of the inspection have printed; their ids, oldest first."""

    def printed_ids() -> list[str]:
        ours = {label.id for label in labels_of(station, inspection_id)}
        return [
            e.label_id
            for e in log.events
            if e.kind is PrintEventKind.PRINTED and e.label_id in ours
        ]

    log.wait_for(lambda events: sum(e.kind is PrintEventKind.PRINTED for e in events) >= count)
    assert station.printing.queue.wait_idle(30)
    return printed_ids()


def test_an_overturn_made_here_prints_a_corrected_label_after_the_commit(
    demo_station: app.Station,
    service: ReviewService,
    supervisor: UserView,
    inspector: UserView,
    printed: EventLog,
) -> None:
    done = finish(demo_station, clean_orders(demo_station)[0], inspector, override=REFUSE)
    [first] = wait_printed(printed, demo_station, done.inspection.id, 1)
    pending = pdf_text(demo_station.paths.labels / f"label-{first}.pdf")
    assert "待复核 · PENDING REVIEW" in pending and "退回买家" in pending

    made = service.decide(supervisor, done.inspection.id, TO_B)
    assert made.applied is not None and made.applied.relabel
    assert made.applied.before.grade is Grade.C and made.applied.after.grade is Grade.B
    [request] = requests_of(demo_station, done.inspection.id)
    assert request.decision_id == made.decision.decision_id  # written with the decision

    first_again, corrected = wait_printed(printed, demo_station, done.inspection.id, 2)
    assert first_again == first
    text = pdf_text(demo_station.paths.labels / f"label-{corrected}.pdf")
    assert "改判 · CORRECTED" in text and "待复核" not in text
    assert "RESTOCK OPEN BOX" in text and "全额退款" in text and "退回买家" not in text
    assert made.decision.decision_id in text.replace("\n", "") and "S9001" in text
    [request] = requests_of(demo_station, done.inspection.id)
    assert request.done_at is not None and request.label_id == corrected
    requested = [e for e in audit_of(demo_station, f"label:{corrected}")]
    assert [e.action for e in requested] == ["label_requested", "label_printed"]
    assert requested[0].details["decision_id"] == made.decision.decision_id
    assert requested[0].actor == "supervisor:S9001"
    [decided] = [
        e
        for e in audit_of(demo_station, f"inspection:{done.inspection.id}")
        if e.action == "verdict_overturned"
    ]
    assert decided.details["corrected_label"] is True


def test_an_approval_prints_nothing(
    demo_station: app.Station,
    service: ReviewService,
    supervisor: UserView,
    inspector: UserView,
    printed: EventLog,
) -> None:
    done = finish(demo_station, clean_orders(demo_station)[0], inspector, override=REFUSE)
    wait_printed(printed, demo_station, done.inspection.id, 1)
    made = service.decide(
        supervisor, done.inspection.id, DecisionRequest("核实：确有穿着痕迹", approve=True)
    )
    assert made.applied is not None and not made.applied.relabel and not made.applied.changed
    assert demo_station.printing.queue.wait_idle(30)
    assert len(labels_of(demo_station, done.inspection.id)) == 1
    assert requests_of(demo_station, done.inspection.id) == []


def test_a_change_the_label_does_not_show_prints_nothing(
    demo_station: app.Station,
    service: ReviewService,
    supervisor: UserView,
    inspector: UserView,
    printed: EventLog,
) -> None:
    done = finish(demo_station, clean_orders(demo_station)[0], inspector, override=REFUSE)
    wait_printed(printed, demo_station, done.inspection.id, 1)
    made = service.decide(
        supervisor,
        done.inspection.id,
        DecisionRequest("商家发错尺码", responsibility=Responsibility.MERCHANT),
    )
    assert made.applied is not None and made.applied.changed == ("responsibility",)
    assert not made.applied.relabel
    assert demo_station.printing.queue.wait_idle(30)
    assert len(labels_of(demo_station, done.inspection.id)) == 1


def test_a_refusal_made_by_the_supervisor_prints_the_return_label_with_the_supervisors_reason(
    demo_station: app.Station,
    service: ReviewService,
    supervisor: UserView,
    inspector: UserView,
    printed: EventLog,
) -> None:
    done = finish(demo_station, clean_orders(demo_station)[0], inspector)
    wait_printed(printed, demo_station, done.inspection.id, 1)
    service.decide(
        supervisor,
        done.inspection.id,
        DecisionRequest(
            "买家照片显示已使用",
            grade=Grade.C,
            disposition=Disposition.RETURN_TO_CUSTOMER,
            refund_kind=RefundKind.NONE,
        ),
    )
    _, corrected = wait_printed(printed, demo_station, done.inspection.id, 2)
    text = pdf_text(demo_station.paths.labels / f"label-{corrected}.pdf")
    assert "退回买家" in text and "买家照片显示已使用" in text and "改判 · CORRECTED" in text
    row = demo_station.db.run(lambda s: s.get_one(Inspection, done.inspection.id))
    assert row.refund_reason == "买家照片显示已使用"  # the verdict in force explains its refund
    assert row.station_verdict is not None and row.station_verdict["refund_reason"] == ""


def test_a_label_of_the_old_verdict_still_waiting_is_replaced_not_printed(
    demo_station: app.Station, service: ReviewService, supervisor: UserView, inspector: UserView
) -> None:
    """The printer was off: the first label still waits when two decisions come in."""
    done = finish(demo_station, clean_orders(demo_station)[0], inspector, override=REFUSE)
    [waiting] = labels_of(demo_station, done.inspection.id)
    service.decide(supervisor, done.inspection.id, TO_B)
    last = service.decide(
        supervisor,
        done.inspection.id,
        DecisionRequest("成色应为A", grade=Grade.A, disposition=Disposition.RESTOCK),
    )
    log = EventLog()
    demo_station.printing.queue.events.connect(log)
    demo_station.printing.queue.start()  # the printer is back (the station restarted)
    log.wait_for(lambda events: any(e.kind is PrintEventKind.PRINTED for e in events))
    assert demo_station.printing.queue.wait_idle(30)
    labels = {label.id: label for label in labels_of(demo_station, done.inspection.id)}
    assert labels[waiting.id].status is jobs.LabelStatus.CANCELLED
    [corrected] = [label for label in labels.values() if label.id != waiting.id]
    assert corrected.status is jobs.LabelStatus.PRINTED
    assert (
        corrected.data.grade is Grade.A and corrected.data.decision_id == last.decision.decision_id
    )
    requests = requests_of(demo_station, done.inspection.id)
    assert len(requests) == 2 and {r.label_id for r in requests} == {corrected.id}


def test_an_item_never_labelled_here_gets_no_label_and_the_reason_is_kept(
    demo_station: app.Station, service: ReviewService, supervisor: UserView, inspector: UserView
) -> None:
    unlabelled = Workflow(
        demo_station.db,
        station_id=demo_station.settings.station_id,
        rulebook=demo_station.workflow.rulebook,
        evidence=demo_station.evidence,
        printing=None,  # no label printer was set up then
    )
    original, demo_station.workflow = demo_station.workflow, unlabelled
    try:
        done = finish(demo_station, clean_orders(demo_station)[0], inspector, override=REFUSE)
    finally:
        demo_station.workflow = original
    service.decide(supervisor, done.inspection.id, TO_B)
    demo_station.printing.queue.start()
    assert demo_station.printing.queue.wait_idle(30)
    assert labels_of(demo_station, done.inspection.id) == []
    [request] = requests_of(demo_station, done.inspection.id)
    assert request.done_at is not None and request.label_id is None
    assert "never labelled" in request.note
    actions = [e.action for e in audit_of(demo_station, f"inspection:{done.inspection.id}")]
    assert "corrected_label_not_made" in actions


def test_a_pulled_decision_about_an_inspection_done_elsewhere_requests_no_label(
    demo_station: app.Station, inspector: UserView
) -> None:
    done = finish(demo_station, clean_orders(demo_station)[0], inspector, override=REFUSE)
    decision = Decision(
        decision_id="0190f1e2-0000-7000-8000-0000000000cc",
        inspection_id=done.inspection.id,
        decided_by="S9001",
        decided_at=datetime.now(UTC),
        reason="改判 B",
        grade=Grade.B,
    )
    report = demo_station.db.run(
        lambda s: apply_page(
            s, _page(decision, 1), previous=None, station_id="ST-ELSEWHERE", now=datetime.now(UTC)
        )
    )
    [applied] = report.decisions
    assert applied.changed == ("grade",) and not applied.relabel
    assert requests_of(demo_station, done.inspection.id) == []
    again = demo_station.db.run(
        lambda s: apply_page(
            s,
            _page(
                decision.model_copy(
                    update={"decision_id": "0190f1e2-0000-7000-8000-0000000000cd", "grade": Grade.D}
                ),
                2,
            ),
            previous="1",
            station_id="ST-TEST",
            now=datetime.now(UTC),
        )
    )
    [here] = again.decisions
    assert here.relabel and here.before.grade is Grade.B and here.after.grade is Grade.D
    assert len(requests_of(demo_station, done.inspection.id)) == 1
