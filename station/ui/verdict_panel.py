"""The proposed verdict, live, with the reasons behind it and what is still missing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QWidget

from station.domain.labels import Language, label
from station.domain.money import yuan
from station.protocol.enums import RefundKind
from station.qc.engine import Evaluation
from station.ui.texts import arg, listing
from station.ui.widgets import STRETCH, hbox, holder, scrolling, set_tone, text_label, vbox

_GRADE_TONE = {"A": "ok", "B": "info", "C": "warn", "D": "bad"}


class VerdictPanel(QFrame):
    def __init__(self, parent: QWidget | None = None, *, language: Language = "zh_CN") -> None:
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self.language: Language = language
        plain = Qt.TextFormat.PlainText
        caption = text_label(self.tr("Proposed verdict"), name="fieldCaption")
        self.grade = text_label(name="gradeBadge", align=Qt.AlignmentFlag.AlignCenter)
        self.grade.setMinimumWidth(120)
        self.disposition = text_label(name="verdictLine")
        self.refund = text_label(name="verdictLine", wrap=True)
        self.responsibility = text_label()
        self.flags = text_label(name="verdictFlags", wrap=True)
        self.reasons = text_label(name="verdictReasons", wrap=True, text_format=plain)
        self.missing = text_label(name="verdictMissing", wrap=True, text_format=plain)
        side = vbox(caption, self.disposition, self.refund, self.responsibility, spacing=2)
        # the reasons grow with the findings: they scroll rather than push the panel past a
        # 1366×768 screen, where squeezed rows would be drawn over each other
        details = holder(
            vbox(self.flags, self.reasons, STRETCH, self.missing, spacing=4, margins=0)
        )
        details.setObjectName("verdictDetails")
        vbox(hbox(self.grade, (side, 1)), (scrolling(details), 1), spacing=4, parent=self)
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
            arg(self.tr("Responsibility: %1"), label(p.responsibility, lang))
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
            missing.append(arg(self.tr("%1 questions to answer"), len(evaluation.unanswered)))
        if evaluation.missing_photos:
            kinds = listing((label(k, lang) for k in evaluation.missing_photos), lang)
            missing.append(arg(self.tr("photos: %1"), kinds))
        self.missing.setText(
            arg(self.tr("Still needed: %1"), "; ".join(missing))
            if missing
            else self.tr("Complete. PASS or Enter accepts; F2 overrides.")
        )
        set_tone(self.missing, "warn" if missing else "ok")
