"""What the evidence pane shows belongs to the case chosen, and to no one after the session."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget

from station.ui.main_window import MainWindow
from station.ui.review.supervisor_panel import SupervisorPanel
from tests.ui.conftest import type_by_hand
from tests.ui.review.conftest import Waiting
from tests.ui.review.test_supervisor_panel import choose


def shows_no_case(panel: SupervisorPanel) -> bool:
    evidence = panel.evidence
    return (
        evidence.detail is None
        and evidence.facts.text() == ""
        and evidence.verdict.item(0, 1) is None
        and evidence.answers.rowCount() == 0
        and evidence.thumbs.count() == 0
        and evidence.rules.text() == ""
        and not evidence.form.approve.isEnabled()
    )


def test_the_next_case_replaces_the_last_at_once_not_when_it_has_loaded(
    qtbot, panel: SupervisorPanel, waiting: Waiting
) -> None:
    choose(qtbot, panel, waiting.refused)
    assert not shows_no_case(panel)
    swapped = panel.queue.model.rows[panel.queue.model.row_of(waiting.swapped)]
    panel.evidence.show_row(swapped)  # read in the background: nothing has arrived yet
    assert shows_no_case(panel)
    assert panel.evidence.title.text().startswith(swapped.rma_no)
    with qtbot.waitSignal(panel.evidence.shown, timeout=10_000) as shown:
        pass
    assert shown.args[0].inspection_id == waiting.swapped
    assert panel.evidence.form.approve.isEnabled()


def test_a_parcel_chosen_after_a_case_shows_none_of_the_case(
    qtbot, panel: SupervisorPanel, waiting: Waiting
) -> None:
    choose(qtbot, panel, waiting.refused)
    parcel = next(r for r in panel.queue.model.rows if not r.decidable)
    panel.evidence.show_row(parcel)
    assert panel.evidence.verdict.item(0, 1) is None and panel.evidence.detail is None
    assert waiting.parcel_code in panel.evidence.title.text()


def test_a_panel_taken_off_the_window_forgets_its_case(
    qtbot, panel: SupervisorPanel, waiting: Waiting
) -> None:
    pages = QStackedWidget()
    qtbot.addWidget(pages)
    pages.addWidget(panel)
    choose(qtbot, panel, waiting.refused)
    pages.removeWidget(panel)  # what the window does at logout and at the idle lock
    assert shows_no_case(panel)
    panel.queue.select_row(1)  # a row change still pending then loads nothing
    qtbot.wait(400)
    assert shows_no_case(panel)
    panel.setParent(None)  # the fixture closes it


def test_the_idle_lock_leaves_nothing_of_the_supervisor_s_case_behind(
    qtbot, window: MainWindow, waiting: Waiting
) -> None:
    with qtbot.waitSignal(window.login_view.logged_in, timeout=10_000):
        type_by_hand(window, "S9001")
        type_by_hand(window, "9999")
    window.toggle_review()
    panel = window.supervisor_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.queue.model.row_of(waiting.refused) >= 0, timeout=20_000)
    choose(qtbot, panel, waiting.refused)
    window.lock()  # the panel goes once control is back in the event loop
    assert shows_no_case(panel)
