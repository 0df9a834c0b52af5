"""The settings dialog: bad values named on their row and nothing saved, failed device and
service checks listed before anything is written, restarts asked for only when needed."""

from __future__ import annotations

import tomllib
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from station.setup.services import SetupServices
from station.ui.setup.settings_dialog import SettingsDialog
from station.ui.tasks import TaskRunner
from tests.central.servers import CentralServer
from tests.printing.cups_server import QUEUE, CupsServer
from tests.printing.fake_zebra import FakeZebra, closed_port

WAIT = 15_000


@pytest.fixture
def dialog(qtbot, services: SetupServices, runner: TaskRunner) -> SettingsDialog:
    shown = SettingsDialog(services, runner, devices=[("USB Camera", "camera:/dev/video0")])
    qtbot.addWidget(shown)
    shown.show()
    return shown


def saved_values(config: Path) -> dict[str, object]:
    return tomllib.loads(config.read_text())["station"] if config.exists() else {}


def click_save(qtbot, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_a_bad_address_is_named_on_its_row_and_nothing_is_saved(
    qtbot, dialog: SettingsDialog, config: Path
) -> None:
    dialog.central.offline.setChecked(False)
    dialog.central.url.setText("central:8765")
    dialog.station.idle_lock.setValue(9)  # a good change alongside: not saved either
    click_save(qtbot, dialog)
    problem = dialog.central.problems["central_url"]
    assert problem.isVisible() and "http://" in problem.text()
    assert dialog.tabs.currentWidget() is dialog.central
    assert "Not saved" in dialog.message.text()
    assert not config.exists()


def test_an_unreachable_service_is_reported_before_saving_and_can_be_saved_anyway(
    qtbot, dialog: SettingsDialog, config: Path
) -> None:
    dialog.central.offline.setChecked(False)
    dialog.central.url.setText(f"http://127.0.0.1:{closed_port()}")
    dialog.central.key.setText("enrol-key-for-later-0001")
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: "Not saved yet" in dialog.message.text(), timeout=WAIT)
    assert "Nothing answers" in dialog.message.text()
    assert dialog.save_button.text() == "Save anyway"
    assert not config.exists()
    click_save(qtbot, dialog)
    # the file is written on a worker before the dialog hears it was: wait for the dialog
    qtbot.waitUntil(lambda: dialog.restart_button.isVisible(), timeout=WAIT)
    assert saved_values(config)["central_url"].startswith("http://127.0.0.1:")  # type: ignore[union-attr]
    assert "central service" in dialog.message.text()


def test_test_connection_registers_with_a_working_service(
    qtbot, dialog: SettingsDialog, services: SetupServices, central: CentralServer
) -> None:
    dialog.station.station_id.setText("ST-UI-SET1")
    dialog.central.offline.setChecked(False)
    dialog.central.url.setText(central.base_url)
    dialog.central.key.setText(central.enrolment_code("ST-UI-SET1"))
    qtbot.mouseClick(dialog.central.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.central.checked is not None, timeout=WAIT)
    assert dialog.central.checked.ok, dialog.central.result.text()  # type: ignore[union-attr]
    assert "Connected" in dialog.central.result.text()
    assert (services.paths.root / "central-token").read_text()


def test_a_missing_camera_is_reported_and_nothing_is_saved(
    qtbot, dialog: SettingsDialog, config: Path
) -> None:
    dialog.camera.load({"camera": "camera:/dev/video-not-here"})
    dialog.camera.changed.emit()
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: "Not saved yet" in dialog.message.text(), timeout=WAIT)
    assert "No such camera" in dialog.message.text()
    assert not config.exists()


def test_a_missing_printer_is_reported_and_nothing_is_saved(
    qtbot, dialog: SettingsDialog, config: Path
) -> None:
    form = dialog.printer
    form.kind.setCurrentIndex(form.kind.findData("zpl"))
    form.target.setEditText(f"127.0.0.1:{closed_port()}")
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: "Not saved yet" in dialog.message.text(), timeout=WAIT)
    assert "No such printer" in dialog.message.text()
    assert not config.exists()


def test_choosing_cups_offers_the_queues_this_computer_knows(
    qtbot, dialog: SettingsDialog, cups: CupsServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CUPS_SERVER", cups.server)
    form = dialog.printer
    assert not form.browse.isHidden()  # PDFs in a folder: one may be picked
    form.kind.setCurrentIndex(form.kind.findData("cups"))
    form.kind.activated.emit(form.kind.currentIndex())
    qtbot.waitUntil(lambda: form.target.findText(QUEUE) >= 0, timeout=WAIT)
    line = form.target.lineEdit()
    assert line is not None and line.placeholderText() == "queue name, e.g. Zebra_ZD421"
    assert form.browse.isHidden()
    form.target.setCurrentIndex(form.target.findText(QUEUE))
    assert form.spec() == f"cups:{QUEUE}"


def test_a_working_printer_is_saved_and_its_test_print_arrives(
    qtbot, dialog: SettingsDialog, config: Path, zebra: FakeZebra
) -> None:
    form = dialog.printer
    form.kind.setCurrentIndex(form.kind.findData("zpl"))
    form.target.setEditText(f"127.0.0.1:{zebra.port}")
    form.label_size.setCurrentIndex(form.label_size.findData("60x40"))
    qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.checked is not None, timeout=WAIT)
    assert form.checked.ok  # type: ignore[union-attr]
    assert zebra.wait_labels(1)
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: config.exists(), timeout=WAIT)
    assert saved_values(config)["label_printer"] == f"zpl:127.0.0.1:{zebra.port}"
    assert saved_values(config)["label_size"] == "60x40"


