"""The override dialog worked as an inspector in gloves works it: keys only (arrows, a number
for the reason, Enter, Esc), words only for "other", and only verdicts that hold together."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QDialog

from station import app
from station.domain.labels import OverrideReason
from station.protocol.enums import Disposition, Grade, RefundKind, Responsibility
from station.qc.engine import Override
from station.qc.rules import FiredRule, Proposal
from station.store.models import Inspection
from station.ui.main_window import MainWindow
from station.ui.override_dialog import OverrideDialog
from tests.ui.test_checklist_view import photograph, press, scan, start

PRICE = 12_900
PROPOSAL = Proposal(
    Grade.A,
    Disposition.RESTOCK,
    RefundKind.FULL,
    PRICE,
    Responsibility.CUSTOMER,
    False,
    False,
    None,
    (FiredRule("clean_no_reason", "七天无理由退货，商品完好：全额退款", "No-reason return"),),
    frozenset(),
)


@pytest.fixture
def dialog(qtbot) -> OverrideDialog:
    shown = OverrideDialog(PROPOSAL, PRICE, language="en")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def key(qtbot, dialog: OverrideDialog, k: Qt.Key) -> None:
    """A key pressed where the focus is, as the keyboard would send it."""
    target = dialog.focusWidget() or dialog
    qtbot.keyClick(target, k)


def enabled(box: QComboBox) -> set[str]:
    model = box.model()
    assert isinstance(model, QStandardItemModel)
    return {box.itemData(row) for row in range(box.count()) if model.item(row).isEnabled()}


def test_arrows_a_number_and_enter_make_an_override(qtbot, dialog: OverrideDialog) -> None:
    assert dialog.focusWidget() is dialog.grade
    key(qtbot, dialog, Qt.Key.Key_Down)  # A → B
    key(qtbot, dialog, Qt.Key.Key_1)  # tags removed
    assert dialog.code is OverrideReason.TAGS_REMOVED
    assert dialog.grade.currentData() == "B"  # the digit chose the reason, not a grade
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.override() == Override("", grade=Grade.B, code=OverrideReason.TAGS_REMOVED)


def test_escape_leaves_without_an_override(qtbot, dialog: OverrideDialog) -> None:
    key(qtbot, dialog, Qt.Key.Key_Down)
    key(qtbot, dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_other_asks_for_words_and_digits_in_the_words_are_words(
    qtbot, dialog: OverrideDialog
) -> None:
    key(qtbot, dialog, Qt.Key.Key_Down)
    key(qtbot, dialog, Qt.Key.Key_8)  # other
    assert dialog.code is OverrideReason.OTHER and dialog.focusWidget() is dialog.reason
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "other" in dialog.problem.text()
    qtbot.keyClicks(dialog.reason, "seam 2 cm")
    assert dialog.reason.text() == "seam 2 cm" and dialog.code is OverrideReason.OTHER
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.override().reason == "seam 2 cm"


def test_without_a_reason_or_a_change_nothing_is_taken(qtbot, dialog: OverrideDialog) -> None:
    key(qtbot, dialog, Qt.Key.Key_3)
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.text() == "Nothing was changed."
    dialog.reasons.clearSelection()
    dialog.grade.setFocus()
    key(qtbot, dialog, Qt.Key.Key_Down)
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "press its number" in dialog.problem.text()
    assert dialog.focusWidget() is dialog.reasons


def test_only_verdicts_that_hold_are_offered(qtbot, dialog: OverrideDialog) -> None:
    assert "restock_open_box" not in enabled(dialog.disposition)  # not with grade A
    assert enabled(dialog.refund_kind) == {"full"}  # as new, less refunded: explain it first
    key(qtbot, dialog, Qt.Key.Key_5)  # the customer's photos explain it
    assert enabled(dialog.refund_kind) == {"full", "partial", "none"}
    dialog.refund_kind.setFocus()
    key(qtbot, dialog, Qt.Key.Key_End)  # no refund
    # an item whose refund is refused goes back to the customer; nothing is refunded
    assert dialog.disposition.currentData() == "return_to_customer"
    assert dialog.refund.value() == 0 and not dialog.refund.isEnabled()
    assert dialog.problem.text() == ""
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    override = dialog.override()
    assert (override.refund_kind, override.disposition, override.refund_fen) == (
        RefundKind.NONE,
        Disposition.RETURN_TO_CUSTOMER,
        0,
    )


def test_an_unsellable_grade_takes_the_item_off_the_shelf(qtbot, dialog: OverrideDialog) -> None:
    dialog.grade.setFocus()
    key(qtbot, dialog, Qt.Key.Key_End)  # D
    assert dialog.disposition.currentData() == "destroy"
    assert not {"restock", "restock_open_box"} & enabled(dialog.disposition)


def test_a_combination_typed_past_the_form_is_refused_in_the_dialogs_language(qtbot) -> None:
    dialog = OverrideDialog(PROPOSAL, PRICE, language="zh_CN")
    qtbot.addWidget(dialog)
    assert "吊牌已拆" in dialog.reasons.item(0).text()  # the reasons in the inspector's language
    dialog.choose_reason(OverrideReason.TAGS_REMOVED)
    dialog.disposition.setCurrentIndex(dialog.disposition.findData("restock_open_box"))
    dialog.grade.blockSignals(True)  # as if the form had not followed
    dialog.grade.setCurrentIndex(0)
    dialog.grade.blockSignals(False)
    dialog.buttons.accepted.emit()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "不能作开箱品" in dialog.problem.text()


def test_hostile_words_are_refused(qtbot, dialog: OverrideDialog) -> None:
    key(qtbot, dialog, Qt.Key.Key_Down)
    dialog.choose_reason(OverrideReason.OTHER)
    dialog.reason.setText("\u202e好评返现")
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "control characters" in dialog.problem.text()


def test_the_amount_takes_its_digits(qtbot, dialog: OverrideDialog) -> None:
    dialog.choose_reason(OverrideReason.TAGS_REMOVED)
    dialog.refund_kind.setCurrentIndex(dialog.refund_kind.findData("partial"))
    dialog.refund.setFocus()
    dialog.refund.selectAll()
    qtbot.keyClicks(dialog.refund, "100")
    assert dialog.refund.value() == 100 and dialog.code is OverrideReason.TAGS_REMOVED


def test_the_override_chosen_by_keys_is_stored_with_its_code(
    qtbot, logged_in: MainWindow, demo_station: app.Station, monkeypatch
) -> None:
    bench = logged_in.bench
    order, started = start(qtbot, logged_in, demo_station)
    scan(qtbot, logged_in, order.lines[0].ean)
    press(qtbot, logged_in, "\r")
    press(qtbot, logged_in, "\r")
    photograph(qtbot, logged_in, demo_station, started)

    def by_keys(cls, proposal, amount_fen, *, language, parent):  # type: ignore[no-untyped-def]
        dialog = cls(proposal, amount_fen, language=language, parent=parent)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClick(dialog.grade, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.grade, Qt.Key.Key_1)
        qtbot.keyClick(dialog.grade, Qt.Key.Key_Return)
        assert dialog.result() == QDialog.DialogCode.Accepted
        return dialog.override()

    monkeypatch.setattr(OverrideDialog, "ask", classmethod(by_keys))
    with qtbot.waitSignal(bench.completed, timeout=10_000) as done:
        qtbot.keyClick(bench.checklist, Qt.Key.Key_F2)
    row = demo_station.db.run(lambda s: s.get_one(Inspection, done.args[0].inspection.id))
    assert (row.grade, row.overridden, row.needs_review) == ("B", True, True)
    assert (row.override_code, row.override_reason) == ("tags_removed", "吊牌已拆 / Tags removed")
    assert done.args[0].label is not None and done.args[0].label.data.pending_review
