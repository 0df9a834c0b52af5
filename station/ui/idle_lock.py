"""Locks the station after a quiet spell, so an unattended bench cannot be used by anyone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleLock(QObject):
    """Install on the QApplication; ``timed_out`` fires after ``minutes`` without input."""

    timed_out = Signal()

    def __init__(self, parent: QObject | None = None, *, minutes: float = 5) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.timed_out)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: float) -> None:
        self._timer.setInterval(max(1, int(minutes * 60_000)))

    def arm(self) -> None:
        self._timer.start()

    def disarm(self) -> None:
        self._timer.stop()

    @property
    def armed(self) -> bool:
        return self._timer.isActive()

    def activity(self) -> None:
        """Something happened that counts as the inspector being there (e.g. a scan)."""
        if self._timer.isActive():
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.activity()
        return False
