"""The supervisor's widget: the review queue with its evidence, the unmatched parcels, and the
dashboard, as tabs (Ctrl+1, Ctrl+2, Ctrl+3).

It is given everything it uses: the review service, the workflow (for the photo store), a task
runner through which every database, disk and network call goes, the language, and the acting
user. An inspector gets a notice instead of the tabs; the service would refuse them anyway.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from station.domain.labels import Language
from station.domain.records import UserView
from station.review.access import can_review
from station.review.decisions import DecisionMade
from station.review.rows import QueuePage, QueueRow
from station.review.service import ReviewService
from station.ui.review.dashboard_view import DashboardView
from station.ui.review.evidence_view import EvidenceView
from station.ui.review.pane import ReviewContext
from station.ui.review.queue_view import QueueView
from station.ui.review.style import STYLESHEET
from station.ui.review.unmatched_view import UnmatchedView
from station.ui.tasks import TaskRunner
from station.ui.widgets import text_label
from station.workflow import Workflow

log = logging.getLogger(__name__)


class SupervisorPanel(QWidget):
    started = Signal()
    decided = Signal(object)  # DecisionMade: a decision taken here was applied

    def __init__(
        self,
        service: ReviewService,
        workflow: Workflow,
        runner: TaskRunner,
        *,
        language: Language,
        user: UserView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorPanel")
        self.setStyleSheet(STYLESHEET)
        self.user = user
        self._started = False
        self._dropped = False
        self._after_decision: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.allowed = can_review(user)
        if not self.allowed:
            notice = text_label(
                self.tr("Only supervisors and admins can review inspections."),
                name="lockedNotice",
                align=Qt.AlignmentFlag.AlignCenter,
            )
            layout.addWidget(notice)
            return

        context = ReviewContext(service, runner, workflow.evidence, user, language)
        self.queue = QueueView(context)
        self.evidence = EvidenceView(context)
        self.unmatched = UnmatchedView(context)
        self.dashboard = DashboardView(context)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.queue)
        split.addWidget(self.evidence)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setSizes([880, 560])
        split.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("supervisorTabs")
        self.tabs.addTab(split, self.tr("Review queue"))
        self.tabs.addTab(self.unmatched, self.tr("Unmatched parcels"))
        self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
        layout.addWidget(self.tabs)

        self.queue.row_chosen.connect(self.evidence.show_row)
        self.queue.row_activated.connect(self._open_for_decision)
        self.queue.loaded.connect(self._queue_loaded)
        self.evidence.decided.connect(self._decided)
        self.unmatched.linked.connect(lambda _linked: self.queue.reload())
        for n in range(3):
            QShortcut(QKeySequence(f"Ctrl+{n + 1}"), self, lambda n=n: self.show_tab(n))
        QShortcut(QKeySequence("Escape"), self.evidence, self.queue.focus_table)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.start()

    def start(self) -> None:
        """Load every tab once (in the background); later loads follow the user's actions."""
        if self._started or not self.allowed:
            return
        self._started = True
        self.queue.load_inspectors()
        self.queue.reload()
        self.unmatched.reload()
        self.dashboard.reload()
        self.queue.focus_table()
        self.started.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        pages = self.parentWidget()
        if event.type() == QEvent.Type.ParentChange and isinstance(pages, QStackedWidget):
            pages.widgetRemoved.connect(self._page_removed)  # leaving the window's pages ends it

    def _page_removed(self, _index: int) -> None:
        pages = self.parentWidget()
        if isinstance(pages, QStackedWidget) and pages.indexOf(self) < 0:
            self.drop()

    def drop(self) -> None:
        """Forget the case on screen and whatever is still on its way: the supervisor's
        session ended (logout, idle lock), and nothing of it may show to whoever is next."""
        if not self.allowed or self._dropped:
            return
        self._dropped = True
        self.queue.row_chosen.disconnect(self.evidence.show_row)  # nothing loads it again
        self.queue.stop_following()
        self.evidence.show_row(None)
        self.unmatched.thumbs.show_photos([])

    def reload(self) -> None:
        """F5 on the review screens: the tab in front reads its figures again."""
        tab = self.tabs.currentIndex()
        (self.queue, self.unmatched, self.dashboard)[tab].reload()

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        target = (self.queue.table, self.unmatched.table, self.dashboard.period)[index]
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _open_for_decision(self, row: QueueRow) -> None:
        if row.decidable:
            if self.evidence.row is None or self.evidence.row.key != row.key:
                self.evidence.show_row(row)
            self.evidence.focus_reason()
        elif row.kind.value == "unmatched":
            self.show_tab(1)

    def _decided(self, made: DecisionMade) -> None:
        """The decided row leaves the queue: reload, and go on with the row that took its
        place, so a supervisor can work down the list without touching the mouse."""
        self._after_decision = self.queue.table.currentIndex().row()
        self.queue.reload()
        log.info("queue reloaded after decision %s", made.decision.decision_id)
        self.decided.emit(made)

    def _queue_loaded(self, _page: QueuePage) -> None:
        if self._after_decision is None:
            return
        row = min(self._after_decision, self.queue.model.rowCount() - 1)
        self._after_decision = None
        self.queue.select_row(max(0, row))
        self.queue.focus_table()
