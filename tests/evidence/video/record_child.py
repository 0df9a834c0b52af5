"""A station process that records a take until it is killed: ``python record_child.py FOLDER``.

It films a moving scene at 30 frames a second through the recorder's own thread, starts a take
after 1.5 s, prints "recording" once the take is open, then keeps filming until killed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from station.evidence.video.recorder import Recorder, RecordingSettings
from station.evidence.video.takes import ClipStart
from tests.evidence.video.rig import scene


def _say_recording(_clip_id: str) -> None:
    sys.stdout.write(f"recording {time.time()}\n")
    sys.stdout.flush()


def main(folder: Path) -> None:
    recorder = Recorder(folder, RecordingSettings(width=1280, height=720, fps=30))
    recorder.started.connect(
        lambda _clip: sys.stdout.write(f"recording {time.time()}\n") or sys.stdout.flush()
    )
    recorder.run()
    start = time.monotonic()
    n = 0
    while True:
        n += 1
        recorder.offer(scene(n), time.monotonic())
        if n == 45:
            recorder.start(
                ClipStart("KILLEDMIDTAKE0000000000001", "SF1234567890123", time.monotonic())
            )
        time.sleep(max(0.0, start + n / 30 - time.monotonic()))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
