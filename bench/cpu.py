"""CPU the station spends at the bench, per state: the process's user+system time over wall time.

    QT_QPA_PLATFORM=offscreen python bench/cpu.py [--seconds 40] [--rounds 1]

Each state runs in its own process with the real window (built as in ``bench/camera_live.py``);
after a warm-up of 8 s, the process's CPU time (``resource.getrusage``) and each thread's
(``/proc/self/task``, Linux) are read over ``--seconds``. 100 % is one core, fully busy.

- login screen, demo camera: the window as ``make run`` opens it, nobody logged in, the demo
  camera's clip (1280x720, 30 fps) playing;
- idle bench, camera: logged in, a 1280x720 30 fps camera seeing the empty bench (an MJPG
  clip of it with sensor noise, decoded frame by frame as a webcam's MJPG stream is);
- inspection, camera: a parcel opened by the hand scanner, its label lying still in view;
- inspection, demo camera: a parcel opened by the hand scanner under ``make run``, the demo
  camera's clip going on as the station leaves it (held, where the bench holds it).

The demo clip is filmed once per run and copied into each state's data folder.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cv2
import numpy as np

from bench._common import station_window, table

STATES = {
    "login": "login screen, demo camera",
    "idle": "idle bench, camera (nothing moving)",
    "inspection": "inspection, camera (label lying still)",
    "demo-inspection": "inspection, demo camera",
}
WARM_UP_S = 8.0
FRAME = (1280, 720)


def still_clip(path: Path, picture: np.ndarray, frames: int = 60) -> Path:
    """A looping MJPG clip of one still picture with fresh sensor noise in every frame."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 30.0, FRAME)
    rng = np.random.default_rng(5)
    for _ in range(frames):
        grain = np.rint(rng.normal(0, 1.5, picture.shape)).astype(np.int16)
        writer.write(np.clip(picture.astype(np.int16) + grain, 0, 255).astype(np.uint8))
    writer.release()
    return path


class Webcam:
    """A clip played as a webcam: it cannot hold its picture (no pause), whatever the bench."""

    def __init__(self, video: Any) -> None:
        self._video = video
        self.name = "webcam (a clip)"

    @property
    def fps(self) -> float:
        return float(self._video.fps)

    def open(self) -> None:
        self._video.open()

    def read(self) -> np.ndarray | None:
        frame: np.ndarray | None = self._video.read()
        return frame

    def close(self) -> None:
        self._video.close()


def thread_cpu() -> dict[int, float]:
    """CPU seconds of each of this process's threads by native id (Linux; else empty)."""
    ticks = os.sysconf("SC_CLK_TCK")
    out: dict[int, float] = {}
    for task in Path("/proc/self/task").glob("*"):
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[int(task.name)] = (int(fields[11]) + int(fields[12])) / ticks
    return out


