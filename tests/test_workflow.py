from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from station import app
from station.capture.scan_text import BadScan
from station.domain.codes import MAX_CODE_CHARS, PARCEL_CODE_MAX_CHARS
from station.domain.records import UserView, Verdict
from station.protocol.enums import (
    Disposition,
    Grade,
    InspectionState,
    OrderState,
    PhotoKind,
    RefundKind,
    Responsibility,
)
from station.qc.engine import Override, decide
from station.security import audit
from station.store.models import (
    AuditEntry,
    Inspection,
    OutboxEvent,
    ReturnOrder,
    UnmatchedParcel,
)
from station.workflow import (
    IncompleteInspection,
    InspectionStarted,
    NotInspectable,
    ParcelUnmatched,
    WorkflowError,
)
from tests.helpers import clean_verdict, good_answers
from tests.printing.conftest import pdf_text


def order_in(station: app.Station, state: OrderState, *, lines: int = 1) -> ReturnOrder:
    def work(s):
        for order in s.scalars(
            select(ReturnOrder).where(ReturnOrder.state == state.value).order_by(ReturnOrder.id)
        ):
            if len(order.lines) == lines:
                return order
        raise AssertionError(f"no demo order in {state} with {lines} lines")

    return station.db.run(work)


def table_counts(station: app.Station) -> dict[str, int]:
    models = {
        "inspections": Inspection,
        "outbox": OutboxEvent,
        "audit": AuditEntry,
        "unmatched": UnmatchedParcel,
    }
    return station.db.run(
        lambda s: {k: s.scalar(select(func.count()).select_from(m)) for k, m in models.items()}
    )


def state_of(station: app.Station, order_id: int) -> str:
    return station.db.run(lambda s: s.get_one(ReturnOrder, order_id).state)


def test_scanning_a_received_order_starts_its_inspection(
    demo_station: app.Station, inspector: UserView
) -> None:
    order = order_in(demo_station, OrderState.RECEIVED)
    outcome = demo_station.workflow.scan(order.rma_no, inspector)
    assert isinstance(outcome, InspectionStarted) and not outcome.resumed
    assert outcome.order.rma_no == order.rma_no
    assert outcome.inspection.inspector_id == inspector.id
    assert outcome.inspection.station_id == "ST-TEST"
    assert state_of(demo_station, order.id) == "inspecting"


@pytest.mark.parametrize("key", ["order_no", "tracking", "rma_lower"])
def test_an_order_is_found_by_order_or_tracking_number(
    demo_station: app.Station, inspector: UserView, key: str
) -> None:
    order = order_in(demo_station, OrderState.IN_TRANSIT)
    code = {
        "order_no": order.order_no,
        "tracking": demo_station.db.run(
            lambda s: s.get_one(ReturnOrder, order.id).tracking[0].tracking_no
        ),
        "rma_lower": order.rma_no.lower(),
    }[key]
    outcome = demo_station.workflow.scan(code, inspector)
    assert isinstance(outcome, InspectionStarted)
    assert outcome.order.rma_no == order.rma_no
    # in transit: the bench receives the parcel on the way into inspection
    assert state_of(demo_station, order.id) == "inspecting"


def test_scanning_again_resumes_the_open_inspection(
    demo_station: app.Station, inspector: UserView
) -> None:
    order = order_in(demo_station, OrderState.RECEIVED)
    first = demo_station.workflow.scan(order.rma_no, inspector)
    again = demo_station.workflow.scan(order.order_no, inspector)
    assert isinstance(first, InspectionStarted) and isinstance(again, InspectionStarted)
    assert again.resumed and again.inspection.id == first.inspection.id
    assert table_counts(demo_station)["inspections"] == 1


def test_another_inspector_takes_over_an_open_inspection(demo_station: app.Station) -> None:
    order = order_in(demo_station, OrderState.RECEIVED)
    first = demo_station.auth.login("I1001", "1234")
    second = demo_station.auth.login("I1002", "1234")
    demo_station.workflow.scan(order.rma_no, first)
    taken = demo_station.workflow.scan(order.rma_no, second)
    assert isinstance(taken, InspectionStarted) and taken.inspection.inspector_id == second.id
    last = demo_station.db.run(
        lambda s: s.scalar(select(AuditEntry).order_by(AuditEntry.seq.desc()))
    )
    assert last.action == "inspection_taken_over"


def test_an_unknown_code_is_received_as_an_unmatched_parcel(
    demo_station: app.Station, inspector: UserView
) -> None:
    before = table_counts(demo_station)
    outcome = demo_station.workflow.scan("SF9999999999999", inspector)
    assert isinstance(outcome, ParcelUnmatched) and not outcome.resumed
    assert outcome.parcel.code == "SF9999999999999"
    after = table_counts(demo_station)
    assert after["unmatched"] == before["unmatched"] + 1
    assert after["outbox"] == before["outbox"] + 1
    again = demo_station.workflow.scan("SF9999999999999", inspector)
    assert isinstance(again, ParcelUnmatched) and again.resumed
    assert again.parcel.id == outcome.parcel.id
    assert table_counts(demo_station)["unmatched"] == after["unmatched"]


