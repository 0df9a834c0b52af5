"""The station window: login and bench pages, the status bar, scanner and idle-lock wiring."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from station.bench.camera_hold import hold_camera_while_open
from station.bench.recording import ClipDirector
from station.bench.session import BenchSession
from station.capture.live import LiveScanner
from station.config import Settings
from station.domain.labels import Language, label
from station.domain.records import UserView
from station.evidence.video.service import ClipService
from station.printing.queue import PrintEvent, PrintEventKind
from station.protocol.enums import Role
from station.review.decisions import DecisionMade
from station.review.service import ReviewService
from station.runtime.emitter import Emitter
from station.security.login import Authenticator
from station.setup.services import RESTART_EXIT, SetupServices
from station.store.outbox import OutboxStatus
from station.sync.pull import AppliedDecision
from station.sync.service import CLOCK_SKEW_WARN_MS, SyncService, SyncStatus
from station.ui.bench_view import BenchView
from station.ui.camera_view import CameraView
from station.ui.idle_lock import IdleLock
from station.ui.login_view import LoginView
from station.ui.recording_indicator import RecordingIndicator
from station.ui.review.supervisor_panel import SupervisorPanel
from station.ui.setup.first_run_wizard import FirstRunWizard
from station.ui.setup.settings_dialog import SettingsDialog
from station.ui.tasks import TaskRunner
from station.ui.translations import install_translation
from station.ui.wedge import ScannerWedge, scan_into_focused_field
from station.ui.widgets import push_button, set_tone
from station.workflow import Workflow

log = logging.getLogger(__name__)

# Tables whose changes alter what the status bar shows.
_OUTBOX_TABLES = frozenset({"outbox"})


class MainWindow(QMainWindow):
    first_painted = Signal()
    status_refreshed = Signal(object)  # OutboxStatus
    sync_changed = Signal(object)  # SyncStatus, emitted from the sync thread, queued here
    print_event = Signal(object)  # PrintEvent, emitted from the print worker, queued here
    data_changed = Signal(object)  # frozenset of tables, from the database thread, queued here
    decision_applied = Signal(object)  # AppliedDecision, from the sync thread, queued here

    def __init__(
        self,
        *,
        workflow: Workflow,
        auth: Authenticator,
        outbox_status: Callable[[], OutboxStatus],
        settings: Settings,
        language: Language,
        sync: SyncService | None = None,
        review: ReviewService | None = None,
        camera: LiveScanner | None = None,
        clips: ClipService | None = None,
        setup: SetupServices | None = None,
        changes: Emitter[frozenset[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setup = setup
        self.settings_dialog: SettingsDialog | None = None
        self.first_run_wizard: FirstRunWizard | None = None
        self.setWindowTitle(self.tr("Returns inspection · %1").replace("%1", settings.station_id))
        self.language = language
        self.user: UserView | None = None
        self._locked_user: UserView | None = None
        self._painted = False
        self._camera_started = False
        self._closing = False
        self._camera_was_down = False
        self._outbox_status = outbox_status
        self.sync = sync
        self.review = review
        self._workflow = workflow
        self.supervisor_panel: SupervisorPanel | None = None

        # One worker: user actions (scans, command cards, completions) run in the order made.
        self.runner = TaskRunner(self, workers=1)
        self.runner.failed.connect(self._task_failed)
        # the setup screens' checks wait on devices and the network: never behind a scan
        self.setup_runner = TaskRunner(self, workers=2)
        self.login_view = LoginView(
            auth, self.runner, station_id=settings.station_id, demo_hint=settings.demo
        )
        self.camera_view = CameraView(camera)
        # The bench's model: what codes mean and what the inspection does next.
        self.session = BenchSession(
            workflow, self.runner, language=language, frames=self.camera_view.latest_frame
        )
        self.bench = BenchView(
            self.session,
            self.runner,
            self.camera_view,
            language=language,
            blob_path=workflow.evidence.blobs.path_for,
            thumbnail_path=workflow.evidence.thumbnails.path_for,
        )
        # every parcel on the bench is filmed, from the seconds before its scan to its verdict
        self.clips = clips
        self.clip_director = (
            ClipDirector(
                self.session,
                clips,
                station_id=settings.station_id,
                camera=camera.reader.source.name if camera is not None else "",
                # recorded with every clip: how far this PC's clock was from central's
                clock_skew_ms=lambda: sync.status.clock_skew_ms if sync is not None else None,
            )
            if clips is not None
            else None
        )
        self.camera_view.scanned.connect(self.route_camera_scans)
        self.camera_view.state_changed.connect(self._camera_state)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.login_view)
        self.pages.addWidget(self.bench)
        self.setCentralWidget(self.pages)

        self.station_label = QLabel(self.tr("Station %1").replace("%1", settings.station_id))
        self.user_label = QLabel()
        self.sync_label = QLabel(self.tr("Offline"))
        self.sync_label.setObjectName("syncState")
        self.outbox_label = QLabel()
        self.outbox_label.setObjectName("outboxDepth")
        # a passing message has a label of its own: Qt's temporary messages would cover the
        # station, user, sync and printer fields, and drew black on the dark bar
        self.message_label = QLabel()
        self.message_label.setObjectName("statusMessage")
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.message_label.clear)
        for widget in (self.station_label, self.user_label, self.sync_label):
            self.statusBar().addWidget(widget)
        self.statusBar().addPermanentWidget(self.outbox_label)
        if clips is not None:
            self.recording_label = RecordingIndicator(clips)
            self.statusBar().addPermanentWidget(self.recording_label)

        self._shortcut(self.tr("Log out"), "Ctrl+L", self.log_out)
        self.review_action = self._shortcut(self.tr("Review (F10)"), "F10", self.toggle_review)
        self.review_button = self._status_button(
            self.tr("Review (F10)"), "reviewButton", self.toggle_review
        )
        self.settings_action = self._shortcut(
            self.tr("Settings (Ctrl+,)"), "Ctrl+,", self.open_settings
        )
        self.settings_button = self._status_button(
            self.tr("Settings"), "settingsButton", self.open_settings
        )
        self.sync_action = self._shortcut(self.tr("Sync now"), "F5", self.sync_now)
        # Services announce from their own threads; the signals queue it onto this one.
        self._disconnects: list[Callable[[], None]] = []
        if camera is not None:  # a recording holds its picture while an inspection is open
            self._disconnects.append(hold_camera_while_open(self.session.events, camera))
        self.sync_changed.connect(self._show_sync)
        self.decision_applied.connect(self._decision_applied)
        if sync is not None:
            self._disconnects.append(sync.changed.connect(self.sync_changed.emit))
            self._disconnects.append(sync.decisions.connect(self.decision_applied.emit))
            self._show_sync(sync.status)
        self.printer_label = QLabel()
        self.printer_label.setObjectName("printerState")
        self.statusBar().addWidget(self.printer_label)
        self.statusBar().addWidget(self.message_label, 1)
        self.logout_button = self._status_button(
            self.tr("Log out (Ctrl+L)"), "logoutButton", self.log_out
        )
        self.print_event.connect(self._show_print)
        printing = workflow.printing
        if printing is not None:
            self._disconnects.append(printing.queue.events.connect(self.print_event.emit))
            self.printer_label.setText(self.tr("Printer ready"))

        app = QCoreApplication.instance()
        assert app is not None
        self.idle_lock = IdleLock(self, minutes=settings.idle_lock_minutes)
        self.idle_lock.timed_out.connect(self.lock)
        self.wedge = ScannerWedge(
            self, burst_ms=settings.scanner_burst_ms, suffix=settings.scanner_suffix
        )
        self.wedge.passthrough = self._typing_passes
        self.wedge.scanned.connect(self.route_scan)
        self.wedge.cut_short.connect(self._scan_cut_short)
        # The filter installed last runs first: the idle lock must see keys the wedge keeps.
        app.installEventFilter(self.wedge)
        app.installEventFilter(self.idle_lock)

        self.login_view.logged_in.connect(self.logged_in)
        self.data_changed.connect(self._data_changed)
        if changes is not None:
            self._disconnects.append(changes.connect(self.data_changed.emit))
        self.login_view.reset()
        self.refresh_status()

    def _shortcut(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        """An action of the window's own, so its keys work on every page."""
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _status_button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        """A button at the right of the status bar, hidden until a user it is for logs in;
        clicking it leaves the focus where it was (on the scan field)."""
        button = push_button(text, name=name, clicked=slot)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.hide()
        self.statusBar().addPermanentWidget(button)
        return button

    # -- session ---------------------------------------------------------------------------

    def logged_in(self, user: UserView) -> None:
        self.user = user
        self.user_label.setText(f"{user.display_name} · {label(user.role, self.language)}")
        if self._locked_user is not None and self._locked_user.id == user.id:
            self.session.resume(user)
        else:
            self.session.start(user)
        self._locked_user = None
        self.pages.setCurrentWidget(self.bench)
        self.bench.focus_work()
        self.idle_lock.arm()
        self._drop_review()
        self.review_button.setVisible(self.review is not None and user.role is not Role.INSPECTOR)
        self.logout_button.show()
        self.settings_button.setVisible(self.setup is not None and user.role is Role.ADMIN)

    def lock(self) -> None:
        """Idle lock: the session's work stays as it is; the same or another user logs in."""
        self.wedge.flush_now()
        self._locked_user = self.user
        self.idle_lock.disarm()
        self.user = None
        self.user_label.setText(self.tr("Locked"))
        self.logout_button.hide()
        self._drop_review()
        self._close_setup_screens()
        self.review_button.hide()
        self.session.suspend()
        self.bench.scan_field.clear()
        self.login_view.reset(locked_user=self._locked_user)
        self.pages.setCurrentWidget(self.login_view)

    def log_out(self) -> None:
        self.logout_button.hide()
        self.idle_lock.disarm()
        self._drop_review()
        self._close_setup_screens()
        self.review_button.hide()
        self.settings_button.hide()
        self.user = None
        self._locked_user = None
        self.user_label.clear()
        self.session.end()
        self.bench.scan_field.clear()
        self.login_view.reset()
        self.pages.setCurrentWidget(self.login_view)

    # -- supervisor review ------------------------------------------------------------------

    def toggle_review(self) -> None:
        """Supervisors switch between the bench and the review screens; inspectors are told no
        (the review service refuses them as well)."""
        user = self.user
        if user is None or self.review is None:
            return
        if self.pages.currentWidget() is self.supervisor_panel:
            self.pages.setCurrentWidget(self.bench)
            self.bench.scan_field.setFocus()
            return
        if user.role is Role.INSPECTOR:
            self.bench.notice.show_message(
                self.tr("Only supervisors can open the review screens."), "warn"
            )
            return
        if self.supervisor_panel is None:
            self.supervisor_panel = SupervisorPanel(
                self.review, self._workflow, self.runner, language=self.language, user=user
            )
            self.supervisor_panel.decided.connect(self._decided_here)
            self.pages.addWidget(self.supervisor_panel)
        self.pages.setCurrentWidget(self.supervisor_panel)

    def _decided_here(self, made: DecisionMade) -> None:
        """A decision taken on the review screens at this station: the bench hears of it as
        of one pulled from the central service (a corrected label prints here too)."""
        if made.applied is not None:
            self._decision_applied(made.applied)

    def _decision_applied(self, applied: AppliedDecision) -> None:
        self.session.decisions.add(applied)

    def _drop_review(self) -> None:
        panel, self.supervisor_panel = self.supervisor_panel, None
        if panel is not None:
            if self.pages.currentWidget() is panel:
                self.pages.setCurrentWidget(self.bench)
            self.pages.removeWidget(panel)
            panel.deleteLater()

    def _typing_passes(self) -> bool:
        """Keys go straight through in any dialog (settings, override reason): there typing is
        typing, however fast. (The scan field is no exception: a scanner's Tab, CR+LF and GS
        separators mean there what they mean everywhere else.)"""
        return QApplication.activeModalWidget() is not None

    # -- settings ----------------------------------------------------------------------------

    def open_settings(self) -> None:
        """Admins change the station's settings; the bench camera is lent to the dialog."""
        user = self.user
        if user is None or self.setup is None or self.settings_dialog is not None:
            return
        if user.role is not Role.ADMIN:
            self.bench.notice.show_message(self.tr("Only admins can change the settings."), "warn")
            return
        scanner = self.camera_view.scanner
        if scanner is None:
            self._show_settings()
        else:  # joining the camera's threads takes a frame or two: not on the GUI thread
            self.setup_runner.submit(scanner.stop, lambda _none: self._show_settings())

    def _show_settings(self) -> None:
        if self._closing:
            return
        if self.user is None or self.setup is None:  # locked while the camera was stopping
            self.camera_view.start()
            return
        dialog = SettingsDialog(self.setup, self.setup_runner, parent=self)
        dialog.applied.connect(self._settings_applied)
        dialog.restart_requested.connect(self.restart)
        dialog.first_run_requested.connect(self._first_run_again)
        dialog.finished.connect(self._settings_closed)
        self.settings_dialog = dialog
        dialog.open()

    def _settings_closed(self) -> None:
        dialog, self.settings_dialog = self.settings_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if not self._closing:
            self.camera_view.start()

    def _settings_applied(self, values: dict[str, object]) -> None:
        minutes = values.get("idle_lock_minutes")
        if isinstance(minutes, int):
            self.idle_lock.set_minutes(minutes)

    def _first_run_again(self) -> None:
        if self.setup is None or self.settings_dialog is None:
            return
        app = QCoreApplication.instance()
        assert app is not None
        wizard = FirstRunWizard(
            self.setup,
            self.setup_runner,
            switch_language=lambda code: install_translation(app, code),  # type: ignore[arg-type]
            parent=self.settings_dialog,
        )
        wizard.language_page.choose(self.language)
        self.setup_runner.submit(self.setup.admin_badges, wizard.set_existing_admins)
        wizard.finished_setup.connect(lambda _settings: self.restart())
        wizard.finished.connect(self._first_run_closed)
        self.first_run_wizard = wizard
        wizard.open()

    def _first_run_closed(self) -> None:
        wizard, self.first_run_wizard = self.first_run_wizard, None
        app = QCoreApplication.instance()
        if wizard is not None and app is not None:
            if wizard.settings is None:  # cancelled: back to the language the window speaks
                install_translation(app, self.language)
            wizard.deleteLater()

    def _close_setup_screens(self) -> None:
        for screen in (self.first_run_wizard, self.settings_dialog):
            if screen is not None:
                screen.reject()

    def restart(self) -> None:
        """Close the window so the station starts again with the settings just saved."""
        self.close()
        QCoreApplication.exit(RESTART_EXIT)

    # -- scans -----------------------------------------------------------------------------

    def route_scan(self, code: str) -> None:
        """Every scan of the hand scanner comes through here."""
        self.idle_lock.activity()
        if self.pages.currentWidget() is self.login_view:
            self.login_view.badge_scanned(code)
        elif self.pages.currentWidget() is self.bench:
            self.session.code(code)
        elif not scan_into_focused_field(code):
            self.tell(
                self.tr(
                    "Scanned %1: scans are read at the bench and in fields that ask for one."
                ).replace("%1", code[:40])
            )

    def route_camera_scans(self, codes: list[str], seen_at: float) -> None:
        """What the camera reads counts at the bench only (a camera seeing a code is not
        someone at the bench: the idle lock does not hear of it)."""
        if self.pages.currentWidget() is self.bench:
            self.session.camera_codes(codes, seen_at=seen_at)

    def _scan_cut_short(self, partial: str) -> None:
        if self.pages.currentWidget() is self.bench:
            self.session.scan_cut_short(partial)
        else:
            self.tell(self.tr("A scan was cut off before its end and not used: scan again."))

    def _camera_state(self, state: str, detail: str) -> None:
        if state == "failed" and self.user is not None:
            self.bench.notice.show_message(
                self.tr(
                    "Camera lost (%1). The hand scanner still works; the camera "
                    "reconnects by itself."
                ).replace("%1", detail),
                "warn",
            )
        elif state == "running" and self._camera_was_down:
            self.tell(self.tr("Camera back."), 4000)
        self._camera_was_down = state == "failed"

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._camera_started:
            self._camera_started = True
            self.camera_view.start()

    # -- status ----------------------------------------------------------------------------

    def refresh_status(self) -> None:
        self.runner.submit(self._outbox_status, self._show_status)

    def _show_status(self, status: OutboxStatus) -> None:
        text = self.tr("Outbox: %1 waiting").replace("%1", str(status.pending))
        if status.pending and status.oldest_pending_at is not None:
            text += self.tr(" (oldest %1)").replace("%1", self._age(status.oldest_pending_at))
        if status.parked:
            text += self.tr(" · %1 parked").replace("%1", str(status.parked))
        self.outbox_label.setText(text)
        self.status_refreshed.emit(status)

    def _age(self, since: datetime) -> str:
        minutes = max(0, int((datetime.now(UTC) - since).total_seconds() // 60))
        if minutes < 60:
            return self.tr("%1 min").replace("%1", str(minutes))
        return (
            self.tr("%1 h %2 min")
            .replace("%1", str(minutes // 60))
            .replace("%2", f"{minutes % 60:02d}")
        )

    def sync_now(self) -> None:
        """F5: sync now; on the review screens, also read the tab in front again."""
        if (
            self.supervisor_panel is not None
            and self.pages.currentWidget() is self.supervisor_panel
        ):
            self.supervisor_panel.reload()
        if self.sync is None or not self.sync.status.configured:
            self.tell(self.tr("No central service is configured."), 5000)
            return
        self.sync.sync_now()
        self.tell(self.tr("Syncing…"), 3000)

    def _show_sync(self, status: SyncStatus) -> None:
        if not status.configured:
            text, tone = self.tr("Offline (no central service)"), "warn"
        elif status.syncing:
            text, tone = self.tr("Syncing…"), "info"
        elif status.online:
            when = status.last_success.astimezone().strftime("%H:%M") if status.last_success else ""
            text, tone = self.tr("Online · synced %1").replace("%1", when), "ok"
        elif status.online is None:
            text, tone = self.tr("Connecting…"), "info"
        else:
            text, tone = self.tr("Offline · retrying"), "warn"
            last = (
                status.last_success.astimezone().strftime("%m-%d %H:%M")
                if (status.last_success)
                else self.tr("never")
            )
            self.sync_label.setToolTip(
                self.tr("Last successful sync: %1\n%2")
                .replace("%1", last)
                .replace("%2", status.last_error)
            )
        if status.clips_waiting:
            text += " · " + self.tr("%1 clips (%2 MB) to upload").replace(
                "%1", str(status.clips_waiting)
            ).replace("%2", f"{status.clip_bytes_waiting / 1e6:.0f}")
        skew = status.clock_skew_ms
        if skew is not None and abs(skew) > CLOCK_SKEW_WARN_MS:
            # a clip's burned-in time must hold up against the platform's: say so loudly
            text += " · " + self.tr("Clock off by %1 s: check the PC's time").replace(
                "%1", f"{skew / 1000:+.0f}"
            )
            tone = "error"
        self.sync_label.setText(text)
        set_tone(self.sync_label, tone)
        if status.outbox.pending or status.outbox.parked or status.online:
            self._show_status(status.outbox)

    def _show_print(self, event: PrintEvent) -> None:
        kind = event.kind
        if kind is PrintEventKind.PRINTED:
            self.printer_label.setText(self.tr("Printer ready"))
            set_tone(self.printer_label, "ok")
            self.tell(self.tr("Label printed"), 4000)
        elif kind in (PrintEventKind.PRINTER_ERROR, PrintEventKind.FAILED):
            self.printer_label.setText(self.tr("Printer problem"))
            set_tone(self.printer_label, "warn")
            text = (
                self.tr(
                    "Label not printed: %1. It stays queued and prints when the printer "
                    "is back; PRINT reprints."
                )
                if kind is PrintEventKind.PRINTER_ERROR
                else self.tr("Label cannot be printed: %1")
            ).replace("%1", event.error)
            self.bench.notice.show_message(text, "error")

    def tell(self, text: str, ms: int = 5000) -> None:
        """A passing message in the status bar, beside (never over) its fields."""
        self.message_label.setText(text)
        self._message_timer.start(ms)

    def _task_failed(self, error: BaseException) -> None:
        self.tell(self.tr("Error: %1").replace("%1", str(error)), 10_000)

    # -- Qt overrides ----------------------------------------------------------------------

    def _data_changed(self, tables: frozenset[str]) -> None:
        if tables & _OUTBOX_TABLES:
            self.refresh_status()

    @property
    def screen_name(self) -> str:
        """Which page is showing, for logs and the smoke check: login, bench or review."""
        page = self.pages.currentWidget()
        if page is self.login_view:
            return "login"
        return "review" if page is self.supervisor_panel else "bench"

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self.wedge)
            app.removeEventFilter(self.idle_lock)
        for disconnect in self._disconnects:
            disconnect()
        self._closing = True  # a settings dialog closed now must not restart the camera
        self._close_setup_screens()
        self.camera_view.stop()
        if self.clip_director is not None:
            self.clip_director.close("stopped")
        self.runner.shutdown()
        self.setup_runner.shutdown(wait=False)
        super().closeEvent(event)
