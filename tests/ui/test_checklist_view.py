"""The checklist at the bench, driven the way an inspector drives it: scanner and keys."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select

from station import app
from station.capture.classify import Command, command_payload
from station.domain.records import OrderView
from station.protocol.enums import Grade, RefundKind, ReturnReason
from station.qc.engine import Override
from station.store.models import Inspection, ReturnOrder
from station.store.queries import order_view
from station.ui.main_window import MainWindow
from station.ui.override_dialog import OverrideDialog
from station.workflow import InspectionStarted
from tests.helpers import frame
from tests.ui.conftest import type_by_hand, type_keys


def find_order(station: app.Station, category: str, *, no_reason: bool = True) -> OrderView:
    reasons = {ReturnReason.NO_REASON_7D.value, ReturnReason.SIZE_FIT.value}

    def work(s):
        for order in s.scalars(
            select(ReturnOrder).where(ReturnOrder.state == "received").order_by(ReturnOrder.id)
        ):
            view = order_view(order)
            fresh = view.requested_on - view.customer_received_on <= timedelta(days=5)
            if (
                len(view.lines) == 1
                and view.lines[0].category.value == category
                and (view.reason.value in reasons) == no_reason
                and fresh
                and view.lines[0].unit_price_fen < 300_000
            ):
                return view
        raise AssertionError(f"no received {category} order in the demo data")

    return station.db.run(work)


def scan(qtbot, window: MainWindow, code: str) -> object:
    with qtbot.waitSignal(window.bench.scan_handled, timeout=10_000) as signal:
        type_keys(window, code)
    return signal.args[0]


def press(qtbot, window: MainWindow, key: str) -> None:
    """A key pressed by a person (so the scanner filter passes it straight on)."""
    if key.isprintable():
        type_by_hand(window, key, enter=False)
    else:
        qtbot.keyClick(window.bench.checklist, key)


def start(qtbot, window: MainWindow, station: app.Station, category: str = "apparel"):
    order = find_order(station, category)
    outcome = scan(qtbot, window, order.rma_no)
    assert isinstance(outcome, InspectionStarted)
    return order, outcome


def photograph(qtbot, window: MainWindow, station: app.Station, started) -> None:
    """Take the photos the verdict still needs, the way the inspector does: choose the kind,
    press the photo key (F9 / pedal / PHOTO card) with the camera's frame in view."""
    bench = window.bench
    missing = list(bench.checklist.model.evaluation.missing_photos)
    for n, kind in enumerate(missing):
        bench.session.frames = lambda n=n: frame(1000 + n)
        bench.photo_strip.choose(kind)
        with qtbot.waitSignal(bench.photos_shown, timeout=10_000):
            qtbot.keyClick(bench, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not bench.checklist.model.evaluation.missing_photos, timeout=10_000)


def test_a_clean_apparel_return_takes_five_scans_and_keys(
    qtbot, logged_in: MainWindow, demo_station: app.Station
) -> None:
    bench = logged_in.bench
    inputs = 0
    order, started = start(qtbot, logged_in, demo_station)
    inputs += 1
    assert bench.checklist.heading.text().startswith("Step 1 of 3")
    assert bench.checklist.hasFocus()
    scan(qtbot, logged_in, order.lines[0].ean)  # the tag's barcode answers the scan-match
    inputs += 1
    assert bench.checklist.heading.text().startswith("Step 2 of 3")
    press(qtbot, logged_in, "\r")  # condition: all fine
    inputs += 1
    press(qtbot, logged_in, "\r")  # packaging: all fine
    inputs += 1
    assert bench.checklist.model.on_confirm_page
    assert "photos: Overview" in bench.verdict.missing.text()
    photograph(qtbot, logged_in, demo_station, started)
    assert bench.verdict.grade.text() == "A as new"
    assert "Full refund" in bench.verdict.refund.text()
    with qtbot.waitSignal(bench.completed, timeout=10_000) as done:
        press(qtbot, logged_in, "\r")  # accept
    inputs += 1
    assert inputs <= 6
    completion = done.args[0]
    assert completion.inspection.grade is Grade.A
    assert completion.inspection.refund_kind is RefundKind.FULL
    assert "Done" in bench.notice.text() and not bench.checklist.active
    row = demo_station.db.run(lambda s: s.get_one(Inspection, started.inspection.id))
    assert row.state == "completed" and row.answers["tags_attached"] is True
    assert row.template_id == "apparel"


