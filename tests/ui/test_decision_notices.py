"""The bench hears of supervisors' decisions on its inspections: pulled by the sync worker (on
its own thread) or taken on the review screens here, each shown in a banner that queues, keeps
the scanner's focus where it is, and goes with Esc."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from station import app
from station.domain.labels import Language
from station.domain.records import UserView
from station.protocol.enums import Disposition, Grade
from station.protocol.events import Decision
from station.store.models import Inspection
from station.sync.pull import AppliedDecision, apply_decision
from station.ui.main_window import MainWindow
from station.workflow import InspectionStarted
from tests.review.conftest import REFUSE, clean_orders, finish
from tests.ui.conftest import log_in, shown_window, type_keys
from tests.ui.review.test_supervisor_panel import choose


def bench_window(qtbot, station: app.Station, language: Language) -> MainWindow:
    return shown_window(
        qtbot,
        station,
        language=language,
        size=(1366, 768),
        sync=station.sync,
        review=station.review,
    )


@pytest.fixture(params=["en", "zh_CN"])
def at_the_bench(qtbot, demo_station: app.Station, request) -> Iterator[MainWindow]:
    win = bench_window(qtbot, demo_station, request.param)
    log_in(qtbot, win, "I1001", "1234")
    yield win
    win.close()


def pulled(station: app.Station, inspection_id: str, **decided: object) -> AppliedDecision:
    """A supervisor's decision as the pull applies it (the same function, one transaction)."""
    decision = Decision(
        decision_id=str(uuid.uuid4()),
        inspection_id=inspection_id,
        decided_by="S9001",
        decided_at=datetime.now(UTC),
        reason="外包装破损，开箱可售",
        **decided,
    )

    def work(session) -> AppliedDecision:
        row = session.get_one(Inspection, inspection_id)
        return apply_decision(session, row, decision, datetime.now(UTC), here=True)

    return station.db.run(work)


def from_the_sync_thread(station: app.Station, applied: AppliedDecision) -> None:
    """Announced as the sync worker announces it: on its own thread, after the commit."""
    thread = threading.Thread(target=station.sync.decisions.emit, args=(applied,))
    thread.start()
    thread.join()


def test_pulled_decisions_queue_in_a_banner_that_leaves_the_focus_alone(
    qtbot,
    at_the_bench: MainWindow,
    demo_station: app.Station,
    inspector: UserView,
) -> None:
    win, zh = at_the_bench, at_the_bench.language == "zh_CN"
    banner = win.bench.decisions
    assert banner.isHidden()
    first, second, third = clean_orders(demo_station)[:3]
    overturned = finish(demo_station, first, inspector)
    approved = finish(demo_station, second, inspector)
    # the inspector is at work on the next parcel: the checklist has the keys
    with qtbot.waitSignal(win.bench.scan_handled, timeout=10_000) as opened:
        type_keys(win, third)
    assert isinstance(opened.args[0], InspectionStarted)
    qtbot.waitUntil(lambda: win.bench.checklist.hasFocus())
    focus = QApplication.focusWidget()

    relabel = pulled(
        demo_station,
        overturned.inspection.id,
        grade=Grade.B,
        disposition=Disposition.RESTOCK_OPEN_BOX,
    )
    assert relabel.relabel  # the pull asked the print queue for a corrected label
    from_the_sync_thread(demo_station, relabel)
    qtbot.waitUntil(banner.isVisible)
    rma = overturned.order.rma_no
    assert banner.text.text() == (
        f"主管 S9001 已将 {rma} 改为 等级 B 开封可售（原为 A 全新） · "
        "处置 开箱品上架（原为 上架）。更正标签正在打印，请贴到商品上。原因：外包装破损，开箱可售"
        if zh
        else f"Supervisor S9001 changed {rma} to grade B open box (was A as new) · disposition "
        "Restock open box (was Restock). A corrected label is printing: put it on the item. "
        "Reason: 外包装破损，开箱可售"
    )
    assert banner.property("tone") == "warn"
    assert not banner.linger.isActive()  # a label to put on the item: it waits to be read
    assert QApplication.focusWidget() is focus  # the scanner's keys still go where they went

    from_the_sync_thread(demo_station, pulled(demo_station, approved.inspection.id, approve=True))
    qtbot.waitUntil(lambda: banner.waiting.isVisible())
    assert banner.waiting.text() == ("还有 1 条待看" if zh else "1 more waiting")
    assert banner.notice is not None and banner.notice.decision_id == relabel.decision_id

    assert isinstance(focus, QWidget)
    qtbot.keyClick(focus, Qt.Key.Key_Escape)  # read: the next one
    assert banner.isVisible() and not banner.waiting.isVisible()
    assert banner.text.text().startswith(
        f"主管 S9001 已确认 {approved.order.rma_no} 的质检结论："
        if zh
        else f"Supervisor S9001 approved {approved.order.rma_no} as inspected: "
    )
    assert banner.property("tone") == "ok" and QApplication.focusWidget() is focus
    assert banner.linger.isActive() and banner.linger.interval() == 60_000
    banner.linger.timeout.emit()  # its minute in view is up
    assert banner.isHidden() and QApplication.focusWidget() is focus


def test_a_decision_taken_on_the_review_screens_here_is_told_at_the_bench(
    qtbot,
    demo_station: app.Station,
    inspector: UserView,
) -> None:
    rma = clean_orders(demo_station)[0]
    refused = finish(demo_station, rma, inspector, override=REFUSE).inspection.id
    win = bench_window(qtbot, demo_station, "en")
    log_in(qtbot, win, "S9001", "9999")
    qtbot.keyClick(win.bench.scan_field, Qt.Key.Key_F10)
    panel = win.supervisor_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.queue.model.row_of(refused) >= 0, timeout=20_000)
    choose(qtbot, panel, refused)
    form = panel.evidence.form
    form.grade.setCurrentIndex(form.grade.findData(Grade.B.value))
    form.reason.insert("吊牌在包装内，可开箱销售")
    with qtbot.waitSignal(panel.decided, timeout=10_000):
        qtbot.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel, Qt.Key.Key_F10)  # back to the bench
    assert win.pages.currentWidget() is win.bench
    banner = win.bench.decisions
    assert banner.isVisible()
    assert banner.text.text().startswith(
        f"Supervisor S9001 changed {rma} to grade B open box (was C used / damaged). "
        "A corrected label is printing"
    )
    win.close()
