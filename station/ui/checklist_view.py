"""The checklist, one compact step at a time, for scanner, keyboard, command cards and touch.

Keys: Enter or PASS confirms the step, answering what is still open with "nothing wrong";
Space or FAIL marks the highlighted question as a problem; ↑/↓ (BACK/NEXT) move the
highlight; digits 1–9 pick a question and flip its answer; PgUp goes back a step. On the last
page Enter or PASS accepts the proposed verdict, F2 overrides it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from station.capture.classify import Command
from station.domain.enums import PhotoKind
from station.domain.labels import Language, label
from station.domain.records import LineView, Verdict
from station.qc.answers import findings_of, good_answer, matches
from station.qc.engine import Evaluation, decide
from station.qc.findings import describe
from station.qc.template import Question, QuestionKind, Step
from station.ui.question_row import QuestionRow
from station.ui.widgets import scrolling
from station.workflow import Checklist

_NO_KEYBOARD_DEFAULT = (QuestionKind.SCAN_MATCH, QuestionKind.PHOTO)


class ChecklistView(QFrame):
    answers_changed = Signal(object)  # dict of answers, to be saved
    accept_requested = Signal(object)  # Verdict
    override_requested = Signal()
    evaluated = Signal(object)  # Evaluation, after every change
    notice = Signal(str, str)  # text, tone

    def __init__(self, parent: QWidget | None = None, *, language: Language = "zh_CN") -> None:
        super().__init__(parent)
        self.setObjectName("checklistView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.language: Language = language
        self.checklist: Checklist | None = None
        self.line: LineView | None = None
        self.answers: dict[str, object] = {}
        self.photos: dict[PhotoKind, int] = {}
        self.evaluation: Evaluation | None = None
        self.step_index = 0
        self.current = 0
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
        self.clear()

    # -- state -----------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self.checklist is not None

    @property
    def steps(self) -> tuple[Step, ...]:
        return self.checklist.template.steps if self.checklist else ()

    @property
    def on_confirm_page(self) -> bool:
        return self.active and self.step_index >= len(self.steps)

    def clear(self) -> None:
        self.checklist, self.line, self.evaluation = None, None, None
        self.answers, self.photos = {}, {}
        self.step_index = self.current = 0
        self._clear_rows()
        self.heading.setText(self.tr("Checklist"))
        self.hint.setText(self.tr("Scan a return parcel to start its checklist."))

    def start(self, checklist: Checklist, line: LineView) -> None:
        self.checklist, self.line = checklist, line
        self.answers = dict(checklist.answers)
        self.photos = dict(checklist.photos)
        self._evaluate()
        self.step_index = self._first_open_step()
        self.current = 0
        self._render()

    def set_photos(self, photos: dict[PhotoKind, int]) -> None:
        self.photos = dict(photos)
        if self.active:
            self._evaluate()
            self._render()

    # -- input -----------------------------------------------------------------------------

    def item_scanned(self, code: str) -> bool:
        """An item barcode or serial: answers the next scan-match question. True if used."""
        if self.evaluation is None or self.checklist is None:
            return False
        scans = [q for q in self.evaluation.visible if q.kind is QuestionKind.SCAN_MATCH]
        if not scans:
            return False
        open_ones = [q for q in scans if q.id not in self.answers]
        here = self._visible_in_step()
        current = here[self.current] if 0 <= self.current < len(here) else None
        if current is not None and current.kind is QuestionKind.SCAN_MATCH:
            target = current if not open_ones or current in open_ones else open_ones[0]
        else:
            target = open_ones[0] if open_ones else scans[0]
        self._set(target.id, code.strip())
        ok = matches(target, code, self.checklist.expected)
        self.notice.emit(
            (
                self.tr("Item matches the order")
                if ok
                else self.tr("Item does not match the order: %1").replace("%1", code.strip())
            ),
            "ok" if ok else "error",
        )
        self.step_index = min(self.step_index, len(self.steps))
        if ok and self._step_done() and self._step_of(target.id) == self.step_index:
            self._advance()
        else:
            self._render()
        return True

    def command(self, command: Command) -> bool:
        """A command card or its key; True if the checklist acted on it."""
        if not self.active:
            return False
        match command:
            case Command.PASS:
                if self.on_confirm_page:
                    self.accept()
                else:
                    self.confirm_step()
            case Command.FAIL:
                self.mark_problem()
            case Command.NEXT:
                self.shift(1)
            case Command.BACK:
                self.shift(-1)
            case _:
                return False
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        actions = {
            Qt.Key.Key_Return: Command.PASS,
            Qt.Key.Key_Enter: Command.PASS,
            Qt.Key.Key_Space: Command.FAIL,
            Qt.Key.Key_Down: Command.NEXT,
            Qt.Key.Key_Up: Command.BACK,
        }
        if not self.active:
            super().keyPressEvent(event)
        elif key in actions:
            self.command(actions[key])
        elif key == Qt.Key.Key_PageUp:
            self.go_to_step(self.step_index - 1)
        elif key == Qt.Key.Key_F2:
            self.override_requested.emit()
        elif Qt.Key.Key_1.value <= key.value <= Qt.Key.Key_9.value:
            self.pick(key.value - Qt.Key.Key_1.value)
        else:
            super().keyPressEvent(event)

    # -- actions ---------------------------------------------------------------------------

    def confirm_step(self) -> None:
        """Answer the step's open questions with "nothing wrong" and move on."""
        blocking = []
        for q in self._visible_in_step():
            if q.id in self.answers or q.kind is QuestionKind.PHOTO:
                continue
            good = good_answer(q)
            if good is not None:
                self.answers[q.id] = good
            elif q.required:
                blocking.append(q)
        self._changed()
        if blocking:
            self.current = self._visible_in_step().index(blocking[0])
            self._render()
            self.notice.emit(
                self.tr("Answer first: %1").replace("%1", blocking[0].text.get(self.language)),
                "warn",
            )
            return
        self._advance()

    def mark_problem(self) -> None:
        here = self._visible_in_step()
        if not here:
            return
        q = here[min(self.current, len(here) - 1)]
        self._flip(q)
        self.shift(1)

    def pick(self, index: int) -> None:
        here = self._visible_in_step()
        if 0 <= index < len(here):
            self.current = index
            if not self.rows[index].focus_editor():
                self._flip(here[index])
            self._render()

    def shift(self, delta: int) -> None:
        here = self._visible_in_step()
        target = self.current + delta
        if target < 0:
            self.go_to_step(self.step_index - 1)
        elif target >= len(here):
            if self._step_done():
                self._advance()
        else:
            self.current = target
            self._render()

    def go_to_step(self, index: int) -> None:
        if not self.active or index < 0:
            return
        self.step_index, self.current = min(index, len(self.steps)), 0
        self._render()

    def accept(self) -> None:
        if self.evaluation is None or self.checklist is None or self.line is None:
            return
        if not self.evaluation.complete:
            self.notice.emit(self.hint.text(), "warn")
            self._render()
            return
        verdict: Verdict = decide(self.evaluation, self.checklist.template, self.line.amount_fen)
        self.accept_requested.emit(verdict)

    # -- internals -------------------------------------------------------------------------

    def _flip(self, q: Question) -> None:
        """Toggle a question away from its good answer (or cycle a choice)."""
        current = self.answers.get(q.id)
        match q.kind:
            case QuestionKind.YES_NO:
                bad = not q.good
                self._set(q.id, q.good if current == bad else bad)
            case QuestionKind.CHOICE:
                values = [o.value for o in q.options]
                start = (
                    values.index(current)
                    if current in values
                    else values.index(q.good)
                    if (q.good in values)
                    else -1
                )
                self._set(q.id, values[(start + 1) % len(values)])
            case QuestionKind.COUNT:
                top = int(q.maximum or 0)
                count = current if isinstance(current, int) else 0
                self._set(q.id, min(top, count + 1))
            case _:
                pass

    def _set(self, question_id: str, value: object) -> None:
        self.answers[question_id] = value
        self._changed()

    def _changed(self) -> None:
        self._evaluate()
        self._render()
        self.answers_changed.emit(dict(self.answers))

    def _evaluate(self) -> None:
        assert self.checklist is not None
        self.evaluation = self.checklist.evaluate(self.answers, self.photos)
        self.evaluated.emit(self.evaluation)

    def _visible_in_step(self) -> list[Question]:
        if self.evaluation is None or self.on_confirm_page:
            return []
        step = self.steps[self.step_index]
        ids = {q.id for q in step.questions}
        return [q for q in self.evaluation.visible if q.id in ids]

    def _step_of(self, question_id: str) -> int:
        assert self.checklist is not None
        step = self.checklist.template.step_of(question_id)
        return self.steps.index(step)

    def _step_done(self) -> bool:
        assert self.evaluation is not None
        valid = self.evaluation.answers
        return all(
            q.id in valid or not q.required or q.kind is QuestionKind.PHOTO
            for q in self._visible_in_step()
        )

    def _first_open_step(self) -> int:
        assert self.evaluation is not None
        for n in range(len(self.steps)):
            self.step_index = n
            if not self._step_done() or not self._answered_all_in_step():
                return n
        return len(self.steps)

    def _answered_all_in_step(self) -> bool:
        assert self.evaluation is not None
        return all(
            q.id in self.evaluation.answers
            for q in self._visible_in_step()
            if q.kind not in _NO_KEYBOARD_DEFAULT
        )

    def _advance(self) -> None:
        self.step_index = min(self.step_index + 1, len(self.steps))
        while not self.on_confirm_page and not self._visible_in_step():
            self.step_index += 1  # a step whose questions are all hidden is skipped
        self.current = 0
        self._render()

    def _clear_rows(self) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []

    def _render(self) -> None:
        """Show the current step; rows are rebuilt only when the step or its visible questions
        change, otherwise just updated (rebuilding costs tens of milliseconds)."""
        if self.checklist is None or self.evaluation is None or self.line is None:
            self._clear_rows()
            return
        total = len(self.steps)
        if self.on_confirm_page:
            self.heading.setText(self.tr("Confirm the verdict"))
            self.hint.setText(
                self.tr(
                    "PASS or Enter accepts the proposed verdict; F2 overrides it; PgUp goes back."
                )
                if self.evaluation.complete
                else self._missing_text()
            )
            self._clear_rows()
            return
        step = self.steps[self.step_index]
        self.heading.setText(
            self.tr("Step %1 of %2 · %3")
            .replace("%1", str(self.step_index + 1))
            .replace("%2", str(total))
            .replace("%3", step.title.get(self.language))
        )
        here = self._visible_in_step()
        self.current = max(0, min(self.current, len(here) - 1))
        if [row.question.id for row in self.rows] == [q.id for q in here]:
            for n, (row, q) in enumerate(zip(self.rows, here, strict=True)):
                self._show_state(row, q)
                row.set_current(n == self.current)
            return
        self._clear_rows()
        for n, q in enumerate(here):
            row = QuestionRow(
                n + 1,
                q,
                language=self.language,
                expected=self.checklist.expected,
                accessories=self.line.accessories,
            )
            row.answered.connect(self._row_answered)
            self._show_state(row, q)
            row.set_current(n == self.current)
            self.body.insertWidget(self.body.count() - 1, row)  # above the stretch
            row.show()  # a child added to a visible parent is not shown by itself
            self.rows.append(row)
        self.hint.setText(
            self.tr("Enter/PASS: all fine · Space/FAIL: problem · ↑↓ move · 1–9 pick")
        )

    def _show_state(self, row: QuestionRow, q: Question) -> None:
        assert self.checklist is not None
        value = self.answers.get(q.id)
        match q.kind:
            case QuestionKind.SCAN_MATCH:
                scanned = value if isinstance(value, str) else None
                row.show_scan(
                    scanned, bool(scanned) and matches(q, scanned or "", self.checklist.expected)
                )
            case QuestionKind.PHOTO:
                row.show_photos(self.photos.get(q.photo_kind, 0) if q.photo_kind else 0)
            case _:
                problem = ""
                if value is not None and value != q.good:
                    findings = (
                        findings_of(q, value, self.checklist.expected)
                        if (q.id in (self.evaluation.answers if self.evaluation else {}))
                        else ()
                    )
                    problem = "、".join(describe(f, self.language) for f in findings)
                row.show_answer(value, good=q.good, problem=problem)

    def _row_answered(self, question_id: str, value: object) -> None:
        here = [q.id for q in self._visible_in_step()]
        if question_id in here:
            self.current = here.index(question_id)
        self._set(question_id, value)

    def _missing_text(self) -> str:
        assert self.evaluation is not None
        parts = [q.text.get(self.language) for q in self.evaluation.unanswered]
        parts += [
            self.tr("photo: %1").replace("%1", label(k, self.language))
            for k in self.evaluation.missing_photos
        ]
        return self.tr("Still needed: %1").replace("%1", "; ".join(parts))
