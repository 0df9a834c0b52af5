"""The Qt binding must not leak references to None/True/False: a station makes millions of
such calls in a shift, and on Python 3.11 a leak ends the process (PySide6 6.12.0 did)."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel()
counts = [sys.getrefcount(v) for v in (None, True, False)]
for _ in range(300_000):
    label.setText("x"); label.isVisible(); label.setProperty("tone", "ok"); label.update()
print(*[sys.getrefcount(v) - c for v, c in zip((None, True, False), counts)])
"""


def test_three_hundred_thousand_widget_calls_leak_nothing() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    deltas = [int(n) for n in result.stdout.split()]
    assert all(abs(d) < 100 for d in deltas), deltas
