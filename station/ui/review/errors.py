"""What the supervisor reads when a background task fails."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from station.capture.scan_text import BadScan
from station.domain.labels import Language
from station.evidence.errors import EvidenceError
from station.review.errors import ReviewError
from station.sync.client import SyncError
from station.ui.texts import arg


def describe(exc: BaseException, language: Language) -> str:
    """The error's own bilingual message when it has one, else a short plain sentence."""
    if isinstance(exc, ReviewError | EvidenceError):
        return exc.message(language)
    if isinstance(exc, SyncError):
        return arg(QCoreApplication.translate("ReviewErrors", "Central service: %1"), exc)
    if isinstance(exc, BadScan | ValueError | OSError):
        return str(exc)
    return arg(
        QCoreApplication.translate("ReviewErrors", "Something went wrong: %1"),
        f"{type(exc).__name__}: {exc}",
    )
