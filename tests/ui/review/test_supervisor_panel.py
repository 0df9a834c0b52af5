"""The supervisor panel driven the way a supervisor drives it: keys first."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select

from station import app
from station.domain.labels import label
from station.domain.records import UserView
from station.protocol.enums import Grade, OrderState
from station.review.deadlines import LimitKind
from station.review.rows import ReviewFlag, RowKind
from station.review.service import ReviewService
from station.store.models import Inspection, OutboxEvent
from station.ui.review.dashboard_view import DashboardView
from station.ui.review.evidence_view import EvidenceView
from station.ui.review.supervisor_panel import SupervisorPanel
from station.ui.tasks import TaskRunner
from station.workflow import InspectionStarted
from tests.review.conftest import counts, orders
from tests.ui.review.conftest import Waiting


def keys_in_queue(panel: SupervisorPanel) -> list[str]:
    return [r.key for r in panel.queue.model.rows]


def choose(qtbot, panel: SupervisorPanel, key: str) -> None:
    row = panel.queue.model.row_of(key)
    assert row >= 0, key
    if panel.evidence.detail is not None and panel.evidence.detail.inspection_id == key:
        return
    with qtbot.waitSignal(panel.evidence.shown, timeout=10_000):
        panel.queue.select_row(row)


def test_the_queue_shows_what_waits_and_filters_narrow_it(
    qtbot, panel: SupervisorPanel, waiting: Waiting
) -> None:
    assert set(keys_in_queue(panel)) >= {waiting.refused, waiting.swapped}
    kinds = {r.kind for r in panel.queue.model.rows}
    assert RowKind.UNMATCHED in kinds
    assert panel.queue.count.text() == "3 to review"
    flag = panel.queue.flag
    with qtbot.waitSignal(panel.queue.loaded, timeout=10_000):
        flag.setCurrentIndex(flag.findData(int(ReviewFlag.MISMATCH)))
    assert keys_in_queue(panel) == [waiting.swapped]
    with qtbot.waitSignal(panel.queue.loaded, timeout=10_000):
        flag.setCurrentIndex(0)
    rma = next(r.rma_no for r in panel.queue.model.rows if r.key == waiting.refused)
    with qtbot.waitSignal(panel.queue.loaded, timeout=10_000):
        panel.queue.search.setText(rma)
        qtbot.keyClick(panel.queue.search, Qt.Key.Key_Return)
    assert keys_in_queue(panel) == [waiting.refused]


def test_the_period_filter_reaches_back_the_days_chosen(
    panel: SupervisorPanel, service: ReviewService
) -> None:
    box = panel.queue.period
    assert box.count() == 4 and box.itemText(0) == "Any time"
    assert panel.queue.filters().since is None
    for n, days in enumerate((1, 7, 30), start=1):
        box.setCurrentIndex(n)
        assert panel.queue.filters().since == service.now() - timedelta(days=days)


def test_evidence_follows_the_current_row(qtbot, panel: SupervisorPanel, waiting: Waiting) -> None:
    choose(qtbot, panel, waiting.refused)
    detail = panel.evidence.detail
    assert detail is not None and detail.inspection_id == waiting.refused
    assert panel.evidence.thumbs.count() == len(detail.photos) >= 2
    assert panel.evidence.answers.rowCount() == len(detail.answers) > 0
    assert "overrode" in panel.evidence.override.text()
    assert panel.evidence.verdict.item(0, 1).text().startswith("C")  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not panel.evidence.thumbs.item(0).icon().isNull(), timeout=10_000)


def test_approving_by_keyboard_sends_one_decision_and_the_row_leaves(
    qtbot, demo_station: app.Station, panel: SupervisorPanel, waiting: Waiting
) -> None:
    choose(qtbot, panel, waiting.refused)
    panel.queue.focus_table()
    qtbot.keyClick(panel.queue.table, Qt.Key.Key_Return)  # Enter: decide this one
    assert panel.evidence.form.reason.hasFocus()
    events, entries = counts(demo_station)
    panel.evidence.form.reason.insert("照片清楚，维持拒绝退款")  # as a Chinese IME commits it
    signals = [panel.evidence.decided, panel.queue.loaded]  # decided, then the queue reloaded
    with qtbot.waitSignals(signals, order="strict", timeout=10_000):
        qtbot.keyClick(panel.evidence.form, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert waiting.refused not in keys_in_queue(panel) and keys_in_queue(panel)
    assert counts(demo_station) == (events + 1, entries + 1)
    row = demo_station.db.run(lambda s: s.get_one(Inspection, waiting.refused))
    assert row.decision is not None and row.decision["approve"] is True
    assert panel.queue.table.hasFocus()  # straight on with the next row


def test_an_overturn_without_a_reason_is_refused_before_anything_is_sent(
    qtbot, demo_station: app.Station, panel: SupervisorPanel, waiting: Waiting
) -> None:
    choose(qtbot, panel, waiting.refused)
    form = panel.evidence.form
    form.grade.setCurrentIndex(form.grade.findData(Grade.B.value))
    before = counts(demo_station)
    with qtbot.assertNotEmitted(form.submitted):
        qtbot.mouseClick(form.overturn, Qt.MouseButton.LeftButton)
    assert "needs a reason" in form.problem.text() and form.reason.hasFocus()
    assert counts(demo_station) == before
    qtbot.keyClicks(form.reason, "   ")  # blanks are no reason either
    with qtbot.assertNotEmitted(form.submitted):
        qtbot.keyClick(form, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    form.reason.insert("吊牌在包装内，可开箱销售")  # as a Chinese IME commits it
    with qtbot.waitSignal(panel.evidence.decided, timeout=10_000) as made:
        qtbot.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert made.args[0].changed == ("grade",)
    assert demo_station.db.run(lambda s: s.get_one(Inspection, waiting.refused)).grade == "B"


def test_a_decision_the_service_refuses_is_shown_in_the_form(
    qtbot, panel: SupervisorPanel, waiting: Waiting
) -> None:
    choose(qtbot, panel, waiting.refused)
    form = panel.evidence.form
    form.reason.setText("x" * 10)
    form.refund.setValue(0.5)  # a "no refund" of ¥0.50 does not hold together
    with qtbot.waitSignal(panel.evidence.failed, timeout=10_000) as failed:
        form.submit(approve=False)
    assert "¥0" in failed.args[0] and failed.args[0] in form.problem.text()


def test_the_evidence_pack_is_saved_off_the_gui_thread(
    qtbot, monkeypatch, panel: SupervisorPanel, waiting: Waiting, tmp_path: Path
) -> None:
    choose(qtbot, panel, waiting.refused)
    target = tmp_path / "pack.pdf"
    monkeypatch.setattr(EvidenceView, "ask_path", staticmethod(lambda _parent, _name: target))
    with qtbot.waitSignal(panel.evidence.pack_written, timeout=30_000) as written:
        qtbot.keyClick(panel.evidence, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert written.args[0].path == target and target.read_bytes().startswith(b"%PDF")


def test_an_unmatched_parcel_is_linked_then_scanned_as_usual(
    qtbot,
    demo_station: app.Station,
    panel: SupervisorPanel,
    waiting: Waiting,
    inspector: UserView,
) -> None:
    qtbot.keyClick(panel, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert panel.tabs.currentWidget() is panel.unmatched
    view = panel.unmatched
    assert [p.code for p in view.parcels] == [waiting.parcel_code]
    rma = orders(demo_station)[5]
    qtbot.keyClicks(view.code, rma)
    with qtbot.waitSignal(view.linked, timeout=10_000):
        qtbot.keyClick(view.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.parcels == [], timeout=10_000)
    qtbot.waitUntil(
        lambda: all(r.kind is not RowKind.UNMATCHED for r in panel.queue.model.rows), timeout=10_000
    )
    assert isinstance(demo_station.workflow.scan(rma, inspector), InspectionStarted)


def test_a_code_that_matches_nothing_is_refused_on_screen(
    qtbot, panel: SupervisorPanel, waiting: Waiting
) -> None:
    view = panel.unmatched
    view.code.setText("RMA00000000000000")
    with qtbot.waitSignal(view.failed, timeout=10_000) as failed:
        view.link()
    assert "No order matches" in failed.args[0] and view.parcels[0].linked_rma is None


def test_the_dashboard_shows_the_numbers_and_exports_csv(
    qtbot, monkeypatch, panel: SupervisorPanel, waiting: Waiting, tmp_path: Path
) -> None:
    panel.show_tab(2)
    d = panel.dashboard.dashboard
    assert d is not None and sum(m.count for m in d.grades) == 2
    assert panel.dashboard.throughput.chart().series()  # a chart was drawn
    assert panel.dashboard.limits.rowCount() == len(d.limits.items) > 0
    target = tmp_path / "limits.csv"
    monkeypatch.setattr(DashboardView, "ask_path", staticmethod(lambda _parent, _name: target))
    with qtbot.waitSignal(panel.dashboard.exported, timeout=10_000):
        panel.dashboard.export_dialog("limits")
    with target.open(encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    assert header[0] == "Limit" and len(rows) == len(d.limits.items)
    assert {r[1] for r in rows} >= {i.rma_no for i in d.limits.items}
    with qtbot.waitSignal(panel.dashboard.loaded, timeout=10_000):
        panel.dashboard.period.setCurrentIndex(2)  # 30 days: per day
    assert panel.dashboard.dashboard.bucket == "day"  # type: ignore[union-attr]


def test_the_time_limits_name_order_states_in_the_supervisor_s_language(
    panel: SupervisorPanel, waiting: Waiting
) -> None:
    d = panel.dashboard.dashboard
    assert d is not None
    refunds = [n for n, item in enumerate(d.limits.items) if item.kind is LimitKind.REFUND]
    shown = {panel.dashboard.limits.item(n, 2).text() for n in refunds}  # type: ignore[union-attr]
    assert shown and shown <= {label(state, "en") for state in OrderState}


def test_an_inspector_gets_a_notice_not_the_tabs(
    qtbot, demo_station: app.Station, service: ReviewService, inspector: UserView
) -> None:
    runner = TaskRunner(workers=1)
    widget = SupervisorPanel(service, demo_station.workflow, runner, language="en", user=inspector)
    qtbot.addWidget(widget)
    widget.show()
    assert not hasattr(widget, "tabs")
    [notice] = widget.findChildren(QLabel)
    assert "Only supervisors" in notice.text() and runner.pending == 0
    runner.shutdown()


def test_more_rows_load_as_the_table_scrolls(
    qtbot, demo_station: app.Station, panel: SupervisorPanel
) -> None:
    def flag_all(s: object) -> int:
        return s.execute(  # type: ignore[attr-defined]
            Inspection.__table__.update().values(needs_review=True)
        ).rowcount

    assert demo_station.db.run(flag_all) >= 0
    _completed_many(demo_station, 450)
    with qtbot.waitSignal(panel.queue.loaded, timeout=10_000):
        panel.queue.reload()
    assert panel.queue.model.rowCount() == 200 and panel.queue.model.more
    table = panel.queue.table
    with qtbot.waitSignal(panel.queue.model.rowsInserted, timeout=10_000):
        table.scrollToBottom()
        qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert panel.queue.model.rowCount() > 200
    total = demo_station.db.run(lambda s: s.scalar(select(func.count()).select_from(OutboxEvent)))
    assert total is not None  # nothing was written by reading


def _completed_many(station: app.Station, count: int) -> None:
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import insert

    from station.store.models import ReturnOrder

    base = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)

    def work(s: object) -> None:
        targets = [
            (o.id, o.lines[0].id)
            for o in s.scalars(select(ReturnOrder).offset(20).limit(count))  # type: ignore[attr-defined]
        ]
        s.execute(  # type: ignore[attr-defined]
            insert(Inspection),
            [
                {
                    "id": f"{n:08x}-0000-7000-8000-{n:012x}",
                    "return_id": rid,
                    "return_line_id": lid,
                    "station_id": "ST-TEST",
                    "inspector_id": 1,
                    "refund_kind": "none",
                    "refund_fen": 0,
                    "needs_review": True,
                    "state": "completed",
                    "started_at": base,
                    "completed_at": base + timedelta(minutes=n),
                }
                for n, (rid, lid) in enumerate(targets)
            ],
        )

    station.db.run(work)
