from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from station import app
from station.config import Settings
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


def shown_window(
    qtbot,
    station: app.Station,
    *,
    language: str = "en",
    size: tuple[int, int] = (1280, 760),
    settings: Settings | None = None,
    **services: Any,
) -> MainWindow:
    """The station's window over ``station``, built as the application builds it, shown and
    active (keys typed go to it)."""
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    win = build_window(
        qapp,
        workflow=station.workflow,
        auth=station.auth,
        outbox_status=station.outbox_status,
        settings=(settings or station.settings).model_copy(update={"language": language}),
        **services,
    )
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def log_in(qtbot, win: MainWindow, badge: str = "I1001", pin: str = "1234") -> None:
    with qtbot.waitSignal(win.login_view.logged_in, timeout=10_000):
        type_by_hand(win, badge)
        type_by_hand(win, pin)


@pytest.fixture
def window(qtbot, demo_station: app.Station) -> Iterator[MainWindow]:
    win = shown_window(qtbot, demo_station, review=demo_station.review)
    yield win
    win.close()


@pytest.fixture
def logged_in(qtbot, window: MainWindow) -> MainWindow:
    log_in(qtbot, window)
    return window
