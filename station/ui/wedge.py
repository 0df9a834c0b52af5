"""Keyboard-wedge hand scanners, wherever the focus is.

A hand scanner types its code as a burst of key presses ending in Enter, much faster than a
person types. This filter sees every key press first, holds printable keys back for a few
milliseconds, and either recognises a burst that ends in Enter as a scan (the keys never reach
the focused widget) or replays the held keys to where they were going. Typing feels the same;
a scan lands in the scan handler whatever field has the focus.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PASSTHROUGH_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


@dataclass(frozen=True, slots=True)
class _HeldKey:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class ScannerWedge(QObject):
    """Install on the QApplication; connect ``scanned``."""

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        burst_ms: int = 50,
        min_length: int = 4,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.burst_s = burst_ms / 1000
        self.min_length = min_length
        self.clock = clock
        self._held: list[_HeldKey] = []
        self._receiver: QObject | None = None
        self._last_key_at = 0.0
        self._replaying = False
        self.passthrough: Callable[[], bool] = lambda: False
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(burst_ms)
        self._flush.timeout.connect(self._on_quiet)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if self.passthrough():
            return False
        now = self.clock()
        in_burst = bool(self._held) and (now - self._last_key_at) <= self.burst_s
        if self._held and not in_burst:
            self._replay()
        key = event.key()
        if key in _ENTER_KEYS:
            if in_burst and len(self._held) >= self.min_length:
                code = "".join(h.text for h in self._held)
                self._held.clear()
                self._flush.stop()
                self.scanned.emit(code)
                return True
            if self._held:
                self._replay()
            return False
        text = event.text()
        if not text or not text.isprintable() or event.modifiers() & _PASSTHROUGH_MODIFIERS:
            if self._held:
                self._replay()
            return False
        if not self._held:
            self._receiver = watched
        self._held.append(_HeldKey(key, event.modifiers(), text))
        self._last_key_at = now
        self._flush.start()
        return True

    def _on_quiet(self) -> None:
        if not self._held:
            return
        remaining = self.burst_s - (self.clock() - self._last_key_at)
        if remaining > 0:
            self._flush.start(max(1, int(remaining * 1000)))
            return
        self._replay()

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
                event = QKeyEvent(QEvent.Type.KeyPress, h.key, h.modifiers, h.text)
                QApplication.sendEvent(receiver, event)
        finally:
            self._replaying = False

    def flush_now(self) -> None:
        """Replay anything held (e.g. before the window loses focus)."""
        if self._held:
            self._replay()
