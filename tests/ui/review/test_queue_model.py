from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QModelIndex, Qt

from station.protocol.enums import Category, Grade, RefundKind, ReturnReason
from station.review.rows import QueueCursor, QueuePage, QueueRow, QueueSort, ReviewFlag, RowKind
from station.ui.review.queue_model import COLUMNS, QueueModel

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)


def rows(count: int, start: int = 0) -> tuple[QueueRow, ...]:
    return tuple(
        QueueRow(
            kind=RowKind.INSPECTION if n % 7 else RowKind.UNMATCHED,
            key=f"{n:08x}-0000-7000-8000-{n:012x}",
            at=T0 + timedelta(minutes=n),
            rma_no=f"RMA2026112000{n:04d}",
            sku=f"AP-TS-{n % 5:02d}-M",
            category=Category.APPAREL if n % 7 else None,
            reason=ReturnReason.QUALITY_DEFECT if n % 7 else None,
            inspector="王芳",
            station_id="ST-HZ01",
            amount_fen=7900 * (n % 4 + 1) if n % 7 else None,
            grade=Grade.C if n % 7 else None,
            disposition=None,
            refund_kind=RefundKind.NONE if n % 7 else None,
            refund_fen=0 if n % 7 else None,
            flags=ReviewFlag.REFUSED | ReviewFlag.OVERRIDDEN if n % 7 else ReviewFlag.UNMATCHED,
            note="吊牌已剪" if n % 2 else "",
        )
        for n in range(start, start + count)
    )


def cursor_after(page: tuple[QueueRow, ...]) -> QueueCursor:
    return QueueCursor(page[-1].at, 0, page[-1].key)


def test_the_model_passes_qt_s_model_checks(qtmodeltester) -> None:
    model = QueueModel(language="zh_CN")
    first = rows(50)
    model.reset(QueuePage(first, cursor_after(first)))
    qtmodeltester.check(model, force_py=True)
    generation = model.generation
    model.append_page(QueuePage(rows(25, 50), None), generation)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 75 and not model.canFetchMore(QModelIndex())


def test_scrolling_near_the_end_asks_for_the_next_page_once(qtbot) -> None:
    model = QueueModel(language="en")
    first = rows(10)
    generation = model.reset(QueuePage(first, cursor_after(first)))
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.more_wanted) as asked:
        model.fetchMore(QModelIndex())
    assert asked.args == [cursor_after(first), generation]
    assert not model.canFetchMore(QModelIndex())  # one request at a time
    model.append_page(QueuePage(rows(10, 10), None), generation)
    assert model.rowCount() == 20 and model.row_at(19).rma_no.endswith("0019")  # type: ignore[union-attr]


def test_a_page_asked_for_under_an_old_filter_is_dropped() -> None:
    model = QueueModel(language="en")
    first = rows(5)
    old = model.reset(QueuePage(first, cursor_after(first)))
    model.reset(QueuePage(rows(3, 100), None))  # the supervisor changed the filter
    model.append_page(QueuePage(rows(5, 5), None), old)
    assert [r.rma_no[-3:] for r in model.rows] == ["100", "101", "102"]


def test_cells_show_what_a_supervisor_reads(qtbot) -> None:
    model = QueueModel(language="en", tz=UTC)
    model.reset(QueuePage(rows(2), None))
    at = model.index(1, COLUMNS.index("at"))
    assert model.data(at) == "11-20 01:01"
    assert model.data(model.index(1, COLUMNS.index("flags"))) == "Overridden · Refused"
    assert model.data(model.index(1, COLUMNS.index("amount"))) == "¥158.00"
    assert model.data(model.index(1, COLUMNS.index("refund"))) == "No refund ¥0.00"
    assert model.data(model.index(1, COLUMNS.index("category"))) == "Apparel"
    assert model.data(model.index(0, COLUMNS.index("flags"))) == "Unmatched"
    assert (
        model.data(model.index(1, COLUMNS.index("rma")), Qt.ItemDataRole.ToolTipRole) == "吊牌已剪"
    )
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole).kind is RowKind.UNMATCHED
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Time"


def test_header_clicks_ask_the_database_to_sort(qtbot) -> None:
    model = QueueModel(language="en")
    with qtbot.waitSignal(model.sort_wanted) as newest:
        model.sort(COLUMNS.index("at"), Qt.SortOrder.DescendingOrder)
    with qtbot.waitSignal(model.sort_wanted) as amount:
        model.sort(COLUMNS.index("amount"), Qt.SortOrder.DescendingOrder)
    assert newest.args == [QueueSort.NEWEST] and amount.args == [QueueSort.AMOUNT]
    with qtbot.assertNotEmitted(model.sort_wanted):
        model.sort(COLUMNS.index("sku"))  # not an indexed order: nothing happens


def test_a_hundred_thousand_rows_are_just_records(qtbot) -> None:
    model = QueueModel(language="zh_CN")
    generation = model.reset()
    for start in range(0, 100_000, 1000):
        model.append_page(QueuePage(rows(1000, start), None), generation)
    assert model.rowCount() == 100_000
    assert model.data(model.index(99_999, COLUMNS.index("rma"))) == "RMA202611200099999"
