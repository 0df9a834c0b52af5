"""The photo strip: the item's photos as thumbnails, flagged ones marked, kind buttons above.

Thumbnails are read and decoded on a worker; the GUI thread only turns the decoded image into
a pixmap and paints it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.domain.labels import Language, label
from station.evidence.records import EvidenceView
from station.protocol.enums import PhotoKind
from station.ui.tasks import TaskRunner
from station.ui.texts import listing

THUMB = QSize(96, 72)


class PhotoStrip(QFrame):
    kind_chosen = Signal(object)  # PhotoKind
    photo_opened = Signal(object)  # EvidenceView

    def __init__(
        self,
        runner: TaskRunner,
        thumbnail_path: Callable[[str], Path],
        *,
        language: Language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("photoStrip")
        self._runner = runner
        self._thumbnail_path = thumbnail_path
        self._language = language
        self.photos: list[EvidenceView] = []
        self.kind: PhotoKind = PhotoKind.OVERVIEW
        self._missing: tuple[PhotoKind, ...] = ()

        self.kinds = QButtonGroup(self)
        self.kinds.setExclusive(True)
        # one row of kind buttons where they fit, else two: the names are longer in English
        # than in Chinese, and one row of them must not widen the window past the screen
        self.kind_grid = QGridLayout()
        self.kind_grid.setSpacing(4)
        self.kind_columns = 0
        for n, kind in enumerate(PhotoKind, start=1):
            button = QPushButton(f"{n} {label(kind, language)}")
            button.setObjectName("kindButton")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(self.tr("Ctrl+%1 chooses this kind").replace("%1", str(n)))
            self.kinds.addButton(button, n - 1)
        self.kinds.idClicked.connect(lambda index: self.choose(list(PhotoKind)[index]))
        self.caption = QLabel()
        self.caption.setObjectName("stripCaption")
        self.caption.setWordWrap(True)  # what is still needed can be longer than the strip
        self.list = QListWidget()
        self.list.setObjectName("thumbnails")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setIconSize(THUMB)
        self.list.setFixedHeight(THUMB.height() + 36)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.itemActivated.connect(self._open)
        self.list.itemDoubleClicked.connect(self._open)
        layout = self._box = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.kind_grid.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.kind_grid)
        layout.addWidget(self.caption)
        layout.addWidget(self.list)
        self.show_target(PhotoKind.OVERVIEW, ())
        self._arrange_kinds(len(PhotoKind))
        widest = max(b.sizeHint().width() for b in self._kind_buttons())
        margins = layout.contentsMargins()
        # as narrow as two rows allow; wider, the buttons go back to one row
        self.setMinimumWidth(3 * widest + 2 * 4 + margins.left() + margins.right() + 2)

    def _kind_buttons(self) -> list[QAbstractButton]:
        return [self.kinds.button(n) for n in range(len(PhotoKind))]

    def _arrange_kinds(self, columns: int) -> None:
        if columns == self.kind_columns:
            return
        self.kind_columns = columns
        buttons = self._kind_buttons()
        for button in buttons:
            self.kind_grid.removeWidget(button)
        for n, button in enumerate(buttons):
            self.kind_grid.addWidget(button, n // columns, n % columns)
        for column in range(len(buttons)):
            self.kind_grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        margins = self.kind_grid.contentsMargins() + self._box.contentsMargins()
        one_row = (
            sum(b.sizeHint().width() for b in self._kind_buttons())
            + self.kind_grid.spacing() * (len(PhotoKind) - 1)
            + margins.left()
            + margins.right()
            + 2
        )
        self._arrange_kinds(len(PhotoKind) if one_row <= event.size().width() else 3)

    def choose(self, kind: PhotoKind) -> None:
        """The inspector picks the kind of the next photo (a button, Ctrl+digit)."""
        self.kind_chosen.emit(kind)

    def show_target(self, kind: PhotoKind, missing: tuple[PhotoKind, ...]) -> None:
        """The kind the next photo gets and the kinds the verdict still needs."""
        self.kind, self._missing = kind, missing
        self.kinds.button(list(PhotoKind).index(kind)).setChecked(True)
        self._caption()

    def show_photos(self, photos: list[EvidenceView]) -> None:
        self.photos = list(photos)
        self.list.clear()
        for photo in self.photos:
            item = QListWidgetItem(self._item_text(photo))
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            if photo.quality_flags:
                item.setToolTip(", ".join(flag.value for flag in photo.quality_flags))
                item.setForeground(Qt.GlobalColor.red)
            self.list.addItem(item)
            path = self._thumbnail_path(photo.sha256)
            self._runner.submit(
                partial(QImage, str(path)),
                partial(self._set_thumbnail, photo.sha256),
                lambda _error: None,  # a lost thumbnail shows its text only
            )
        if self.photos:
            self.list.scrollToItem(self.list.item(self.list.count() - 1))
        self._caption()

    def _item_text(self, photo: EvidenceView) -> str:
        mark = " ⚠" if photo.quality_flags else ""
        return f"{label(photo.kind, self._language)}{mark}"

    def _set_thumbnail(self, sha: str, image: QImage) -> None:
        for row, photo in enumerate(self.photos):
            if photo.sha256 == sha and not image.isNull():
                self.list.item(row).setIcon(QIcon(QPixmap.fromImage(image)))

    def _open(self, item: QListWidgetItem) -> None:
        photo_id = item.data(Qt.ItemDataRole.UserRole)
        photo = next((p for p in self.photos if p.id == photo_id), None)
        if photo is not None:
            self.photo_opened.emit(photo)

    def _caption(self) -> None:
        text = self.tr("Next photo: %1").replace("%1", label(self.kind, self._language))
        if self._missing:
            needed = listing((label(k, self._language) for k in self._missing), self._language)
            text += " · " + self.tr("still needed: %1").replace("%1", needed)
        self.caption.setText(text)
