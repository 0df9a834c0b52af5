"""Taking a photo into evidence, end to end (targets: median ≤ 150 ms on one core; a 1080p
photo ≤ 400 KB with its label still readable).

    python bench/photo_pipeline.py [--photos 40] [--cores 1]

Each photo is a 1920×1080 frame that looks like a bench photo (textured surfaces, a parcel,
a shipping label with small print and a Code128 barcode, camera noise; every frame
different). It goes the way the station takes it: a worker thread copies the frame out of
the camera buffer, runs ``prepare_photo`` (quality gate, JPEG, SHA-256, thumbnail,
crash-safe write of the original with fsync) and then hops to the database thread for
``record_photo`` (row, audit entry, outbox event, one committed SQLite transaction with
synchronous=FULL) in a real store in a temporary folder. ``--cores 1`` pins the process to
one CPU and OpenCV to one thread.

A second table times each stage alone; a third compares JPEG qualities: size, encode time,
whether the label's barcode still decodes from the JPEG, and the label's PSNR.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import cv2
import numpy as np
import zxingcpp
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import summary_ms, table
from bench._photo_scenes import LABEL_CODE, photo_scene
from station import app
from station.config import load_settings
from station.evidence.encode import DEFAULT_QUALITY, decode_jpeg, encode_jpeg
from station.evidence.photos import EvidenceStore, PreparedPhoto, prepare_photo, record_photo
from station.evidence.quality import assess
from station.evidence.thumbnails import render_thumbnail
from station.protocol.enums import OrderState, PhotoKind
from station.store.models import ReturnOrder
from station.workflow import InspectionStarted

SCENES = ["parcel", "fabric", "plain"]


def frames(count: int) -> list[np.ndarray]:
    """Distinct frames: three scenes, each capture with its own sensor noise."""
    bases = [photo_scene(1920, 1080, seed=7, scene=s, noise=0.0)[0] for s in SCENES]
    rng = np.random.default_rng(3)
    out = []
    for n in range(count):
        grain = rng.normal(0.0, 2.5, bases[0].shape).astype(np.float32)
        out.append(np.clip(bases[n % len(bases)] + grain, 0, 255).astype(np.uint8))
    return out


def open_inspection(root: Path) -> tuple[app.Station, InspectionStarted, int]:
    station = app.open_station(load_settings(root / "absent.toml", data_dir=root))
    app.load_demo_data(station, count=20, today=date(2026, 11, 20))
    user = station.auth.login("I1001", "1234")
    rma = station.db.run(
        lambda s: s.scalar(
            select(ReturnOrder.rma_no).where(ReturnOrder.state == OrderState.RECEIVED.value)
        )
    )
    started = station.workflow.scan(rma, user)
    assert isinstance(started, InspectionStarted)
    return station, started, user.id


def end_to_end(count: int) -> tuple[list[float], list[int]]:
    shots = frames(count)
    with tempfile.TemporaryDirectory() as tmp:
        station, started, user_id = open_inspection(Path(tmp))
        store = EvidenceStore.open(station.paths.photos)
        camera_buffer = np.empty_like(shots[0])

        def take(n: int) -> PreparedPhoto:
            frame = camera_buffer.copy()  # the camera's buffer is reused for the next frame
            prepared = prepare_photo(frame, PhotoKind.SHIPPING_LABEL, store)
            station.db.run(
                lambda s: record_photo(
                    s,
                    prepared,
                    inspection_id=started.inspection.id,
                    station_id=station.settings.station_id,
                    inspector_id=user_id,
                )
            )
            return prepared

        samples, sizes = [], []
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="photo-worker") as worker:
            worker.submit(take, -1).result()  # warm-up: imports, first allocations
            for n, shot in enumerate(shots):
                camera_buffer[...] = shot
                t0 = time.perf_counter()
                prepared = worker.submit(take, n).result()
                samples.append(time.perf_counter() - t0)
                sizes.append(prepared.size_bytes)
        station.close()
    return samples, sizes


def stages(count: int) -> list[list[object]]:
    shots = frames(count)
    timings: dict[str, list[float]] = {}

    def timed(name: str, fn, *args):
        t0 = time.perf_counter()
        result = fn(*args)
        timings.setdefault(name, []).append(time.perf_counter() - t0)
        return result

    with tempfile.TemporaryDirectory() as tmp:
        store = EvidenceStore.open(Path(tmp))
        for shot in shots:
            timed("quality gate", assess, shot, PhotoKind.SHIPPING_LABEL)
            encoded = timed("JPEG encode", encode_jpeg, shot)
            sha = timed("SHA-256", lambda d: hashlib.sha256(d).hexdigest(), encoded.data)
            timed("thumbnail (render)", render_thumbnail, shot)
            timed("thumbnail (write)", store.thumbnails.write, sha, shot)
            timed("original (write, fsync)", store.blobs.put, encoded.data)
    rows = []
    for name, values in timings.items():
        median, p95, worst = summary_ms(values)
        rows.append([name, median, p95, worst])
    return rows


def label_psnr(original: np.ndarray, decoded: np.ndarray, box: tuple[int, int, int, int]) -> float:
    x, y, w, h = box
    return float(cv2.PSNR(original[y : y + h, x : x + w], decoded[y : y + h, x : x + w]))


def qualities() -> list[list[object]]:
    rows: list[list[object]] = []
    for scene in SCENES:
        for noise in (2.5, 5.0):
            frame, placed = photo_scene(1920, 1080, seed=11, scene=scene, noise=noise)
            for quality in (75, 80, 85, 90, 95):
                times = []
                for _ in range(3):
                    t0 = time.perf_counter()
                    encoded = encode_jpeg(frame, quality)
                    times.append(time.perf_counter() - t0)
                decoded = decode_jpeg(encoded.data)
                read = [b.text for b in zxingcpp.read_barcodes(decoded)]
                rows.append(
                    [
                        scene,
                        noise,
                        f"{quality}{' (default)' if quality == DEFAULT_QUALITY else ''}",
                        f"{len(encoded.data) / 1024:.0f}",
                        min(times) * 1000,
                        "yes" if LABEL_CODE in read else "NO",
                        f"{label_psnr(frame, decoded, placed.label):.1f}",
                    ]
                )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=40)
    parser.add_argument("--cores", type=int, default=1, help="pin to this many CPUs (0: all)")
    args = parser.parse_args()
    if args.cores and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, sorted(os.sched_getaffinity(0))[: args.cores])
        cv2.setNumThreads(args.cores)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

    samples, sizes = end_to_end(args.photos)
    median, p95, worst = summary_ms(samples)
    path = "worker: copy → gate → JPEG → hash → thumb → blob → commit"
    table(
        f"Photo taken to committed, 1920×1080, {len(samples)} photos, {cores} core(s) (ms)",
        ["path", "median", "p95", "max", "target"],
        [[path, median, p95, worst, "≤ 150 median"]],
    )
    table(
        f"JPEG size at the default quality ({DEFAULT_QUALITY}) over those photos (KB)",
        ["median", "max", "target"],
        [[f"{statistics.median(sizes) / 1024:.0f}", f"{max(sizes) / 1024:.0f}", "≤ 400"]],
    )
    table(
        f"Each stage alone, {args.photos} photos (ms)",
        ["stage", "median", "p95", "max"],
        stages(args.photos),
    )
    table(
        "JPEG quality vs. size and a readable label (1920×1080; noise = sensor σ in grey levels)",
        ["scene", "noise", "quality", "KB", "encode ms", "barcode reads", "label PSNR dB"],
        qualities(),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
