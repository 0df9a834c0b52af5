"""Errors that carry their message in both of the station's languages, so whoever shows one
(a screen, the command line, a log) picks the language without Qt."""

from __future__ import annotations

from station.domain.labels import Language


class BilingualError(Exception):
    """``str(error)`` is the English message (logs, CLI); :meth:`message` gives either."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.en = en
        self.zh = zh

    def message(self, language: Language = "zh_CN") -> str:
        return self.zh if language == "zh_CN" else self.en
