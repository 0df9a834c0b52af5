"""Settings from the station window: admins only, the bench camera lent to the dialog and
given back, the dialog gone when the station locks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from station import app
from station.capture.frames import VideoFileSource
from station.capture.live import LiveScanner
from station.config import load_settings
from station.ui.application import build_window
from station.ui.main_window import MainWindow
from tests.ui.conftest import type_by_hand

WAIT = 15_000


@pytest.fixture
def admin_window(
    qtbot, qapp: QApplication, demo_station: app.Station, tmp_path: Path, clip: Path
) -> Iterator[MainWindow]:
    config = tmp_path / "station.toml"
    settings = demo_station.settings.model_copy(update={"language": "en"})
    setup = app.setup_services(
        settings,
        config_path=config,
        reload=lambda: load_settings(config, data_dir=settings.data_dir),
    )
    camera = LiveScanner(VideoFileSource(clip, loop=True))
    win = build_window(
        qapp,
        workflow=demo_station.workflow,
        auth=demo_station.auth,
        outbox_status=demo_station.outbox_status,
        settings=settings,
        camera=camera,
        setup=setup,
    )
    qtbot.addWidget(win)
    win.resize(1280, 760)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    yield win
    win.close()


def log_in(qtbot, window: MainWindow, badge: str, pin: str) -> None:
    with qtbot.waitSignal(window.login_view.logged_in, timeout=WAIT):
        type_by_hand(window, badge)
        type_by_hand(window, pin)


def test_an_admin_opens_settings_and_gets_the_camera_back_after(
    qtbot, admin_window: MainWindow
) -> None:
    log_in(qtbot, admin_window, "A0001", "0000")
    assert admin_window.settings_button.isVisible()
    camera = admin_window.bench.camera_view
    qtbot.waitUntil(lambda: camera.frames_shown > 0, timeout=WAIT)
    admin_window.settings_action.trigger()
    qtbot.waitUntil(lambda: admin_window.settings_dialog is not None, timeout=WAIT)
    dialog = admin_window.settings_dialog
    assert dialog is not None and dialog.isVisible()
    assert camera.scanner is not None and camera.scanner.reader.state.value == "stopped"
    dialog.reject()
    qtbot.waitUntil(lambda: admin_window.settings_dialog is None)
    shown = camera.frames_shown
    qtbot.waitUntil(lambda: camera.frames_shown > shown, timeout=WAIT)


def test_an_inspector_is_told_settings_are_for_admins(qtbot, admin_window: MainWindow) -> None:
    log_in(qtbot, admin_window, "I1001", "1234")
    assert not admin_window.settings_button.isVisible()
    admin_window.settings_action.trigger()
    assert admin_window.settings_dialog is None
    assert "Only admins" in admin_window.bench.notice.text()


def test_the_idle_lock_closes_an_open_settings_dialog(qtbot, admin_window: MainWindow) -> None:
    log_in(qtbot, admin_window, "A0001", "0000")
    admin_window.open_settings()
    qtbot.waitUntil(lambda: admin_window.settings_dialog is not None, timeout=WAIT)
    admin_window.lock()
    qtbot.waitUntil(lambda: admin_window.settings_dialog is None, timeout=WAIT)
    assert admin_window.screen_name == "login"
    assert not admin_window.settings_button.isVisible() or admin_window.user is None


def test_a_scan_while_the_dialog_is_open_does_not_reach_the_bench(
    qtbot, admin_window: MainWindow
) -> None:
    log_in(qtbot, admin_window, "A0001", "0000")
    admin_window.open_settings()
    qtbot.waitUntil(lambda: admin_window.settings_dialog is not None, timeout=WAIT)
    dialog = admin_window.settings_dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    scans: list[str] = []
    admin_window.wedge.scanned.connect(scans.append)
    field = dialog.station.station_id
    field.clear()
    field.setFocus()
    QTest.keyClicks(field, "ST-HZ12")  # as fast as a scanner types
    QTest.keyClick(field, Qt.Key.Key_Return)
    admin_window.wedge.flush_now()
    assert field.text() == "ST-HZ12"
    assert scans == []
