"""The bench: scan field, notices, camera and photo areas, the order card and the checklist."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from station.capture.scan_text import BadScan
from station.domain.labels import Language, label
from station.domain.records import UserView
from station.ui.order_card import OrderCard
from station.ui.tasks import TaskRunner
from station.ui.widgets import NoticeBar, Placeholder
from station.workflow import (
    InspectionStarted,
    NotInspectable,
    ParcelUnmatched,
    ScanOutcome,
    Workflow,
)

log = logging.getLogger(__name__)


class BenchView(QWidget):
    scan_handled = Signal(object)  # ScanOutcome, or the exception that refused the scan

    def __init__(
        self,
        workflow: Workflow,
        runner: TaskRunner,
        *,
        language: Language,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("benchView")
        self._workflow = workflow
        self._runner = runner
        self._today = today
        self._language = language
        self.user: UserView | None = None
        self.outcome: ScanOutcome | None = None

        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("scanField")
        self.scan_field.setPlaceholderText(
            self.tr("Scan or type an RMA, order or tracking number, then Enter")
        )
        self.scan_field.setMaxLength(600)
        self.scan_field.returnPressed.connect(self._scan_field_entered)
        scan_caption = QLabel(self.tr("Scan"))
        scan_caption.setObjectName("scanCaption")
        self.notice = NoticeBar()

        self.camera_area = Placeholder(self.tr("Camera"))
        self.camera_area.setObjectName("cameraArea")
        self.photo_strip = Placeholder(self.tr("Photos of this item appear here"))
        self.photo_strip.setObjectName("photoStrip")
        self.photo_strip.setMaximumHeight(150)
        self.card = OrderCard(language=language)
        self.checklist_area = Placeholder(self.tr("Checklist"))
        self.checklist_area.setObjectName("checklistArea")

        top = QHBoxLayout()
        top.addWidget(scan_caption)
        top.addWidget(self.scan_field, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.camera_area, 1)
        left_layout.addWidget(self.photo_strip)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.card, 3)
        right_layout.addWidget(self.checklist_area, 2)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(split, 1)

    def start_session(self, user: UserView) -> None:
        self.user = user
        self.notice.show_message(
            self.tr("Hello %1. Scan a return parcel to begin.").replace("%1", user.display_name),
            "info",
        )

    def suspend_session(self) -> None:
        """Idle lock: nobody may act, but what is on the bench stays for whoever returns."""
        self.user = None
        self.scan_field.clear()

    def resume_session(self, user: UserView) -> None:
        self.user = user
        self.notice.show_message(
            self.tr("Welcome back, %1.").replace("%1", user.display_name), "info"
        )

    def end_session(self) -> None:
        self.user = None
        self.outcome = None
        self.card.clear()
        self.scan_field.clear()

    def _scan_field_entered(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        self.handle_scan(text)

    def handle_scan(self, code: str) -> None:
        user = self.user
        if user is None:
            return
        self._runner.submit(
            lambda: self._workflow.scan(code, user), self._show_outcome, self._scan_refused
        )

    def _show_outcome(self, outcome: ScanOutcome) -> None:
        self.outcome = outcome
        today = self._today()
        match outcome:
            case InspectionStarted(order=order, line=line, resumed=resumed):
                count = len(order.lines)
                item = (
                    self.tr("item %1 of %2")
                    .replace("%1", str(line.line_no))
                    .replace("%2", str(count))
                    if count > 1
                    else ""
                )
                self.card.show_order(order, today=today, current_line_id=line.id, notice=item)
                text = (
                    self.tr("Resumed the open inspection of %1")
                    if resumed
                    else self.tr("Inspecting %1")
                ).replace("%1", order.rma_no)
                self.notice.show_message(text, "ok")
            case ParcelUnmatched(parcel=parcel, resumed=resumed):
                self.card.show_unmatched(parcel, resumed=resumed)
                self.notice.show_message(
                    self.tr("No order for %1: received as an unmatched parcel.").replace(
                        "%1", parcel.code
                    ),
                    "warn",
                )
            case NotInspectable(order=order, reason=reason):
                log.info("not inspectable: %s", reason)
                text = (
                    self.tr("%1 is %2 and cannot be inspected at the bench.")
                    .replace("%1", order.rma_no)
                    .replace("%2", label(order.state, self._language))
                )
                self.card.show_order(order, today=today, notice=text)
                self.notice.show_message(text, "warn")
        self.scan_handled.emit(outcome)

    def _scan_refused(self, error: BaseException) -> None:
        if isinstance(error, BadScan):
            text = self.tr("Not a usable scan: %1").replace("%1", str(error))
        else:
            log.error("scan failed", exc_info=error)
            text = self.tr("The scan could not be handled: %1").replace("%1", str(error))
        self.notice.show_message(text, "error")
        self.scan_handled.emit(error)
