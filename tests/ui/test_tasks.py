"""Work off the GUI thread: results come back on it, and nothing outlives the window."""

from __future__ import annotations

import threading

from station.ui.tasks import TaskRunner


def test_the_result_comes_back_on_the_gui_thread_in_order(qtbot) -> None:
    runner = TaskRunner(workers=1)
    gui = threading.get_ident()
    seen: list[tuple[int, bool]] = []
    with qtbot.waitSignal(runner.idle, timeout=5000):
        for n in range(3):
            runner.submit(lambda n=n: n, lambda r: seen.append((r, threading.get_ident() == gui)))
    assert seen == [(0, True), (1, True), (2, True)]
    runner.shutdown()


def test_work_asked_for_after_the_window_closed_is_dropped_not_raised(qtbot) -> None:
    runner = TaskRunner(workers=1)
    runner.shutdown()
    ran: list[str] = []
    runner.submit(lambda: ran.append("ran"), lambda _r: ran.append("answered"))
    assert runner.pending == 0 and ran == []
