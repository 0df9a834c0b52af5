"""Background work for widgets that may be gone when it finishes (the supervisor logged out,
the panel was closed): the result is dropped instead of reaching a deleted widget."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject

from station.ui.tasks import TaskRunner

T = TypeVar("T")


def submit(
    runner: TaskRunner,
    owner: QObject,
    work: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """``runner.submit`` whose callbacks run only while ``owner`` still exists."""

    def done(value: T) -> None:
        if shiboken6.isValid(owner):
            on_done(value)

    def failed(error: BaseException) -> None:
        if shiboken6.isValid(owner):
            on_error(error)

    runner.submit(work, done, failed)
