"""The bench: scan field, notices, camera and photos, order card, verdict and checklist.

A view of the bench session (:class:`station.bench.session.BenchSession`): it passes on what
the inspector types, scans and presses, and shows what the session announces. What a code
means, which step comes next and which photo is needed are the session's decisions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from station.bench.checklist import ChecklistModel
from station.bench.notices import Notice, Say
from station.bench.session import BenchSession, PhotoTarget
from station.domain.labels import Language, label
from station.evidence.records import EvidenceView
from station.protocol.enums import PhotoKind
from station.ui.camera_view import CameraView
from station.ui.checklist_view import ChecklistView
from station.ui.decision_banner import DecisionBanner
from station.ui.feedback import ScanFeedback
from station.ui.listening import listen
from station.ui.order_card import OrderCard
from station.ui.override_dialog import OverrideDialog
from station.ui.photo_strip import PhotoStrip
from station.ui.photo_viewer import PhotoViewer
from station.ui.tasks import TaskRunner
from station.ui.verdict_panel import VerdictPanel
from station.ui.widgets import NoticeBar, text_label
from station.workflow import Completion, InspectionStarted, NotInspectable, ParcelUnmatched

log = logging.getLogger(__name__)


class BenchView(QWidget):
    scan_handled = Signal(object)  # ScanOutcome, a Command, a ScanCode, or why it was refused
    completed = Signal(object)  # Completion
    photos_shown = Signal(object)  # list[EvidenceView], after the strip is refreshed

    def __init__(
        self,
        session: BenchSession,
        runner: TaskRunner,
        camera_view: CameraView,
        *,
        language: Language,
        blob_path: Callable[[str], Path],
        thumbnail_path: Callable[[str], Path],
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("benchView")
        self.session = session
        self._runner = runner
        self._today = today
        self._language = language
        self._blob_path = blob_path
        self._sized = False
        self._wording = self._wordings()

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
        # supervisors' decisions on this bench's inspections; Esc dismisses the one in view
        # wherever the bench's focus is, and the focus stays there
        self.decisions = DecisionBanner(session.decisions)
        self.dismiss_shortcut = QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            self.decisions.dismiss,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        # every key the bench answers to, always in view: nobody remembers them on day one
        self.key_legend = text_label(
            self.tr(
                "F9/P photo · R retake · K keep · Enter/PASS all fine · Space/FAIL problem · "
                "1–9 pick · F2 override · CANCEL twice: cancel · F5 sync · Ctrl+L log out"
            ),
            name="keyLegend",
            wrap=True,
        )

        self.camera_view = camera_view
        self.camera_area = camera_view
        self.feedback = ScanFeedback(
            self, enabled=QGuiApplication.platformName() not in ("offscreen", "minimal")
        )
        self.photo_strip = PhotoStrip(runner, thumbnail_path, language=language)
        self.photo_strip.photo_opened.connect(self.open_photo)
        self.photo_strip.kind_chosen.connect(self._kind_chosen)
        self.card = OrderCard(language=language)
        self.verdict = VerdictPanel(language=language)
        self.checklist = ChecklistView(session, language=language)
        self.accept_button = QPushButton(self.tr("Accept (Enter)"))
        self.accept_button.setObjectName("acceptButton")
        self.override_button = QPushButton(self.tr("Override (F2)"))
        self.override_button.setObjectName("overrideButton")
        for button in (self.accept_button, self.override_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setEnabled(False)
        self.accept_button.clicked.connect(session.accept)
        self.override_button.clicked.connect(self.override)
        self.checklist.override_requested.connect(self.override)

        top = QHBoxLayout()
        top.addWidget(scan_caption)
        top.addWidget(self.scan_field, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.camera_area, 1)
        left_layout.addWidget(self.photo_strip)
        left_layout.addWidget(self.key_legend)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        # the card takes what the verdict (whose details scroll) leaves: squeezed below its
        # height, the card's rows would be drawn over each other
        middle_layout.addWidget(self.card, 1)
        middle_layout.addWidget(self.verdict, 0)
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
        for widget, stretch in ((left, 4), (middle, 4), (right, 5)):
            split.addWidget(widget)
            split.setStretchFactor(split.indexOf(widget), stretch)
        self.split = split
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.decisions)
        layout.addWidget(split, 1)

        events = session.events
        listen(
            self,
            events.notice.connect(self._show_notice),
            events.sound.connect(lambda sound: self.feedback.play(sound)),
            events.parcel.connect(self._show_parcel),
            events.checklist.connect(self._show_checklist),
            events.photos.connect(self._show_photos),
            events.photo_target.connect(self._show_target),
            events.completed.connect(self.completed.emit),
            events.handled.connect(self.scan_handled.emit),
        )
        self._show_target(session.photo_target)

    # -- input -------------------------------------------------------------------------------

    def _scan_field_entered(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        if text.strip():  # Enter in an empty field is no scan, and no error either
            self.session.code(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._photo_key(event):
            super().keyPressEvent(event)

    def _photo_key(self, event: QKeyEvent) -> bool:
        """F9/P takes a photo, R retakes and K keeps a flagged one, Ctrl+1… picks the kind;
        True when the key did something."""
        key = event.key()
        kinds = list(PhotoKind)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            index = key - Qt.Key.Key_1.value
            if 0 <= index < len(kinds):
                self.session.choose_photo_kind(kinds[index])
                return True
            return False
        if key in (Qt.Key.Key_F9, Qt.Key.Key_P):
            self.session.take_photo()
            return True
        if key == Qt.Key.Key_R:
            return self.session.retake()
        if key == Qt.Key.Key_K:
            return self.session.keep_flagged()
        return False

    def _kind_chosen(self, kind: PhotoKind) -> None:
        if kind is not self.session.photo_kind:
            self.session.choose_photo_kind(kind)

    def override(self) -> None:
        model, started = self.session.checklist, self.session.inspection
        if model is None or started is None:
            return
        if not model.evaluation.complete:
            self.session.accept()  # says what is still needed
            return
        change = OverrideDialog.ask(
            model.evaluation.proposal,
            started.line.amount_fen,
            language=self._language,
            parent=self,
        )
        if change is not None:
            self.session.override(change)

    def open_photo(self, photo: EvidenceView) -> None:
        photos = self.photo_strip.photos
        viewer = PhotoViewer(
            photos,
            photos.index(photo),
            runner=self._runner,
            blob_path=self._blob_path,
            language=self._language,
            parent=self,
        )
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()

    # -- what the session announces ----------------------------------------------------------

    def _show_notice(self, notice: Notice) -> None:
        text = self._wording[notice.say]
        for n, arg in enumerate(notice.args, start=1):
            text = text.replace(f"%{n}", arg)
        self.notice.show_message(text, notice.tone.value)

    def _show_parcel(self, parcel: object) -> None:
        today = self._today()
        match parcel:
            case InspectionStarted(order=order, line=line):
                count = len(order.lines)
                item = (
                    self.tr("item %1 of %2")
                    .replace("%1", str(line.line_no))
                    .replace("%2", str(count))
                    if count > 1
                    else ""
                )
                self.card.show_order(
                    order,
                    today=today,
                    current_line_id=line.id,
                    notice=item,
                    inspection_id=parcel.inspection.id,
                )
                self.checklist.setFocus()
            case ParcelUnmatched(parcel=unmatched, resumed=resumed):
                self.card.show_unmatched(unmatched, resumed=resumed)
            case NotInspectable(order=order):
                why = (
                    self._wording[Say.NOT_INSPECTABLE]
                    .replace("%1", order.rma_no)
                    .replace("%2", label(order.state, self._language))
                )
                self.card.show_order(order, today=today, notice=why)
            case Completion(order=order, inspection=done):
                self.card.show_order(order, today=today, inspection_id=done.id)
            case None:
                self.card.clear()

    def _show_checklist(self, model: ChecklistModel | None) -> None:
        self.accept_button.setEnabled(model is not None)
        self.override_button.setEnabled(model is not None)
        if model is None:
            self.verdict.clear()
        else:
            self.verdict.show_evaluation(model.evaluation, model.line.amount_fen)

    def _show_photos(self, photos: list[EvidenceView]) -> None:
        self.photo_strip.show_photos(photos)
        self.photos_shown.emit(photos)

    def _show_target(self, target: PhotoTarget) -> None:
        self.photo_strip.show_target(target.kind, target.missing)

    # -- session life ------------------------------------------------------------------------

    def focus_work(self) -> None:
        """Where the keys should go: the checklist when one is open, else the scan field."""
        if self.checklist.active:
            self.checklist.setFocus()
        else:
            self.scan_field.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # share the width once; the inspector may drag it afterwards
            self._sized = True
            width = max(self.width(), 1000)
            self.split.setSizes([int(width * 0.32), int(width * 0.31), int(width * 0.37)])

    def _wordings(self) -> dict[Say, str]:
        return {
            Say.HELLO: self.tr("Hello %1. Scan a return parcel to begin."),
            Say.WELCOME_BACK: self.tr("Welcome back, %1."),
            Say.ITEM_CODE_FIRST: self.tr("%1 is an item barcode. Scan the return parcel first."),
            Say.TEXT_CODE: self.tr(
                "%1 is text or a web address, not a parcel's or an item's number. Scan the "
                "barcode that carries the number."
            ),
            Say.NOTHING_TO_DO: self.tr("Nothing to do for %1 now."),
            Say.ALREADY_INSPECTING: self.tr("Already inspecting %1"),
            Say.INSPECTING: self.tr("Inspecting %1"),
            Say.RESUMED: self.tr("Resumed the open inspection of %1"),
            Say.UNMATCHED: self.tr("No order for %1: received as an unmatched parcel."),
            Say.NOT_INSPECTABLE: self.tr("%1 is %2 and cannot be inspected at the bench."),
            Say.BAD_SCAN: self.tr("Not a usable scan: %1"),
            Say.SCAN_CUT_SHORT: self.tr(
                "The scan of %1… was cut off before its end and not used: scan again."
            ),
            Say.SCAN_FAILED: self.tr("The scan could not be handled: %1"),
            Say.CAMERA_OTHER_PARCEL: self.tr(
                "The camera sees another parcel (%1). Finish this one first, or scan %1 with "
                "the hand scanner to switch."
            ),
            Say.CAMERA_OTHER_ITEM: self.tr(
                "The camera sees %1, which is not this order's item: not used. Scan the item "
                "with the hand scanner to record what it is."
            ),
            Say.ITEM_MATCHES: self.tr("Item matches the order"),
            Say.ITEM_MISMATCH: self.tr("Item does not match the order: %1"),
            Say.ANSWER_FIRST: self.tr("Answer first: %1"),
            Say.STILL_NEEDED: self.tr("Still needed: %1"),
            Say.PHOTO_NEEDS_PARCEL: self.tr("Scan a parcel before taking photos."),
            Say.NO_CAMERA_PICTURE: self.tr("No camera picture to take."),
            Say.PHOTO_FLAGGED: self.tr(
                "Photo %1: it does not count yet. R retakes it; K keeps it as it is."
            ),
            Say.PHOTO_TAKEN: self.tr("%1 photo taken."),
            Say.PHOTO_KEPT: self.tr("%1 photo kept as it is; it counts."),
            Say.PHOTO_REFUSED: self.tr("Photo not kept: %1"),
            Say.DONE: self.tr("Done: %1 · %2"),
            Say.DONE_FOR_REVIEW: self.tr(
                "Done: %1 · %2 — sent to a supervisor for review; the label says so."
            ),
            Say.DONE_NO_LABEL: self.tr("Done, but no label: %1"),
            Say.NOT_COMPLETED: self.tr("Could not complete: %1"),
            Say.OVERRIDE_REFUSED: self.tr("Override refused: %1"),
            Say.NO_LABEL_YET: self.tr("No label to print again yet."),
            Say.REPRINTING: self.tr("Printing the label again."),
            Say.REPRINT_FAILED: self.tr("Cannot reprint: %1"),
            Say.NOTHING_TO_CANCEL: self.tr("No inspection to cancel."),
            Say.CANCEL_AGAIN: self.tr("Scan CANCEL again to cancel the inspection of %1."),
            Say.CANCELLED: self.tr("Inspection cancelled."),
        }
