"""Qt application set-up: language, fonts, style, and the main loop."""

from __future__ import annotations

import gc
import logging
import sys
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from station.capture.live import LiveScanner
from station.config import Settings, resources_dir
from station.domain.labels import Language
from station.review.service import ReviewService
from station.security.login import Authenticator
from station.sync.outbox import OutboxStatus
from station.sync.service import SyncService
from station.ui.main_window import MainWindow
from station.ui.theme import STYLESHEET
from station.workflow import Workflow

log = logging.getLogger(__name__)

_CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei")


def resolve_language(setting: str, system: QLocale | None = None) -> Language:
    """The UI language: the setting if given; else the system's, Chinese unless it is English."""
    if setting in ("zh_CN", "en"):
        return setting  # type: ignore[return-value]
    locale = system or QLocale.system()
    return "en" if locale.language() == QLocale.Language.English else "zh_CN"


def install_translation(app: QApplication, language: Language) -> QTranslator | None:
    """Load the compiled catalogue for ``language``; English is the source text."""
    if language == "en":
        return None
    translator = QTranslator(app)
    catalogue = resources_dir() / "i18n" / f"station_{language}.qm"
    if translator.load(str(catalogue)):
        app.installTranslator(translator)
        return translator
    log.warning("no translation catalogue at %s; showing English", catalogue)
    return None


def apply_look(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    family = next((f for f in _CJK_FAMILIES if f in families), None)
    font = QFont(family) if family else app.font()
    font.setPointSize(12)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)


def build_window(
    app: QApplication,
    *,
    workflow: Workflow,
    auth: Authenticator,
    outbox_status: Callable[[], OutboxStatus],
    settings: Settings,
    sync: SyncService | None = None,
    review: ReviewService | None = None,
    camera: LiveScanner | None = None,
) -> MainWindow:
    language = resolve_language(settings.language)
    install_translation(app, language)
    apply_look(app)
    window = MainWindow(
        workflow=workflow,
        auth=auth,
        outbox_status=outbox_status,
        settings=settings,
        language=language,
        sync=sync,
        review=review,
        camera=camera,
    )
    # Everything built so far lives as long as the window. Out of the collector's sight, a
    # full collection no longer walks it: those walks stalled the window for 100+ ms.
    gc.freeze()
    return window


def run_window(
    *,
    workflow: Workflow,
    auth: Authenticator,
    outbox_status: Callable[[], OutboxStatus],
    settings: Settings,
    sync: SyncService | None = None,
    review: ReviewService | None = None,
    camera: LiveScanner | None = None,
    smoke: bool = False,
    started: float | None = None,
) -> int:
    """Open the station window and run until it closes. With ``smoke``, quit after the first
    paint and report how long start-up took."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Returns station")
    window = build_window(
        app,
        workflow=workflow,
        auth=auth,
        outbox_status=outbox_status,
        settings=settings,
        sync=sync,
        review=review,
        camera=None if smoke else camera,
    )
    if sync is not None and not smoke:
        sync.start()
    if smoke:
        t0 = started if started is not None else time.perf_counter()

        def painted() -> None:
            ms = (time.perf_counter() - t0) * 1000
            sys.stdout.write(
                f"first paint after {ms:.0f} ms (at {time.time():.3f}); "
                f"screen: {window.screen_name}\n"
            )
            sys.stdout.flush()
            window.close()
            app.quit()

        window.first_painted.connect(painted)
    window.resize(1366, 800)
    window.show()
    code = app.exec()
    window.close()
    # Destroy the window's Qt objects (sound effects, their decoder threads) now, while the
    # application exists; left to interpreter teardown, Qt's threads can outlive it and abort.
    shiboken6.delete(window)
    return code