def test_a_problem_changes_the_proposal_live(
    qtbot, logged_in: MainWindow, demo_station: app.Station
) -> None:
    bench = logged_in.bench
    order, _ = start(qtbot, logged_in, demo_station)
    scan(qtbot, logged_in, order.lines[0].ean)
    assert bench.verdict.grade.text() == "A as new"
    press(qtbot, logged_in, "1")  # tags attached? → No
    assert bench.checklist.model.answers["tags_attached"] is False
    assert bench.verdict.grade.text() == "B open box"
    assert "Partial refund" in bench.verdict.refund.text()
    assert "tags removed" in bench.verdict.reasons.text()
    press(qtbot, logged_in, "2")  # wear: none → light
    assert bench.checklist.model.answers["wear"] == "light"
    press(qtbot, logged_in, " ")  # FAIL on the highlighted question steps its answer on
    assert bench.checklist.model.answers["wear"] == "heavy"
    assert bench.checklist.model.current == 2  # and moves to the next question
    assert "No refund" in bench.verdict.refund.text()  # heavy wear refuses a no-reason return


def test_the_wrong_item_in_the_parcel_is_flagged_at_once(
    qtbot, logged_in: MainWindow, demo_station: app.Station
) -> None:
    bench = logged_in.bench
    start(qtbot, logged_in, demo_station)
    scan(qtbot, logged_in, "6900000000002")
    assert bench.notice.tone == "error" and "does not match" in bench.notice.text()
    assert "No refund" in bench.verdict.refund.text()
    assert "Supervisor review" in bench.verdict.flags.text()
    assert "suspected swap" in bench.verdict.reasons.text()
    assert bench.checklist.heading.text().startswith("Step 1")  # stays to let them rescan


def test_command_cards_drive_the_checklist(
    qtbot, logged_in: MainWindow, demo_station: app.Station
) -> None:
    bench = logged_in.bench
    order, started = start(qtbot, logged_in, demo_station)
    scan(qtbot, logged_in, order.lines[0].ean)
    assert scan(qtbot, logged_in, command_payload(Command.FAIL)) is Command.FAIL
    assert bench.checklist.model.answers["tags_attached"] is False
    scan(qtbot, logged_in, command_payload(Command.BACK))
    scan(qtbot, logged_in, command_payload(Command.FAIL))  # flips it back
    assert bench.checklist.model.answers["tags_attached"] is True
    scan(qtbot, logged_in, command_payload(Command.PASS))
    scan(qtbot, logged_in, command_payload(Command.PASS))
    photograph(qtbot, logged_in, demo_station, started)
    with qtbot.waitSignal(bench.completed, timeout=10_000):
        scan(qtbot, logged_in, command_payload(Command.PASS))


def test_a_required_scan_cannot_be_passed_over(
    qtbot, logged_in: MainWindow, demo_station: app.Station
) -> None:
    bench = logged_in.bench
    start(qtbot, logged_in, demo_station)
    press(qtbot, logged_in, "\r")
    assert bench.checklist.heading.text().startswith("Step 1")
    assert "Answer first" in bench.notice.text()


