"""The checklist, one compact step at a time, for scanner, keyboard, command cards and touch.

It shows the bench session's checklist (:class:`station.bench.checklist.ChecklistModel`) and
turns keys into the session's commands: Enter or PASS confirms the step, Space or FAIL marks
the highlighted question as a problem, ↑/↓ (BACK/NEXT) move the highlight, digits 1–9 pick a
question, PgUp goes back a step; on the last page Enter or PASS accepts the proposed verdict and
F2 overrides it. What any of that means is the session's business.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from station.bench.checklist import ChecklistModel
from station.bench.session import BenchSession
from station.capture.classify import Command
from station.domain.labels import Language
from station.protocol.findings import describe
from station.protocol.template import Question, QuestionKind
from station.qc.answers import findings_of, matches
from station.ui.listening import listen
from station.ui.question_row import QuestionRow
from station.ui.texts import listing
from station.ui.widgets import scrolling

_KEYS = {
    Qt.Key.Key_Return: Command.PASS,
    Qt.Key.Key_Enter: Command.PASS,
    Qt.Key.Key_Space: Command.FAIL,
    Qt.Key.Key_Down: Command.NEXT,
    Qt.Key.Key_Up: Command.BACK,
}


class ChecklistView(QFrame):
    override_requested = Signal()

    def __init__(
        self,
        session: BenchSession,
        parent: QWidget | None = None,
        *,
        language: Language = "zh_CN",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checklistView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.session = session
        self.language: Language = language
        self.model: ChecklistModel | None = None
        self.rows: list[QuestionRow] = []

        self.heading = QLabel()
        self.heading.setObjectName("stepHeading")
        rows = QWidget()
        rows.setObjectName("checklistRows")
        self.body = QVBoxLayout(rows)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(6)
        self.body.addStretch(1)
        self.hint = QLabel()
        self.hint.setObjectName("stepHint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scrolling(rows), 1)
        layout.addWidget(self.hint)
        listen(
            self,
            session.events.checklist.connect(self.show_model),
            session.events.typed_answer.connect(self._type_answer),
        )
        self.show_model(session.checklist)

    @property
    def active(self) -> bool:
        return self.model is not None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if self.model is None:
            super().keyPressEvent(event)
        elif key in _KEYS:
            self.session.command(_KEYS[key])
        elif key == Qt.Key.Key_PageUp:
            self.session.go_to_step(self.model.step_index - 1)
        elif key == Qt.Key.Key_F2:
            self.override_requested.emit()
        elif Qt.Key.Key_1.value <= key.value <= Qt.Key.Key_9.value:
            self.session.pick(key.value - Qt.Key.Key_1.value)
        else:
            super().keyPressEvent(event)

    def _type_answer(self, question_id: str) -> None:
        row = next((r for r in self.rows if r.question.id == question_id), None)
        if row is not None:
            row.focus_editor()

    # -- rendering ---------------------------------------------------------------------------

    def show_model(self, model: ChecklistModel | None) -> None:
        """Show the current step; rows are rebuilt only when the step or its visible questions
        change, otherwise just updated (rebuilding costs tens of milliseconds)."""
        self.model = model
        if model is None:
            self._clear_rows()
            self.heading.setText(self.tr("Checklist"))
            self.hint.setText(self.tr("Scan a return parcel to start its checklist."))
            return
        if model.on_confirm_page:
            self.heading.setText(self.tr("Confirm the verdict"))
            self.hint.setText(
                self.tr(
                    "PASS or Enter accepts the proposed verdict; F2 overrides it; PgUp goes back."
                )
                if model.evaluation.complete
                else self.tr("Still needed: %1").replace(
                    "%1", "; ".join(self.session.missing_text())
                )
            )
            self._clear_rows()
            return
        step = model.steps[model.step_index]
        self.heading.setText(
            self.tr("Step %1 of %2 · %3")
            .replace("%1", str(model.step_index + 1))
            .replace("%2", str(len(model.steps)))
            .replace("%3", step.title.get(self.language))
        )
        here = model.visible_in_step()
        self.hint.setText(
            self.tr("Enter/PASS: all fine · Space/FAIL: problem · ↑↓ move · 1–9 pick")
        )
        if [row.question.id for row in self.rows] != [q.id for q in here]:
            self._clear_rows()
            for n, q in enumerate(here):
                row = QuestionRow(
                    n + 1,
                    q,
                    language=self.language,
                    expected=model.checklist.expected,
                    accessories=model.line.accessories,
                )
                row.answered.connect(self.session.answer)
                self.body.insertWidget(self.body.count() - 1, row)  # above the stretch
                row.show()  # a child added to a visible parent is not shown by itself
                self.rows.append(row)
        for n, (row, q) in enumerate(zip(self.rows, here, strict=True)):
            self._show_state(model, row, q)
            row.set_current(n == model.current)

    def _clear_rows(self) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []

    def _show_state(self, model: ChecklistModel, row: QuestionRow, q: Question) -> None:
        value = model.answers.get(q.id)
        expected = model.checklist.expected
        match q.kind:
            case QuestionKind.SCAN_MATCH:
                scanned = value if isinstance(value, str) else None
                row.show_scan(scanned, bool(scanned) and matches(q, scanned or "", expected))
            case QuestionKind.PHOTO:
                row.show_photos(model.photos.get(q.photo_kind, 0) if q.photo_kind else 0)
            case _:
                problem = ""
                if value is not None and value != q.good and q.id in model.evaluation.answers:
                    findings = findings_of(q, value, expected)
                    problem = listing((describe(f, self.language) for f in findings), self.language)
                row.show_answer(value, good=q.good, problem=problem)
