"""The status bar's word on the clip: recording or not, and the disk's room for more."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from station.evidence.video.service import GIB, ClipNotice, ClipNoticeKind, ClipService
from station.ui.listening import listen


class RecordingIndicator(QLabel):
    # what the recorder and the clip service announce from their threads, queued here
    changed = Signal(object)

    def __init__(self, clips: ClipService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordingState")
        self.recording = False
        self.disk_warning = ""
        self.changed.connect(self._show)
        listen(
            self,
            clips.recorder.started.connect(lambda _clip: self.changed.emit(True)),
            clips.recorder.finished.connect(lambda _clip: self.changed.emit(False)),
            clips.notices.connect(self.changed.emit),
        )
        self._render()

    def _show(self, what: object) -> None:
        if isinstance(what, bool):
            self.recording = what
        elif isinstance(what, ClipNotice):
            free = f"{what.free_bytes / GIB:.1f}"
            if what.kind is ClipNoticeKind.DISK_FLOOR:
                self.disk_warning = self.tr(
                    "Disk full (%1 GB free): no clips are recorded. Sync, then free space."
                ).replace("%1", free)
            elif what.kind is ClipNoticeKind.DISK_LOW:
                self.disk_warning = self.tr("Disk low: %1 GB free for clips").replace("%1", free)
            elif what.kind is ClipNoticeKind.FILING_FAILED:
                self.disk_warning = self.tr(
                    "A clip could not be filed; it is kept for the next start"
                )
        self._render()

    def _render(self) -> None:
        parts = [self.tr("● REC")] if self.recording else []
        if self.disk_warning:
            parts.append(self.disk_warning)
        self.setText("  ".join(parts))
        self.setProperty(
            "tone", "error" if self.disk_warning else ("rec" if self.recording else "")
        )
        self.style().unpolish(self)
        self.style().polish(self)
