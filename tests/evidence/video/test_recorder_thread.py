"""The recorder on its own thread: closing the station files the take in progress."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from station.evidence.video.recorder import Recorder, RecordingSettings
from station.evidence.video.takes import ClipStart, RecordedClip
from tests.evidence.video.rig import scene


def test_closing_the_recorder_mid_take_ends_the_take_as_stopped(tmp_path: Path) -> None:
    recorder = Recorder(tmp_path / "recording", RecordingSettings(fps=15))
    opened = threading.Event()
    recorder.started.connect(lambda _clip: opened.set())
    done: list[RecordedClip] = []
    recorder.finished.connect(done.append)
    recorder.run()
    try:
        for n in range(20):
            recorder.offer(scene(n))
        recorder.start(ClipStart("CLOSEDMIDTAKE0000000000001", "SF1234567890123", time.monotonic()))
        n = 20
        while not opened.is_set() and n < 300:  # the camera goes on until the take is open
            recorder.offer(scene(n))
            n += 1
            opened.wait(1 / 15)
        assert opened.is_set()
        for k in range(n, n + 10):
            recorder.offer(scene(k))
    finally:
        recorder.close()
    (take,) = done
    assert take.clip_id == "CLOSEDMIDTAKE0000000000001" and take.ended == "stopped"
    assert take.path.stat().st_size > 0
    assert not any(t.name == "station-record" and t.is_alive() for t in threading.enumerate())