@pytest.mark.parametrize("junk", ["", " ", "x" * 5000, "\x00\x01\xff\xfe", "RMA\x1b[31m"])
def test_junk_scans_are_refused_before_anything_is_stored(
    demo_station: app.Station, inspector: UserView, junk: str
) -> None:
    before = table_counts(demo_station)
    with pytest.raises(BadScan):
        demo_station.workflow.scan(junk, inspector)
    assert table_counts(demo_station) == before


@pytest.mark.parametrize("state", [OrderState.REQUESTED, OrderState.APPROVED])
def test_an_order_not_yet_shipped_is_shown_but_not_inspected(
    demo_station: app.Station, inspector: UserView, state: OrderState
) -> None:
    order = order_in(demo_station, state)
    outcome = demo_station.workflow.scan(order.rma_no, inspector)
    assert isinstance(outcome, NotInspectable)
    assert f"cannot start_inspection an after-sales order that is {state}" in outcome.reason
    assert state_of(demo_station, order.id) == state.value


def test_completing_commits_inspection_state_outbox_and_audit_together(
    demo_station: app.Station, inspector: UserView
) -> None:
    order = order_in(demo_station, OrderState.RECEIVED)
    started = demo_station.workflow.scan(order.rma_no, inspector)
    assert isinstance(started, InspectionStarted)
    verdict = clean_verdict(demo_station, started)  # answers and photos
    before = table_counts(demo_station)
    done = demo_station.workflow.complete(started.inspection.id, verdict, inspector)

    assert done.next_line is None and done.order.state is OrderState.INSPECTED
    assert done.inspection.state is InspectionState.COMPLETED
    assert done.inspection.grade is Grade.A
    after = table_counts(demo_station)
    assert after["outbox"] == before["outbox"] + 1
    # the state change, the completion, and the label queued for the printer
    assert after["audit"] == before["audit"] + 3
    assert done.label is not None and done.label.status == "queued"
    assert done.label.data.rma_no == order.rma_no

    def committed(s):
        event = s.scalar(select(OutboxEvent).where(OutboxEvent.event_id == done.event_id))
        entry = s.scalar(
            select(AuditEntry)
            .where(AuditEntry.action == "inspection_completed")
            .order_by(AuditEntry.seq.desc())
        )
        return event, entry, s.get_one(ReturnOrder, order.id).state

    event, entry, state = demo_station.db.run(committed)
    assert event.kind == "inspection.completed"
    assert event.payload["verdict"]["grade"] == "A"
    assert event.payload["inspector"] == "I1001"
    assert event.payload["order_state"] == "inspected"
    assert entry.action == "inspection_completed"
    assert entry.details["event_id"] == done.event_id
    assert state == "inspected"
    assert demo_station.db.run(audit.verify).ok


def test_a_failure_half_way_through_completion_leaves_nothing(
    demo_station: app.Station, inspector: UserView, monkeypatch
) -> None:
    order = order_in(demo_station, OrderState.RECEIVED)
    started = demo_station.workflow.scan(order.rma_no, inspector)
    assert isinstance(started, InspectionStarted)
    verdict = clean_verdict(demo_station, started)
    before = table_counts(demo_station)
    real_append = audit.append

    def fail_on_completion(session, **kwargs):
        if kwargs["action"] == "inspection_completed":
            raise OSError("disk I/O error")
        return real_append(session, **kwargs)

    monkeypatch.setattr("station.workflow.audit.append", fail_on_completion)
    with pytest.raises(OSError):
        demo_station.workflow.complete(started.inspection.id, verdict, inspector)
    assert table_counts(demo_station) == before
    assert state_of(demo_station, order.id) == "inspecting"
    row = demo_station.db.run(lambda s: s.get_one(Inspection, started.inspection.id))
    assert row.state == "open" and row.grade is None
    monkeypatch.undo()
    done = demo_station.workflow.complete(started.inspection.id, verdict, inspector)
    assert done.order.state is OrderState.INSPECTED


