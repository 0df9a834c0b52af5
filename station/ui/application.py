"""Qt application set-up: language, fonts, style, and the main loop."""

from __future__ import annotations

import gc
import logging
import sys
import time
from collections.abc import Callable
from typing import Required, TypedDict, Unpack

import shiboken6
from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtGui import QFont, QFontDatabase, QImageReader
from PySide6.QtWidgets import QApplication, QMessageBox

from station.capture.live import LiveScanner
from station.config import Settings
from station.evidence.video.service import ClipService
from station.images import MAX_PIXELS
from station.review.service import ReviewService
from station.runtime.emitter import Emitter
from station.security.login import Authenticator
from station.setup.services import SetupServices
from station.store.outbox import OutboxStatus
from station.sync.service import SyncService
from station.ui.main_window import MainWindow
from station.ui.setup.first_run_wizard import FirstRunWizard
from station.ui.tasks import TaskRunner
from station.ui.theme import STYLESHEET
from station.ui.translations import install_translation, resolve_language
from station.workflow import Workflow

log = logging.getLogger(__name__)

_CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei")


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Returns station")
    # the pictures Qt reads itself (photos, thumbnails) keep to the station's pixel budget,
    # at four bytes a pixel
    QImageReader.setAllocationLimit(MAX_PIXELS * 4 // (1024 * 1024) + 1)
    return app


def show_startup_error(message: str) -> None:
    app = application()
    install_translation(app, resolve_language("system"))
    apply_look(app)
    QMessageBox.critical(
        None,
        QCoreApplication.translate("Startup", "The station cannot start"),
        message,
    )


def run_first_run(
    services: SetupServices,
    *,
    settings: Settings,
    smoke: bool = False,
    started: float | None = None,
) -> Settings | None:
    """The first-run wizard; the settings it wrote, or None if it was cancelled. With
    ``smoke``, it closes after its first paint (the settings are then None)."""
    app = application()
    language = resolve_language(settings.language)
    install_translation(app, language)
    apply_look(app)
    runner = TaskRunner(app, workers=2)
    wizard = FirstRunWizard(
        services,
        runner,
        switch_language=lambda code: install_translation(app, code),  # type: ignore[arg-type]
    )
    wizard.language_page.choose(language)
    runner.submit(services.admin_badges, wizard.set_existing_admins)
    if smoke:
        _report_first_paint(wizard.first_painted, "first-run", started, wizard.reject)
    wizard.show()
    wizard.exec()
    result = wizard.settings
    runner.shutdown()
    shiboken6.delete(wizard)
    return result


def _report_first_paint(
    signal: SignalInstance,
    screen: str | Callable[[], str],
    started: float | None,
    close: Callable[[], object],
) -> None:
    t0 = started if started is not None else time.perf_counter()

    def painted() -> None:
        ms = (time.perf_counter() - t0) * 1000
        name = screen if isinstance(screen, str) else screen()
        sys.stdout.write(f"first paint after {ms:.0f} ms (at {time.time():.3f}); screen: {name}\n")
        sys.stdout.flush()
        close()

    signal.connect(painted)


def apply_look(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    family = next((f for f in _CJK_FAMILIES if f in families), None)
    font = QFont(family) if family else app.font()
    font.setPointSize(12)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)


class WindowServices(TypedDict, total=False):
    """What the station window is given: the services it works with and its settings."""

    workflow: Required[Workflow]
    auth: Required[Authenticator]
    outbox_status: Required[Callable[[], OutboxStatus]]
    settings: Required[Settings]
    sync: SyncService | None
    review: ReviewService | None
    camera: LiveScanner | None
    clips: ClipService | None
    setup: SetupServices | None
    changes: Emitter[frozenset[str]] | None


def build_window(app: QApplication, **services: Unpack[WindowServices]) -> MainWindow:
    language = resolve_language(services["settings"].language)
    install_translation(app, language)
    apply_look(app)
    window = MainWindow(language=language, **services)
    # Everything built so far lives as long as the window. Out of the collector's sight, a
    # full collection no longer walks it: those walks stalled the window for 100+ ms.
    gc.freeze()
    return window


def run_window(
    *,
    smoke: bool = False,
    started: float | None = None,
    **services: Unpack[WindowServices],
) -> int:
    """Open the station window and run until it closes; the exit code says whether to start
    again (:data:`station.app.RESTART_EXIT`). With ``smoke``, quit after the first paint and
    report how long start-up took."""
    app = application()
    if smoke:
        services["camera"] = None  # a start-up check opens no camera
    window = build_window(app, **services)
    sync = services.get("sync")
    if sync is not None and not smoke:
        sync.start()
    if smoke:

        def close() -> None:
            window.close()
            app.quit()

        _report_first_paint(window.first_painted, lambda: window.screen_name, started, close)
    window.resize(1366, 800)
    window.show()
    code = app.exec()
    window.close()
    # Destroy the window's Qt objects (sound effects, their decoder threads) now, while the
    # application exists; left to interpreter teardown, Qt's threads can outlive it and abort.
    shiboken6.delete(window)
    gc.unfreeze()  # what the window held can be collected now
    return code