def process_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(state: str, seconds: float, tmp: Path, film: Path) -> dict[str, float]:
    """Runs one state in this process and returns CPU shares (100 = one core)."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from station import app
    from station.capture.frames import VideoFileSource
    from station.capture.live import LiveScanner, LiveSettings
    from station.config import load_settings
    from station.demo.expected import expected_parcels
    from station.demo.video import bench_background, label_image, paste, place

    qapp = QApplication.instance() or QApplication(sys.argv)
    demo = state in ("login", "demo-inspection")
    settings = load_settings(
        tmp / "none.toml", data_dir=tmp, language="en", station_id="ST-BENCH", demo=demo
    )
    station = app.open_station(settings)
    app.load_demo_data(station, today=date.today())
    rma = str(station.db.run(expected_parcels)[-1]["rma_no"])
    scanner: LiveScanner | None
    if demo:
        clip = tmp / "demo-camera.avi"
        if film.is_file():  # filmed by an earlier state: the same parcels
            shutil.copyfile(film, clip)
        scanner = app.build_camera(station)
        deadline = time.monotonic() + 300
        while not clip.is_file() and time.monotonic() < deadline:  # filmed in the background
            time.sleep(0.2)
        if not film.is_file():
            shutil.copyfile(clip, film)
    else:
        picture = bench_background(FRAME, seed=3)
        if state == "inspection":
            label = label_image([("code128", rma)], module_px=3)
            h, w = label.shape[:2]
            paste(picture, label, place((640, 360), (w, h), 4.0))
        clip = still_clip(tmp / "still.avi", picture)
        scanner = LiveScanner(Webcam(VideoFileSource(clip, loop=True)), settings=LiveSettings())
    window = station_window(qapp, station, settings, size=(1366, 800), camera=scanner)

    def wait(seconds_: float, until: Callable[[], bool] = lambda: False) -> None:
        loop = QEventLoop()
        end = time.monotonic() + seconds_
        timer = QTimer()
        timer.timeout.connect(lambda: loop.quit() if until() or time.monotonic() > end else None)
        timer.start(50)
        loop.exec()
        timer.stop()

    if state != "login":
        user = station.auth.login("I1001", "1234")
        window.logged_in(user)
    if state in ("inspection", "demo-inspection"):
        window.route_scan(rma)  # the hand scanner opens the parcel
        wait(10, lambda: window.session.inspection is not None)
        if window.session.inspection is None:
            raise SystemExit(f"the parcel {rma} did not open")
    wait(WARM_UP_S)
    names = {t.native_id: t.name for t in threading.enumerate()}
    main = threading.main_thread().native_id
    threads0, cpu0, wall0 = thread_cpu(), process_cpu(), time.monotonic()
    decoded0 = scanner.decoded_frames if scanner is not None else 0
    wait(seconds)
    threads1, cpu1, wall1 = thread_cpu(), process_cpu(), time.monotonic()
    wall = wall1 - wall0
    shares: dict[str, float] = {"total": 100 * (cpu1 - cpu0) / wall}
    for tid, used in threads1.items():
        name = "GUI" if tid == main else names.get(tid, "other")
        key = name if name in ("GUI", "station-decode", "frame-reader") else "other"
        if os.environ.get("CPU_THREADS"):
            comm = Path(f"/proc/self/task/{tid}/comm").read_text().strip()
            key2 = f"t:{name}:{comm}"
            shares[key2] = shares.get(key2, 0.0) + 100 * (used - threads0.get(tid, 0.0)) / wall
        shares[key] = shares.get(key, 0.0) + 100 * (used - threads0.get(tid, 0.0)) / wall
    decoded = (scanner.decoded_frames if scanner is not None else 0) - decoded0
    shares["decoded/s"] = decoded / wall
    sys.stdout.flush()
    return shares


def run_state(state: str, seconds: float, film: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="station-cpu-") as tmp:
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--state",
                state,
                "--seconds",
                str(seconds),
                "--data",
                tmp,
                "--film",
                str(film),
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 600,
            check=False,
        )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit(f"state {state!r} failed")
    result: dict[str, float] = json.loads(lines[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=40.0)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--state", choices=sorted(STATES), help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--film", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--label", default="", help="a name for this tree in the table")
    parser.add_argument("--only", nargs="+", choices=sorted(STATES), help="these states only")
    args = parser.parse_args()
    if args.state:
        shares = measure(args.state, args.seconds, args.data, args.film)
        sys.stdout.write(json.dumps(shares) + "\n")
        sys.stdout.flush()
        os._exit(0)  # skip PySide6's teardown through the garbage collector
    films = tempfile.TemporaryDirectory(prefix="station-cpu-film-")
    film = Path(films.name) / "demo-camera.avi"
    states = {k: v for k, v in STATES.items() if not args.only or k in args.only}
    measured: dict[str, list[dict[str, float]]] = {state: [] for state in states}
    for _ in range(args.rounds):
        for state in states:
            measured[state].append(run_state(state, args.seconds, film))
    films.cleanup()
    columns = ["total", "GUI", "station-decode", "frame-reader", "other"]
    rows = []
    for state, title in states.items():
        med = {c: statistics.median(r.get(c, 0.0) for r in measured[state]) for c in columns}
        totals = sorted(r["total"] for r in measured[state])
        rows.append(
            [
                title,
                *(f"{med[c]:.0f} %" for c in columns),
                f"{totals[0]:.0f}-{totals[-1]:.0f} %",
                f"{statistics.median(r['decoded/s'] for r in measured[state]):.1f}",
            ]
        )
    table(
        f"CPU of the station process{' (' + args.label + ')' if args.label else ''}: medians of "
        f"{args.rounds} runs of {args.seconds:.0f} s per state, 100 % = one core",
        ["state", "total", "GUI", "decoding", "camera reader", "other", "total range", "decoded/s"],
        rows,
    )


if __name__ == "__main__":
    main()
