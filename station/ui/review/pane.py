"""What every tab of the supervisor panel shares: the review service, the task runner, the
photo store, the acting user and the language, and background work whose failure is told in
the supervisor's words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from station.domain.labels import Language
from station.domain.records import UserView
from station.evidence.storage import EvidenceStore
from station.review.service import ReviewService
from station.ui.owned_tasks import submit
from station.ui.review.errors import describe
from station.ui.tasks import TaskRunner
from station.ui.widgets import NoticeBar

T = TypeVar("T")
PERIOD_DAYS = (1, 7, 30)  # the periods to choose from: the last day, week and month


@dataclass(frozen=True, slots=True)
class ReviewContext:
    service: ReviewService
    runner: TaskRunner
    evidence: EvidenceStore
    user: UserView
    language: Language


class ReviewPane(QWidget):
    failed = Signal(str)  # the message shown

    def __init__(self, context: ReviewContext, *, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._context = context
        self._service = context.service
        self._user = context.user
        self._language = context.language

    def _submit(
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``work`` on the task runner; the callbacks are dropped once this pane is gone
        (the supervisor logged out meanwhile). Failures are shown unless ``failed`` says."""
        submit(self._context.runner, self, work, done, failed or self._fail)

    def _fail(self, exc: BaseException) -> None:
        message = describe(exc, self._language)
        self._show_failure(message)
        self.failed.emit(message)

    def _show_failure(self, message: str) -> None:
        """Where this pane tells what went wrong."""
        raise NotImplementedError


class NoticePane(ReviewPane):
    """A pane with a notice bar that says what its actions did, failures included."""

    def __init__(self, context: ReviewContext, *, name: str, parent: QWidget | None = None) -> None:
        super().__init__(context, name=name, parent=parent)
        self.notice = NoticeBar()

    def _notify(self, text: str, tone: str) -> None:
        self.notice.announce(text, tone)

    def _show_failure(self, message: str) -> None:
        self._notify(message, "error")
