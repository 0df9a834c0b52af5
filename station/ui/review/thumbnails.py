"""A row of photo thumbnails (read and decoded on a worker) that opens the photo viewer on
Enter or double-click: zoom, pan, previous/next, and C for side-by-side compare."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from station.domain.labels import Language, label
from station.evidence.records import EvidenceView
from station.evidence.storage import EvidenceStore
from station.ui.owned_tasks import submit
from station.ui.photo_viewer import PhotoViewer
from station.ui.tasks import TaskRunner


class ThumbnailStrip(QListWidget):
    def __init__(
        self,
        runner: TaskRunner,
        photos: EvidenceStore,
        *,
        language: Language,
        size: QSize,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceThumbs")
        self._runner = runner
        self._store = photos
        self._language = language
        self.photos: list[EvidenceView] = []
        self._shown = 0  # which photo list the arriving thumbnails belong to
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(False)
        self.setIconSize(size)
        self.setGridSize(QSize(size.width() + 16, size.height() + 28))
        self.setSpacing(4)
        self.setFixedHeight(size.height() + 46)
        self.setMovement(QListWidget.Movement.Static)
        self.itemActivated.connect(self.open_photo)

    def show_photos(self, photos: list[EvidenceView]) -> None:
        for viewer in self.findChildren(PhotoViewer):  # it shows photos no longer listed
            viewer.close()
        self.clear()
        self.photos = list(photos)
        self._shown += 1
        for photo in self.photos:
            item = QListWidgetItem(label(photo.kind, self._language))
            if photo.quality_flags:
                item.setToolTip(", ".join(f.value for f in photo.quality_flags))
            self.addItem(item)
            self._load(photo.sha256, self._shown)

    def _load(self, sha: str, shown: int) -> None:
        def read() -> QImage:
            return QImage(str(self._store.thumbnails.ensure(sha, self._store.blobs)))

        def put(image: QImage) -> None:
            if shown != self._shown or image.isNull():
                return
            for n, photo in enumerate(self.photos):
                if photo.sha256 == sha and n < self.count():
                    self.item(n).setIcon(QIcon(QPixmap.fromImage(image)))

        # a thumbnail that cannot be made leaves its caption on screen
        submit(self._runner, self, read, put, lambda _error: None)

    def open_photo(self, item: QListWidgetItem) -> None:
        if not self.photos:
            return
        viewer = PhotoViewer(
            self.photos,
            max(0, self.row(item)),
            runner=self._runner,
            blob_path=self._store.blobs.path_for,
            language=self._language,
            parent=self,
        )
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open()
