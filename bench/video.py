"""Unboxing clips: what recording costs, how fast a take starts, and what it does to the bench.

    QT_QPA_PLATFORM=offscreen python bench/video.py [--seconds 30] [--frames 300]

1. Encoding cost: the recorder's whole per-frame work (scale, YUV, band, H.264, fragmented
   MP4 with its chain) on one thread, timed by that thread's CPU clock over a take, for the
   demo camera's clip and for a noisy, busy scene; as a share of one core at 30 frames/s
   (target ≤ 35 %), with the bit rate it gives (target 1.5–3 Mbit/s) and the disk a day of
   500 parcels × 3 minutes needs.
2. Start: from a parcel's scan to the take's first frame written, with the recorder's own
   thread fed at 30 frames/s (target ≤ 0.5 s, pre-roll ≥ 3 s).
3. The bench with and without recording, in one run: the demo clip through the real window
   (decoding rate, scan → order card p95, GUI worst stall; target within 10 %, no stall over
   50 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cv2
import numpy as np

from bench._common import summary_ms, table
from station.capture.frames import VideoFileSource
from station.demo.video import write_demo_video
from station.evidence.video.library import ClipLibrary
from station.evidence.video.recorder import Recorder, RecordingSettings, new_clip_id
from station.evidence.video.takes import ClipStart, RecordedClip

FPS = 30
PARCELS_A_DAY = 500
TAKE_S = 180


def demo_frames(folder: Path, count: int) -> list[np.ndarray]:
    """The demo camera's clip, as the bench sees it: parcels and labels carried through."""
    path = folder / "demo.avi"
    write_demo_video(path, [f"RMA2026120300{n:02d}" for n in range(8)], hold_s=1.5, gap_s=0.5)
    source = VideoFileSource(path, loop=True)
    source.open()
    frames = []
    while len(frames) < count:
        image = source.read()
        if image is not None:
            frames.append(image)
    source.close()
    return frames


def busy_frames(count: int) -> list[np.ndarray]:
    """A noisy, busy bench: sensor noise on every pixel, a textured item moving, hands."""
    rng = np.random.default_rng(7)
    texture = cv2.resize(
        rng.integers(0, 255, (90, 160, 3), dtype=np.uint8),
        (1280, 720),
        interpolation=cv2.INTER_LINEAR,
    )
    frames = []
    for n in range(count):
        image = np.roll(texture, n * 5, axis=1)
        cv2.circle(image, (200 + (n * 9) % 880, 360), 120, (30, 160, 220), -1)
        noise = rng.normal(0, 6, image.shape).astype(np.int16)
        frames.append(np.clip(image.astype(np.int16) + noise, 0, 255).astype(np.uint8))
    return frames


def encoding_cost(frames: list[np.ndarray], folder: Path, quality: str) -> tuple[float, float, int]:
    """(ms of recorder CPU a frame, Mbit/s, bytes) for a take of ``frames`` at 30 frames/s."""
    clock = [1000.0]
    recorder = Recorder(
        folder / quality, RecordingSettings(quality=quality, fps=FPS), clock=lambda: clock[0]
    )
    finished: list[RecordedClip] = []
    recorder.finished.connect(finished.append)
    spent = 0.0
    recorder.start(ClipStart(new_clip_id(), "SF1234567890123", clock[0]))
    for image in frames:
        clock[0] += 1 / FPS
        began = time.thread_time()
        recorder.process((image, clock[0]))
        spent += time.thread_time() - began
    recorder.stop("completed")
    recorder.process(None)
    recorder.close()
    (take,) = finished
    size = take.path.stat().st_size
    return spent / len(frames) * 1000, size * 8 / (take.duration_ms / 1000) / 1e6, size


