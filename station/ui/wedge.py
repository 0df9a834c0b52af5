"""Keyboard-wedge hand scanners, wherever the focus is.

A USB hand scanner in keyboard mode types its code as a burst of key presses, 2–30 ms apart,
ending in a suffix (Enter, or Tab), much faster than a person types. It presses and releases
Shift around every capital (or relies on Caps Lock), may send a GS separator (Ctrl+]) inside
GS1 codes and an AIM symbology prefix (``]C1``) before the code. This filter sees every key
first and holds the printable keys back: a burst that ends in the suffix is a scan (none of
its keys reach the focused widget, none fires a hotkey); keys that turn out to be typed by a
person are replayed to where they were going once the burst window has passed.

What real scanners do besides, and what becomes of it:

- a CR+LF suffix (Enter then Enter, or Enter then Ctrl+J) within the burst window of a scan:
  the second half is swallowed, so it neither answers a checklist question nor submits an
  empty scan field; a lone LF is a suffix like Enter;
- a burst cut off before its suffix (the trigger let go, the cable pulled): as many keys as a
  code at a scanner's pace were no person's typing, so they are dropped and ``cut_short``
  says so, instead of landing as text or firing hotkeys (with ``suffix="none"``, for a
  scanner set to send none, such a burst is the scan);
- a burst that follows a person's typed text without a pause (a fast typist's last few keys
  and Enter) is typing too: a scan starts after a quiet moment, the time it takes to pick up
  the scanner (``quiet_ms``); keys that type nothing (a scanner's Home or F12 prefix) do not
  count;
- a key held down (auto-repeat) is a person's, whatever its pace: it passes straight through;
- AltGr reported as Ctrl+Alt (Windows) still types its character, and a GS entered as
  Alt+0029 on the keypad stays inside the code.

Timing comes from the keys' own timestamps (the window system's, set when the key was
pressed), not from when the GUI thread got round to them: a busy moment in the window does not
turn a scan into typing. Modifier keys and key releases inside a burst belong to the burst.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from station.capture.scan_text import BadScan, clean_scan

GS = "\x1d"
SUFFIXES = {
    "enter": (Qt.Key.Key_Return, Qt.Key.Key_Enter),
    "tab": (Qt.Key.Key_Tab,),
    "enter_or_tab": (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab),
    "none": (),  # a scanner set to send no suffix: the pause after its burst ends the scan
}
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
    }
)
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


SCAN_TARGET = "scanTarget"  # the property of a field off the bench that takes scans


def takes_scans(field: QLineEdit) -> QLineEdit:
    """Mark a field that asks for a code ("Scan or type …"): :func:`scan_into_focused_field`."""
    field.setProperty(SCAN_TARGET, True)
    return field


def scan_into_focused_field(code: str) -> bool:
    """Off the bench, a scan fills the focused field that asks for one and enters it, as if
    typed; False when no such field has the focus (other fields never get a scan's text)."""
    field = QApplication.focusWidget()
    if not isinstance(field, QLineEdit) or not field.property(SCAN_TARGET):
        return False
    if not field.isEnabled() or field.isReadOnly():
        return False
    try:
        text = clean_scan(code)
    except BadScan:
        return False
    field.setText(text)
    field.returnPressed.emit()
    return True


_SUFFIX_KEYS = frozenset(key for keys in SUFFIXES.values() for key in keys)


def _alt_code_digit(event: QKeyEvent) -> bool:
    """A keypad digit typed with Alt held: part of a character entered by its code."""
    modifiers = event.modifiers()
    return (
        bool(modifiers & Qt.KeyboardModifier.AltModifier)
        and bool(modifiers & Qt.KeyboardModifier.KeypadModifier)
        and Qt.Key.Key_0 <= event.key() <= Qt.Key.Key_9
    )


def _line_feed(event: QKeyEvent) -> bool:
    """LF, as a scanner with a CR+LF or LF suffix types it: Ctrl+J, or a key whose text is it."""
    ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    return event.text() == "\n" or (ctrl and event.key() == Qt.Key.Key_J)


@dataclass(frozen=True, slots=True)
class _HeldKey:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    timestamp: int


class ScannerWedge(QObject):
    """Install on the QApplication; connect ``scanned``."""

    scanned = Signal(str)
    cut_short = Signal(str)  # what a burst without its suffix held: scan again

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        burst_ms: int = 50,
        quiet_ms: int = 150,
        min_length: int = 4,
        suffix: str = "enter_or_tab",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.burst_ms = burst_ms
        self.quiet_ms = quiet_ms
        self.min_length = min_length
        self.suffix_keys = SUFFIXES[suffix]
        self.ends_by_pause = not self.suffix_keys
        self.clock = clock  # for keys that carry no timestamp (synthesised ones)
        self._held: list[_HeldKey] = []
        self._receiver: QObject | None = None
        self._replaying = False
        self._scan_ended_at: int | None = None  # when the last scan's suffix came
        self._typed_at: int | None = None  # the last key a person typed (not a scan's)
        self.passthrough: Callable[[], bool] = lambda: False
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(burst_ms)
        self._flush.timeout.connect(self._not_a_scan)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._replaying or kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        assert isinstance(event, QKeyEvent)
        if kind == QEvent.Type.KeyRelease:
            return bool(self._held)  # the releases of held keys go where their presses went
        if self.passthrough():
            return False
        key = event.key()
        if key in _MODIFIER_KEYS:
            return bool(self._held)  # Shift around a capital is part of the burst
        if _alt_code_digit(event):
            return bool(self._held)  # Alt+0029 on the keypad: the GS it makes comes next
        now = self._timestamp(event)
        if event.isAutoRepeat():
            self.flush_now()
            self._typed_at = now
            return False
        if self._held and now - self._held[-1].timestamp > self.burst_ms:
            self._not_a_scan()
        if not self._held and self._second_half_of_suffix(event, now):
            return True
        if self._ends_scan(event):
            return self._end_of_burst(now)
        text = self._text(event)
        if text is None:  # Home, F12 …: a scanner may send one before its code
            self.flush_now()
            return False
        if not self._held:
            self._receiver = watched
        self._held.append(_HeldKey(key, event.modifiers(), text, now))
        self._flush.start()
        return True

    def _ends_scan(self, event: QKeyEvent) -> bool:
        if event.key() in self.suffix_keys:
            return True
        return Qt.Key.Key_Return in self.suffix_keys and _line_feed(event)

    def _second_half_of_suffix(self, event: QKeyEvent, now: int) -> bool:
        """The LF of a CR+LF suffix (or a second Enter) right after a scan."""
        ended, self._scan_ended_at = self._scan_ended_at, None
        if ended is None or not 0 <= now - ended <= self.burst_ms:
            return False
        return event.key() in _SUFFIX_KEYS or _line_feed(event)

    def _end_of_burst(self, now: int) -> bool:
        if len(self._held) < self.min_length or self._follows_typing():
            self.flush_now()
            self._typed_at = now
            return False
        code = "".join(h.text for h in self._held)
        self._held.clear()
        self._receiver = None
        self._flush.stop()
        self._scan_ended_at = now
        self.scanned.emit(code)
        return True

    def _not_a_scan(self) -> None:
        """The burst ended without its suffix: a person's few keys go where they were going;
        a code's worth at a scanner's pace is dropped (see the module's notes), or, from a
        scanner that sends no suffix, is the scan."""
        if len(self._held) < self.min_length or self._follows_typing():
            self._replay()
            return
        code = "".join(h.text for h in self._held)
        last = self._held[-1].timestamp
        self._held.clear()
        self._receiver = None
        self._flush.stop()
        if self.ends_by_pause:
            self._scan_ended_at = last
            self.scanned.emit(code)
        else:
            self.cut_short.emit(code)

    def _follows_typing(self) -> bool:
        typed = self._typed_at
        return typed is not None and 0 <= self._held[0].timestamp - typed < self.quiet_ms

    def _text(self, event: QKeyEvent) -> str | None:
        """The character a key adds to a code, or None for a key that cannot be part of one."""
        text = event.text()
        modifiers = event.modifiers()
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
        if text == GS or (ctrl and not alt and event.key() == Qt.Key.Key_BracketRight):
            return GS  # the GS1 group separator, as a wedge scanner types it
        if ctrl and alt and text.isprintable() and text:
            return text  # AltGr (']' and '@' on a German layout), which Windows reports so
        if not text or not text.isprintable() or modifiers & _COMMAND_MODIFIERS:
            return None
        return text

    def _timestamp(self, event: QKeyEvent) -> int:
        # Keys without one (synthesised) are stamped from another clock than the window
        # system's: a gap between the two is no gap at all (the checks above take only
        # gaps of 0 or more).
        stamp = int(event.timestamp())
        return stamp if stamp > 0 else int(self.clock() * 1000)

    def _replay(self) -> None:
        """Deliver held keys to where they were going: they were typed, not scanned."""
        held, self._held = self._held, []
        self._flush.stop()
        receiver = self._receiver
        self._receiver = None
        if receiver is None or not shiboken6.isValid(receiver):
            return
        self._typed_at = held[-1].timestamp if held else self._typed_at
        self._replaying = True
        try:
            for h in held:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    event = QKeyEvent(kind, h.key, h.modifiers, h.text)
                    event.setTimestamp(h.timestamp)
                    QApplication.sendEvent(receiver, event)
        finally:
            self._replaying = False

    def flush_now(self) -> None:
        """Settle anything held (e.g. before the window loses focus)."""
        if self._held:
            self._not_a_scan()

    @property
    def holding(self) -> bool:
        return bool(self._held)