def test_a_multi_item_order_is_inspected_item_by_item(
    demo_station: app.Station, inspector: UserView
) -> None:
    order = order_in(demo_station, OrderState.RECEIVED, lines=2)
    first = demo_station.workflow.scan(order.rma_no, inspector)
    assert isinstance(first, InspectionStarted) and first.line.line_no == 1
    done = demo_station.workflow.complete(
        first.inspection.id, clean_verdict(demo_station, first), inspector
    )
    assert done.next_line is not None and done.next_line.line_no == 2
    assert done.order.state is OrderState.INSPECTING
    second = demo_station.workflow.next_line(order.id, inspector)
    assert isinstance(second, InspectionStarted) and second.line.line_no == 2
    final = demo_station.workflow.complete(
        second.inspection.id, clean_verdict(demo_station, second), inspector
    )
    assert final.next_line is None and final.order.state is OrderState.INSPECTED
    again = demo_station.workflow.scan(order.rma_no, inspector)
    assert isinstance(again, NotInspectable)


def test_a_completed_inspection_cannot_be_completed_twice(
    demo_station: app.Station, inspector: UserView
) -> None:
    order = order_in(demo_station, OrderState.RECEIVED)
    started = demo_station.workflow.scan(order.rma_no, inspector)
    assert isinstance(started, InspectionStarted)
    verdict = clean_verdict(demo_station, started)
    demo_station.workflow.complete(started.inspection.id, verdict, inspector)
    with pytest.raises(WorkflowError, match="already completed"):
        demo_station.workflow.complete(started.inspection.id, verdict, inspector)


def test_cancelling_puts_the_order_back(demo_station: app.Station, inspector: UserView) -> None:
    order = order_in(demo_station, OrderState.RECEIVED)
    started = demo_station.workflow.scan(order.rma_no, inspector)
    assert isinstance(started, InspectionStarted)
    view = demo_station.workflow.cancel(started.inspection.id, inspector, "wrong parcel")
    assert view.state is OrderState.RECEIVED
    restarted = demo_station.workflow.scan(order.rma_no, inspector)
    assert isinstance(restarted, InspectionStarted) and not restarted.resumed


def test_a_refusal_without_a_reason_is_not_a_verdict() -> None:
    with pytest.raises(ValueError, match="needs a reason"):
        Verdict(
            Grade.C, Disposition.RETURN_TO_CUSTOMER, RefundKind.NONE, 0, Responsibility.CUSTOMER
        )
    with pytest.raises(ValueError, match="override needs a reason"):
        Verdict(
            Grade.A,
            Disposition.RESTOCK,
            RefundKind.FULL,
            1,
            Responsibility.CUSTOMER,
            overridden=True,
        )


def test_the_inspection_records_the_template_version_it_used(
    demo_station: app.Station, inspector: UserView
) -> None:
    order = order_in(demo_station, OrderState.RECEIVED)
    started = demo_station.workflow.scan(order.rma_no, inspector)
    assert isinstance(started, InspectionStarted)
    template = started.checklist.template
    assert order.lines[0].category in {c.value for c in template.categories}
    row = demo_station.db.run(lambda s: s.get_one(Inspection, started.inspection.id))
    assert (row.template_id, row.template_version) == (template.id, template.version)


def test_answers_are_kept_and_come_back_on_resume(
    demo_station: app.Station, inspector: UserView
) -> None:
    order = order_in(demo_station, OrderState.RECEIVED)
    started = demo_station.workflow.scan(order.rma_no, inspector)
    assert isinstance(started, InspectionStarted)
    answers = good_answers(started.checklist)
    demo_station.workflow.save_answers(started.inspection.id, answers)
    again = demo_station.workflow.scan(order.rma_no, inspector)
    assert isinstance(again, InspectionStarted) and again.checklist.answers == answers


def test_completion_names_what_is_missing(demo_station: app.Station, inspector: UserView) -> None:
    order = order_in(demo_station, OrderState.RECEIVED)
    started = demo_station.workflow.scan(order.rma_no, inspector)
    assert isinstance(started, InspectionStarted)
    answers = good_answers(started.checklist)
    first_question = started.checklist.template.questions[0].id
    del answers[first_question]
    evaluation = started.checklist.evaluate(answers, photos={})
    verdict = decide(evaluation, started.checklist.template, started.line.amount_fen)
    with pytest.raises(IncompleteInspection) as info:
        demo_station.workflow.complete(started.inspection.id, verdict, inspector)
    assert [q.id for q in info.value.unanswered] == [first_question]
    assert PhotoKind.OVERVIEW in info.value.photos
    assert state_of(demo_station, order.id) == "inspecting"


