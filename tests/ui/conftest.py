from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from station import app
from station.ui.application import build_window
from station.ui.main_window import MainWindow
from tests.ui.keys import hid_keys, send_keys


def type_keys(
    widget: QWidget,
    text: str,
    *,
    enter: bool = True,
    gap_ms: int = 8,
    suffix: Qt.Key = Qt.Key.Key_Return,
    aim: str = "",
) -> None:
    """Keys as a USB hand scanner in keyboard mode sends them, through the window system's
    path (the window gets them; Qt routes them to whatever has the focus): Shift pressed and
    released around every capital, ``gap_ms`` between keys, the suffix key at the end."""
    send_keys(widget, hid_keys(aim + text, gap_ms=gap_ms, suffix=suffix if enter else None))


def type_by_hand(window: MainWindow, text: str, *, enter: bool = True) -> None:
    """A person typing: 200 ms between keys, so every key reaches the focused widget."""
    send_keys(window, hid_keys(text, gap_ms=200, suffix=Qt.Key.Key_Return if enter else None))
    window.wedge.flush_now()


@pytest.fixture
def window(qtbot, demo_station: app.Station) -> Iterator[MainWindow]:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    settings = demo_station.settings.model_copy(update={"language": "en"})
    win = build_window(
        qapp,
        workflow=demo_station.workflow,
        auth=demo_station.auth,
        outbox_status=demo_station.outbox_status,
        settings=settings,
        review=demo_station.review,
    )
    qtbot.addWidget(win)
    win.resize(1280, 760)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: win.isActiveWindow())
    yield win
    win.close()


@pytest.fixture
def logged_in(qtbot, window: MainWindow) -> MainWindow:
    with qtbot.waitSignal(window.login_view.logged_in, timeout=10_000):
        type_by_hand(window, "I1001")
        type_by_hand(window, "1234")
    return window
