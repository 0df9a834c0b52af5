"""The keyboard wedge with key sequences exactly as USB hand scanners send them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from station import app
from station.bench.checklist import ChecklistModel
from station.bench.notices import Say
from station.domain.records import UserView
from station.ui.main_window import MainWindow
from station.ui.wedge import ScannerWedge
from tests.bench.test_session import received_order
from tests.ui.conftest import log_in
from tests.ui.keys import Key, ends_at, hid_keys, later, send_keys, tap

CODES = [
    "RMA20261105000001",  # RMA no.
    "SF6608565178836",  # SF waybill
    "JDVB12345678901",  # JD waybill
    "YT7512345678901",  # YTO waybill
    "261118093412345678",  # order no.
    "6901234567892",  # EAN-13
    "RSCMD-PASS",  # command card
    "AP-TS-01-M",  # a SKU
]


class Bench(QWidget):
    """A focused text field, and single-letter hotkeys like the bench's P (photo), R (retake)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.field = QLineEdit()
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        self.hotkeys: list[str] = []

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text():  # Shift alone is no hotkey
            self.hotkeys.append(event.text())


def focus(qtbot, widget: QWidget) -> None:
    """Give ``widget`` the focus, as a click would, and wait until it has it."""
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


@pytest.fixture
def bench(qtbot) -> Iterator[tuple[Bench, ScannerWedge, list[str]]]:
    widget = Bench()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    wedge = ScannerWedge(widget)
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(wedge)
    yield widget, wedge, scans
    app.removeEventFilter(wedge)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("gap_ms", [2, 8, 30])
def test_shift_around_every_capital_still_reads_the_whole_code(
    bench: tuple[Bench, ScannerWedge, list[str]], code: str, gap_ms: int
) -> None:
    widget, _, scans = bench
    widget.setFocus()  # the bench itself: its letter keys are hotkeys
    send_keys(widget, hid_keys(code, gap_ms=gap_ms))
    assert scans == [code]
    assert widget.hotkeys == []  # R of RMA, P of PASS: no hotkey fired


@pytest.mark.parametrize("code", CODES)
def test_caps_lock_tab_suffix_and_aim_prefix(
    bench: tuple[Bench, ScannerWedge, list[str]], code: str
) -> None:
    widget, _, scans = bench
    widget.setFocus()
    send_keys(widget, hid_keys(code, caps_lock=True))
    send_keys(widget, hid_keys(code, suffix=Qt.Key.Key_Tab))
    send_keys(widget, hid_keys("]C1" + code))
    assert scans == [code, code, "]C1" + code]  # the AIM id is dropped when the scan is read
    assert widget.hotkeys == []


def test_a_gs1_code_keeps_its_group_separators(
    bench: tuple[Bench, ScannerWedge, list[str]],
) -> None:
    widget, _, scans = bench
    widget.setFocus()
    send_keys(widget, hid_keys("0106901234567892\x1d10LOT7\x1d21SN42"))
    assert scans == ["0106901234567892\x1d10LOT7\x1d21SN42"]


def test_a_burst_that_starts_in_a_text_field_never_lands_in_it(
    qtbot, bench: tuple[Bench, ScannerWedge, list[str]]
) -> None:
    widget, _, scans = bench
    focus(qtbot, widget.field)
    send_keys(widget, hid_keys("SF6608565178836"))
    assert scans == ["SF6608565178836"] and widget.field.text() == ""


def test_typing_by_hand_reaches_the_field_and_hotkeys_still_work(
    qtbot, bench: tuple[Bench, ScannerWedge, list[str]]
) -> None:
    widget, _, scans = bench
    focus(qtbot, widget.field)
    send_keys(widget, hid_keys("Note 1", gap_ms=150, suffix=None))
    qtbot.waitUntil(lambda: widget.field.text() == "Note 1")  # the last key after the window
    focus(qtbot, widget)
    send_keys(widget, hid_keys("P", gap_ms=150, suffix=None))  # a person pressing P
    qtbot.waitUntil(lambda: widget.hotkeys == ["P"])
    assert scans == []


def test_a_short_fast_burst_is_typing_not_a_scan(
    qtbot, bench: tuple[Bench, ScannerWedge, list[str]]
) -> None:
    widget, _, scans = bench
    focus(qtbot, widget.field)
    send_keys(widget, hid_keys("ok", gap_ms=5))  # two keys and Enter: too short for a code
    assert scans == [] and widget.field.text() == "ok"


