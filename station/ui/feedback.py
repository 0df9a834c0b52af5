"""Audible feedback for every scan: success, unknown, error (the colour flash is the notice bar).

Sound is a courtesy: a PC without audio, or a Qt without its multimedia plugin, stays silent
rather than failing.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QUrl

from station.bench.notices import Sound
from station.config import resources_dir

log = logging.getLogger(__name__)


class ScanFeedback(QObject):
    def __init__(self, parent: QObject | None = None, *, enabled: bool = True) -> None:
        super().__init__(parent)
        self.played: list[Sound] = []  # what was signalled, newest last (kept short)
        self._effects: dict[Sound, object] = {}
        if enabled:
            self._load()

    def _load(self) -> None:
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as exc:  # pragma: no cover - depends on the Qt installation
            log.warning("no sound: %s", exc)
            return
        for tone in Sound:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(resources_dir() / "sounds" / f"{tone}.wav")))
            effect.setVolume(0.8)
            self._effects[tone] = effect

    def play(self, tone: Sound) -> None:
        self.played = [*self.played[-9:], tone]
        effect = self._effects.get(tone)
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]
