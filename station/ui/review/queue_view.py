"""The review queue: filters above a table that loads a page at a time as it scrolls.

Keyboard first: Ctrl+F jumps to the search, arrows move through the rows (the evidence of the
current row follows after a short pause), Enter opens the row for a decision, F5 reloads.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QWidget,
)

from station.domain.labels import label
from station.domain.records import UserView
from station.protocol.enums import Category, ReturnReason
from station.review.rows import (
    QueueCount,
    QueueCursor,
    QueueFilter,
    QueuePage,
    QueueRow,
    QueueSort,
    ReviewFlag,
)
from station.ui.review.pane import PERIOD_DAYS, ReviewContext, ReviewPane
from station.ui.review.queue_model import COLUMNS, QueueModel
from station.ui.texts import arg
from station.ui.wedge import takes_scans
from station.ui.widgets import hbox, push_button, select_data, text_label, vbox

log = logging.getLogger(__name__)

PAGE = 200
SEARCH_PAUSE_MS = 400
FOLLOW_MS = 120
_FILTER_FLAGS = (
    ReviewFlag.OVERRIDDEN,
    ReviewFlag.REFUSED,
    ReviewFlag.PARTIAL,
    ReviewFlag.HIGH_VALUE,
    ReviewFlag.RULE_REVIEW,
    ReviewFlag.MISMATCH,
    ReviewFlag.CARRIER_CLAIM,
    ReviewFlag.UNMATCHED,
    ReviewFlag.PARKED,
    ReviewFlag.OVERTURNED,
)


class QueueView(ReviewPane):
    row_chosen = Signal(object)  # QueueRow | None: the current row (after a short pause)
    row_activated = Signal(object)  # QueueRow: Enter or double-click
    loaded = Signal(object)  # QueuePage: the first page after a reload
    counted = Signal(object)  # QueueCount

    def __init__(self, context: ReviewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, name="queueView", parent=parent)
        service, language = context.service, context.language
        self.sort = QueueSort.OLDEST
        self._active: tuple[QueueFilter, QueueSort, bool] = (QueueFilter(), self.sort, False)
        self.model = QueueModel(language=language, parent=self)
        self.model.more_wanted.connect(self._load_more)
        self.model.sort_wanted.connect(self.set_sort)

        self.search = takes_scans(QLineEdit())
        self.search.setObjectName("queueSearch")
        self.search.setPlaceholderText(self.tr("RMA, order, waybill no. or SKU (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.flag = self._combo([(self.tr("Any reason"), None)])
        for flag in _FILTER_FLAGS:
            self.flag.addItem(self.model.flag_text(flag), int(flag))
        self.category = self._combo([(self.tr("All categories"), None)])
        for category in Category:
            self.category.addItem(label(category, language), category.value)
        self.reason = self._combo([(self.tr("All claims"), None)])
        for reason in ReturnReason:
            self.reason.addItem(label(reason, language), reason.value)
        self.inspector = self._combo([(self.tr("All inspectors"), None)])
        last = (self.tr("Last 24 hours"), self.tr("Last 7 days"), self.tr("Last 30 days"))
        self.period = self._combo(
            [(self.tr("Any time"), None), *zip(last, PERIOD_DAYS, strict=True)]
        )
        self.decided = QCheckBox(self.tr("Show decided"))
        self.central = QCheckBox(self.tr("All stations (central)"))
        self.central.setVisible(service.has_remote)
        self.refresh = push_button(self.tr("Reload"), name="secondaryButton", clicked=self.reload)
        self.refresh.setToolTip(self.tr("F5"))
        self.count = text_label(name="queueCount")

        self.table = QTableView()
        self.table.setObjectName("queueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._header_clicked)
        for column, width in enumerate((98, 168, 168, 100, 74, 92, 64, 76, 86, 48)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnHidden(COLUMNS.index("station"), True)  # one station: all the same
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        filters = (self.flag, self.category, self.reason, self.inspector, self.period)
        vbox(
            hbox(
                (self.search, 1),
                self.decided,
                self.central,
                self.count,
                self.refresh,
                spacing=8,
            ),
            hbox(*((box, 1) for box in filters), spacing=6),
            (self.table, 1),
            margins=0,
            parent=self,
        )

        self._search_pause = QTimer(self)
        self._search_pause.setSingleShot(True)
        self._search_pause.setInterval(SEARCH_PAUSE_MS)
        self._search_pause.timeout.connect(self.reload)
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(FOLLOW_MS)
        self._follow.timeout.connect(lambda: self.row_chosen.emit(self.current()))
        self.search.textEdited.connect(lambda _t: self._search_pause.start())
        self.search.returnPressed.connect(self._search_now)
        for box in filters:
            box.currentIndexChanged.connect(lambda _i: self.reload())
        self.decided.toggled.connect(lambda _on: self.reload())
        self.central.toggled.connect(self._central_toggled)
        QShortcut(QKeySequence("Ctrl+F"), self, self._focus_search)

    @staticmethod
    def _combo(items: list[tuple[str, object]]) -> QComboBox:
        box = QComboBox()
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(7)
        for text, data in items:
            box.addItem(text, data)
        return box

    # -- filters -----------------------------------------------------------------------------

    def filters(self) -> QueueFilter:
        days = self.period.currentData()
        since = None if days is None else self._service.now() - timedelta(days=days)
        flag = self.flag.currentData()
        category = self.category.currentData()
        reason = self.reason.currentData()
        return QueueFilter(
            since=since,
            inspector_id=self.inspector.currentData(),
            category=Category(category) if category else None,
            reason=ReturnReason(reason) if reason else None,
            flag=ReviewFlag(flag) if flag is not None else None,
            text=self.search.text(),
            include_decided=self.decided.isChecked(),
        )

    def load_inspectors(self) -> None:
        def fill(users: list[UserView]) -> None:
            current = self.inspector.currentData()
            self.inspector.blockSignals(True)
            while self.inspector.count() > 1:
                self.inspector.removeItem(1)
            for user in users:
                self.inspector.addItem(f"{user.display_name} {user.badge_id}", user.id)
            select_data(self.inspector, current)
            self.inspector.blockSignals(False)

        self._submit(lambda: self._service.inspectors(self._user), fill)

    def set_sort(self, sort: QueueSort) -> None:
        self.sort = sort
        self.reload()

    def _header_clicked(self, column: int) -> None:
        order = self.table.horizontalHeader().sortIndicatorOrder()
        self.model.sort(column, order)

    def _search_now(self) -> None:
        self._search_pause.stop()
        self.reload()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _central_toggled(self, on: bool) -> None:
        self.table.setColumnHidden(COLUMNS.index("station"), not on)
        for box in (self.category, self.reason, self.inspector, self.period):
            box.setEnabled(not on)  # the central API does not filter by these
        self.reload()

    # -- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        keep = self.current()
        generation = self.model.reset()
        self.count.setText(self.tr("Loading…"))
        try:
            filters = self.filters()
        except ValueError as exc:
            self._fail(exc)
            return
        remote, sort, user = self.central.isChecked(), self.sort, self._user
        self._active = (filters, sort, remote)  # later pages continue this very query

        def first() -> QueuePage:
            if remote:
                return self._service.remote_page(user, filters, limit=PAGE)
            return self._service.queue_page(user, filters, sort=sort, limit=PAGE)

        def show(page: QueuePage) -> None:
            if generation != self.model.generation:
                return
            self.model.append_page(page, generation)
            self._restore(keep)
            self.loaded.emit(page)

        self._submit(first, show, lambda exc: self._load_failed(exc, generation))
        if not remote:
            self._submit(
                lambda: self._service.queue_count(user, filters),
                lambda n: self._counted(n, generation),
                lambda _exc: None,  # the page's own error says it
            )
        else:
            self.count.setText("")

    def _load_more(self, cursor: QueueCursor, generation: int) -> None:
        filters, sort, user, remote = (
            self.filters(),
            self.sort,
            self._user,
            self.central.isChecked(),
        )

        def more() -> QueuePage:
            if remote:
                return self._service.remote_page(user, filters, after=cursor, limit=PAGE)
            return self._service.queue_page(user, filters, sort=sort, after=cursor, limit=PAGE)

        self._submit(
            more,
            lambda page: self.model.append_page(page, generation),
            lambda exc: self._load_failed(exc, generation),
        )

    def _counted(self, count: QueueCount, generation: int) -> None:
        if generation != self.model.generation:
            return
        text = f"{count.count:,}+" if count.capped else f"{count.count:,}"
        self.count.setText(arg(self.tr("%1 to review"), text))
        self.counted.emit(count)

    def _load_failed(self, exc: BaseException, generation: int) -> None:
        self.model.load_failed(generation)
        self._fail(exc)

    def _show_failure(self, message: str) -> None:
        self.count.setText(message)

    # -- current row -------------------------------------------------------------------------

    def current(self) -> QueueRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, 0)
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(index, flags)
            self.table.scrollTo(index)

    def _restore(self, keep: QueueRow | None) -> None:
        row = self.model.row_of(keep.key) if keep is not None else -1
        self.select_row(row if row >= 0 else 0)
        if self.model.rowCount() == 0:
            self.row_chosen.emit(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._follow.start()

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.row_activated.emit(row)

    def stop_following(self) -> None:
        """No pending search or row change fires any more."""
        self._search_pause.stop()
        self._follow.stop()

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