def start_latency(
    folder: Path, frames: list[np.ndarray], takes: int
) -> tuple[list[float], list[int]]:
    """Seconds from a scan to its take's first frame written, and each take's pre-roll (ms)."""
    library = ClipLibrary(folder / "start")
    recorder = Recorder(library.recording, RecordingSettings(fps=FPS, preroll_s=3.0))
    opened = threading.Event()
    recorder.started.connect(lambda _clip: opened.set())
    finished: list[RecordedClip] = []
    recorder.finished.connect(finished.append)
    recorder.run()
    stop = threading.Event()

    def camera() -> None:
        start, n = time.monotonic(), 0
        while not stop.is_set():
            recorder.offer(frames[n % len(frames)])
            n += 1
            time.sleep(max(0.0, start + n / FPS - time.monotonic()))

    feeder = threading.Thread(target=camera, name="bench-camera", daemon=True)
    feeder.start()
    delays: list[float] = []
    time.sleep(4.0)  # the pre-roll fills
    for _ in range(takes):
        opened.clear()
        scanned = time.monotonic()
        recorder.start(ClipStart(new_clip_id(), "SF1234567890123", scanned))
        opened.wait(5)
        delays.append(time.monotonic() - scanned)
        time.sleep(1.0)
        recorder.stop("completed")
        time.sleep(3.2)  # the next parcel: its pre-roll fills again
    stop.set()
    feeder.join()
    recorder.close()
    return delays, [int(clip.facts.get("preroll_ms", 0)) for clip in finished]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--takes", type=int, default=8)
    parser.add_argument("--skip-window", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        scenes = {
            "demo camera clip": demo_frames(folder, args.frames),
            "noisy, busy bench": busy_frames(args.frames),
        }
        rows = []
        for name, frames in scenes.items():
            for quality in ("low", "standard", "high"):
                ms, mbit, _bytes = encoding_cost(frames, folder / name.replace(" ", "_"), quality)
                day_gib = mbit * 1e6 / 8 * TAKE_S * PARCELS_A_DAY / 2**30
                rows.append([name, quality, ms, ms * FPS / 10, mbit, day_gib])
        table(
            f"Recording 1280x720 at {FPS} fps: recorder CPU per frame ({args.frames} frames)",
            [
                "scene",
                "quality",
                "ms/frame",
                "% of one core",
                "Mbit/s",
                f"GiB/day ({PARCELS_A_DAY}×3 min)",
            ],
            rows,
        )
        delays, prerolls = start_latency(folder, scenes["demo camera clip"], args.takes)
        table(
            f"Start of a take after the scan ({args.takes} takes, recorder thread at {FPS} fps)",
            ["measure", "median", "worst"],
            [
                [
                    "scan → first frame written (ms)",
                    statistics.median(delays) * 1000,
                    max(delays) * 1000,
                ],
                ["pre-roll in the take (ms)", statistics.median(prerolls), min(prerolls)],
            ],
        )
    if args.skip_window:
        return
    from PySide6.QtWidgets import QApplication

    from bench.camera_live import measure

    qapp = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qapp, QApplication)
    runs = {False: measure(qapp, args.seconds), True: measure(qapp, args.seconds, recording=True)}
    rows = []
    for recording, run in runs.items():
        rows.append(
            [
                "on" if recording else "off",
                run.decoded / args.seconds,
                summary_ms(run.latency)[1] if run.latency else float("nan"),
                summary_ms(run.lateness)[2],
                run.stalls,
                run.clips_filed,
            ]
        )
    off, on = rows
    rows.append(["on/off", on[1] / off[1], on[2] / off[2], on[3] / off[3], "", ""])
    table(
        f"The bench with and without recording ({args.seconds:.0f} s each, demo clip, one run)",
        [
            "recording",
            "decoded frames/s",
            "scan → card p95 (ms)",
            "GUI worst stall (ms)",
            "stalls > 50 ms",
            "clips filed",
        ],
        rows,
    )
    sys.stdout.flush()
    os._exit(0)  # skip PySide6's teardown through the garbage collector


if __name__ == "__main__":
    main()
