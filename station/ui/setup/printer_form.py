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

from station.setup.checks import Check
from station.setup.services import SetupServices
from station.ui.owned_tasks import submit
from station.ui.setup.form import CheckLine, SetupForm
from station.ui.tasks import TaskRunner

KINDS = ("file", "cups", "zpl", "qprinter")


def system_printers() -> list[str]:
    """The printers Qt knows on this platform (Windows printers included)."""
    from PySide6.QtPrintSupport import QPrinterInfo

    return list(QPrinterInfo.availablePrinterNames())


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
        self._cups: list[str] = []
        self.kind = QComboBox()
        self.kind.setObjectName("printerKind")
        for kind in KINDS:
            self.kind.addItem("", kind)
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
        self._load_cups_queues()
        self.retranslate()

    def retranslate(self) -> None:
        self.captions["printer_kind"].setText(self.tr("Printer connection"))
        self.captions["label_printer"].setText(self.tr("Printer"))
        self.captions["label_size"].setText(self.tr("Label size"))
        self.captions["label_language"].setText(self.tr("Label language"))
        for index, text in enumerate(
            (
                self.tr("No printer: file labels as PDF in a folder"),
                self.tr("CUPS printer queue"),
                self.tr("ZPL printer on the network (port 9100)"),
                self.tr("System printer"),
            )
        ):
            self.kind.setItemText(index, text)
        self.browse.setText(self.tr("Choose…"))
        self.check_button.setText(self.tr("Check printer"))
        self.test_button.setText(self.tr("Test print"))
        self._placeholder()

    def _placeholder(self) -> None:
        line = self.target.lineEdit()
        kind = self.kind.currentData()
        assert line is not None  # the combo box is editable
        line.setPlaceholderText(
            {
                "file": str(self._services.paths.labels),
                "cups": self.tr("queue name, e.g. Zebra_ZD421"),
                "zpl": self.tr("address, e.g. 10.0.0.7 or 10.0.0.7:9100"),
                "qprinter": self.tr("printer name"),
            }.get(kind, "")
        )
        self.browse.setVisible(kind == "file")

    # -- choosing ----------------------------------------------------------------------------

    def _load_cups_queues(self) -> None:
        def done(queues: list[str]) -> None:
            self._cups = queues
            if self.kind.currentData() == "cups":
                self._fill_targets()

        submit(self._runner, self, self._services.cups_queues, done, lambda _exc: None)

    def _kind_chosen(self, _index: int) -> None:
        self.target.setEditText("")
        self._fill_targets()
        self._edited()

    def _fill_targets(self) -> None:
        text = self.target.currentText()
        self.target.blockSignals(True)
        self.target.clear()
        kind = self.kind.currentData()
        if kind == "cups":
            self.target.addItems(self._cups)
        elif kind == "qprinter":
            self.target.addItems(system_printers())
        self.target.setEditText(text)
        self.target.blockSignals(False)
        self._placeholder()

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
        printers = system_printers() if spec.startswith("qprinter:") else []
        self._run(lambda: self._services.check_printer(spec, printers))

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
        spec = str(values.get("label_printer", ""))
        kind, _, target = spec.partition(":")
        if kind not in KINDS:
            kind, target = "file", ""
        self.kind.setCurrentIndex(self.kind.findData(kind))
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
