"""Unmatched parcels (无头件): the list, the selected parcel's photos, and linking it to its
order by RMA, order or waybill number (type or scan it, Enter links)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.domain.labels import Language
from station.domain.records import UserView
from station.evidence.photo_store import PhotoStore
from station.evidence.records import PhotoView
from station.review.service import ReviewService
from station.review.unmatched import ParcelLinked, ParcelRow
from station.ui.owned_tasks import submit
from station.ui.review.errors import describe
from station.ui.review.thumbnails import ThumbnailStrip
from station.ui.tasks import TaskRunner
from station.ui.widgets import NoticeBar

THUMB = QSize(120, 90)


class UnmatchedView(QWidget):
    loaded = Signal(object)  # list[ParcelRow]
    linked = Signal(object)  # ParcelLinked
    failed = Signal(str)

    def __init__(
        self,
        service: ReviewService,
        runner: TaskRunner,
        photos: PhotoStore,
        *,
        user: UserView,
        language: Language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unmatchedView")
        self._service = service
        self._runner = runner
        self._photos = photos
        self._user = user
        self._language = language
        self.parcels: list[ParcelRow] = []

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("parcelTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Received"),
                self.tr("Station"),
                self.tr("Received by"),
                self.tr("Photos"),
                self.tr("Linked to"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, *_: self._parcel_chosen(row))
        self.table.activated.connect(lambda _i: self._focus_code())
        self.show_linked = QCheckBox(self.tr("Show linked parcels"))
        self.show_linked.toggled.connect(lambda _on: self.reload())
        self.refresh = QPushButton(self.tr("Reload"))
        self.refresh.setObjectName("secondaryButton")
        self.refresh.clicked.connect(self.reload)
        self.thumbs = ThumbnailStrip(runner, photos, language=language, size=THUMB)
        self.code = QLineEdit()
        self.code.setObjectName("linkCode")
        self.code.setPlaceholderText(self.tr("Scan or type the order's RMA, order or waybill no."))
        self.code.returnPressed.connect(self.link)
        self.link_button = QPushButton(self.tr("&Link to order"))
        self.link_button.clicked.connect(self.link)
        self.notice = NoticeBar()
        hint = QLabel(
            self.tr(
                "After linking, scan the order at a bench: its inspection starts as usual and "
                "the parcel's photos stay on record with it."
            )
        )
        hint.setObjectName("stepHint")
        hint.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.show_linked)
        top.addStretch(1)
        top.addWidget(self.refresh)
        link_row = QHBoxLayout()
        link_row.addWidget(self.code, 1)
        link_row.addWidget(self.link_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.thumbs)
        layout.addLayout(link_row)
        layout.addWidget(hint)
        layout.addWidget(self.notice)

    def _focus_code(self) -> None:
        self.code.setFocus()

    def reload(self) -> None:
        keep = self.current()
        include = self.show_linked.isChecked()
        submit(
            self._runner,
            self,
            lambda: self._service.parcels(self._user, include_linked=include),
            lambda rows: self._show(rows, keep.id if keep else None),
            self._fail,
        )

    def _show(self, rows: list[ParcelRow], keep: str | None) -> None:
        self.parcels = rows
        self.table.setRowCount(len(rows))
        for n, p in enumerate(rows):
            cells = (
                p.code,
                p.received_at.astimezone().strftime("%m-%d %H:%M"),
                p.station_id,
                p.inspector,
                str(p.photos),
                p.linked_rma or "",
            )
            for col, text in enumerate(cells):
                self.table.setItem(n, col, QTableWidgetItem(text))
        chosen = next((n for n, p in enumerate(rows) if p.id == keep), 0)
        if rows:
            self.table.setCurrentCell(chosen, 0)
        else:
            self._parcel_chosen(-1)
        self.loaded.emit(rows)

    def current(self) -> ParcelRow | None:
        row = self.table.currentRow()
        return self.parcels[row] if 0 <= row < len(self.parcels) else None

    def _parcel_chosen(self, row: int) -> None:
        self.thumbs.show_photos([])
        parcel = self.parcels[row] if 0 <= row < len(self.parcels) else None
        linkable = parcel is not None and parcel.linked_rma is None
        self.code.setEnabled(linkable)
        self.link_button.setEnabled(linkable)
        if parcel is None:
            return
        submit(
            self._runner,
            self,
            lambda: self._service.parcel_photos(self._user, parcel.id),
            lambda photos: self._show_photos(parcel.id, photos),
            self._fail,
        )

    def _show_photos(self, parcel_id: str, photos: list[PhotoView]) -> None:
        current = self.current()
        if current is not None and current.id == parcel_id:
            self.thumbs.show_photos(photos)

    def link(self) -> None:
        parcel, code = self.current(), self.code.text()
        if parcel is None or not self.link_button.isEnabled():
            return
        if not code.strip():
            self.notice.show_message(self.tr("Scan or type the order's number first."), "warn")
            self.code.setFocus()
            return
        self.link_button.setEnabled(False)

        def done(result: ParcelLinked) -> None:
            self.code.clear()
            self.notice.show_message(
                self.tr("%1 linked to %2. Scan %2 at a bench to inspect it.")
                .replace("%1", parcel.code)
                .replace("%2", result.rma_no),
                "ok",
            )
            self.linked.emit(result)
            self.reload()

        def refused(exc: BaseException) -> None:
            self.link_button.setEnabled(True)
            self._fail(exc)

        submit(
            self._runner,
            self,
            lambda: self._service.link_parcel(self._user, parcel.id, code),
            done,
            refused,
        )

    def _fail(self, exc: BaseException) -> None:
        message = describe(exc, self._language)
        self.notice.show_message(message, "error")
        self.failed.emit(message)
