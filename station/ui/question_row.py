"""One question of a checklist step: its text, its answer buttons, and its state."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QWidget,
)

from station.domain.labels import Language, label
from station.protocol.template import OrderDetail, Question, QuestionKind
from station.qc.answers import Expected
from station.ui.texts import arg, listing
from station.ui.widgets import set_tone, text_label


class QuestionRow(QFrame):
    """Shows one question; emits ``answered(question_id, value)`` when touched."""

    answered = Signal(str, object)

    def __init__(
        self,
        number: int,
        question: Question,
        *,
        language: Language,
        expected: Expected,
        accessories: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("questionRow")
        self.question = question
        self._language = language
        self._buttons: dict[object, QPushButton] = {}
        self._spin: QSpinBox | QDoubleSpinBox | None = None

        plain = Qt.TextFormat.PlainText
        number_label = text_label(str(number), name="questionNumber")
        text = text_label(
            question.text.get(language), name="questionText", wrap=True, text_format=plain
        )
        self.status = text_label(name="questionStatus", wrap=True, text_format=plain)
        detail = self._detail(question, expected, accessories)

        answers = QHBoxLayout()
        answers.setSpacing(6)
        for value, caption in self._choices(question):
            button = QPushButton(caption)
            button.setObjectName("answerButton")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, v=value: self.answered.emit(question.id, v))
            answers.addWidget(button)
            self._buttons[value] = button
        if question.kind in (QuestionKind.COUNT, QuestionKind.NUMERIC):
            self._spin = self._number_box(question)
            answers.addWidget(self._spin)
        if question.kind is QuestionKind.CHOICE:
            answers.addStretch(1)

        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setVerticalSpacing(2)
        grid.addWidget(number_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(text, 0, 1)
        if question.kind is QuestionKind.CHOICE:  # several options: a row of their own
            grid.addLayout(answers, 1, 1, 1, 2)
        else:
            grid.addLayout(answers, 0, 2, Qt.AlignmentFlag.AlignRight)
        if detail:
            detail_label = text_label(detail, name="questionDetail", wrap=True, text_format=plain)
            grid.addWidget(detail_label, 2, 1, 1, 2)
        grid.addWidget(self.status, 3, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.status.hide()

    def _choices(self, q: Question) -> list[tuple[object, str]]:
        match q.kind:
            case QuestionKind.YES_NO:
                return [(True, self.tr("Yes")), (False, self.tr("No"))]
            case QuestionKind.CHOICE:
                return [(o.value, o.text.get(self._language)) for o in q.options]
        return []

    def _number_box(self, q: Question) -> QSpinBox | QDoubleSpinBox:
        box: QSpinBox | QDoubleSpinBox
        if q.kind is QuestionKind.COUNT:
            box = QSpinBox()
            box.setRange(int(q.minimum or 0), int(q.maximum or 0))
        else:
            box = QDoubleSpinBox()
            box.setDecimals(1)
            box.setRange(q.minimum or 0, q.maximum or 0)
            box.setSuffix(f" {q.unit}" if q.unit else "")
        box.setObjectName("answerNumber")
        box.setMinimumWidth(120)
        box.editingFinished.connect(lambda: self.answered.emit(q.id, box.value()))
        return box

    def _detail(self, q: Question, expected: Expected, accessories: tuple[str, ...]) -> str:
        if q.shows is OrderDetail.ACCESSORIES and accessories:
            return arg(self.tr("Should contain: %1"), listing(accessories, self._language))
        if q.kind is QuestionKind.SCAN_MATCH and q.match is not None:
            wanted = " / ".join(expected.for_field(q.match))
            return arg(self.tr("Order says: %1"), wanted)
        return ""

    def focus_editor(self) -> bool:
        """Numbers are typed into their box; True if this row has one."""
        if self._spin is None:
            return False
        self._spin.setFocus()
        self._spin.selectAll()
        return True

    def set_current(self, current: bool) -> None:
        self.setProperty("current", current)
        self.style().unpolish(self)  # a property, not a tone: re-apply the style by hand
        self.style().polish(self)

    def show_answer(self, value: object, *, good: object, problem: str = "") -> None:
        """Reflect the answer; ``problem`` is what it means when it is not the good one."""
        for key, button in self._buttons.items():
            button.setChecked(value is not None and key == value)
            if key == value:
                set_tone(button, "ok" if value == good else "bad")
        if isinstance(self._spin, QSpinBox) and isinstance(value, int):
            self._spin.blockSignals(True)
            self._spin.setValue(value)
            self._spin.blockSignals(False)
        elif isinstance(self._spin, QDoubleSpinBox) and isinstance(value, int | float):
            self._spin.blockSignals(True)
            self._spin.setValue(float(value))
            self._spin.blockSignals(False)
        if value is None:
            self._status("", "")
        else:
            self._status(problem, "bad" if problem else "ok")

    def show_scan(self, scanned: str | None, matched: bool) -> None:
        if scanned is None:
            self._status(self.tr("Waiting for a scan…"), "")
        elif matched:
            self._status(arg(self.tr("Matches: %1"), scanned), "ok")
        else:
            self._status(arg(self.tr("Does not match: %1"), scanned), "bad")

    def show_photos(self, taken: int) -> None:
        kind = self.question.photo_kind
        name = label(kind, self._language) if kind else ""
        if taken:
            self._status(arg(self.tr("%1 photo taken"), name), "ok")
        else:
            self._status(arg(self.tr("Take a %1 photo"), name), "")

    def _status(self, text: str, tone: str) -> None:
        """The line under the question, and the row's colour to go with it."""
        self.status.setText(text)
        self.status.setVisible(bool(text))
        set_tone(self, tone)
