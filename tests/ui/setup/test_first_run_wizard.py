"""The first-run wizard: it cannot finish without an admin; "work offline for now" works; it
speaks the language chosen on its first page."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from station import app
from station.config import load_settings
from station.setup.services import SetupServices
from station.ui.setup.first_run_wizard import FirstRunWizard
from station.ui.setup.printer_form import PrinterForm
from station.ui.tasks import TaskRunner
from station.ui.translations import install_translation
from tests.central.servers import CentralServer

WAIT = 15_000


@pytest.fixture
def wizard(qtbot, services: SetupServices, runner: TaskRunner, qapp: QApplication):
    shown = FirstRunWizard(
        services,
        runner,
        switch_language=lambda code: install_translation(qapp, code),  # type: ignore[arg-type]
        devices=[],
    )
    shown.language_page.choose("en")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def next_page(qtbot, wizard: FirstRunWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def walk_to_admin(qtbot, wizard: FirstRunWizard, *, offline: bool = True) -> None:
    next_page(qtbot, wizard)  # language → station
    wizard.station_page.form.station_id.setText("st-wz01")
    next_page(qtbot, wizard)  # → central
    if offline:
        wizard.central_page.form.offline.setChecked(True)
    next_page(qtbot, wizard)  # → camera
    wizard.camera_page.form.load({"camera": "none"})
    next_page(qtbot, wizard)  # → printer
    next_page(qtbot, wizard)  # → admin
    assert wizard.currentPage() is wizard.admin_page


def fill_admin(wizard: FirstRunWizard, pin_again: str = "246810") -> None:
    form = wizard.admin_page.form
    form.badge.setText("A0100")
    form.name.setText("IT Liu")
    form.pin.setText("246810")
    form.pin_again.setText(pin_again)
    form.changed.emit()


def finish(qtbot, wizard: FirstRunWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)


def test_it_cannot_finish_without_an_admin(
    qtbot, wizard: FirstRunWizard, config: Path, services: SetupServices
) -> None:
    walk_to_admin(qtbot, wizard)
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    fill_admin(wizard, pin_again="246811")  # all filled, but the PINs differ
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    finish(qtbot, wizard)
    problem = wizard.admin_page.form.problems["pin"]
    assert problem.isVisible() and "same both times" in problem.text()
    assert wizard.isVisible() and wizard.settings is None
    assert not config.exists()
    assert services.admin_badges() == []


def test_working_offline_for_now_finishes_with_an_admin(
    qtbot, wizard: FirstRunWizard, config: Path, services: SetupServices
) -> None:
    walk_to_admin(qtbot, wizard, offline=True)
    fill_admin(wizard)
    with qtbot.waitSignal(wizard.finished_setup, timeout=WAIT):
        finish(qtbot, wizard)
    values = tomllib.loads(config.read_text())["station"]
    assert values["station_id"] == "ST-WZ01"
    assert values["language"] == "en"
    assert values["camera"] == "none"
    assert "central_url" not in values
    assert services.admin_badges() == ["A0100"]
    station = app.open_station(load_settings(config, data_dir=services.paths.root))
    try:
        assert station.auth.login("A0100", "246810").role.value == "admin"
        assert station.settings.central_url == ""
    finally:
        station.close()


def test_the_central_page_needs_an_address_or_the_offline_choice(
    qtbot, wizard: FirstRunWizard, config: Path
) -> None:
    next_page(qtbot, wizard)
    wizard.station_page.form.station_id.setText("ST-WZ02")
    next_page(qtbot, wizard)
    form = wizard.central_page.form
    form.offline.setChecked(False)
    form.url.setText("")
    form.changed.emit()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    form.url.setText("central:8765")
    form.changed.emit()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.central_page  # refused: stays
    assert form.problems["central_url"].isVisible()


def test_a_connected_station_registers_and_keeps_its_token(
    qtbot, wizard: FirstRunWizard, config: Path, services: SetupServices, central: CentralServer
) -> None:
    next_page(qtbot, wizard)
    wizard.station_page.form.station_id.setText("ST-WZ03")
    next_page(qtbot, wizard)
    form = wizard.central_page.form
    form.offline.setChecked(False)
    form.url.setText(central.base_url)
    form.key.setText(central.enrolment_code("ST-WZ03"))
    qtbot.mouseClick(form.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.checked is not None, timeout=WAIT)
    assert form.checked.ok, form.result.text()  # type: ignore[union-attr]
    for _ in range(3):
        next_page(qtbot, wizard)
    fill_admin(wizard)
    with qtbot.waitSignal(wizard.finished_setup, timeout=WAIT):
        finish(qtbot, wizard)
    assert tomllib.loads(config.read_text())["station"]["central_url"] == central.base_url
    assert (services.paths.root / "central-token").read_text()


def test_a_station_with_an_admin_may_finish_without_a_new_one(
    qtbot, wizard: FirstRunWizard, config: Path
) -> None:
    wizard.set_existing_admins(["A0001"])
    walk_to_admin(qtbot, wizard)
    assert "A0001" in wizard.admin_page.form.note.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_the_wizard_speaks_the_language_chosen_on_its_first_page(
    qtbot, wizard: FirstRunWizard
) -> None:
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "Next"
    wizard.language_page.choose("zh_CN")
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.NextButton).text() == "下一步")
    assert wizard.station_page.form.captions["station_id"].text() == "工作台编号"
    printer = wizard.printer_page.form
    assert isinstance(printer, PrinterForm)
    assert printer.kind.itemText(printer.kind.findData("cups")) == "CUPS 打印队列"
    wizard.language_page.choose("en")
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.NextButton).text() == "Next")
    assert printer.kind.itemText(printer.kind.findData("cups")) == "CUPS printer queue"
