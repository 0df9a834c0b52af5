from __future__ import annotations

from PySide6.QtWidgets import QLineEdit
from sqlalchemy import func, select

from station import app
from station.domain.records import OrderView
from station.protocol.enums import OrderState
from station.store.models import ReturnOrder, UnmatchedParcel
from station.store.queries import order_view
from station.sync.service import SyncStatus
from station.ui.main_window import MainWindow
from station.workflow import InspectionStarted, ParcelUnmatched
from tests.helpers import frame
from tests.ui.conftest import type_by_hand, type_keys


def a_received_order(station: app.Station) -> OrderView:
    return station.db.run(
        lambda s: order_view(
            s.scalars(
                select(ReturnOrder)
                .where(ReturnOrder.state == OrderState.RECEIVED.value)
                .order_by(ReturnOrder.id)
            ).first()
        )
    )


def test_a_wedge_scan_shows_the_order_card_wherever_the_focus_is(
    qtbot, logged_in: MainWindow, demo_station: app.Station
) -> None:
    order = a_received_order(demo_station)
    other = QLineEdit(logged_in.bench.camera_area)  # e.g. a note field a later view adds
    other.show()
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    with qtbot.waitSignal(logged_in.bench.scan_handled, timeout=10_000) as signal:
        type_keys(logged_in, order.rma_no)
    assert isinstance(signal.args[0], InspectionStarted)
    card = logged_in.bench.card
    assert card.heading.text() == order.rma_no
    assert card.field("order_no").startswith(order.order_no)
    assert order.lines[0].title in card.lines.text()
    assert "days ago" in card.window_line.text()
    assert "*" in card.field("customer")
    assert other.text() == ""  # the scan never reached the focused field
    assert logged_in.bench.notice.tone == "ok"


def test_typing_by_hand_still_reaches_the_focused_field(qtbot, logged_in: MainWindow) -> None:
    other = QLineEdit(logged_in.bench.camera_area)
    other.show()
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    type_keys(logged_in, "a", enter=False)
    qtbot.waitUntil(lambda: other.text() == "a")  # held for the burst window, then replayed
    type_keys(logged_in, "b", enter=False)
    qtbot.waitUntil(lambda: other.text() == "ab")


def test_the_scan_field_takes_typed_codes(
    qtbot, logged_in: MainWindow, demo_station: app.Station
) -> None:
    order = a_received_order(demo_station)
    field = logged_in.bench.scan_field
    field.setFocus()
    with qtbot.waitSignal(logged_in.bench.scan_handled, timeout=10_000):
        qtbot.keyClicks(field, order.order_no)
        qtbot.keyClick(field, "\r")
    assert logged_in.bench.card.heading.text() == order.rma_no
    assert field.text() == ""


def test_an_unknown_code_says_unmatched_and_records_it(
    qtbot, logged_in: MainWindow, demo_station: app.Station
) -> None:
    with qtbot.waitSignal(logged_in.bench.scan_handled, timeout=10_000) as signal:
        type_keys(logged_in, "YT9999999999999")
    assert isinstance(signal.args[0], ParcelUnmatched)
    assert logged_in.bench.card.heading.text() == "Unmatched parcel"
    assert "unmatched parcel" in logged_in.bench.notice.text()
    assert logged_in.bench.notice.tone == "warn"
    count = demo_station.db.run(
        lambda s: s.scalar(
            select(func.count())
            .select_from(UnmatchedParcel)
            .where(UnmatchedParcel.code == "YT9999999999999")
        )
    )
    assert count == 1
    qtbot.waitUntil(lambda: "waiting" in logged_in.outbox_label.text())


def test_junk_in_the_scan_field_is_an_error_not_a_crash(qtbot, logged_in: MainWindow) -> None:
    bench = logged_in.bench
    for junk in ("\x00\x7f\x01", "9" * 550):
        with qtbot.waitSignal(bench.scan_handled, timeout=10_000):
            bench.session.code(junk)
        assert bench.notice.tone == "error"
        assert "Not a usable scan" in bench.notice.text()


def test_an_idle_station_locks_and_the_user_logs_back_in(
    qtbot, logged_in: MainWindow, demo_station: app.Station
) -> None:
    order = a_received_order(demo_station)
    with qtbot.waitSignal(logged_in.bench.scan_handled, timeout=10_000):
        type_keys(logged_in, order.rma_no)
    logged_in.idle_lock.set_minutes(0.002)  # 120 ms
    logged_in.idle_lock.arm()
    qtbot.waitUntil(lambda: logged_in.pages.currentWidget() is logged_in.login_view, timeout=5000)
    assert "王芳" in logged_in.login_view.locked_label.text()
    assert logged_in.login_view.badge.text() == "I1001"
    assert logged_in.session.user is None
    with qtbot.waitSignal(logged_in.login_view.logged_in, timeout=10_000):
        type_by_hand(logged_in, "1234")
    assert logged_in.pages.currentWidget() is logged_in.bench
    assert logged_in.bench.card.heading.text() == order.rma_no  # the bench is as it was left