def test_scans_at_the_bench_open_the_parcel_and_fire_no_photo_key(
    qtbot, logged_in: MainWindow
) -> None:
    notices: list[Say] = []
    logged_in.session.events.notice.connect(lambda n: notices.append(n.say))
    logged_in.bench.setFocus()
    with qtbot.waitSignal(logged_in.bench.scan_handled, timeout=10_000):
        send_keys(logged_in, hid_keys("SF9999999999999"))  # unknown: received as unmatched
    with qtbot.waitSignal(logged_in.bench.scan_handled, timeout=10_000):
        send_keys(logged_in, hid_keys("RSCMD-PRINT"))  # P and R: neither photo nor retake
    assert Say.UNMATCHED in notices
    assert not {Say.PHOTO_TAKEN, Say.NO_CAMERA_PICTURE, Say.PHOTO_NEEDS_PARCEL} & set(notices)


NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.mark.parametrize("line_feed", ["second Enter", "Ctrl+J"])
def test_a_cr_lf_suffix_is_one_scan_and_its_lf_reaches_nothing(
    bench: tuple[Bench, ScannerWedge, list[str]], line_feed: str
) -> None:
    widget, _, scans = bench
    widget.setFocus()  # at the bench, Enter answers "all fine"
    keys = hid_keys("SF6608565178836")
    at = ends_at(keys) + 8
    if line_feed == "Ctrl+J":
        keys += tap(Qt.Key.Key_J, at, "\n", CTRL)
    else:
        keys += tap(Qt.Key.Key_Return, at)
    send_keys(widget, keys)
    assert scans == ["SF6608565178836"]
    assert widget.hotkeys == []
    send_keys(widget, tap(Qt.Key.Key_Return, ends_at(keys) + 600))  # a person's Enter, later
    assert widget.hotkeys == ["\r"]


def test_a_line_feed_alone_ends_a_scan(bench: tuple[Bench, ScannerWedge, list[str]]) -> None:
    widget, _, scans = bench
    widget.setFocus()
    keys = hid_keys("RMA20261105000001", suffix=None)
    send_keys(widget, keys + tap(Qt.Key.Key_J, ends_at(keys) + 8, "\n", CTRL))
    assert scans == ["RMA20261105000001"] and widget.hotkeys == []


def test_a_burst_cut_off_before_its_suffix_is_dropped_and_said(
    qtbot, bench: tuple[Bench, ScannerWedge, list[str]]
) -> None:
    widget, wedge, scans = bench
    widget.setFocus()  # R, M, A and digits would be hotkeys here
    with qtbot.waitSignal(wedge.cut_short, timeout=5_000) as cut:
        send_keys(widget, hid_keys("RMA2026110", suffix=None))  # the trigger let go
    assert cut.args == ["RMA2026110"]
    assert scans == [] and widget.hotkeys == []
    focus(qtbot, widget.field)
    keys = hid_keys("SF66085", suffix=None)
    with qtbot.waitSignal(wedge.cut_short, timeout=5_000):  # a person's key comes next
        send_keys(widget, keys + tap(Qt.Key.Key_X, ends_at(keys) + 400, "x"))
    qtbot.waitUntil(lambda: widget.field.text() == "x")  # only the person's key
    assert scans == [] and widget.hotkeys == []


def test_a_key_held_down_is_typing_however_fast_it_repeats(
    qtbot, bench: tuple[Bench, ScannerWedge, list[str]]
) -> None:
    widget, _, scans = bench
    focus(qtbot, widget.field)
    minus = Qt.Key.Key_Minus.value
    at = later()
    keys = [Key(True, minus, NONE, "-", at)]
    for n in range(15):  # after 500 ms, a repeat every 33 ms: a scanner's pace
        t = at + 500 + 33 * n
        keys += [Key(False, minus, NONE, "-", t, True), Key(True, minus, NONE, "-", t, True)]
    end = keys[-1].at_ms
    keys += [*tap(Qt.Key.Key_Return, end + 20), Key(False, minus, NONE, "-", end + 60)]
    send_keys(widget, keys)
    qtbot.waitUntil(lambda: widget.field.text() == "-" * 16)
    assert scans == []


