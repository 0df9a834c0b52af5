"""The label printer: how it is connected, which one, label size and language, with a check
and a test print."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtWidgets import QComboBox, QFileDialog, QWidget

from station.printing.registry import KINDS, PrinterKind, kind_named, parse
from station.setup.checks import Check
from station.setup.services import SetupServices
from station.ui.owned_tasks import submit
from station.ui.setup.form import CheckLine, SetupForm
from station.ui.tasks import TaskRunner
from station.ui.translations import current_language
from station.ui.widgets import STRETCH, hbox, holder, push_button, select_data


class PrinterForm(SetupForm):
    def __init__(
        self,
        services: SetupServices,
        runner: TaskRunner,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services, self._runner = services, runner
        self._choices: dict[str, list[str]] = {}  # per kind, once asked for
        self._asked: set[str] = set()
        self.kind = QComboBox()
        self.kind.setObjectName("printerKind")
        for kind in KINDS:
            self.kind.addItem("", kind.scheme)
        self.kind.activated.connect(self._kind_chosen)
        self.add_row("printer_kind", self.kind)
        self.target = QComboBox()
        self.target.setObjectName("printerTarget")
        self.target.setEditable(True)
        self.target.editTextChanged.connect(self._edited)
        self.browse = push_button(name="secondaryButton", clicked=self._browse)
        self.add_row("label_printer", holder(hbox((self.target, 1), self.browse, margins=0)))
        self.label_size = self.add_choices(
            "label_size", (("100 × 150 mm", "100x150"), ("60 × 40 mm", "60x40")), self._edited
        )
        self.label_language = self.add_choices(
            "label_language", (("中文", "zh_CN"), ("English", "en")), self._edited
        )
        self.check_button = push_button(name="checkPrinter", clicked=self.run_check)
        self.test_button = push_button(name="testPrint", clicked=self.test_print)
        self.outer.addLayout(hbox(self.check_button, self.test_button, STRETCH))
        self.result = CheckLine("printer")
        self.outer.addWidget(self.result)
        self.outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_captions(
            {
                "printer_kind": self.tr("Printer connection"),
                "label_printer": self.tr("Printer"),
                "label_size": self.tr("Label size"),
                "label_language": self.tr("Label language"),
            }
        )
        language = current_language()
        for index, kind in enumerate(KINDS):
            self.kind.setItemText(index, kind.title(language))
        self.browse.setText(self.tr("Choose…"))
        self.check_button.setText(self.tr("Check printer"))
        self.test_button.setText(self.tr("Test print"))
        self._placeholder()

    def _chosen(self) -> PrinterKind:
        return kind_named(str(self.kind.currentData()))

    def _placeholder(self) -> None:
        line = self.target.lineEdit()
        kind = self._chosen()
        assert line is not None  # the combo box is editable
        # an empty folder is the default one
        hint = str(self._services.paths.labels) if kind.browse_folder else None
        line.setPlaceholderText(hint or kind.target(current_language()))
        self.browse.setVisible(kind.browse_folder)

    # -- choosing ----------------------------------------------------------------------------

    def _kind_chosen(self, _index: int) -> None:
        self.target.setEditText("")
        self._fill_targets()
        self._edited()

    def _fill_targets(self) -> None:
        kind = self._chosen()
        text = self.target.currentText()
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItems(self._choices.get(kind.scheme, []))
        self.target.setEditText(text)
        self.target.blockSignals(False)
        self._placeholder()
        if kind.lists_choices and kind.scheme not in self._asked:
            self._asked.add(kind.scheme)
            self._load_choices(kind.scheme)

    def _load_choices(self, scheme: str) -> None:
        """Ask for the printers of that kind on the worker (lpstat, or Qt's list)."""

        def done(names: list[str]) -> None:
            self._choices[scheme] = names
            if self.kind.currentData() == scheme:
                self._fill_targets()

        submit(
            self._runner,
            self,
            lambda: self._services.printer_choices(scheme),
            done,
            lambda _exc: None,
        )

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Label folder"))
        if chosen:
            self.target.setEditText(chosen)

    def _edited(self) -> None:
        self.result.clear_check()
        self.changed.emit()

    def spec(self) -> str:
        kind, target = self.kind.currentData(), self.target.currentText().strip()
        if kind == "file" and not target:
            return ""  # the default: PDFs in the data folder
        return f"{kind}:{target}"

    # -- checks ------------------------------------------------------------------------------

    @property
    def checked(self) -> Check | None:
        return self.result.check

    def run_check(self) -> None:
        spec = self.spec()
        self._run(lambda: self._services.check_printer(spec))

    def test_print(self) -> None:
        spec, size = self.spec(), self.label_size.currentData()
        language = self.label_language.currentData()
        self._run(lambda: self._services.test_print(spec, size, language))

    def _run(self, work: Callable[[], Check]) -> None:
        for button in (self.check_button, self.test_button):
            button.setEnabled(False)

        def finished() -> None:
            for button in (self.check_button, self.test_button):
                button.setEnabled("label_printer" not in self.locked)

        self.result.run(self._runner, work, finished)

    # -- values ------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return self.unlocked(
            {
                "label_printer": self.spec(),
                "label_size": self.label_size.currentData(),
                "label_language": self.label_language.currentData(),
            }
        )

    def load(self, values: Mapping[str, Any]) -> None:
        try:
            kind, target = parse(str(values.get("label_printer", "")))
        except ValueError:  # none yet: PDFs in the data folder
            kind, target = kind_named("file"), ""
        self.kind.setCurrentIndex(self.kind.findData(kind.scheme))
        self._fill_targets()
        self.target.setEditText(target)
        select_data(self.label_size, values.get("label_size", "100x150"))
        select_data(self.label_language, values.get("label_language", "zh_CN"))
        self.result.clear_check()

    def lock(self, overrides: Mapping[str, str]) -> None:
        super().lock(overrides)
        if "label_printer" in overrides:
            self.kind.setEnabled(False)
            self.target.setEnabled(False)
