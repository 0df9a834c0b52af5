"""Helpers shared by the benchmarks: timing statistics, table printing, and the station's
window with a meter of how late its GUI thread runs (Qt is imported only by those)."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from station.app import Station
    from station.capture.live import LiveScanner
    from station.config import Settings
    from station.evidence.video.service import ClipService
    from station.sync.service import SyncService
    from station.ui.main_window import MainWindow


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary_ms(samples_s: Sequence[float]) -> tuple[float, float, float]:
    """(median, p95, max) in milliseconds."""
    ms = [s * 1000 for s in samples_s]
    return statistics.median(ms), percentile(ms, 95), max(ms)


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[str(c) for c in header], *[[_fmt(c) for c in row] for row in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    out = sys.stdout
    out.write(f"\n### {title}\n\n")
    for n, row in enumerate(cells):
        out.write("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |\n")
        if n == 0:
            out.write("|" + "|".join("-" * (w + 2) for w in widths) + "|\n")
    out.flush()


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if value < 10 else f"{value:.1f}"
    return str(value)


def station_window(
    qapp: QApplication,
    station: Station,
    settings: Settings,
    *,
    size: tuple[int, int] | None = None,
    camera: LiveScanner | None = None,
    sync: SyncService | None = None,
    clips: ClipService | None = None,
) -> MainWindow:
    """The station's window over ``station``, built as the application builds it, shown."""
    from station.ui.application import build_window

    window = build_window(
        qapp,
        workflow=station.workflow,
        auth=station.auth,
        outbox_status=station.outbox_status,
        settings=settings,
        camera=camera,
        sync=sync,
        clips=clips,
    )
    if size is not None:
        window.resize(*size)
    window.show()
    return window


class GuiLateness:
    """A precise GUI timer every ``tick_ms``: how late each tick ran (seconds) is how long the
    GUI thread was kept from its events."""

    def __init__(self, tick_ms: int = 10) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.samples: list[float] = []
        self._tick_ms = tick_ms
        self._expected = time.perf_counter() + tick_ms / 1000
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.samples.append(max(0.0, now - self._expected))
        self._expected = now + self._tick_ms / 1000

    def start(self) -> None:
        self._timer.start(self._tick_ms)

    def stop(self) -> None:
        self._timer.stop()

    def stalls(self, over_s: float = 0.050) -> int:
        return sum(1 for v in self.samples if v > over_s)
