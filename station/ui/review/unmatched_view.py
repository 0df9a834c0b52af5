"""Unmatched parcels (无头件): the list, the selected parcel's photos, and linking it to its
order by RMA, order or waybill number (type or scan it, Enter links)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from station.evidence.records import EvidenceView
from station.review.unmatched import ParcelLinked, ParcelRow
from station.ui.review.pane import NoticePane, ReviewContext
from station.ui.review.thumbnails import ThumbnailStrip
from station.ui.texts import arg
from station.ui.wedge import takes_scans
from station.ui.widgets import STRETCH, hbox, push_button, text_label, vbox

THUMB = QSize(120, 90)


class UnmatchedView(NoticePane):
    loaded = Signal(object)  # list[ParcelRow]
    linked = Signal(object)  # ParcelLinked

    def __init__(self, context: ReviewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, name="unmatchedView", parent=parent)
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
        self.refresh = push_button(self.tr("Reload"), name="secondaryButton", clicked=self.reload)
        self.thumbs = ThumbnailStrip(
            context.runner, context.evidence, language=context.language, size=THUMB
        )
        self.code = takes_scans(QLineEdit())
        self.code.setObjectName("linkCode")
        self.code.setPlaceholderText(self.tr("Scan or type the order's RMA, order or waybill no."))
        self.code.returnPressed.connect(self.link)
        self.link_button = push_button(self.tr("&Link to order"), clicked=self.link)
        hint = text_label(
            self.tr(
                "After linking, scan the order at a bench: its inspection starts as usual and "
                "the parcel's photos stay on record with it."
            ),
            name="stepHint",
            wrap=True,
        )
        vbox(
            hbox(self.show_linked, STRETCH, self.refresh),
            (self.table, 1),
            self.thumbs,
            hbox((self.code, 1), self.link_button),
            hint,
            self.notice,
            parent=self,
        )

    def _focus_code(self) -> None:
        self.code.setFocus()

    def reload(self) -> None:
        keep = self.current()
        include = self.show_linked.isChecked()
        self._submit(
            lambda: self._service.parcels(self._user, include_linked=include),
            lambda rows: self._show(rows, keep.id if keep else None),
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
        self._submit(
            lambda: self._service.parcel_photos(self._user, parcel.id),
            lambda photos: self._show_photos(parcel.id, photos),
        )

    def _show_photos(self, parcel_id: str, photos: list[EvidenceView]) -> None:
        current = self.current()
        if current is not None and current.id == parcel_id:
            self.thumbs.show_photos(photos)

    def link(self) -> None:
        parcel, code = self.current(), self.code.text()
        if parcel is None or not self.link_button.isEnabled():
            return
        if not code.strip():
            self._notify(self.tr("Scan or type the order's number first."), "warn")
            self.code.setFocus()
            return
        self.link_button.setEnabled(False)

        def done(result: ParcelLinked) -> None:
            self.code.clear()
            self._notify(
                arg(
                    self.tr("%1 linked to %2. Scan %2 at a bench to inspect it."),
                    parcel.code,
                    result.rma_no,
                ),
                "ok",
            )
            self.linked.emit(result)
            self.reload()

        def refused(exc: BaseException) -> None:
            self.link_button.setEnabled(True)
            self._fail(exc)

        self._submit(lambda: self._service.link_parcel(self._user, parcel.id, code), done, refused)
