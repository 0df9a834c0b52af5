"""The label printer: how it is connected, which one, label size and language, with a check
and a test print."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from station.printing.registry import KINDS, PrinterKind, kind_named, parse
from station.setup.checks import Check
from station.setup.services import SetupServices
from station.ui.owned_tasks import submit
from station.ui.setup.form import CheckLine, SetupForm
from station.ui.tasks import TaskRunner
from station.ui.translations import current_language


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
        self.browse = QPushButton()
        self.browse.setObjectName("secondaryButton")
        self.browse.clicked.connect(self._browse)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.target, 1)
        row.addWidget(self.browse)
        self.add_row("label_printer", holder)
        self.label_size = QComboBox()
        self.label_size.addItem("100 × 150 mm", "100x150")
        self.label_size.addItem("60 × 40 mm", "60x40")
        self.label_size.currentIndexChanged.connect(self._edited)
        self.add_row("label_size", self.label_size)
        self.label_language = QComboBox()
        self.label_language.addItem("中文", "zh_CN")
        self.label_language.addItem("English", "en")
        self.label_language.currentIndexChanged.connect(self._edited)
        self.add_row("label_language", self.label_language)
        self.check_button = QPushButton()
        self.check_button.setObjectName("checkPrinter")
        self.check_button.clicked.connect(self.run_check)
        self.test_button = QPushButton()
        self.test_button.setObjectName("testPrint")
        self.test_button.clicked.connect(self.test_print)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        self.outer.addLayout(buttons)
        self.result = CheckLine("printer")
        self.outer.addWidget(self.result)
        self.outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.captions["printer_kind"].setText(self.tr("Printer connection"))
        self.captions["label_printer"].setText(self.tr("Printer"))
        self.captions["label_size"].setText(self.tr("Label size"))
        self.captions["label_language"].setText(self.tr("Label language"))
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

    def _run(self, work: Any) -> None:
        self.result.busy()
        for button in (self.check_button, self.test_button):
            button.setEnabled(False)

        def finished() -> None:
            for button in (self.check_button, self.test_button):
                button.setEnabled("label_printer" not in self.locked)

        def done(check: Check) -> None:
            finished()
            self.result.show_check(check)

        def failed(exc: BaseException) -> None:
            finished()
            self.result.show_error(str(exc))

        submit(self._runner, self, work, done, failed)

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
        self.label_size.setCurrentIndex(
            max(self.label_size.findData(values.get("label_size", "100x150")), 0)
        )
        self.label_language.setCurrentIndex(
            max(self.label_language.findData(values.get("label_language", "zh_CN")), 0)
        )
        self.result.clear_check()

    def lock(self, overrides: Mapping[str, str]) -> None:
        super().lock(overrides)
        if "label_printer" in overrides:
            self.kind.setEnabled(False)
            self.target.setEnabled(False)
