"""What every setup form shares: labelled rows with a place for the row's problem, values in
and out as settings keys, fields fixed by the environment shown but locked, and texts that
follow a change of language while the form is open."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, Signal, SignalInstance
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from station.setup.checks import Check
from station.ui.owned_tasks import submit
from station.ui.setup.messages import check_message, setting_problem
from station.ui.tasks import TaskRunner
from station.ui.texts import arg
from station.ui.widgets import holder, set_tone, text_label, vbox


class CheckLine(QLabel):
    """The result of a check, coloured by outcome; "checking…" while it runs."""

    def __init__(self, subject: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkLine")
        self.setWordWrap(True)
        self.subject = subject
        self.check: Check | None = None

    def busy(self) -> None:
        self.check = None
        self.setText(self.tr("Checking…"))
        set_tone(self, "info")

    def show_check(self, check: Check) -> None:
        self.check = check
        self.setText(check_message(check, self.subject))
        set_tone(self, "ok" if check.ok else "error")

    def show_error(self, text: str) -> None:
        self.check = None
        self.setText(text)
        set_tone(self, "error")

    def clear_check(self) -> None:
        self.check = None
        self.clear()

    def run(
        self, runner: TaskRunner, work: Callable[[], Check], finished: Callable[[], None]
    ) -> None:
        """Run the check on a worker, "checking…" meanwhile; ``finished`` (the buttons back
        on) goes before the outcome is shown, whichever it is."""
        self.busy()

        def done(check: Check) -> None:
            finished()
            self.show_check(check)

        def failed(exc: BaseException) -> None:
            finished()
            self.show_error(str(exc))

        submit(runner, self, work, done, failed)


class SetupForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = QFormLayout()
        self.rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer = QVBoxLayout(self)
        outer.addLayout(self.rows)
        self.outer = outer
        self.captions: dict[str, QLabel] = {}
        self.problems: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self.locked: dict[str, str] = {}

    # -- building ----------------------------------------------------------------------------

    def add_row(self, key: str, field: QWidget) -> None:
        caption = text_label(name="setupCaption")
        problem = text_label(name="fieldProblem", wrap=True)
        problem.hide()
        with_problem = holder(vbox(field, problem, margins=0, spacing=2))
        # level with the middle of the (tall, touch-sized) field, which the style sheet sizes
        field.ensurePolished()
        caption.setMinimumHeight(field.sizeHint().height())
        self.rows.addRow(caption, with_problem)
        caption.setBuddy(field)
        self.captions[key], self.problems[key], self.fields[key] = caption, problem, field

    def add_choices(
        self,
        key: str,
        choices: Iterable[tuple[str, object]],
        changed: Callable[[], object] | SignalInstance,
    ) -> QComboBox:
        """A row choosing one of ``choices``, (text, setting value) pairs; an empty text is
        one that ``retranslate`` sets."""
        box = QComboBox()
        for text, value in choices:
            box.addItem(text, value)
        box.currentIndexChanged.connect(changed)
        self.add_row(key, box)
        return box

    # -- values --------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The form's settings, by key; locked keys are left out (the file cannot change them)."""
        raise NotImplementedError

    def load(self, values: Mapping[str, Any]) -> None:
        raise NotImplementedError

    def lock(self, overrides: Mapping[str, str]) -> None:
        """Show the keys fixed by ``STATION_*`` environment variables, and keep them."""
        for key, value in overrides.items():
            field = self.fields.get(key)
            if field is None:
                continue
            self.locked[key] = value
            field.setEnabled(False)
            field.setToolTip(
                arg(
                    self.tr("Set by the environment variable %1; change it there."),
                    f"STATION_{key.upper()}",
                )
            )

    def unlocked(self, values: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in values.items() if k not in self.locked}

    # -- problems ------------------------------------------------------------------------------

    def show_problems(self, problems: Mapping[str, str]) -> list[str]:
        """Show the problems that belong to this form's rows; the keys it showed."""
        shown = []
        for key, label in self.problems.items():
            if key in problems:
                label.setText(setting_problem(key, problems[key]))
                label.show()
                shown.append(key)
            else:
                label.hide()
        return shown

    def clear_problems(self) -> None:
        for label in self.problems.values():
            label.hide()

    # -- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every visible text; called once built and again when the language changes."""

    def set_captions(self, captions: Mapping[str, str]) -> None:
        """Caption the rows by their settings keys (from ``retranslate``, so they follow the
        language)."""
        for key, text in captions.items():
            self.captions[key].setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
