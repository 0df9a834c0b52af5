"""Full-size photo viewer: zoom (wheel, +/-), pan (drag, arrows), fit (0), side-by-side compare
(C), previous/next (PgUp/PgDn), and the photo's metadata and SHA-256."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeyEvent, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from station.domain.labels import Language, label
from station.evidence.records import EvidenceView
from station.ui.tasks import TaskRunner
from station.ui.texts import arg
from station.ui.widgets import hbox, text_label, vbox

ZOOM_STEP = 1.25


class ZoomView(QGraphicsView):
    """One photo, zoomable and pannable; ``partner`` follows its zoom and scroll."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.partner: ZoomView | None = None
        self.zoom = 1.0

    def show_image(self, image: QImage) -> None:
        self.item.setPixmap(QPixmap.fromImage(image))
        self.scene().setSceneRect(self.item.boundingRect())
        self.fit()

    def fit(self) -> None:
        self.resetTransform()
        self.fitInView(self.item, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom = self.transform().m11()

    def zoom_by(self, factor: float, *, follow: bool = True) -> None:
        self.scale(factor, factor)
        self.zoom = self.transform().m11()
        if follow and self.partner is not None:
            self.partner.zoom_by(factor, follow=False)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom_by(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)


class PhotoViewer(QDialog):
    def __init__(
        self,
        photos: list[EvidenceView],
        index: int,
        *,
        runner: TaskRunner,
        blob_path: Callable[[str], Path],
        language: Language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photo"))
        self.resize(1200, 800)
        self._photos = photos
        self._runner = runner
        self._blob_path = blob_path
        self._language = language
        self.index = index
        self.compare_index: int | None = None
        self.left, self.right = ZoomView(), ZoomView()
        self.left.partner, self.right.partner = self.right, self.left
        self.right.hide()
        self.meta = text_label(name="photoMeta", wrap=True, selectable=True)
        hint = text_label(
            self.tr(
                "Wheel or +/− zoom · drag to pan · 0 fit · C compare · "
                "PgUp/PgDn previous/next · Esc close"
            ),
            name="stepHint",
        )
        vbox((hbox((self.left, 1), (self.right, 1)), 1), self.meta, hint, parent=self)
        self.show_photo(index)

    @property
    def photo(self) -> EvidenceView:
        return self._photos[self.index]

    def show_photo(self, index: int) -> None:
        self.index = index % len(self._photos)
        self._load(self.left, self.photo)
        self.meta.setText(self._describe(self.photo))

    def toggle_compare(self) -> None:
        if self.compare_index is not None or len(self._photos) < 2:
            self.compare_index = None
            self.right.hide()
            return
        self.compare_index = (self.index + 1) % len(self._photos)
        self.right.show()
        self._load(self.right, self._photos[self.compare_index])

    def _load(self, view: ZoomView, photo: EvidenceView) -> None:
        path = self._blob_path(photo.sha256)
        self._runner.submit(lambda: QImage(str(path)), view.show_image, lambda _e: None)

    def _describe(self, photo: EvidenceView) -> str:
        lang = self._language
        flags = ", ".join(f.value for f in photo.quality_flags) or self.tr("none")
        parts = [
            label(photo.kind, lang),
            photo.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            arg(self.tr("station %1"), photo.station_id),
            f"{photo.width}×{photo.height}",
            f"{photo.size_bytes / 1024:.0f} KB",
            arg(self.tr("sharpness %1"), f"{photo.sharpness or 0:.0f}"),
            arg(self.tr("quality flags: %1"), flags),
        ]
        return " · ".join(parts) + f"\nSHA-256 {photo.sha256}"

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.left.zoom_by(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.left.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.left.fit()
            self.right.fit()
        elif key == Qt.Key.Key_C:
            self.toggle_compare()
        elif key == Qt.Key.Key_PageDown:
            self.show_photo(self.index + 1)
        elif key == Qt.Key.Key_PageUp:
            self.show_photo(self.index - 1)
        else:
            super().keyPressEvent(event)
