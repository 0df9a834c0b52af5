"""A station killed mid-take loses at most the last seconds: the next start files what the
journal vouches for, playable and verified to its last fragment."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import av
import pytest

from station.evidence.video.fragments import check_chain, links_of_file
from station.evidence.video.journal import read_journal
from station.evidence.video.library import CUT_SHORT, ClipLibrary
from station.evidence.video.recorder import Recorder, RecordingSettings
from station.evidence.video.takes import ClipStart, RecordedClip
from tests.evidence.video.rig import scene

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("seconds", [3.2, 5.7])
def test_sigkill_while_recording_keeps_everything_but_the_last_fragment(
    tmp_path: Path, seconds: float
) -> None:
    library = ClipLibrary(tmp_path / "clips")
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("record_child.py")), str(library.recording)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # blocks until the take is open
        assert line.startswith("recording"), line
        opened = float(line.split()[1])
        # the take runs for `seconds`, then the power goes
        time.sleep(max(0.0, opened + seconds - time.time()))
        killed = time.time()
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(10)

    (left,) = list(library.unfinished())
    assert left.ended == CUT_SHORT
    state = read_journal(left.journal)
    assert state.facts["parcel"] == "SF1234567890123"
    filed = library.file(left)
    # a crash before the clip was on record: the next start files the same take again
    again = library.file(left)
    assert (again.sha256, again.size, again.chain_head) == (
        filed.sha256,
        filed.size,
        filed.chain_head,
    )
    assert library.blobs.verify(filed.sha256) == filed.size
    # what the journal vouches for, and nothing after it
    assert filed.chain_end == state.links[-1].end
    assert check_chain(filed.path, left.clip_id, state.links).ok
    assert [link.digest for link in links_of_file(filed.path, left.clip_id)][-1] == filed.chain_head
    with av.open(str(filed.path)) as container:
        times = [frame.time for frame in container.decode(video=0)]
    preroll = float(state.facts["preroll_ms"]) / 1000
    recorded = times[-1] - preroll  # seconds of the take after its scan
    lost = (killed - opened) - recorded
    assert lost <= 2.0, f"lost {lost:.2f} s"
    assert times == sorted(times) and len(times) >= 20


def test_a_take_is_filed_by_copy_where_the_disk_has_no_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = ClipLibrary(tmp_path / "clips")
    clock = [10.0]
    recorder = Recorder(library.recording, RecordingSettings(fps=10), clock=lambda: clock[0])
    done: list[RecordedClip] = []
    recorder.finished.connect(done.append)
    recorder.start(ClipStart("NOHARDLINKS000000000000001", "SF1234567890123", clock[0]))
    for n in range(30):
        clock[0] += 0.1
        recorder.process((scene(n), clock[0]))
    recorder.stop("completed")
    recorder.process(None)
    recorder.close()

    def no_links(*_args: object) -> None:
        raise PermissionError(1, "Operation not permitted")  # FAT, exFAT

    monkeypatch.setattr(os, "link", no_links)
    filed = library.file(done[0])
    assert library.blobs.verify(filed.sha256) == filed.size
    assert filed.path.stat().st_ino != done[0].path.stat().st_ino  # a copy, not the same file
