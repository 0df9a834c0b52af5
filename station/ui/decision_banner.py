"""The banner that tells the bench about supervisors' decisions on its inspections.

A view of :class:`station.bench.decisions.DecisionInbox`: it words the notice in view, says how
many wait behind it, and lets it go after its time in view (counted only while the bench shows
it) or when the inspector dismisses it (Esc, or the button). It never takes the keyboard
focus: the scanner and the checklist keep it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QWidget

from station.bench.decisions import DecisionInbox, DecisionNotice, Field, FieldChange
from station.ui.listening import listen
from station.ui.texts import arg
from station.ui.widgets import hbox, push_button, set_tone, text_label, vbox


class DecisionBanner(QFrame):
    def __init__(self, inbox: DecisionInbox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionBanner")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._inbox = inbox
        self.notice: DecisionNotice | None = None
        self.title = text_label(name="decisionTitle")
        self.waiting = text_label(name="decisionWaiting")
        self.text = text_label(name="decisionText", wrap=True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.dismiss_button = push_button(
            self.tr("Dismiss (Esc)"), name="dismissButton", clicked=self.dismiss
        )
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        vbox(
            hbox(self.title, self.waiting, (QWidget(), 1), self.dismiss_button, margins=0),
            self.text,
            margins=(12, 6, 12, 8),
            spacing=4,
            parent=self,
        )
        # a notice that asks for nothing gives way after its time in view
        self.linger = QTimer(self)
        self.linger.setSingleShot(True)
        self.linger.timeout.connect(self._lingered)
        listen(self, inbox.shown.connect(self.show_notice))
        self.show_notice(inbox.current)

    def dismiss(self) -> bool:
        """The inspector has read it: the next one, if any; False if nothing was in view."""
        return self._inbox.dismiss()

    def show_notice(self, notice: DecisionNotice | None) -> None:
        same = (
            notice is not None
            and self.notice is not None
            and (notice.decision_id == self.notice.decision_id)
        )
        self.notice = notice
        waiting = self._inbox.waiting
        self.waiting.setText(arg(self.tr("%1 more waiting"), waiting))
        self.waiting.setVisible(waiting > 0)
        if same:
            return  # another joined the queue behind it: only the count changed
        self.linger.stop()
        if notice is None:
            self.hide()
            return
        when = notice.decided_at.astimezone().strftime("%H:%M")
        self.title.setText(arg(self.tr("Supervisor's decision · %1"), when))
        self.text.setText(self.wording(notice))
        set_tone(self, notice.tone.value)
        self.show()
        self._start_linger()

    def wording(self, notice: DecisionNotice) -> str:
        if notice.approved:
            text = arg(
                self.tr("Supervisor %1 approved %2 as inspected: %3."),
                notice.supervisor,
                notice.rma_no,
                " · ".join(notice.verdict),
            )
        else:
            text = arg(
                self.tr(
                    "Supervisor %1 changed %2 to %3. A corrected label is printing: put it on "
                    "the item."
                )
                if notice.relabel
                else self.tr("Supervisor %1 changed %2 to %3."),
                notice.supervisor,
                notice.rma_no,
                " · ".join(self._change(c) for c in notice.changes),
            )
        if notice.reason:
            text = arg(self.tr("%1 Reason: %2"), text, notice.reason)
        return text

    def _change(self, change: FieldChange) -> str:
        names = {
            Field.GRADE: self.tr("grade"),
            Field.DISPOSITION: self.tr("disposition"),
            Field.REFUND: self.tr("refund"),
            Field.RESPONSIBILITY: self.tr("responsibility"),
        }
        after = change.after or "—"
        if not change.before:
            return f"{names[change.field]} {after}"
        return arg(self.tr("%1 %2 (was %3)"), names[change.field], after, change.before)

    # -- time in view ------------------------------------------------------------------------

    def _start_linger(self) -> None:
        notice = self.notice
        if notice is not None and notice.linger_s and self.isVisible():
            self.linger.start(int(notice.linger_s * 1000))

    def _lingered(self) -> None:
        if self.notice is not None:
            self._inbox.expire(self.notice.decision_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.linger.isActive():
            self._start_linger()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.linger.stop()  # the bench is not in view (login, review): the time does not count
