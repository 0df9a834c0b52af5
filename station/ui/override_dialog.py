"""Overriding a proposed verdict: any field, with a reason that cannot be left out."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from station.domain.labels import Language
from station.protocol.enums import Disposition, Grade, RefundKind, Responsibility
from station.qc.engine import Override
from station.qc.rules import Proposal
from station.ui.widgets import code_combo, text_label, vbox

E = TypeVar("E", bound=StrEnum)


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
        self.grade = self._combo(Grade, proposal.grade, language)
        self.disposition = self._combo(Disposition, proposal.disposition, language)
        self.refund_kind = self._combo(RefundKind, proposal.refund_kind, language)
        self.responsibility = self._combo(Responsibility, proposal.responsibility, language)
        self.refund = QDoubleSpinBox()
        self.refund.setRange(0, amount_fen / 100)
        self.refund.setDecimals(2)
        self.refund.setPrefix("¥")
        self.refund.setValue(proposal.refund_fen / 100)
        self.reason = QLineEdit()
        self.reason.setObjectName("overrideReason")
        self.reason.setMaxLength(300)
        self.reason.setPlaceholderText(self.tr("Why (required, the supervisor reads it)"))
        self.problem = text_label(name="loginMessage")
        form = QFormLayout()
        form.addRow(self.tr("Grade"), self.grade)
        form.addRow(self.tr("Disposition"), self.disposition)
        form.addRow(self.tr("Refund"), self.refund_kind)
        form.addRow(self.tr("Amount"), self.refund)
        form.addRow(self.tr("Responsibility"), self.responsibility)
        form.addRow(self.tr("Reason"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        vbox(form, self.problem, self.buttons, parent=self)
        self.refund_kind.currentIndexChanged.connect(self._refund_kind_changed)
        self.reason.setFocus()

    @staticmethod
    def _combo(codes: type[E], current: E, language: Language) -> QComboBox:
        box = code_combo(codes, language)
        box.setCurrentIndex(box.findData(current.value))
        return box

    @staticmethod
    def _value(box: QComboBox, kind: type[E]) -> E:
        """Qt hands item data back as a plain str; turn it back into the enum."""
        return kind(box.currentData())

    def _refund_kind_changed(self) -> None:
        kind = self._value(self.refund_kind, RefundKind)
        if kind is RefundKind.FULL:
            self.refund.setValue(self._amount_fen / 100)
        elif kind is RefundKind.NONE:
            self.refund.setValue(0)

    def override(self) -> Override:
        """The fields that differ from the proposal, and the reason."""
        p = self._proposal
        grade = self._value(self.grade, Grade)
        disposition = self._value(self.disposition, Disposition)
        refund_kind = self._value(self.refund_kind, RefundKind)
        refund_fen = round(self.refund.value() * 100)
        responsibility = self._value(self.responsibility, Responsibility)
        return Override(
            reason=self.reason.text().strip(),
            grade=grade if grade is not p.grade else None,
            disposition=disposition if disposition is not p.disposition else None,
            refund_kind=refund_kind if refund_kind is not p.refund_kind else None,
            refund_fen=refund_fen if refund_fen != p.refund_fen else None,
            responsibility=responsibility if responsibility is not p.responsibility else None,
        )

    def _try_accept(self) -> None:
        override = self.override()
        if not override.fields:
            self.problem.setText(self.tr("Nothing was changed."))
        elif not override.reason:
            self.problem.setText(self.tr("An override needs a reason."))
            self.reason.setFocus()
        else:
            self.accept()

    @classmethod
    def ask(
        cls, proposal: Proposal, amount_fen: int, *, language: Language, parent: QWidget | None
    ) -> Override | None:
        """Show the dialog; tests replace this classmethod."""
        dialog = cls(proposal, amount_fen, language=language, parent=parent)
        return dialog.override() if dialog.exec() == QDialog.DialogCode.Accepted else None
