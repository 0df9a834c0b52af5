"""The bench: scan field, notices, camera and photos, order card, verdict and checklist.

Every scan — hand scanner, typed, or camera — comes to :meth:`BenchView.handle_scan`, which
classifies it: command cards drive the checklist, item codes answer its scan-match
questions, and parcel codes start or resume an inspection.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from station.capture.classify import Command, ScanCode, ScanKind, classify
from station.capture.live import LiveScanner
from station.capture.scan_text import BadScan
from station.domain.enums import PhotoKind
from station.domain.labels import Language, label
from station.domain.records import UserView, Verdict
from station.evidence.errors import EvidenceError
from station.evidence.quality import reason
from station.evidence.records import PhotoView
from station.qc.engine import Evaluation, OverrideError, decide
from station.ui.camera_view import CameraView
from station.ui.checklist_view import ChecklistView
from station.ui.feedback import ScanFeedback, Tone
from station.ui.order_card import OrderCard
from station.ui.override_dialog import OverrideDialog
from station.ui.photo_strip import PhotoStrip
from station.ui.photo_viewer import PhotoViewer
from station.ui.tasks import TaskRunner
from station.ui.verdict_panel import VerdictPanel
from station.ui.widgets import NoticeBar
from station.workflow import (
    Completion,
    IncompleteInspection,
    InspectionStarted,
    NotInspectable,
    ParcelUnmatched,
    ScanOutcome,
    Workflow,
)

log = logging.getLogger(__name__)

CANCEL_CONFIRM_S = 10.0


class BenchView(QWidget):
    scan_handled = Signal(object)  # ScanOutcome, a Command, or the exception that refused it
    completed = Signal(object)  # Completion
    photos_shown = Signal(object)  # list[PhotoView], after the strip is refreshed

    def __init__(
        self,
        workflow: Workflow,
        runner: TaskRunner,
        *,
        language: Language,
        camera: LiveScanner | None = None,
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
        self._cancel_armed_at = 0.0
        self._sized = False
        self.last_labelled: dict[str, str] = {}  # what PRINT reprints: inspection or parcel

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

        self.camera_view = CameraView(camera)
        self.camera_area = self.camera_view
        self.feedback = ScanFeedback(
            self, enabled=QGuiApplication.platformName() not in ("offscreen", "minimal")
        )
        self.last_scan_seen_at: float | None = None  # when the camera saw the scan's frame
        self.photo_strip = PhotoStrip(
            runner, workflow.photos.thumbnails.path_for, language=language
        )
        self.photo_strip.photo_opened.connect(self.open_photo)
        # The newest full-resolution camera frame, or None (tests substitute their own).
        self.frame_source: Callable[[], np.ndarray | None] = self.camera_view.latest_frame
        self._retake: PhotoView | None = None
        self.card = OrderCard(language=language)
        self.verdict = VerdictPanel(language=language)
        self.checklist = ChecklistView(language=language)
        self.accept_button = QPushButton(self.tr("Accept (Enter)"))
        self.accept_button.setObjectName("acceptButton")
        self.override_button = QPushButton(self.tr("Override (F2)"))
        self.override_button.setObjectName("overrideButton")
        for button in (self.accept_button, self.override_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setEnabled(False)

        self.checklist.notice.connect(self._checklist_notice)
        self.checklist.evaluated.connect(self._show_evaluation)
        self.checklist.answers_changed.connect(self._save_answers)
        self.checklist.accept_requested.connect(self.complete)
        self.checklist.override_requested.connect(self.override)
        self.accept_button.clicked.connect(self.checklist.accept)
        self.override_button.clicked.connect(self.override)

        top = QHBoxLayout()
        top.addWidget(scan_caption)
        top.addWidget(self.scan_field, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.camera_area, 1)
        left_layout.addWidget(self.photo_strip)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.card, 3)
        middle_layout.addWidget(self.verdict, 2)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.checklist, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.override_button)
        right_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        middle.setMinimumWidth(380)
        for widget, stretch in ((left, 5), (middle, 4), (right, 4)):
            split.addWidget(widget)
            split.setStretchFactor(split.indexOf(widget), stretch)
        self.split = split
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(split, 1)

    # -- session ---------------------------------------------------------------------------

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
        if self.checklist.active:
            self.checklist.setFocus()

    def end_session(self) -> None:
        self.user = None
        self.outcome = None
        self.card.clear()
        self.checklist.clear()
        self.verdict.clear()
        self._enable_verdict(False)
        self.scan_field.clear()

    # -- scans -----------------------------------------------------------------------------

    def _scan_field_entered(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        self.handle_scan(text)

    def handle_scan(self, raw: str, source: str = "scanner", seen_at: float | None = None) -> None:
        if self.user is None:
            return
        self.last_scan_seen_at = seen_at
        try:
            code = classify(raw, source=source)
        except BadScan as exc:
            self._scan_refused(exc)
            return
        if code.kind is ScanKind.COMMAND:
            assert code.command is not None
            self.feedback.play(Tone.SUCCESS)
            self.command(code.command)
            self.scan_handled.emit(code.command)
            return
        if self._item_code(code):
            self.scan_handled.emit(code)
            return
        if code.kind is ScanKind.EAN:
            self.feedback.play(Tone.UNKNOWN)
            self.notice.show_message(
                self.tr("%1 is an item barcode. Scan the return parcel first.").replace(
                    "%1", code.text
                ),
                "warn",
            )
            self.scan_handled.emit(code)
            return
        user = self.user
        self._runner.submit(
            lambda: self._workflow.scan(code.text, user), self._show_outcome, self._scan_refused
        )

    def _item_code(self, code: ScanCode) -> bool:
        """While a checklist waits for an item scan, item-like codes answer it."""
        if not self.checklist.active or code.kind not in (ScanKind.EAN, ScanKind.OTHER):
            return False
        return self.checklist.item_scanned(code.text)

    def command(self, command: Command) -> None:
        if command is Command.CANCEL:
            self._cancel()
        elif command is Command.PHOTO:
            self.take_photo()
        elif command is Command.PRINT:
            self.reprint()
        elif not self.checklist.command(command):
            self.notice.show_message(
                self.tr("Nothing to do for %1 now.").replace("%1", command.value.upper()),
                "warn",
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # share the width once; the inspector may drag it afterwards
            self._sized = True
            width = max(self.width(), 1000)
            self.split.setSizes([int(width * 0.38), int(width * 0.30), int(width * 0.32)])

    def _show_outcome(self, outcome: ScanOutcome) -> None:
        current = self.inspection
        if (
            isinstance(outcome, InspectionStarted)
            and current is not None
            and outcome.inspection.id == current.inspection.id
        ):  # another code of the parcel already on the bench: nothing to reload
            self.notice.show_message(
                self.tr("Already inspecting %1").replace("%1", outcome.order.rma_no), "info"
            )
            self.scan_handled.emit(outcome)
            return
        self.outcome = outcome
        today = self._today()
        self.checklist.clear()
        self.verdict.clear()
        self._enable_verdict(False)
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
                self.feedback.play(Tone.SUCCESS)
                self.checklist.start(outcome.checklist, line)
                self.refresh_photos()
                self._enable_verdict(True)
                self.checklist.setFocus()
            case ParcelUnmatched(parcel=parcel, resumed=resumed):
                self.card.show_unmatched(parcel, resumed=resumed)
                self.last_labelled = {"unmatched_id": parcel.id}
                self.feedback.play(Tone.UNKNOWN)
                self.refresh_photos()
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
                self.feedback.play(Tone.UNKNOWN)
        self.scan_handled.emit(outcome)

    def _checklist_notice(self, text: str, tone: str) -> None:
        self.notice.show_message(text, tone)
        self.feedback.play({"ok": Tone.SUCCESS, "error": Tone.ERROR}.get(tone, Tone.UNKNOWN))

    def _scan_refused(self, error: BaseException) -> None:
        self.feedback.play(Tone.ERROR)
        if isinstance(error, BadScan):
            text = self.tr("Not a usable scan: %1").replace("%1", str(error))
        else:
            log.error("scan failed", exc_info=error)
            text = self.tr("The scan could not be handled: %1").replace("%1", str(error))
        self.notice.show_message(text, "error")
        self.scan_handled.emit(error)

    # -- checklist and verdict -------------------------------------------------------------

    @property
    def inspection(self) -> InspectionStarted | None:
        return self.outcome if isinstance(self.outcome, InspectionStarted) else None

    def _enable_verdict(self, enabled: bool) -> None:
        self.accept_button.setEnabled(enabled)
        self.override_button.setEnabled(enabled)

    def _show_evaluation(self, evaluation: Evaluation) -> None:
        if self.inspection is not None:
            self.verdict.show_evaluation(evaluation, self.inspection.line.amount_fen)
            self.photo_strip.set_missing(evaluation.missing_photos)

    # -- photos ----------------------------------------------------------------------------

    def _photo_target(self) -> dict[str, str] | None:
        if self.inspection is not None:
            return {"inspection_id": self.inspection.inspection.id}
        if isinstance(self.outcome, ParcelUnmatched):
            return {"unmatched_id": self.outcome.parcel.id}
        return None

    def take_photo(self, *, retake: bool = False) -> None:
        """PHOTO card, F9, the pedal or the button: keep the camera's current frame."""
        user, target = self.user, self._photo_target()
        if user is None or target is None:
            self.notice.show_message(self.tr("Scan a parcel before taking photos."), "warn")
            return
        frame = self.frame_source()
        if frame is None:
            self.notice.show_message(self.tr("No camera picture to take."), "error")
            return
        kind = self.photo_strip.kind
        replaced = self._retake if retake else None
        self._retake = None

        def work() -> PhotoView:
            photo = self._workflow.take_photo(frame.copy(), kind, user, **target)
            if replaced is not None:
                self._workflow.delete_photo(
                    replaced.id,
                    user,
                    "retaken: " + ", ".join(f.value for f in replaced.quality_flags),
                )
            return photo

        self._runner.submit(work, self._photo_taken, self._photo_refused)

    def _photo_taken(self, photo: PhotoView) -> None:
        if photo.quality_flags:
            self._retake = photo
            reasons = "; ".join(reason(f, self._language) for f in photo.quality_flags)
            self.notice.show_message(
                self.tr("Photo kept but %1 — press R to retake it.").replace("%1", reasons),
                "warn",
            )
        else:
            self.notice.show_message(
                self.tr("%1 photo taken.").replace("%1", label(photo.kind, self._language)),
                "ok",
            )
        self.refresh_photos()

    def _photo_refused(self, error: BaseException) -> None:
        text = error.message(self._language) if isinstance(error, EvidenceError) else str(error)
        self.notice.show_message(self.tr("Photo not kept: %1").replace("%1", text), "error")

    def refresh_photos(self) -> None:
        target = self._photo_target()
        if target is None:
            self.photo_strip.clear_photos()
            return
        workflow = self._workflow
        if "inspection_id" in target:
            inspection_id = target["inspection_id"]
            self._runner.submit(lambda: workflow.photos_of(inspection_id), self._show_photos)
        else:
            unmatched_id = target["unmatched_id"]
            self._runner.submit(
                lambda: workflow.photos_of_unmatched(unmatched_id), self._show_photos
            )

    def _show_photos(self, photos: list[PhotoView]) -> None:
        self.photo_strip.show_photos(photos)
        counts: dict[PhotoKind, int] = {}
        for photo in photos:
            counts[photo.kind] = counts.get(photo.kind, 0) + 1
        if self.checklist.active:
            self.checklist.set_photos(counts)
        self.photos_shown.emit(photos)

    def open_photo(self, photo: PhotoView) -> None:
        photos = self.photo_strip.photos
        viewer = PhotoViewer(
            photos,
            photos.index(photo),
            runner=self._runner,
            blob_path=self._workflow.photos.blobs.path_for,
            language=self._language,
            parent=self,
        )
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        kinds = list(PhotoKind)
        if key in (Qt.Key.Key_F9, Qt.Key.Key_P) and not ctrl:
            self.take_photo()
        elif key == Qt.Key.Key_R and not ctrl and self._retake is not None:
            self.take_photo(retake=True)
        elif ctrl and Qt.Key.Key_1.value <= key <= Qt.Key.Key_1.value + len(kinds) - 1:
            self.photo_strip.choose(kinds[key - Qt.Key.Key_1.value])
        else:
            super().keyPressEvent(event)

    def _save_answers(self, answers: dict[str, object]) -> None:
        started = self.inspection
        if started is not None:
            self._runner.submit(lambda: self._workflow.save_answers(started.inspection.id, answers))

    def override(self) -> None:
        started, evaluation = self.inspection, self.checklist.evaluation
        if started is None or evaluation is None:
            return
        if not evaluation.complete:
            self.notice.show_message(self.checklist.hint.text(), "warn")
            return
        amount = started.line.amount_fen
        change = OverrideDialog.ask(
            evaluation.proposal, amount, language=self._language, parent=self
        )
        if change is None:
            return
        try:
            verdict = decide(evaluation, started.checklist.template, amount, change)
        except OverrideError as exc:
            self.notice.show_message(str(exc), "error")
            return
        self.complete(verdict)

    def complete(self, verdict: Verdict) -> None:
        started, user = self.inspection, self.user
        if started is None or user is None:
            return
        self._enable_verdict(False)
        self._runner.submit(
            lambda: self._workflow.complete(started.inspection.id, verdict, user),
            self._completed,
            self._completion_refused,
        )

    def _completed(self, done: Completion) -> None:
        lang = self._language
        inspection = done.inspection
        parts = [
            label(inspection.grade, lang) if inspection.grade else "",
            label(inspection.disposition, lang) if inspection.disposition else "",
            label(inspection.refund_kind, lang) if inspection.refund_kind else "",
        ]
        self.notice.show_message(
            self.tr("Done: %1 · %2")
            .replace("%1", done.order.rma_no)
            .replace("%2", " · ".join(p for p in parts if p)),
            "ok",
        )
        self.checklist.clear()
        self.verdict.clear()
        self.card.show_order(done.order, today=self._today())
        self.outcome = None
        self.last_labelled = {"inspection_id": done.inspection.id}
        if done.label_error:
            self.notice.show_message(
                self.tr("Done, but no label: %1").replace("%1", done.label_error), "error"
            )
        self.completed.emit(done)
        if done.next_line is not None and self.user is not None:
            user, order_id = self.user, done.order.id
            self._runner.submit(
                lambda: self._workflow.next_line(order_id, user),
                self._show_outcome,
                self._scan_refused,
            )

    def _completion_refused(self, error: BaseException) -> None:
        self._enable_verdict(True)
        if isinstance(error, IncompleteInspection):
            self.notice.show_message(self.checklist.hint.text(), "warn")
        else:
            log.error("completion refused", exc_info=error)
            self.notice.show_message(
                self.tr("Could not complete: %1").replace("%1", str(error)), "error"
            )

    def reprint(self) -> None:
        user, target = self.user, dict(self.last_labelled)
        if user is None or not target:
            self.notice.show_message(self.tr("No label to print again yet."), "warn")
            return
        self._runner.submit(
            lambda: self._workflow.reprint(inspector=user, **target),
            lambda _label: self.notice.show_message(self.tr("Printing the label again."), "info"),
            lambda error: self.notice.show_message(
                self.tr("Cannot reprint: %1").replace("%1", str(error)), "error"
            ),
        )

    def _cancel(self) -> None:
        started, user = self.inspection, self.user
        if started is None or user is None:
            self.notice.show_message(self.tr("No inspection to cancel."), "warn")
            return
        now = time.monotonic()
        if now - self._cancel_armed_at > CANCEL_CONFIRM_S:
            self._cancel_armed_at = now
            self.notice.show_message(
                self.tr("Scan CANCEL again to cancel the inspection of %1.").replace(
                    "%1", started.order.rma_no
                ),
                "warn",
            )
            return
        self._cancel_armed_at = 0.0
        self._runner.submit(
            lambda: self._workflow.cancel(started.inspection.id, user, "cancelled at the bench"),
            self._cancelled,
            self._scan_refused,
        )

    def _cancelled(self, _order: object) -> None:
        self.end_session_keep_user()
        self.notice.show_message(self.tr("Inspection cancelled."), "info")

    def end_session_keep_user(self) -> None:
        user = self.user
        self.end_session()
        self.user = user
