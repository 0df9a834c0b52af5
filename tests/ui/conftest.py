from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from station import app
from station.ui.application import build_window
from station.ui.main_window import MainWindow


def type_keys(widget: QWidget, text: str, *, enter: bool = True) -> None:
    """Key presses through the window system's path, as a keyboard or a wedge scanner sends
    them: the window gets them and Qt routes them to whatever has the focus."""
    handle = widget.window().windowHandle()
    assert handle is not None
    for ch in text:
        QTest.keyClick(handle, ch)
    if enter:
        QTest.keyClick(handle, Qt.Key.Key_Return)


class HumanClock:
    """A clock on which every key press comes 200 ms after the one before: a person typing."""

    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        self.t += 0.2
        return self.t


def type_by_hand(window: MainWindow, text: str, *, enter: bool = True) -> None:
    wedge = window.wedge
    saved, wedge.clock = wedge.clock, HumanClock()
    try:
        type_keys(window, text, enter=enter)
    finally:
        wedge.flush_now()
        wedge.clock = saved


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
