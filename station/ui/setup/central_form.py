"""The central service: address, enrolment code or token, and "test connection"."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from station.setup.checks import Check
from station.setup.services import SetupServices
from station.ui.setup.form import CheckLine, SetupForm
from station.ui.tasks import TaskRunner
from station.ui.widgets import push_button


class CentralForm(SetupForm):
    def __init__(
        self,
        services: SetupServices,
        runner: TaskRunner,
        *,
        station_id: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services, self._runner, self._station_id = services, runner, station_id
        self.offline = QCheckBox()
        self.offline.setObjectName("offlineChoice")
        self.offline.toggled.connect(self._offline_toggled)
        self.rows.addRow(self.offline)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://central.example:8765")
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        for key, field in (
            ("central_url", self.url),
            ("central_enrolment_code", self.key),
            ("central_token", self.token),
        ):
            field.textChanged.connect(self._edited)
            self.add_row(key, field)
        self.test = push_button(name="testConnection", clicked=self.run_check)
        self.rows.addRow(self.test)
        self.result = CheckLine("central")
        self.rows.addRow(self.result)
        self.outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.offline.setText(self.tr("Work offline for now (no central service)"))
        self.set_captions(
            {
                "central_url": self.tr("Central service address"),
                "central_enrolment_code": self.tr("Enrolment code"),
                "central_token": self.tr("Station token (if issued)"),
            }
        )
        self.key.setPlaceholderText(self.tr("given by IT; the station registers with it"))
        self.token.setPlaceholderText(self.tr("leave empty when using an enrolment code"))
        self.test.setText(self.tr("Test connection"))

    def _edited(self) -> None:
        self.result.clear_check()
        self.changed.emit()

    def _offline_toggled(self, offline: bool) -> None:
        for key in ("central_url", "central_enrolment_code", "central_token"):
            self.fields[key].setEnabled(not offline and key not in self.locked)
        self.test.setEnabled(not offline)
        self.result.clear_check()
        self.changed.emit()

    @property
    def checked(self) -> Check | None:
        return self.result.check

    def run_check(self) -> None:
        url, key, token = self.url.text(), self.key.text(), self.token.text()
        station_id = self._station_id()
        self.test.setEnabled(False)

        def work() -> Check:
            return self._services.check_central(
                url, station_id=station_id, enrolment_code=key, token=token
            )

        self.result.run(
            self._runner, work, lambda: self.test.setEnabled(not self.offline.isChecked())
        )

    def values(self) -> dict[str, Any]:
        if self.offline.isChecked():
            values = {"central_url": "", "central_enrolment_code": "", "central_token": ""}
        else:
            values = {
                "central_url": self.url.text().strip(),
                "central_enrolment_code": self.key.text().strip(),
                "central_token": self.token.text().strip(),
            }
        return self.unlocked(values)

    def load(self, values: Mapping[str, Any]) -> None:
        self.url.setText(str(values.get("central_url", "")))
        self.key.setText(str(values.get("central_enrolment_code", "")))
        self.token.setText(str(values.get("central_token", "")))
        self.offline.setChecked(not self.url.text())
        self._offline_toggled(self.offline.isChecked())
