"""Keyboard-wedge hand scanners, wherever the focus is.

A USB hand scanner in keyboard mode types its code as a burst of key presses, 2–30 ms apart,
ending in a suffix (Enter, or Tab), much faster than a person types. It presses and releases
Shift around every capital (or relies on Caps Lock), may send a GS separator (Ctrl+]) inside
GS1 codes and an AIM symbology prefix (``]C1``) before the code. This filter sees every key
first and holds the printable keys back: a burst that ends in the suffix is a scan (none of
its keys reach the focused widget, none fires a hotkey); keys that turn out to be typed by a
person are replayed to where they were going once the burst window has passed.

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
from PySide6.QtWidgets import QApplication

GS = "\x1d"
SUFFIXES = {
    "enter": (Qt.Key.Key_Return, Qt.Key.Key_Enter),
    "tab": (Qt.Key.Key_Tab,),
    "enter_or_tab": (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab),
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


@dataclass(frozen=True, slots=True)
class _HeldKey:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    timestamp: int


class ScannerWedge(QObject):
    """Install on the QApplication; connect ``scanned``."""

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        burst_ms: int = 50,
        min_length: int = 4,
        suffix: str = "enter_or_tab",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.burst_ms = burst_ms
        self.min_length = min_length
        self.suffix_keys = SUFFIXES[suffix]
        self.clock = clock  # for keys that carry no timestamp (synthesised ones)
        self._held: list[_HeldKey] = []
        self._receiver: QObject | None = None
        self._replaying = False
        self.passthrough: Callable[[], bool] = lambda: False
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(burst_ms)
        self._flush.timeout.connect(self._replay)

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
        now = self._timestamp(event)
        if self._held and now - self._held[-1].timestamp > self.burst_ms:
            self._replay()  # what was held was typed, not scanned
        if key in self.suffix_keys:
            return self._end_of_burst()
        text = self._text(event)
        if text is None:
            if self._held:
                self._replay()
            return False
        if not self._held:
            self._receiver = watched
        self._held.append(_HeldKey(key, event.modifiers(), text, now))
        self._flush.start()
        return True

    def _end_of_burst(self) -> bool:
        if len(self._held) < self.min_length:
            if self._held:
                self._replay()
            return False
        code = "".join(h.text for h in self._held)
        self._held.clear()
        self._receiver = None
        self._flush.stop()
        self.scanned.emit(code)
        return True

    def _text(self, event: QKeyEvent) -> str | None:
        """The character a key adds to a code, or None for a key that cannot be part of one."""
        text = event.text()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if text == GS or (ctrl and event.key() == Qt.Key.Key_BracketRight):
            return GS  # the GS1 group separator, as a wedge scanner types it
        if not text or not text.isprintable() or event.modifiers() & _COMMAND_MODIFIERS:
            return None
        return text

    def _timestamp(self, event: QKeyEvent) -> int:
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
        """Replay anything held (e.g. before the window loses focus)."""
        if self._held:
            self._replay()

    @property
    def holding(self) -> bool:
        return bool(self._held)
