"""A camera's view of a bench, through the real pipeline into the bench session: two parcels
one after the other, item codes glimpsed for a single frame as items are carried past, and a
command card held up. The clip is written to a video file and read back as the camera reader
reads it; each frame is handed to the scanner with the clip's own time, so decoding, pace and
debouncing are exactly reproducible."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from station import app
from station.bench.notices import Say
from station.capture.classify import Command, command_payload
from station.capture.frames import EndOfStream, VideoFileSource
from station.capture.live import LiveScanner, LiveSettings, Scanned
from station.capture.reader import Frame
from station.demo.video import bench_background, label_image, paste, place
from station.domain.records import UserView
from station.workflow import InspectionStarted, ParcelUnmatched
from tests.bench.test_session import Bench, received_order

FPS = 30
SIZE = (1280, 720)
DISTRACTORS = ("6900000000007", "6901234567892", "4006381333931")


def view(codes: list[tuple[str, str]], center: tuple[float, float] = (640, 360)) -> np.ndarray:
    picture = bench_background(SIZE, seed=3)
    if codes:
        label = label_image(codes, module_px=3)
        h, w = label.shape[:2]
        paste(picture, label, place(center, (w, h), 4.0))
    return picture


def write_clip(path: Path, shots: list[tuple[np.ndarray, float]]) -> Path:
    """Each picture for its time in seconds (at least one frame), as a 30 fps MJPG clip."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), FPS, SIZE)
    for picture, seconds in shots:
        for _ in range(max(1, round(seconds * FPS))):
            writer.write(picture)
    writer.release()
    return path


def play(scanner: LiveScanner) -> None:
    """Every frame of the scanner's clip, as its reader would hand them over (never started:
    the test is the reader)."""
    source = scanner.reader.source
    source.open()
    n = 0
    while True:
        try:
            image = source.read()
        except EndOfStream:
            break
        assert image is not None
        n += 1
        scanner.process(Frame(image, n, n / FPS))
    source.close()


def to_the_bench(scanner: LiveScanner, bench: Bench) -> list[str]:
    """Hands each frame's new codes to the bench as the window does; what was handed, in order."""
    reported: list[str] = []

    def hand_over(scanned: Scanned) -> None:
        texts = [code.text for code in scanned.codes]
        reported.extend(texts)
        bench.session.camera_codes(texts, seen_at=scanned.frame.timestamp)

    scanner.scans.connect(hand_over)
    return reported


def test_two_parcels_glimpsed_items_and_a_command_card_reach_the_bench_as_meant(
    tmp_path: Path, demo_station: app.Station, inspector: UserView
) -> None:
    first = received_order(demo_station, "apparel")
    second = received_order(demo_station, "electronics")
    empty = view([])
    glimpse = 1 / FPS  # one frame: an item carried past the camera
    clip = write_clip(
        tmp_path / "bench.avi",
        [
            (empty, 0.5),
            (view([("ean13", DISTRACTORS[0])], (300, 250)), glimpse),
            (empty, 0.3),
            (view([("code128", first.rma_no)]), 1.2),  # the first parcel, put down
            (empty, 0.3),
            (view([("ean13", DISTRACTORS[1])], (900, 400)), glimpse),
            (empty, 0.3),
            (view([("code128", second.rma_no)], (700, 380)), 1.2),  # the next one comes along
            (empty, 0.3),
            (view([("ean13", DISTRACTORS[2])], (500, 300)), glimpse),
            (empty, 0.3),
            (view([("code128", command_payload(Command.PASS))], (600, 300)), 0.8),  # a card
            (empty, 0.5),
        ],
    )
    bench = Bench(demo_station, inspector, [1000.0])
    scanner = LiveScanner(
        VideoFileSource(clip, pace=False), settings=LiveSettings(repeat_after_s=1.5)
    )
    reported = to_the_bench(scanner, bench)
    play(scanner)

    assert reported == [first.rma_no, second.rma_no, command_payload(Command.PASS)]
    opened = [h for h in bench.handled if isinstance(h, InspectionStarted)]
    assert [o.order.rma_no for o in opened] == [first.rma_no]  # no switch to the second
    said = [n.say for n in bench.notices]
    assert Say.CAMERA_OTHER_PARCEL in said
    assert bench.handled[-1] is Command.PASS
    assert not {Say.ITEM_CODE_FIRST, Say.CAMERA_OTHER_ITEM, Say.ITEM_MISMATCH} & set(said)
    assert not any(set(n.args) & set(DISTRACTORS) for n in bench.notices)
    model = bench.session.checklist
    assert model is not None and "item_mismatch" not in model.evaluation.findings
    assert bench.session.inspection is not None
    assert bench.session.inspection.order.rma_no == first.rma_no


def test_without_steady_scans_the_same_clip_lets_the_glimpsed_items_through(
    tmp_path: Path, demo_station: app.Station, inspector: UserView
) -> None:
    """What the steady scan is for: with every first reading counting, a passing item's code
    reaches the bench."""
    order = received_order(demo_station, "apparel")
    empty = view([])
    clip = write_clip(
        tmp_path / "bench.avi",
        [
            (empty, 0.5),
            (view([("code128", order.rma_no)]), 1.0),
            (empty, 0.3),
            (view([("ean13", DISTRACTORS[1])], (900, 400)), 1 / FPS),
            (empty, 0.5),
        ],
    )
    eager = LiveScanner(VideoFileSource(clip, pace=False), settings=LiveSettings(steady_frames=1))
    reported: list[str] = []
    eager.scans.connect(lambda scanned: reported.extend(c.text for c in scanned.codes))
    play(eager)
    assert reported == [order.rma_no, DISTRACTORS[1]]


def test_a_waybill_with_a_qr_code_above_its_barcode_opens_the_parcel_it_names(
    tmp_path: Path, demo_station: app.Station, inspector: UserView
) -> None:
    """Express labels print a QR code (a tracking link) beside the waybill's barcode; the
    camera reads both in the same frames and lists the QR code first."""
    order = received_order(demo_station, "apparel")
    assert order.tracking
    link = "https://m.example-express.cn/t?no=" + order.tracking[0][1]
    bench = Bench(demo_station, inspector, [1000.0])

    def show(waybill: str, name: str) -> list[str]:
        label = view([("qr", link), ("code128", waybill)], (640, 330))
        clip = write_clip(tmp_path / name, [(view([]), 0.4), (label, 1.0), (view([]), 0.4)])
        scanner = LiveScanner(VideoFileSource(clip, pace=False))
        reported = to_the_bench(scanner, bench)
        play(scanner)
        return reported

    assert show("SF1234567890123", "unknown.avi") == [link, "SF1234567890123"]
    received = bench.handled[-1]  # listed after the link, yet the one it is received under
    assert isinstance(received, ParcelUnmatched)
    assert received.parcel.code == "SF1234567890123"
    bench.session.end()
    bench.session.start(inspector)
    assert show(order.tracking[0][1], "known.avi")[0] == link
    opened = bench.handled[-1]
    assert isinstance(opened, InspectionStarted) and opened.order.rma_no == order.rma_no
    assert not any(n.say is Say.TEXT_CODE for n in bench.notices)
