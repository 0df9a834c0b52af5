"""The review queue as a table model: a thin layer over plain :class:`QueueRow` records.

Rows arrive a page at a time. ``canFetchMore``/``fetchMore`` tell the owner (through
:attr:`QueueModel.more_wanted`) when the view scrolls near the end; the owner loads the next
page off the GUI thread and hands it to :meth:`QueueModel.append_page`. A page that arrives
after the filter changed is dropped (its generation is old). Cells are formatted on demand,
only for the rows on screen, so 100,000 rows cost their records and nothing else.
"""

from __future__ import annotations

from datetime import timezone
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from station.domain.labels import Language, label
from station.domain.money import yuan
from station.review.rows import (
    ITEM_COLUMNS,
    QueueCursor,
    QueuePage,
    QueueRow,
    QueueSort,
    ReviewFlag,
    RowKind,
)

Index = QModelIndex | QPersistentModelIndex
COLUMNS: Final = ("at", "flags", *ITEM_COLUMNS)
_URGENT = ReviewFlag.MISMATCH | ReviewFlag.PARKED | ReviewFlag.UNMATCHED
_DECIDED_INK = QColor("#667085")
_URGENT_BACK = QColor("#fff4f3")


class QueueModel(QAbstractTableModel):
    more_wanted = Signal(object, int)  # QueueCursor, generation
    sort_wanted = Signal(object)  # QueueSort

    def __init__(
        self, *, language: Language, tz: timezone | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._tz = tz
        self.rows: list[QueueRow] = []
        self._next: QueueCursor | None = None
        self._loading = False
        self.generation = 0
        self._headers = {
            "at": self.tr("Time"),
            "flags": self.tr("Why"),
            "rma": self.tr("RMA / code"),
            "sku": self.tr("SKU"),
            "category": self.tr("Category"),
            "reason": self.tr("Claim"),
            "inspector": self.tr("Inspector"),
            "station": self.tr("Station"),
            "amount": self.tr("Amount"),
            "grade": self.tr("Grade"),
            "refund": self.tr("Refund"),
        }
        self._flags = {
            ReviewFlag.OVERRIDDEN: self.tr("Overridden"),
            ReviewFlag.REFUSED: self.tr("Refused"),
            ReviewFlag.PARTIAL: self.tr("Partial"),
            ReviewFlag.HIGH_VALUE: self.tr("High value"),
            ReviewFlag.RULE_REVIEW: self.tr("Rule"),
            ReviewFlag.MISMATCH: self.tr("Mismatch"),
            ReviewFlag.CARRIER_CLAIM: self.tr("Carrier claim"),
            ReviewFlag.UNMATCHED: self.tr("Unmatched"),
            ReviewFlag.PARKED: self.tr("Sync refused"),
            ReviewFlag.DECIDED: self.tr("Decided"),
            ReviewFlag.OVERTURNED: self.tr("Overturned"),
        }

    # -- loading -----------------------------------------------------------------------------

    def reset(self, page: QueuePage | None = None) -> int:
        """Start over (a new filter or sort); returns the new generation."""
        self.beginResetModel()
        self.generation += 1
        self.rows = list(page.rows) if page else []
        self._next = page.next if page else None
        self._loading = False
        self.endResetModel()
        return self.generation

    def append_page(self, page: QueuePage, generation: int) -> None:
        if generation != self.generation:
            return  # asked for under an earlier filter
        self._loading = False
        self._next = page.next
        if page.rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()

    def load_failed(self, generation: int) -> None:
        if generation == self.generation:
            self._loading = False

    @property
    def more(self) -> bool:
        return self._next is not None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next is not None and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._loading = True
            self.more_wanted.emit(self._next, self.generation)

    def row_at(self, row: int) -> QueueRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, key: str) -> int:
        return next((n for n, r in enumerate(self.rows) if r.key == key), -1)

    # -- the table ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self._headers[COLUMNS[section]] if 0 <= section < len(COLUMNS) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("amount", "refund"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.decided:
            return QBrush(_DECIDED_INK)
        if role == Qt.ItemDataRole.BackgroundRole and row.flags & _URGENT and not row.decided:
            return QBrush(_URGENT_BACK)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def flag_text(self, flags: ReviewFlag) -> str:
        return " · ".join(text for flag, text in self._flags.items() if flag in flags)

    def _text(self, row: QueueRow, column: str) -> str:
        lang = self._language
        match column:
            case "at":
                return row.at.astimezone(self._tz).strftime("%m-%d %H:%M")
            case "flags":
                return self.flag_text(row.flags)
            case "rma":
                return row.rma_no
            case "sku":
                return row.sku
            case "category":
                return label(row.category, lang) if row.category else ""
            case "reason":
                return label(row.reason, lang) if row.reason else ""
            case "inspector":
                return row.inspector
            case "station":
                return row.station_id
            case "amount":
                return _yuan(row.amount_fen)
            case "grade":
                return row.grade.value if row.grade else ""
            case "refund":
                kind = label(row.refund_kind, lang) if row.refund_kind else ""
                return f"{kind} {_yuan(row.refund_fen)}".strip()
        return ""

    def _tooltip(self, row: QueueRow, column: str) -> str | None:
        if column == "flags" or row.kind is RowKind.PARKED:
            return "\n".join(p for p in (self.flag_text(row.flags), row.note) if p) or None
        if column in ("rma", "sku") and row.note:
            return row.note
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the database's job: ask the owner to reload in the new order."""
        name = COLUMNS[column] if 0 <= column < len(COLUMNS) else ""
        if name == "at":
            ascending = order == Qt.SortOrder.AscendingOrder
            self.sort_wanted.emit(QueueSort.OLDEST if ascending else QueueSort.NEWEST)
        elif name in ("amount", "refund"):
            self.sort_wanted.emit(QueueSort.AMOUNT)


def _yuan(fen: int | None) -> str:
    return "" if fen is None else yuan(fen)
