"""Overriding a proposed verdict, gloves on: the reason chosen by its number key, words only
for "other", Enter to take it and Esc to leave; only combinations that hold together are on
offer (the rules are the engine's: :mod:`station.qc.overrides`)."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from station.domain.labels import Language, OverrideReason, label
from station.protocol.enums import Disposition, Grade, RefundKind, Responsibility
from station.qc.engine import Override, OverrideError, check_override
from station.qc.overrides import (
    MAX_OVERRIDE_TEXT,
    Choice,
    Field,
    Offered,
    offered,
    problem,
    settle,
)
from station.qc.rules import Proposal
from station.ui.texts import arg
from station.ui.widgets import code_combo, text_label, vbox

E = TypeVar("E", bound=StrEnum)
REASONS = tuple(OverrideReason)  # number key n chooses REASONS[n - 1]
_DIGITS = {Qt.Key.Key_1.value + n: code for n, code in enumerate(REASONS)}


class OverrideDialog(QDialog):
    def __init__(
        self,
        proposal: Proposal,
        amount_fen: int,
        *,
        language: Language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Override the verdict"))
        self._proposal = proposal
        self._amount_fen = amount_fen
        self._language = language
        self.summary = text_label(
            arg(self.tr("Proposed: %1"), self._describe(Choice.of(proposal))), wrap=True
        )
        self.reasons = QListWidget()
        self.reasons.setObjectName("overrideReasons")
        self.reasons.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for n, code in enumerate(REASONS, start=1):
            item = QListWidgetItem(f"{n}   {label(code, language)}")
            item.setData(Qt.ItemDataRole.UserRole, code.value)
            self.reasons.addItem(item)
        self.reasons.setCurrentRow(-1)
        rows = self.reasons.sizeHintForRow(0) * len(REASONS)
        self.reasons.setFixedHeight(rows + 2 * self.reasons.frameWidth())
        self.grade = self._combo(Grade, proposal.grade)
        self.disposition = self._combo(Disposition, proposal.disposition)
        self.refund_kind = self._combo(RefundKind, proposal.refund_kind)
        self.responsibility = self._combo(Responsibility, proposal.responsibility)
        self.refund = QDoubleSpinBox()
        self.refund.setRange(0, amount_fen / 100)
        self.refund.setDecimals(2)
        self.refund.setPrefix("¥")
        self.refund.setValue(proposal.refund_fen / 100)
        self.reason = QLineEdit()
        self.reason.setObjectName("overrideReason")
        self.reason.setMaxLength(MAX_OVERRIDE_TEXT)
        self.reason.setPlaceholderText(self.tr("Optional; needed for Other"))
        self.problem = text_label(name="loginMessage", wrap=True)
        form = QFormLayout()
        form.addRow(self.tr("Grade"), self.grade)
        form.addRow(self.tr("Disposition"), self.disposition)
        form.addRow(self.tr("Refund"), self.refund_kind)
        form.addRow(self.tr("Amount"), self.refund)
        form.addRow(self.tr("Responsibility"), self.responsibility)
        form.addRow(self.tr("Reason (press its number)"), self.reasons)
        form.addRow(self.tr("Words"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        vbox(self.summary, form, self.problem, self.buttons, parent=self)
        # digits choose the reason wherever the focus is, except where digits are typed
        for widget in (
            self,
            self.reasons,
            self.grade,
            self.disposition,
            self.refund_kind,
            self.responsibility,
        ):
            widget.installEventFilter(self)
        self.reasons.currentRowChanged.connect(lambda _row: self._refresh())
        self.grade.currentIndexChanged.connect(lambda _i: self._changed("grade"))
        self.disposition.currentIndexChanged.connect(lambda _i: self._changed("disposition"))
        self.refund_kind.currentIndexChanged.connect(lambda _i: self._changed("refund_kind"))
        self.responsibility.currentIndexChanged.connect(lambda _i: self._refresh())
        self.refund.valueChanged.connect(lambda _v: self._refresh())
        self._refresh()
        self.grade.setFocus()

    # -- what the form holds ------------------------------------------------------------------

    def _combo(self, codes: type[E], current: E) -> QComboBox:
        box = code_combo(codes, self._language)
        box.setCurrentIndex(box.findData(current.value))
        return box

    @staticmethod
    def _value(box: QComboBox, kind: type[E]) -> E:
        """Qt hands item data back as a plain str; turn it back into the enum."""
        return kind(box.currentData())

    @property
    def code(self) -> OverrideReason | None:
        """The reason chosen; typing words without choosing one means "other"."""
        item = self.reasons.currentItem()
        if item is not None and item.isSelected():
            return OverrideReason(item.data(Qt.ItemDataRole.UserRole))
        return OverrideReason.OTHER if self.reason.text().strip() else None

    def choice(self) -> Choice:
        return Choice(
            grade=self._value(self.grade, Grade),
            disposition=self._value(self.disposition, Disposition),
            refund_kind=self._value(self.refund_kind, RefundKind),
            refund_fen=round(self.refund.value() * 100),
            responsibility=self._value(self.responsibility, Responsibility),
        )

    def override(self) -> Override:
        """The fields that differ from the proposal, the reason code and the words."""
        p, c = self._proposal, self.choice()
        return Override(
            reason=self.reason.text().strip(),
            code=self.code or OverrideReason.OTHER,
            grade=c.grade if c.grade is not p.grade else None,
            disposition=c.disposition if c.disposition is not p.disposition else None,
            refund_kind=c.refund_kind if c.refund_kind is not p.refund_kind else None,
            refund_fen=c.refund_fen if c.refund_fen != p.refund_fen else None,
            responsibility=c.responsibility if c.responsibility is not p.responsibility else None,
        )

    def _describe(self, choice: Choice) -> str:
        parts = (label(choice.grade, self._language), label(choice.disposition, self._language))
        refund = f"{label(choice.refund_kind, self._language)} ¥{choice.refund_fen / 100:.2f}"
        return " · ".join((*parts, refund))

    # -- keeping it consistent ----------------------------------------------------------------

    def choose_reason(self, code: OverrideReason) -> None:
        self.reasons.setCurrentRow(REASONS.index(code))
        if code is OverrideReason.OTHER and not self.reason.text().strip():
            self.reason.setFocus()  # the one reason that needs words

    def _changed(self, field: Field) -> None:
        """One field changed: what follows from it follows."""
        settled = settle(self.choice(), field, self._proposal, self._amount_fen)
        self._show(settled)
        self._refresh()

    def _show(self, choice: Choice) -> None:
        boxes = (
            (self.grade, choice.grade),
            (self.disposition, choice.disposition),
            (self.refund_kind, choice.refund_kind),
        )
        for box, value in boxes:
            box.blockSignals(True)
            box.setCurrentIndex(box.findData(value.value))
            box.blockSignals(False)
        self.refund.blockSignals(True)
        self.refund.setValue(choice.refund_fen / 100)
        self.refund.blockSignals(False)

    def _refresh(self) -> None:
        """Offer only what holds with the rest; say what does not hold now."""
        choice, code = self.choice(), self.code
        fields: tuple[tuple[QComboBox, Offered], ...] = (
            (self.grade, "grade"),
            (self.disposition, "disposition"),
            (self.refund_kind, "refund_kind"),
            (self.responsibility, "responsibility"),
        )
        for box, field in fields:
            allowed = {
                v.value for v in offered(field, choice, code, self._proposal, self._amount_fen)
            }
            model = box.model()
            assert isinstance(model, QStandardItemModel)
            for row in range(box.count()):
                item = model.item(row)
                if item is not None:
                    item.setEnabled(box.itemData(row) in allowed)
        self.refund.setEnabled(choice.refund_kind is RefundKind.PARTIAL)
        wrong = problem(choice, code, self._proposal)
        self.problem.setText(wrong.message(self._language) if wrong is not None else "")

    def _try_accept(self) -> None:
        override = self.override()
        if not override.fields:
            self.problem.setText(self.tr("Nothing was changed."))
            return
        if self.code is None:
            self.problem.setText(self.tr("An override needs a reason: press its number."))
            self.reasons.setFocus()
            return
        try:
            check_override(self._proposal, self._amount_fen, override)
        except OverrideError as exc:
            self.problem.setText(exc.message(self._language))
            if self.code is OverrideReason.OTHER:
                self.reason.setFocus()
            return
        self.accept()

    # -- keys ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            code = _DIGITS.get(event.key())
            if plain and code is not None:
                self.choose_reason(code)
                return True
        return super().eventFilter(watched, event)

    @classmethod
    def ask(
        cls, proposal: Proposal, amount_fen: int, *, language: Language, parent: QWidget | None
    ) -> Override | None:
        """Show the dialog; tests replace this classmethod."""
        dialog = cls(proposal, amount_fen, language=language, parent=parent)
        return dialog.override() if dialog.exec() == QDialog.DialogCode.Accepted else None