def test_altgr_as_windows_reports_it_and_a_gs_typed_as_alt_0029_stay_in_the_code(
    bench: tuple[Bench, ScannerWedge, list[str]],
) -> None:
    widget, _, scans = bench
    widget.setFocus()
    altgr = CTRL | ALT  # a German layout's ']' is AltGr+9; Windows reports AltGr as Ctrl+Alt
    at = later()
    keys = [
        Key(True, Qt.Key.Key_Control.value, CTRL, "", at),
        Key(True, Qt.Key.Key_Alt.value, altgr, "", at + 1),
        *tap(Qt.Key.Key_BracketRight, at + 2, "]", altgr),
        Key(False, Qt.Key.Key_Alt.value, CTRL, "", at + 4),
        Key(False, Qt.Key.Key_Control.value, NONE, "", at + 5),
    ]
    keys += hid_keys("C1SF6608565178836", start=at + 8)
    send_keys(widget, keys)
    first = hid_keys("0106901234567892", suffix=None)
    at = ends_at(first) + 8
    alt_code = [Key(True, Qt.Key.Key_Alt.value, ALT, "", at)]
    for n, digit in enumerate("0029"):
        key = Qt.Key(Qt.Key.Key_0.value + int(digit))
        alt_code += tap(key, at + 3 * (n + 1), "", ALT | Qt.KeyboardModifier.KeypadModifier)
    at += 15
    alt_code += [
        Key(False, Qt.Key.Key_Alt.value, NONE, "", at),
        *tap(Qt.Key.Key_unknown, at + 1, "\x1d"),
    ]
    send_keys(widget, first + alt_code + hid_keys("10LOT7", start=at + 8))
    assert scans == ["]C1SF6608565178836", "0106901234567892\x1d10LOT7"]
    assert widget.hotkeys == [] and widget.field.text() == ""


def open_at_the_bench(qtbot, window: MainWindow, rma_no: str) -> ChecklistModel:
    window.bench.setFocus()
    with qtbot.waitSignal(window.bench.scan_handled, timeout=10_000):
        send_keys(window, hid_keys(rma_no))
    model = window.session.checklist
    assert model is not None
    qtbot.waitUntil(window.bench.checklist.hasFocus)  # where Enter means "all fine"
    return model


def test_a_cr_lf_scanner_answers_the_item_step_and_nothing_more(
    qtbot, logged_in: MainWindow, demo_station: app.Station
) -> None:
    order = received_order(demo_station, "apparel")
    model = open_at_the_bench(qtbot, logged_in, order.rma_no)
    keys = hid_keys(order.lines[0].ean)
    send_keys(logged_in, keys + tap(Qt.Key.Key_Return, ends_at(keys) + 8))
    assert model.step_index == 1  # the item step answered; the next step not confirmed
    assert list(model.answers) == ["item_matches"]


def test_a_burst_cut_short_at_the_bench_answers_nothing_and_says_so(
    qtbot, logged_in: MainWindow, demo_station: app.Station
) -> None:
    order = received_order(demo_station, "apparel")
    model = open_at_the_bench(qtbot, logged_in, order.rma_no)
    before = dict(model.answers)
    with qtbot.waitSignal(logged_in.wedge.cut_short, timeout=5_000):
        send_keys(logged_in, hid_keys("RMA2026110", suffix=None))  # digits pick answers here
    assert dict(model.answers) == before and model.step_index == 0
    assert "cut off" in logged_in.bench.notice.text()
    assert logged_in.bench.notice.tone == "warn"


def test_the_scan_field_reads_a_tab_suffix_and_keeps_gs_separators(
    qtbot, logged_in: MainWindow, demo_station: app.Station
) -> None:
    order = received_order(demo_station, "apparel")
    field = logged_in.bench.scan_field
    focus(qtbot, field)
    codes: list[str] = []
    logged_in.wedge.scanned.connect(codes.append)
    with qtbot.waitSignal(logged_in.bench.scan_handled, timeout=10_000):
        send_keys(logged_in, hid_keys(order.rma_no, suffix=Qt.Key.Key_Tab))
    assert logged_in.bench.card.heading.text() == order.rma_no
    focus(qtbot, field)
    send_keys(logged_in, hid_keys("0106901234567892\x1d21SN42"))
    assert codes == [order.rma_no, "0106901234567892\x1d21SN42"]
    assert field.text() == ""
    keys = hid_keys("SF9999999999999")  # a CR+LF scanner: no "empty scan" for the LF
    with qtbot.waitSignal(logged_in.bench.scan_handled, timeout=10_000):
        send_keys(logged_in, keys + tap(Qt.Key.Key_Return, ends_at(keys) + 8))
    assert "Not a usable scan" not in logged_in.bench.notice.text()


