from __future__ import annotations

from station.ui.main_window import MainWindow
from tests.ui.conftest import type_by_hand, type_keys


def test_the_station_starts_at_the_login_screen(window: MainWindow) -> None:
    assert window.pages.currentWidget() is window.login_view
    assert window.login_view.badge.hasFocus()


def test_log_in_by_typing_badge_and_pin(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.login_view.logged_in, timeout=10_000) as signal:
        type_by_hand(window, "i1001")  # Enter moves on to the PIN
        assert window.login_view.pin.hasFocus()
        type_by_hand(window, "1234")
    assert signal.args[0].display_name == "王芳"
    assert window.pages.currentWidget() is window.bench
    assert "王芳" in window.user_label.text()


def test_a_badge_scan_fills_the_badge_and_asks_for_the_pin(qtbot, window: MainWindow) -> None:
    window.login_view.pin.setFocus()
    type_keys(window, "S9001")  # a burst ending in Enter, like the hand scanner
    assert window.login_view.badge.text() == "S9001"
    assert window.login_view.pin.hasFocus()
    with qtbot.waitSignal(window.login_view.logged_in, timeout=10_000) as signal:
        type_by_hand(window, "9999")
    assert signal.args[0].role == "supervisor"


def test_a_wrong_pin_says_how_many_attempts_are_left(qtbot, window: MainWindow) -> None:
    view = window.login_view
    view.badge.setText("I1002")
    view.pin.setText("0000")
    view.attempt()
    qtbot.waitUntil(lambda: "attempts left" in view.message.text(), timeout=10_000)
    assert "4 attempts left" in view.message.text()
    assert view.pin.text() == "" and window.pages.currentWidget() is view


def test_empty_fields_are_asked_for(window: MainWindow) -> None:
    window.login_view.attempt()
    assert "badge" in window.login_view.message.text()