def test_a_verdict_unlike_the_proposal_needs_an_override(
    demo_station: app.Station, inspector: UserView
) -> None:
    order = order_in(demo_station, OrderState.RECEIVED)
    started = demo_station.workflow.scan(order.rma_no, inspector)
    assert isinstance(started, InspectionStarted)
    accepted = clean_verdict(demo_station, started)
    tampered = dataclasses.replace(accepted, grade=Grade.D, disposition=Disposition.DESTROY)
    with pytest.raises(WorkflowError, match="override"):
        demo_station.workflow.complete(started.inspection.id, tampered, inspector)
    evaluation = started.checklist.evaluate(accepted.answers, photos={k: 1 for k in PhotoKind})
    overridden = decide(
        evaluation,
        started.checklist.template,
        started.line.amount_fen,
        Override(reason="包装内有霉斑", grade=Grade.D, disposition=Disposition.DESTROY),
    )
    done = demo_station.workflow.complete(started.inspection.id, overridden, inspector)
    row = demo_station.db.run(lambda s: s.get_one(Inspection, done.inspection.id))
    assert (row.grade, row.disposition, row.overridden, row.needs_review) == (
        "D",
        "destroy",
        True,
        True,
    )
    assert row.override_reason == "包装内有霉斑"
    assert row.proposal["grade"] == accepted.grade.value  # the proposal stays visible


def test_an_overridden_inspections_label_says_it_waits_for_review(
    demo_station: app.Station, inspector: UserView
) -> None:
    queue = demo_station.printing.queue
    queue.start()
    labels = []
    for override in (
        None,
        Override(reason="包装内有霉斑", grade=Grade.D, disposition=Disposition.DESTROY),
    ):
        order = order_in(demo_station, OrderState.RECEIVED)
        started = demo_station.workflow.scan(order.rma_no, inspector)
        assert isinstance(started, InspectionStarted)
        verdict = clean_verdict(demo_station, started)
        if override is not None:
            evaluation = started.checklist.evaluate(
                verdict.answers, photos={k: 1 for k in PhotoKind}
            )
            verdict = decide(
                evaluation, started.checklist.template, started.line.amount_fen, override
            )
        done = demo_station.workflow.complete(started.inspection.id, verdict, inspector)
        assert done.label is not None
        labels.append(done.label)
    assert queue.wait_idle(30)
    accepted, overridden = (
        pdf_text(demo_station.paths.labels / f"label-{label.id}.pdf") for label in labels
    )
    assert "待复核" not in accepted and "PENDING REVIEW" not in accepted
    assert "待复核 · PENDING REVIEW" in overridden


def test_a_label_is_queued_with_the_verdict_and_prints_when_the_queue_runs(
    demo_station: app.Station, inspector: UserView
) -> None:
    order = order_in(demo_station, OrderState.RECEIVED)
    started = demo_station.workflow.scan(order.rma_no, inspector)
    assert isinstance(started, InspectionStarted)
    done = demo_station.workflow.complete(
        started.inspection.id, clean_verdict(demo_station, started), inspector
    )
    assert done.label is not None and not done.label_error
    queue = demo_station.printing.queue
    queue.start()
    assert queue.wait_idle(30)
    pdf = demo_station.paths.labels / f"label-{done.label.id}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    kinds = demo_station.db.run(
        lambda s: [e.kind for e in s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq))]
    )
    assert kinds[-1] == "label.printed"
    again = demo_station.workflow.reprint(inspection_id=started.inspection.id, inspector=inspector)
    assert again.id == done.label.id
    assert queue.wait_idle(30)


@pytest.mark.parametrize("length", [PARCEL_CODE_MAX_CHARS - 1, PARCEL_CODE_MAX_CHARS])
def test_the_longest_code_a_parcel_may_have_gets_its_holding_label(
    demo_station: app.Station, inspector: UserView, length: int
) -> None:
    code = "QR-" + "7" * (length - 3)
    outcome = demo_station.workflow.scan(code, inspector)
    assert isinstance(outcome, ParcelUnmatched) and outcome.label is not None
    assert outcome.label.data.scanned_code == code


@pytest.mark.parametrize(
    ("length", "why"),
    [
        (PARCEL_CODE_MAX_CHARS + 1, "not a parcel's number"),
        (MAX_CODE_CHARS, "not a parcel's number"),
        (MAX_CODE_CHARS + 1, "a code has at most 200"),
        (512, "a code has at most 200"),
    ],
)
def test_a_code_longer_than_any_parcels_number_is_refused_before_anything_is_stored(
    demo_station: app.Station, inspector: UserView, length: int, why: str
) -> None:
    before = table_counts(demo_station)
    with pytest.raises(BadScan, match=why):
        demo_station.workflow.scan("QR-" + "7" * (length - 3), inspector)
    assert table_counts(demo_station) == before


def test_an_unmatched_parcel_gets_a_holding_label(
    demo_station: app.Station, inspector: UserView
) -> None:
    outcome = demo_station.workflow.scan("ZZ-NO-SUCH-PARCEL-1", inspector)
    assert isinstance(outcome, ParcelUnmatched) and outcome.label is not None
    assert outcome.label.kind == "holding"
    assert outcome.label.data.scanned_code == "ZZ-NO-SUCH-PARCEL-1"
