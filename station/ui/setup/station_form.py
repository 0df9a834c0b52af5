"""The station itself: its id, language, data folder and idle lock."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from station.ui.setup.form import SetupForm
from station.ui.widgets import hbox, holder, push_button, select_data, text_label

LANGUAGES = ("zh_CN", "en", "system")


class StationForm(SetupForm):
    def __init__(
        self,
        *,
        with_data_dir: bool = True,
        with_language: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.station_id = QLineEdit()
        self.station_id.setMaxLength(20)
        self.station_id.setPlaceholderText("ST-HZ01")
        self.station_id.textChanged.connect(self.changed)
        self.add_row("station_id", self.station_id)

        self.language = self.add_choices(
            "language", (("", code) for code in LANGUAGES), self.changed
        )
        self.with_language, self.with_data_dir = with_language, with_data_dir
        if not with_language:  # asked on a page of its own
            self.rows.setRowVisible(self.rows.rowCount() - 1, False)

        self.data_dir = QLineEdit()
        self.data_dir.textEdited.connect(self.changed)
        self.browse = push_button(name="secondaryButton", clicked=self._browse)
        self.data_hint = text_label(name="setupHint", wrap=True)
        self.add_row("data_dir", holder(hbox((self.data_dir, 1), self.browse, margins=0)))
        self.outer.addWidget(self.data_hint)
        if not with_data_dir:  # the wizard sets up the folder it was started on
            self.rows.setRowVisible(self.rows.rowCount() - 1, False)
            self.data_hint.hide()

        self.idle_lock = QSpinBox()
        self.idle_lock.setRange(1, 240)
        self.idle_lock.valueChanged.connect(self.changed)
        self.add_row("idle_lock_minutes", self.idle_lock)
        self.outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_captions(
            {
                "station_id": self.tr("Station id"),
                "language": self.tr("Language"),
                "idle_lock_minutes": self.tr("Lock after idle (minutes)"),
                "data_dir": self.tr("Data folder"),
            }
        )
        for index, text in enumerate(
            (self.tr("中文（简体）"), self.tr("English"), self.tr("Follow the system"))
        ):
            self.language.setItemText(index, text)
        self.browse.setText(self.tr("Choose…"))
        self.data_hint.setText(
            self.tr(
                "The database, photos and logs live here. A new folder starts empty: move the "
                "old one's contents there first, or its users come from the central service."
            )
        )

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Data folder"), self.data_dir.text()
        )
        if chosen:
            self.data_dir.setText(chosen)
            self.changed.emit()

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "station_id": self.station_id.text().strip().upper(),
            "language": self.language.currentData(),
            "idle_lock_minutes": self.idle_lock.value(),
        }
        if not self.with_language:
            del values["language"]
        if self.with_data_dir:
            values["data_dir"] = self.data_dir.text().strip()
        return self.unlocked(values)

    def load(self, values: Mapping[str, Any]) -> None:
        self.station_id.setText(str(values.get("station_id", "")))
        select_data(self.language, values.get("language", "zh_CN"))
        self.data_dir.setText(str(values.get("data_dir") or Path()))
        self.idle_lock.setValue(int(values.get("idle_lock_minutes", 5)))