def test_the_idle_lock_applies_at_once_without_a_restart(
    qtbot, dialog: SettingsDialog, config: Path
) -> None:
    dialog.station.idle_lock.setValue(12)
    with qtbot.waitSignal(dialog.applied, timeout=WAIT) as applied:
        click_save(qtbot, dialog)
    assert applied.args[0]["idle_lock_minutes"] == 12
    assert saved_values(config) == {"idle_lock_minutes": 12}  # only what changed is written
    assert dialog.message.text() == "Saved."
    assert not dialog.restart_button.isVisible()


def test_a_new_station_id_needs_a_restart(qtbot, dialog: SettingsDialog, config: Path) -> None:
    dialog.station.station_id.setText("st-hz09")
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.restart_button.isVisible(), timeout=WAIT)
    assert "station id" in dialog.message.text()
    assert saved_values(config)["station_id"] == "ST-HZ09"
    with qtbot.waitSignal(dialog.restart_requested):
        qtbot.mouseClick(dialog.restart_button, Qt.MouseButton.LeftButton)


def test_nothing_changed_writes_nothing(qtbot, dialog: SettingsDialog, config: Path) -> None:
    click_save(qtbot, dialog)
    assert "Nothing has changed" in dialog.message.text()
    assert not config.exists()


def test_a_setting_fixed_by_the_environment_is_shown_locked(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, runner: TaskRunner, english: None
) -> None:
    from station import app
    from station.config import load_settings

    monkeypatch.setenv("STATION_CAMERA", "none")
    config = tmp_path / "station.toml"
    data = tmp_path / "data"
    services = app.setup_services(
        load_settings(config, data_dir=data),
        config_path=config,
        reload=lambda: load_settings(config, data_dir=data),
    )
    dialog = SettingsDialog(services, runner, devices=[])
    qtbot.addWidget(dialog)
    assert not dialog.camera.device.isEnabled()
    assert "STATION_CAMERA" in dialog.camera.device.toolTip()
    assert "camera" not in dialog.camera.values()


def test_the_support_bundle_is_exported_from_the_dialog(
    qtbot, dialog: SettingsDialog, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "support.zip"
    dialog.export_bundle(target)
    qtbot.waitUntil(lambda: "Written" in dialog.bundle_result.text(), timeout=WAIT)
    assert "support.zip" in dialog.bundle_result.text()
    with zipfile.ZipFile(target) as bundle:
        assert "settings.json" in bundle.namelist()


def test_the_camera_preview_reads_through_the_bench_code_path(
    qtbot, dialog: SettingsDialog, clip: Path
) -> None:
    form = dialog.camera
    form.load({"camera": f"video:{clip}"})
    qtbot.mouseClick(form.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.preview.frames_shown > 0, timeout=WAIT)
    assert form.preview_button.text() == "Stop preview"
    qtbot.mouseClick(form.check_button, Qt.MouseButton.LeftButton)  # stops the preview first
    qtbot.waitUntil(lambda: form.checked is not None, timeout=WAIT)
    assert form.checked.ok and "640×480" in form.result.text()  # type: ignore[union-attr]
    assert not form.preview_button.isChecked()


def test_cancel_leaves_the_file_as_it_was(qtbot, dialog: SettingsDialog, config: Path) -> None:
    config.write_text('[station]\nstation_id = "ST-KEEP"\n')
    dialog.station.station_id.setText("ST-OTHER")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert saved_values(config) == {"station_id": "ST-KEEP"}


def test_the_recording_tab_saves_quality_retention_and_the_disk_floor(
    qtbot, dialog: SettingsDialog, config: Path
) -> None:
    form = dialog.recording
    assert form.recording.isChecked() and form.quality.currentData() == "standard"
    assert form.by_category.text() == "electronics=180"
    form.quality.setCurrentIndex(form.quality.findData("high"))
    form.position.setCurrentIndex(form.position.findData("top"))
    form.by_category.setText("electronics=180, luxury=365")
    form.by_category.textEdited.emit(form.by_category.text())
    form.floor.setValue(20.0)
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.restart_button.isVisible(), timeout=WAIT)
    saved = saved_values(config)
    assert saved["recording_quality"] == "high" and saved["recording_overlay"] == "top"
    assert saved["recording_retention_by_category"] == {"electronics": 180, "luxury": 365}
    assert saved["recording_disk_floor_gib"] == 20.0
    assert "recording settings" in dialog.message.text()


def test_retention_by_category_that_does_not_read_is_named_and_nothing_saved(
    qtbot, dialog: SettingsDialog, config: Path
) -> None:
    form = dialog.recording
    form.by_category.setText("electronics for half a year")
    form.by_category.textEdited.emit(form.by_category.text())
    click_save(qtbot, dialog)
    problem = form.problems["recording_retention_by_category"]
    assert problem.isVisible() and dialog.tabs.currentWidget() is form
    assert not config.exists()
