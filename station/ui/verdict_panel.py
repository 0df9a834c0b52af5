"""The proposed verdict, live, with the reasons behind it and what is still missing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from station.domain.enums import RefundKind
from station.domain.labels import Language, label
from station.qc.engine import Evaluation
from station.ui.order_card import yuan
from station.ui.widgets import set_tone

_GRADE_TONE = {"A": "ok", "B": "info", "C": "warn", "D": "bad"}


class VerdictPanel(QFrame):
    def __init__(self, parent: QWidget | None = None, *, language: Language = "zh_CN") -> None:
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self.language: Language = language
        caption = QLabel(self.tr("Proposed verdict"))
        caption.setObjectName("fieldCaption")
        self.grade = QLabel()
        self.grade.setObjectName("gradeBadge")
        self.grade.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grade.setMinimumWidth(120)
        self.disposition = QLabel()
        self.disposition.setObjectName("verdictLine")
        self.refund = QLabel()
        self.refund.setObjectName("verdictLine")
        self.refund.setWordWrap(True)
        self.responsibility = QLabel()
        self.flags = QLabel()
        self.flags.setObjectName("verdictFlags")
        self.flags.setWordWrap(True)
        self.reasons = QLabel()
        self.reasons.setObjectName("verdictReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.PlainText)
        self.missing = QLabel()
        self.missing.setObjectName("verdictMissing")
        self.missing.setWordWrap(True)
        self.missing.setTextFormat(Qt.TextFormat.PlainText)
        side = QVBoxLayout()
        side.setSpacing(2)
        for widget in (caption, self.disposition, self.refund, self.responsibility):
            side.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(self.grade)
        top.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.flags)
        layout.addWidget(self.reasons)
        layout.addStretch(1)
        layout.addWidget(self.missing)
        self.clear()

    def clear(self) -> None:
        for widget in (
            self.disposition,
            self.refund,
            self.responsibility,
            self.flags,
            self.reasons,
            self.missing,
        ):
            widget.clear()
        self.grade.setText("–")
        set_tone(self.grade, "")

    def show_evaluation(self, evaluation: Evaluation, amount_fen: int) -> None:
        lang = self.language
        p = evaluation.proposal
        self.grade.setText(label(p.grade, lang))
        set_tone(self.grade, _GRADE_TONE[p.grade.value])
        self.disposition.setText(label(p.disposition, lang))
        refund = label(p.refund_kind, lang)
        if p.refund_kind is RefundKind.PARTIAL:
            refund += f" {yuan(p.refund_fen)} / {yuan(amount_fen)}"
        elif p.refund_kind is RefundKind.FULL:
            refund += f" {yuan(p.refund_fen)}"
        self.refund.setText(refund)
        set_tone(
            self.refund,
            {RefundKind.FULL: "ok", RefundKind.PARTIAL: "warn"}.get(p.refund_kind, "bad"),
        )
        self.responsibility.setText(
            self.tr("Responsibility: %1").replace("%1", label(p.responsibility, lang))
        )
        flags = []
        if p.carrier_claim:
            flags.append(self.tr("Carrier claim"))
        if p.needs_review:
            flags.append(self.tr("Supervisor review"))
        self.flags.setText(" · ".join(flags))
        self.reasons.setText("\n".join(f"• {rule.text(lang)}" for rule in p.rules))
        missing = []
        if evaluation.unanswered:
            missing.append(
                self.tr("%1 questions to answer").replace("%1", str(len(evaluation.unanswered)))
            )
        if evaluation.missing_photos:
            kinds = "、".join(label(k, lang) for k in evaluation.missing_photos)
            missing.append(self.tr("photos: %1").replace("%1", kinds))
        self.missing.setText(
            self.tr("Still needed: %1").replace("%1", "; ".join(missing))
            if missing
            else self.tr("Complete. PASS or Enter accepts; F2 overrides.")
        )
        set_tone(self.missing, "warn" if missing else "ok")