def test_answers_survive_a_rescan(qtbot, logged_in: MainWindow, demo_station: app.Station) -> None:
    bench = logged_in.bench
    order, started = start(qtbot, logged_in, demo_station)
    scan(qtbot, logged_in, order.lines[0].ean)
    press(qtbot, logged_in, "1")
    qtbot.waitUntil(
        lambda: (
            demo_station.db.run(
                lambda s: s.get_one(Inspection, started.inspection.id).answers.get("tags_attached")
            )
            is False
        )
    )
    again = scan(qtbot, logged_in, order.rma_no)
    assert isinstance(again, InspectionStarted) and again.resumed
    assert bench.checklist.model.answers["tags_attached"] is False
    assert bench.checklist.heading.text().startswith("Step 2")


def test_an_override_needs_a_reason_and_goes_to_review(
    qtbot, logged_in: MainWindow, demo_station: app.Station, monkeypatch
) -> None:
    bench = logged_in.bench
    order, started = start(qtbot, logged_in, demo_station)
    scan(qtbot, logged_in, order.lines[0].ean)
    press(qtbot, logged_in, "\r")
    press(qtbot, logged_in, "\r")
    photograph(qtbot, logged_in, demo_station, started)
    monkeypatch.setattr(
        OverrideDialog,
        "ask",
        classmethod(lambda cls, *a, **k: Override(reason="领口有线头", grade=Grade.B)),
    )
    with qtbot.waitSignal(bench.completed, timeout=10_000) as done:
        qtbot.keyClick(bench.checklist, Qt.Key.Key_F2)
    row = demo_station.db.run(lambda s: s.get_one(Inspection, done.args[0].inspection.id))
    assert (row.grade, row.overridden, row.needs_review) == ("B", True, True)
    assert row.override_reason == "领口有线头" and row.proposal["grade"] == "A"


def test_the_override_dialog_refuses_without_a_reason(qtbot, demo_station) -> None:
    from station.protocol.enums import Disposition, Responsibility
    from station.qc.rules import FiredRule, Proposal

    proposal = Proposal(
        Grade.A,
        Disposition.RESTOCK,
        RefundKind.FULL,
        10_000,
        Responsibility.CUSTOMER,
        False,
        False,
        None,
        (FiredRule("clean_no_reason", "x", "x"),),
        frozenset(),
    )
    dialog = OverrideDialog(proposal, 10_000, language="en")
    qtbot.addWidget(dialog)
    dialog.grade.setCurrentIndex(2)
    dialog.buttons.accepted.emit()
    assert dialog.result() == 0 and "needs a reason" in dialog.problem.text()
    dialog.reason.setText("拉链坏")  # words alone are the reason "other"
    dialog.refund_kind.setCurrentIndex(2)  # none: the amount and the disposition follow
    assert dialog.refund.value() == 0
    override = dialog.override()
    assert override.grade is Grade.C and override.refund_kind is RefundKind.NONE
    assert set(override.fields) == {"grade", "disposition", "refund_kind", "refund_fen"}
    dialog.buttons.accepted.emit()
    assert dialog.result() == 1


def test_cancel_needs_the_card_twice(
    qtbot, logged_in: MainWindow, demo_station: app.Station
) -> None:
    bench = logged_in.bench
    order, _ = start(qtbot, logged_in, demo_station)
    scan(qtbot, logged_in, command_payload(Command.CANCEL))
    assert bench.checklist.active and "again" in bench.notice.text()
    scan(qtbot, logged_in, command_payload(Command.CANCEL))
    qtbot.waitUntil(lambda: "cancelled" in bench.notice.text(), timeout=10_000)
    assert not bench.checklist.active
    state = demo_station.db.run(lambda s: s.get_one(ReturnOrder, order.id).state)
    assert state == "received"


def test_an_item_barcode_without_a_parcel_is_explained(qtbot, logged_in: MainWindow) -> None:
    scan(qtbot, logged_in, "6901234567892")
    assert "item barcode" in logged_in.bench.notice.text()


def test_the_card_shows_the_window(qtbot, logged_in: MainWindow, demo_station) -> None:
    start(qtbot, logged_in, demo_station)
    assert "no-reason window" in logged_in.bench.card.window_line.text()
