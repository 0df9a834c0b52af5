"""Screens listen to Qt-free models (:class:`station.runtime.emitter.Emitter`) for as long as
they exist: a widget deleted by Qt must not be called again by a model that outlives it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject


def listen(owner: QObject, *disconnects: Callable[[], None]) -> None:
    """Disconnect these listeners when ``owner`` is destroyed."""
    owned = list(disconnects)

    def drop(*_args: object) -> None:
        for disconnect in owned:
            disconnect()

    owner.destroyed.connect(drop)
