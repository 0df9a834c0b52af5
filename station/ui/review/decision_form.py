"""The decision form: a reason that cannot be left out, and the verdict's fields to change.

Alt+A approves the verdict as it stands; Alt+O overturns it with the fields as set here;
Ctrl+Enter does whichever fits (overturn when a field differs, else approve).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QLineEdit,
    QWidget,
)

from station.domain.labels import Language
from station.domain.outcome import Outcome
from station.domain.text import MAX_REASON
from station.protocol.enums import Disposition, Grade, RefundKind, Responsibility
from station.review.decisions import DecisionRequest
from station.ui.widgets import STRETCH, code_combo, hbox, push_button, select_data, text_label, vbox


class DecisionForm(QFrame):
    submitted = Signal(object)  # DecisionRequest

    def __init__(self, *, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionForm")
        self._current = Outcome()
        self._amount_fen: int | None = None
        self.heading = text_label(self.tr("Decision"), name="sectionHeading")
        self.reason = QLineEdit()
        self.reason.setObjectName("decisionReason")
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(
            self.tr("Reason (required): what the evidence shows, why the verdict stands or changes")
        )
        self.grade = code_combo(Grade, language)
        self.disposition = code_combo(Disposition, language)
        self.refund_kind = code_combo(RefundKind, language)
        self.responsibility = code_combo(Responsibility, language)
        self.responsibility.insertItem(0, self.tr("(unchanged)"), None)
        self.refund = QDoubleSpinBox()
        self.refund.setDecimals(2)
        self.refund.setPrefix("¥")
        self.refund.setMaximum(10_000_000)
        self.refund.setGroupSeparatorShown(True)
        self.refund_kind.currentIndexChanged.connect(self._refund_kind_changed)
        self.approve = push_button(
            self.tr("&Approve verdict"),
            name="approveButton",
            clicked=lambda: self.submit(approve=True),
        )
        self.overturn = push_button(
            self.tr("&Overturn with these fields"),
            name="overturnButton",
            clicked=lambda: self.submit(approve=False),
        )
        self.problem = text_label(name="formProblem", wrap=True)
        hint = text_label(
            self.tr("Alt+A approve · Alt+O overturn · Ctrl+Enter either"), name="stepHint"
        )

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        pairs = (
            (self.tr("Grade"), self.grade, 0, 0),
            (self.tr("Disposition"), self.disposition, 0, 1),
            (self.tr("Responsibility"), self.responsibility, 0, 2),
            (self.tr("Refund"), self.refund_kind, 2, 0),
            (self.tr("Amount"), self.refund, 2, 1),
        )
        for caption, widget, row, column in pairs:
            grid.addWidget(text_label(caption, name="fieldCaption"), row, column)
            grid.addWidget(widget, row + 1, column)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        vbox(
            hbox(self.heading, STRETCH, hint),
            self.reason,
            grid,
            self.problem,
            hbox(STRETCH, self.approve, self.overturn),
            margins=(10, 8, 10, 8),
            spacing=6,
            parent=self,
        )
        self.reason.returnPressed.connect(self.submit_either)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit_either)
        self.set_current(None, None)

    # -- state -------------------------------------------------------------------------------

    def set_current(self, outcome: Outcome | None, amount_fen: int | None) -> None:
        """The verdict to decide on (None: nothing decidable is selected)."""
        self._current = outcome or Outcome()
        self._amount_fen = amount_fen
        self.reason.clear()
        self.show_problem("")
        for box, value in (
            (self.grade, outcome.grade if outcome else None),
            (self.disposition, outcome.disposition if outcome else None),
            (self.refund_kind, outcome.refund_kind if outcome else None),
            (self.responsibility, outcome.responsibility if outcome else None),
        ):
            box.blockSignals(True)
            select_data(box, value.value if value else None)
            box.blockSignals(False)
        ceiling = amount_fen if amount_fen is not None else 10_000_000_00
        self.refund.setMaximum(ceiling / 100)
        self.refund.setValue((outcome.refund_fen or 0) / 100 if outcome else 0)
        enabled = outcome is not None
        for widget in (
            self.reason,
            self.grade,
            self.disposition,
            self.refund_kind,
            self.refund,
            self.responsibility,
            self.approve,
            self.overturn,
        ):
            widget.setEnabled(enabled)

    def _refund_kind_changed(self) -> None:
        kind = RefundKind(self.refund_kind.currentData())
        if kind is RefundKind.FULL and self._amount_fen is not None:
            self.refund.setValue(self._amount_fen / 100)
        elif kind is RefundKind.NONE:
            self.refund.setValue(0)

    def changes(self) -> DecisionRequest:
        """The fields that differ from the current verdict (reason not checked here)."""
        c = self._current
        grade = Grade(self.grade.currentData())
        disposition = Disposition(self.disposition.currentData())
        kind = RefundKind(self.refund_kind.currentData())
        fen = round(self.refund.value() * 100)
        data = self.responsibility.currentData()
        responsibility = Responsibility(data) if data else None
        refund_changed = kind is not c.refund_kind or fen != (c.refund_fen or 0)
        unknown_amount = kind is RefundKind.FULL and self._amount_fen is None
        return DecisionRequest(
            reason=self.reason.text(),
            grade=grade if grade is not c.grade else None,
            disposition=disposition if disposition is not c.disposition else None,
            refund_kind=kind if refund_changed else None,
            # another station's full refund: its amount is known there, not here
            refund_fen=fen if refund_changed and not unknown_amount else None,
            responsibility=responsibility if responsibility is not c.responsibility else None,
        )

    # -- submitting --------------------------------------------------------------------------

    def submit_either(self) -> None:
        self.submit(approve=not self.changes().given())

    def submit(self, *, approve: bool) -> None:
        if not self.approve.isEnabled():
            return
        request = self.changes()
        if not request.reason.strip():
            self.show_problem(self.tr("A decision needs a reason. Type it first."))
            self.reason.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        if approve:
            if request.given():
                self.show_problem(
                    self.tr("You changed fields: overturn (Alt+O), or set them back to approve.")
                )
                return
            request = DecisionRequest(reason=request.reason, approve=True)
        elif not request.given():
            self.show_problem(self.tr("Nothing is changed: approve (Alt+A) instead."))
            return
        self.show_problem("")
        self.submitted.emit(request)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
