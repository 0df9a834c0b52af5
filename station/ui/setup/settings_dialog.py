"""The settings dialog: every setting of the station on six tabs, checked before it is saved.

Saving validates every value first (a bad one is named on its row and nothing is written),
then checks the devices and the service that changed; when one of those checks fails the
problems are listed and Save becomes "Save anyway", because a printer that is off today may be
right tomorrow. The file is written whole or not at all. Values the running station can take
at once apply at once; for the others the dialog offers to restart the station.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QTabWidget,
    QWidget,
)

from station.config import ConfigError
from station.setup.checks import Check
from station.setup.config_file import InvalidSettings, validate
from station.setup.services import SetupServices
from station.setup.support import BundleReport
from station.ui.owned_tasks import submit
from station.ui.setup.camera_form import CameraForm
from station.ui.setup.central_form import CentralForm
from station.ui.setup.form import SetupForm
from station.ui.setup.messages import check_message
from station.ui.setup.printer_form import PrinterForm
from station.ui.setup.recording_form import RecordingForm
from station.ui.setup.station_form import StationForm
from station.ui.tasks import TaskRunner
from station.ui.texts import arg
from station.ui.widgets import (
    STRETCH,
    ask_save_path,
    hbox,
    holder,
    push_button,
    set_tone,
    text_label,
    vbox,
)

log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    applied = Signal(dict)  # the settings saved, for those the station takes at once
    restart_requested = Signal()
    first_run_requested = Signal()

    def __init__(
        self,
        services: SetupServices,
        runner: TaskRunner,
        *,
        devices: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setModal(True)
        self.resize(860, 640)
        self._services, self._runner = services, runner
        self._confirmed_problems: list[str] = []
        self.restart_keys: list[str] = []
        self.saved = False

        self.station = StationForm()
        self.central = CentralForm(services, runner, station_id=self._station_id)
        self.camera = CameraForm(services, runner, devices=devices)
        self.printer = PrinterForm(services, runner)
        self.recording = RecordingForm()
        self.forms: list[SetupForm] = [
            self.station,
            self.central,
            self.camera,
            self.printer,
            self.recording,
        ]
        self.tabs = QTabWidget()
        for form in self.forms:
            self.tabs.addTab(form, "")
            form.changed.connect(self._edited)
        self.tabs.addTab(self._support_tab(), "")

        self.message = text_label(name="settingsMessage", wrap=True)
        self.message.hide()
        self.save_button = push_button(name="saveSettings", clicked=self.save)
        self.save_button.setDefault(True)
        self.restart_button = push_button(name="restartStation", clicked=self._restart)
        self.restart_button.hide()
        self.cancel_button = push_button(name="secondaryButton", clicked=self.reject)
        vbox(
            (self.tabs, 1),
            self.message,
            hbox(STRETCH, self.restart_button, self.cancel_button, self.save_button),
            parent=self,
        )

        values = {**services.settings.model_dump(mode="json"), **services.file_values()}
        for form in self.forms:
            form.load(values)
        overrides = services.environment_overrides()
        for form in self.forms:
            form.lock(overrides)
        self._loaded = self._collect()
        self.retranslate()

    def _support_tab(self) -> QWidget:
        self.support_note = text_label(wrap=True)
        self.bundle_button = push_button(name="supportBundle", clicked=self.export_bundle)
        self.bundle_result = text_label(name="checkLine", wrap=True)
        self.wizard_button = push_button(name="rerunFirstRun", clicked=self._first_run)
        self.config_note = text_label(name="setupHint", wrap=True)
        return holder(
            vbox(
                self.support_note,
                self.bundle_button,
                self.bundle_result,
                self.wizard_button,
                self.config_note,
                STRETCH,
            )
        )

    def retranslate(self) -> None:
        self.setWindowTitle(arg(self.tr("Settings · %1"), self._station_id()))
        for index, title in enumerate(
            (
                self.tr("Station"),
                self.tr("Central service"),
                self.tr("Camera"),
                self.tr("Printer"),
                self.tr("Recording"),
                self.tr("Support"),
            )
        ):
            self.tabs.setTabText(index, title)
        self.save_button.setText(
            self.tr("Save anyway") if self._confirmed_problems else self.tr("Save")
        )
        self.cancel_button.setText(self.tr("Close") if self.saved else self.tr("Cancel"))
        self.restart_button.setText(self.tr("Restart now"))
        self.support_note.setText(
            self.tr(
                "A support bundle holds the logs, the settings without their secrets, the "
                "database's integrity check and versions. It holds no PINs, tokens, photos or "
                "customer data."
            )
        )
        self.bundle_button.setText(self.tr("Export support bundle…"))
        self.wizard_button.setText(self.tr("Run the first-run wizard again"))
        self.config_note.setText(arg(self.tr("Settings file: %1"), self._services.config_path))

    def _station_id(self) -> str:
        station_id = self.station.values().get("station_id")
        return str(station_id or self._services.settings.station_id)

    # -- saving ------------------------------------------------------------------------------

    def _collect(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for form in self.forms:
            values.update(form.values())
        return values

    def changes(self) -> dict[str, Any]:
        """What differs from what the dialog opened with (only those are written)."""
        now = self._collect()
        return {k: v for k, v in now.items() if self._loaded.get(k) != v}

    def _edited(self) -> None:
        self._confirmed_problems = []
        self.message.hide()
        self.retranslate()

    def save(self) -> None:
        changes = self.changes()
        for form in self.forms:
            form.clear_problems()
        if not changes:
            self._show(self.tr("Nothing has changed."), "info")
            return
        try:
            validate({**self._services.file_values(), **_for_file(changes)})
        except InvalidSettings as exc:
            self._refused(exc.problems)
            return
        except ConfigError as exc:
            self._show(arg(self.tr("Could not save: %1"), exc), "error")
            return
        if self._confirmed_problems:
            self._write(changes)
            return
        self._check_then_save(changes)

    def _check_then_save(self, changes: dict[str, Any]) -> None:
        """Check what changed (service, camera, printer); save when all pass."""
        jobs: list[tuple[str, Callable[[], Check]]] = []
        values = self._collect()
        if {"central_url", "central_token", "central_enrolment_code"} & changes.keys() and values[
            "central_url"
        ]:
            url, key, token = (
                values["central_url"],
                values["central_enrolment_code"],
                values["central_token"],
            )
            station_id = self._station_id()
            jobs.append(
                (
                    "central",
                    lambda: self._services.check_central(
                        url, station_id=station_id, enrolment_code=key, token=token
                    ),
                )
            )
        if {"camera", "camera_width", "camera_height"} & changes.keys():
            stop_preview = self.camera.detach_preview()  # the check needs the device
            spec, width, height = values["camera"], values["camera_width"], values["camera_height"]

            def camera_check() -> Check:
                stop_preview()
                return self._services.check_camera(spec, width, height)

            jobs.append(("camera", camera_check))
        if "label_printer" in changes:
            spec = values["label_printer"]
            jobs.append(("printer", lambda: self._services.check_printer(spec)))
        if not jobs:
            self._write(changes)
            return
        self.save_button.setEnabled(False)
        self._show(self.tr("Checking the service and devices…"), "info")

        def work() -> list[tuple[str, Check]]:
            return [(subject, run()) for subject, run in jobs]

        def done(results: list[tuple[str, Check]]) -> None:
            self.save_button.setEnabled(True)
            problems = [check_message(check, subject) for subject, check in results if not check.ok]
            if not problems:
                self._write(changes)
                return
            self._confirmed_problems = problems
            self._show(
                self.tr("Not saved yet:")
                + "\n• "
                + "\n• ".join(problems)
                + "\n"
                + self.tr("Fix them, or save anyway if the device is only unplugged for now."),
                "error",
            )
            self.retranslate()

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self._show(str(exc), "error")

        submit(self._runner, self, work, done, failed)

    def _write(self, changes: dict[str, Any]) -> None:
        self.save_button.setEnabled(False)

        def done(restart_keys: list[str]) -> None:
            self.save_button.setEnabled(True)
            self.saved = True
            self._loaded = self._collect()
            self._confirmed_problems = []
            self.restart_keys = restart_keys
            self.applied.emit(self._collect())
            if restart_keys:
                names = ", ".join(self._key_name(k) for k in restart_keys)
                self._show(
                    arg(self.tr("Saved. The station uses the new %1 after a restart."), names),
                    "ok",
                )
                self.restart_button.show()
            else:
                self._show(self.tr("Saved."), "ok")
            self.retranslate()

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            if isinstance(exc, InvalidSettings):
                self._refused(exc.problems)
            else:
                self._show(arg(self.tr("Could not save: %1"), exc), "error")

        file_changes = _for_file(changes)
        submit(self._runner, self, lambda: self._services.save(file_changes), done, failed)

    def _refused(self, problems: dict[str, str]) -> None:
        shown: list[str] = []
        first_tab = -1
        for index, form in enumerate(self.forms):
            keys = form.show_problems(problems)
            if keys and first_tab < 0:
                first_tab = index
            shown += keys
        if first_tab >= 0:
            self.tabs.setCurrentIndex(first_tab)
        rest = [f"{k}: {v}" for k, v in problems.items() if k not in shown]
        text = self.tr("Not saved: some values cannot be used; they are marked.")
        self._show("\n".join([text, *rest]), "error")

    def _key_name(self, key: str) -> str:
        names = {
            "station_id": self.tr("station id"),
            "language": self.tr("language"),
            "data_dir": self.tr("data folder"),
            "central_url": self.tr("central service"),
            "central_token": self.tr("central service"),
            "central_enrolment_code": self.tr("central service"),
            "camera": self.tr("camera"),
            "camera_width": self.tr("camera"),
            "camera_height": self.tr("camera"),
            "decoder": self.tr("decoder"),
            "label_printer": self.tr("printer"),
            "label_size": self.tr("label size"),
            "label_language": self.tr("label language"),
        }
        if key.startswith("recording") or key == "upload_kbps":
            return self.tr("recording settings")
        return names.get(key, key)

    def _show(self, text: str, tone: str) -> None:
        self.message.setText(text)
        set_tone(self.message, tone)
        self.message.show()

    def _restart(self) -> None:
        self.restart_requested.emit()
        self.accept()

    def _first_run(self) -> None:
        self.first_run_requested.emit()

    # -- support -------------------------------------------------------------------------------

    def export_bundle(self, target: Path | None = None) -> None:
        if target is None:
            name = f"support-{self._services.settings.station_id}-{datetime.now():%Y%m%d-%H%M}.zip"
            chosen = ask_save_path(
                self, self.tr("Export support bundle"), str(Path.home() / name), "Zip (*.zip)"
            )
            if chosen is None:
                return
            target = chosen
        self.bundle_button.setEnabled(False)
        self.bundle_result.setText(self.tr("Writing the support bundle…"))
        set_tone(self.bundle_result, "info")
        out = target

        def done(report: BundleReport) -> None:
            self.bundle_button.setEnabled(True)
            text = arg(
                self.tr("Written: %1 (%2 KB). Database check: %3"),
                report.path,
                f"{report.size / 1024:,.0f}",
                report.integrity,
            )
            self.bundle_result.setText(text)
            set_tone(self.bundle_result, "ok" if report.integrity == "ok" else "error")

        def failed(exc: BaseException) -> None:
            self.bundle_button.setEnabled(True)
            self.bundle_result.setText(arg(self.tr("Could not write the support bundle: %1"), exc))
            set_tone(self.bundle_result, "error")

        submit(self._runner, self, lambda: self._services.support_bundle(out), done, failed)

    # -- closing -------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self.camera.stop_preview()
        super().done(result)


def _for_file(changes: dict[str, Any]) -> dict[str, Any]:
    """Empty text removes the key from the file, so the default applies again."""
    return {k: ("" if v is None else v) for k, v in changes.items()}