def test_a_scan_off_the_bench_fills_the_field_that_asks_for_one(
    qtbot, window: MainWindow, demo_station: app.Station, inspector: UserView
) -> None:
    demo_station.workflow.scan("SF7777777777777", inspector)  # a parcel waiting for its order
    log_in(qtbot, window, "S9001", "9999")
    window.toggle_review()
    panel = window.supervisor_panel
    assert panel is not None
    panel.tabs.setCurrentWidget(panel.unmatched)
    view = panel.unmatched
    qtbot.waitUntil(lambda: len(view.parcels) == 1, timeout=10_000)
    focus(qtbot, view.code)
    rma = received_order(demo_station, "apparel").rma_no
    with qtbot.waitSignal(view.linked, timeout=10_000):
        send_keys(window, hid_keys("]C1" + rma))
    qtbot.waitUntil(lambda: view.parcels == [], timeout=10_000)
    search = panel.queue.search  # the queue's search takes a scan too
    panel.tabs.setCurrentWidget(panel.queue)
    focus(qtbot, search)
    send_keys(window, hid_keys(rma))
    assert search.text() == rma
    panel.queue.table.setFocus()  # no field that asks for a code: the scan is not lost silently
    qtbot.waitUntil(panel.queue.table.hasFocus)
    send_keys(window, hid_keys("SF6608565178836"))
    assert "SF6608565178836" in window.message_label.text()


def test_a_scanner_that_sends_no_suffix_is_read_when_its_burst_pauses(qtbot) -> None:
    widget = Bench()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    wedge = ScannerWedge(widget, suffix="none")
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(wedge)
    try:
        widget.setFocus()
        with qtbot.waitSignal(wedge.scanned, timeout=5_000):
            send_keys(widget, hid_keys("SF6608565178836", suffix=None))
        assert scans == ["SF6608565178836"] and widget.hotkeys == []
        send_keys(widget, hid_keys("ok", gap_ms=5, suffix=None))  # a person's two keys
        qtbot.waitUntil(lambda: widget.hotkeys == ["o", "k"])
        assert scans == ["SF6608565178836"]
    finally:
        app.removeEventFilter(wedge)


def test_a_fast_typists_last_keys_and_enter_stay_typing(
    qtbot, bench: tuple[Bench, ScannerWedge, list[str]]
) -> None:
    widget, _, scans = bench
    focus(qtbot, widget.field)
    typed = hid_keys("RMA2026110500", gap_ms=120, suffix=None)  # by hand
    rolled = hid_keys("0001", gap_ms=20, start=ends_at(typed) + 120)  # a quick roll, and Enter
    send_keys(widget, typed + rolled)
    qtbot.waitUntil(lambda: widget.field.text() == "RMA20261105000001")
    assert scans == []
    scan = hid_keys("SF6608565178836", start=ends_at(rolled) + 800)  # the scanner, picked up
    send_keys(widget, scan)
    assert scans == ["SF6608565178836"]
    assert widget.field.text() == "RMA20261105000001"


def test_a_key_without_a_timestamp_does_not_confuse_the_next_scan(
    qtbot, bench: tuple[Bench, ScannerWedge, list[str]]
) -> None:
    """Synthesised keys carry no window-system time and are stamped from another clock: the
    gap between the two clocks is no gap (neither typing just before a scan, nor a scan's
    own suffix)."""
    widget, _, scans = bench
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_F9)  # the photo key, as a test tool sends it
    send_keys(widget, hid_keys("RMA20261105000001"))
    assert scans == ["RMA20261105000001"]
    send_keys(widget, hid_keys("SF6608565178836"))
    qtbot.keyClick(widget, Qt.Key.Key_Return)  # a person's Enter, stamped by the other clock
    assert scans == ["RMA20261105000001", "SF6608565178836"]
    assert widget.hotkeys == ["\r"]


def test_a_scanner_prefix_key_that_types_nothing_leaves_the_scan_a_scan(
    bench: tuple[Bench, ScannerWedge, list[str]],
) -> None:
    widget, _, scans = bench
    widget.setFocus()
    at = later()
    prefix = tap(Qt.Key.Key_Home, at)  # set on the scanner: clear the field first
    send_keys(widget, prefix + hid_keys("SF6608565178836", start=at + 8))
    assert scans == ["SF6608565178836"] and widget.hotkeys == []
