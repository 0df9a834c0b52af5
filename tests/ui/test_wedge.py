"""The keyboard wedge with key sequences exactly as USB hand scanners send them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from station.bench.notices import Say
from station.ui.main_window import MainWindow
from station.ui.wedge import ScannerWedge
from tests.ui.keys import hid_keys, send_keys

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
    widget.field.setFocus()
    qtbot.waitUntil(widget.field.hasFocus)
    send_keys(widget, hid_keys("SF6608565178836"))
    assert scans == ["SF6608565178836"] and widget.field.text() == ""


def test_typing_by_hand_reaches_the_field_and_hotkeys_still_work(
    qtbot, bench: tuple[Bench, ScannerWedge, list[str]]
) -> None:
    widget, _, scans = bench
    widget.field.setFocus()
    qtbot.waitUntil(widget.field.hasFocus)
    send_keys(widget, hid_keys("Note 1", gap_ms=150, suffix=None))
    qtbot.waitUntil(lambda: widget.field.text() == "Note 1")  # the last key after the window
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    send_keys(widget, hid_keys("P", gap_ms=150, suffix=None))  # a person pressing P
    qtbot.waitUntil(lambda: widget.hotkeys == ["P"])
    assert scans == []


def test_a_short_fast_burst_is_typing_not_a_scan(
    qtbot, bench: tuple[Bench, ScannerWedge, list[str]]
) -> None:
    widget, _, scans = bench
    widget.field.setFocus()
    qtbot.waitUntil(widget.field.hasFocus)
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
