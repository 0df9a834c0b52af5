from __future__ import annotations

from station import app
from station.protocol.badges import hash_secret_with_pin, new_secret
from station.protocol.enums import Role
from station.protocol.wire import Change, ChangeKind, ChangesPage, UserChange
from station.sync.pull import apply_page
from station.ui.main_window import MainWindow
from tests.conftest import NOW
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


def test_a_badge_central_issued_is_scanned_whole_and_signs_in_with_its_key(
    qtbot, window: MainWindow, demo_station: app.Station
) -> None:
    """The code on a badge central issued is longer than a badge number and full of capitals
    and dashes: a hand scanner sends it with Shift around every capital, in a burst."""
    secret = new_secret()
    user = UserChange(
        badge_id="S8101",
        display_name="钱主管",
        role=Role.SUPERVISOR,
        pin_hash=hash_secret_with_pin(secret, "246810"),
    )
    change = Change(
        seq=1, kind=ChangeKind.USER, key="S8101", body=user.model_dump(mode="json"), at=NOW
    )
    page = ChangesPage(changes=[change], cursor="1", more=False)
    demo_station.db.run(lambda s: apply_page(s, page, previous=None, station_id="ST-TEST", now=NOW))
    code = f"RSB1-S8101-{secret}"
    window.login_view.pin.setFocus()
    type_keys(window, code)
    assert window.login_view.badge.text() == code
    assert window.login_view.pin.hasFocus()
    with qtbot.waitSignal(window.login_view.logged_in, timeout=10_000) as signal:
        type_by_hand(window, "246810")
    signed_in = signal.args[0]
    assert signed_in.badge_id == "S8101" and signed_in.badge is not None