def test_someone_else_logging_in_after_a_lock_gets_a_clear_bench(
    qtbot, logged_in: MainWindow, demo_station: app.Station
) -> None:
    order = a_received_order(demo_station)
    with qtbot.waitSignal(logged_in.bench.scan_handled, timeout=10_000):
        type_keys(logged_in, order.rma_no)
    bench = logged_in.bench
    bench.session.frames = lambda: frame(9)
    bench.session.take_photo()
    qtbot.waitUntil(lambda: bool(bench.photo_strip.photos))  # the first inspector's photo
    logged_in.lock()
    logged_in.login_view.badge.setText("I1002")
    logged_in.login_view.pin.setText("1234")
    with qtbot.waitSignal(logged_in.login_view.logged_in, timeout=10_000):
        logged_in.login_view.attempt()
    assert bench.card.heading.text() != order.rma_no
    assert bench.photo_strip.photos == [] and bench.photo_strip.list.count() == 0
    assert bench.checklist.model is None and not bench.verdict.grade.text().strip("–")
    assert "李强" in logged_in.user_label.text()


def test_the_window_reports_its_first_paint(qtbot, demo_station: app.Station) -> None:
    from PySide6.QtWidgets import QApplication

    from station.ui.application import build_window

    qapp = QApplication.instance()
    win = build_window(
        qapp,
        workflow=demo_station.workflow,
        auth=demo_station.auth,
        outbox_status=demo_station.outbox_status,
        settings=demo_station.settings.model_copy(update={"language": "en"}),
    )
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.first_painted, timeout=5000):
        win.show()


def test_a_supervisor_switches_to_the_review_screens(qtbot, window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    with qtbot.waitSignal(window.login_view.logged_in, timeout=10_000):
        type_by_hand(window, "S9001")
        type_by_hand(window, "9999")
    assert window.review_button.isVisible()
    qtbot.keyClick(window.bench.scan_field, Qt.Key.Key_F10)
    assert window.pages.currentWidget() is window.supervisor_panel
    qtbot.keyClick(window.supervisor_panel, Qt.Key.Key_F10)
    assert window.pages.currentWidget() is window.bench
    window.log_out()
    assert window.supervisor_panel is None


def test_an_inspector_gets_no_review_screens(qtbot, logged_in: MainWindow) -> None:
    assert not logged_in.review_button.isVisible()
    logged_in.toggle_review()
    assert logged_in.pages.currentWidget() is logged_in.bench
    assert "Only supervisors" in logged_in.bench.notice.text()


def test_the_status_bar_keeps_its_fields_when_it_says_something_and_offers_log_out(
    qtbot, logged_in: MainWindow
) -> None:
    assert logged_in.logout_button.isVisible()
    fields = (logged_in.station_label, logged_in.user_label, logged_in.sync_label)
    logged_in.tell("Label printed")
    assert logged_in.message_label.text() == "Label printed"
    assert all(field.isVisible() and field.text() for field in fields)
    logged_in.logout_button.click()
    assert logged_in.screen_name == "login" and not logged_in.logout_button.isVisible()


def test_a_notice_keeps_its_colour_until_the_next_one_and_the_card_shows_the_inspection(
    qtbot, logged_in: MainWindow, demo_station: app.Station
) -> None:
    order = a_received_order(demo_station)
    with qtbot.waitSignal(logged_in.bench.scan_handled, timeout=10_000) as signal:
        type_keys(logged_in, order.rma_no)
    started = signal.args[0]
    assert isinstance(started, InspectionStarted)
    notice = logged_in.bench.notice
    assert notice.tone == "ok" and notice.property("tone") == "ok"
    qtbot.wait(700)  # longer than the flash it used to be: the colour stays
    assert notice.property("tone") == "ok"
    assert started.inspection.id in logged_in.bench.card.inspection_line.text()
    assert logged_in.bench.card.inspection_line.textInteractionFlags()  # selectable: copied
    legend = logged_in.bench.key_legend.text()
    assert "F9/P" in legend and "Ctrl+L" in legend


def test_the_english_bench_fits_a_small_screen(qtbot, logged_in: MainWindow) -> None:
    """English names are longer than Chinese ones: the photo kinds take two rows rather than
    widen the window past a 1366×768 screen, and the order card's values wrap in its column."""
    assert logged_in.minimumSizeHint().width() <= 1280 and logged_in.width() == 1280
    strip = logged_in.bench.photo_strip
    assert strip.kind_columns == 3
    card = logged_in.bench.card
    qtbot.waitUntil(lambda: card.width() > 0)
    assert all(label.wordWrap() for label in card._fields.values())


def test_the_status_bar_warns_of_a_clock_off_from_central_and_clips_waiting(
    logged_in: MainWindow,
) -> None:
    logged_in.sync_changed.emit(SyncStatus(configured=True, online=True, clock_skew_ms=900))
    assert "Clock" not in logged_in.sync_label.text()  # within the Date header's second
    logged_in.sync_changed.emit(
        SyncStatus(
            configured=True,
            online=True,
            clock_skew_ms=-42_000,
            clips_waiting=2,
            clip_bytes_waiting=57_000_000,
        )
    )
    text = logged_in.sync_label.text()
    assert "2 clips (57 MB) to upload" in text and "Clock off by -42 s" in text
    assert logged_in.sync_label.property("tone") == "error"
