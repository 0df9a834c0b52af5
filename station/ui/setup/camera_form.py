"""The bench camera: which device, what resolution, which decoder, with a live preview that
reads codes exactly as the bench will."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QPushButton,
    QWidget,
)

from station.capture.devices import v4l2_cameras
from station.capture.frames import SourceError
from station.capture.live import LiveScanner
from station.setup.checks import Check
from station.setup.services import SetupServices
from station.ui.camera_view import CameraView
from station.ui.setup.form import CheckLine, SetupForm
from station.ui.tasks import TaskRunner
from station.ui.texts import arg
from station.ui.widgets import STRETCH, hbox, push_button, select_data, text_label

log = logging.getLogger(__name__)

RESOLUTIONS = ((640, 480), (1280, 720), (1920, 1080))
OTHER_FILE = "video-file"


def camera_devices() -> list[tuple[str, str]]:
    """(name, setting) of each camera the platform sees: on Linux the V4L2 device path OpenCV
    opens, elsewhere its position in Qt's list (the order OpenCV's backends use too)."""
    on_linux = sys.platform.startswith("linux")  # a variable, so mypy checks both branches
    if on_linux:
        return [(name, f"camera:{path}") for name, path in v4l2_cameras()]
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:  # pragma: no cover - depends on the Qt installation
        return []
    return [
        (device.description(), f"camera:{index}")
        for index, device in enumerate(QMediaDevices.videoInputs())
    ]


class CameraForm(SetupForm):
    def __init__(
        self,
        services: SetupServices,
        runner: TaskRunner,
        *,
        devices: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services, self._runner = services, runner
        self.device = QComboBox()
        self.device.setObjectName("cameraDevice")
        self._fixed_items = 0
        self._devices = camera_devices() if devices is None else devices
        self.device.activated.connect(self._device_chosen)
        self.add_row("camera", self.device)
        self.resolution = self.add_choices(
            "camera_width",
            ((f"{width} × {height}", (width, height)) for width, height in RESOLUTIONS),
            self._setting_changed,
        )
        self.decoder = self.add_choices(
            "decoder", (("", "zxing"), ("", "pyzbar")), self._setting_changed
        )

        self.preview = CameraView(None)
        self.preview.setObjectName("cameraPreview")
        self.preview.setMinimumSize(400, 225)
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("previewButton")
        self.preview_button.setCheckable(True)
        self.preview_button.toggled.connect(self._preview_toggled)
        self.check_button = push_button(name="checkCamera", clicked=self.run_check)
        self.outer.addLayout(hbox(self.preview_button, self.check_button, STRETCH))
        self.outer.addWidget(self.preview, 1)
        self.read_line = text_label(name="previewRead")
        self.outer.addWidget(self.read_line)
        self.result = CheckLine("camera")
        self.outer.addWidget(self.result)
        self._scanner: LiveScanner | None = None
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.set_captions(
            {
                "camera": self.tr("Camera"),
                "camera_width": self.tr("Resolution"),
                "decoder": self.tr("Barcode decoder"),
            }
        )
        self.decoder.setItemText(0, self.tr("zxing-cpp (recommended)"))
        self.decoder.setItemText(1, self.tr("pyzbar"))
        self.preview_button.setText(
            self.tr("Stop preview") if self.preview_button.isChecked() else self.tr("Preview")
        )
        self.check_button.setText(self.tr("Check camera"))
        current = self.setting()
        self._fill_devices(current)

    def _fill_devices(self, current: str) -> None:
        self.device.blockSignals(True)
        self.device.clear()
        self.device.addItem(self.tr("Default (first camera; the demo camera in demo mode)"), "")
        for name, spec in self._devices:
            self.device.addItem(name, spec)
        self.device.addItem(self.tr("No camera (hand scanner only)"), "none")
        self.device.addItem(self.tr("Video file…"), OTHER_FILE)
        self._fixed_items = self.device.count()
        self._select(current)
        self.device.blockSignals(False)

    def _select(self, spec: str) -> None:
        index = self.device.findData(spec)
        if index < 0:  # a setting none of the entries makes (a device path typed into the file)
            self.device.addItem(spec, spec)
            index = self.device.count() - 1
        self.device.setCurrentIndex(index)

    # -- choosing --------------------------------------------------------------------------------

    def setting(self) -> str:
        data = self.device.currentData() if self.device.count() else ""
        return "" if data in (None, OTHER_FILE) else str(data)

    def _device_chosen(self, _index: int) -> None:
        if self.device.currentData() == OTHER_FILE:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Video file"), "", self.tr("Videos (*.avi *.mp4 *.mkv *.mov)")
            )
            self._select(f"video:{chosen}" if chosen else "")
        self._setting_changed()

    def _setting_changed(self) -> None:
        self.result.clear_check()
        self.read_line.clear()
        if self.preview_button.isChecked():
            self.stop_preview()
            self.start_preview()
        self.changed.emit()

    # -- preview and check -------------------------------------------------------------------------

    def _preview_toggled(self, on: bool) -> None:
        if on:
            self.start_preview()
        else:
            self.stop_preview()
        self.retranslate()

    def start_preview(self) -> None:
        width, height = self.resolution.currentData()
        spec = self.setting()
        if spec == "none":
            self.result.show_error(self.tr("No camera is chosen."))
            self.preview_button.setChecked(False)
            return
        try:
            decoder = self.decoder.currentData()
            scanner = self._services.preview_scanner(spec, width, height, decoder)
        except (ValueError, SourceError) as exc:
            self.result.show_error(str(exc))
            self.preview_button.setChecked(False)
            return
        self._scanner = scanner
        self._swap_view(CameraView(scanner))
        self.preview.scanned.connect(self._read)
        self.preview.start()

    def stop_preview(self) -> None:
        # joining the camera threads can take a frame or two (more with a stuck driver)
        self._runner.submit(self.detach_preview())

    def detach_preview(self) -> Callable[[], None]:
        """Take the preview off the screen; the returned call stops its camera (run it on a
        worker, before anything else opens the device)."""
        if self.preview_button.isChecked():
            self.preview_button.blockSignals(True)
            self.preview_button.setChecked(False)
            self.preview_button.blockSignals(False)
            self.retranslate()
        scanner, self._scanner = self._scanner, None
        if scanner is None:
            return lambda: None
        self._swap_view(CameraView(None))
        return scanner.stop

    def _swap_view(self, view: CameraView) -> None:
        view.setObjectName("cameraPreview")
        view.setMinimumSize(400, 225)
        self.outer.replaceWidget(self.preview, view)
        old, self.preview = self.preview, view
        old.hide()
        QTimer.singleShot(0, old.deleteLater)

    def _read(self, text: str, _seen_at: float) -> None:
        self.read_line.setText(arg(self.tr("Read: %1"), text))

    @property
    def checked(self) -> Check | None:
        return self.result.check

    def run_check(self) -> None:
        spec = self.setting()
        width, height = self.resolution.currentData()
        stop_preview = self.detach_preview()  # one user of the device at a time
        self.check_button.setEnabled(False)

        def work() -> Check:
            stop_preview()
            return self._services.check_camera(spec, width, height)

        self.result.run(self._runner, work, lambda: self.check_button.setEnabled(True))

    # -- values ----------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        width, height = self.resolution.currentData()
        return self.unlocked(
            {
                "camera": self.setting(),
                "camera_width": width,
                "camera_height": height,
                "decoder": self.decoder.currentData(),
            }
        )

    def load(self, values: Mapping[str, Any]) -> None:
        self._select(str(values.get("camera", "")))
        size = (int(values.get("camera_width", 1280)), int(values.get("camera_height", 720)))
        index = self.resolution.findData(size)
        if index < 0:
            self.resolution.addItem(f"{size[0]} × {size[1]}", size)
            index = self.resolution.count() - 1
        self.resolution.setCurrentIndex(index)
        select_data(self.decoder, values.get("decoder", "zxing"))

    def lock(self, overrides: Mapping[str, str]) -> None:
        super().lock(overrides)
        if "camera_height" in overrides:
            self.resolution.setEnabled(False)
