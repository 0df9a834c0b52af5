"""The live camera image with the codes it reads outlined.

Decoding and the preview's conversion to a QImage happen on the scanner's thread; this widget
only receives the finished image through a queued signal and paints it. Scans and camera
failures arrive the same way.
"""

from __future__ import annotations

import contextlib

import cv2
import numpy as np
from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from station.capture.live import LiveScanner, Scanned, Seen
from station.capture.pipeline import FrameResult
from station.capture.reader import Frame, ReaderState, StateChange
from station.ui.listening import listen
from station.ui.widgets import centred_fit

PREVIEW_WIDTH = 960


class _Bridge(QObject):
    """Carries the scanner thread's callbacks over to the GUI thread."""

    frame = Signal(QImage, object)  # preview, outlines in preview pixels
    scanned = Signal(object, float)  # the texts one frame showed anew, its timestamp
    state = Signal(str, str)  # ReaderState value, detail


def preview(frame: Frame, result: FrameResult) -> tuple[QImage, list[list[tuple[float, float]]]]:
    """Scale and convert a frame for display (runs on the scanner's thread)."""
    height, width = frame.image.shape[:2]
    scale = min(1.0, PREVIEW_WIDTH / width)
    small = (
        frame.image
        if scale == 1.0
        else cv2.resize(
            frame.image, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA
        )
    )
    rgb = np.ascontiguousarray(cv2.cvtColor(small, cv2.COLOR_BGR2RGB))
    h, w = rgb.shape[:2]
    image = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    outlines = [[(x * scale, y * scale) for x, y in code.corners] for code in result.codes]
    return image, outlines


class CameraView(QWidget):
    # new scans, the texts one frame showed together, and when that frame arrived (monotonic)
    scanned = Signal(object, float)
    state_changed = Signal(str, str)

    def __init__(self, scanner: LiveScanner | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraView")
        self.setMinimumSize(320, 180)
        self.scanner = scanner
        self.image: QImage | None = None
        self.outlines: list[list[tuple[float, float]]] = []
        self.message = self.tr("No camera") if scanner is None else self.tr("Starting camera…")
        self.frames_shown = 0
        self._bridge = _Bridge(self)
        self._bridge.frame.connect(self._show_frame)
        self._bridge.scanned.connect(self.scanned)
        self._bridge.state.connect(self._show_state)
        if scanner is not None:
            listen(
                self,
                scanner.frames.connect(self._on_frame),
                scanner.scans.connect(self._on_scan),
                scanner.states.connect(self._on_state),
            )

    # -- scanner thread ----------------------------------------------------------------------

    def _on_frame(self, seen: Seen) -> None:
        image, outlines = preview(seen.frame, seen.result)
        with contextlib.suppress(RuntimeError):  # the window is gone: nobody to show it to
            self._bridge.frame.emit(image, outlines)

    def _on_scan(self, scanned: Scanned) -> None:
        with contextlib.suppress(RuntimeError):
            texts = [code.text for code in scanned.codes]
            self._bridge.scanned.emit(texts, scanned.frame.timestamp)

    def _on_state(self, change: StateChange) -> None:
        with contextlib.suppress(RuntimeError):
            self._bridge.state.emit(change.state.value, change.detail)

    # -- GUI thread --------------------------------------------------------------------------

    def start(self) -> None:
        if self.scanner is not None:
            self.scanner.start()

    def stop(self) -> None:
        if self.scanner is not None:
            self.scanner.stop()

    def latest_frame(self) -> np.ndarray | None:
        return None if self.scanner is None else self.scanner.latest_frame()

    def _show_frame(self, image: QImage, outlines: list[list[tuple[float, float]]]) -> None:
        self.image, self.outlines = image, outlines
        self.frames_shown += 1
        if self.message and self.frames_shown == 1:
            self.message = ""
        self.update()

    def _show_state(self, state: str, detail: str) -> None:
        match ReaderState(state):
            case ReaderState.RUNNING:
                self.message = ""
            case ReaderState.FAILED:
                self.message = self.tr(
                    "Camera not available: %1. Reconnecting by itself; the hand scanner works."
                ).replace("%1", detail or self.tr("no picture"))
            case ReaderState.OPENING:
                self.message = self.message or self.tr("Starting camera…")
            case ReaderState.ENDED | ReaderState.STOPPED:
                self.message = self.tr("Camera stopped")
            case _:
                pass
        self.state_changed.emit(state, detail)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#1d2430"))
        target = QRectF(self.rect())
        if self.image is not None and not self.image.isNull():
            target = centred_fit(self.image.size(), self.size())
            painter.drawImage(target, self.image)
            scale = target.width() / self.image.width()
            painter.setPen(QPen(QColor("#32d583"), 3))
            for outline in self.outlines:
                points = [
                    QPointF(target.x() + x * scale, target.y() + y * scale) for x, y in outline
                ]
                if len(points) >= 2:
                    painter.drawPolygon(QPolygonF(points))
        if self.message:
            painter.setPen(QColor("#e4e7ec"))
            font = painter.font()
            font.setPointSize(14)
            painter.setFont(font)
            box = self.rect().adjusted(16, 16, -16, -16)
            painter.drawText(
                box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message
            )
        painter.end()
