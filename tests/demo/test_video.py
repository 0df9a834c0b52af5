from __future__ import annotations

from datetime import date
from pathlib import Path

import cv2
import pytest

from station.capture.classify import ScanKind, classify
from station.capture.debounce import Debouncer
from station.capture.decoders import Decoded
from station.capture.frames import EndOfStream, VideoFileSource
from station.capture.pipeline import DecodePipeline
from station.demo.orders import generate_orders
from station.demo.video import demo_parcel_orders, parcels_for, write_demo_video

TODAY = date(2026, 11, 20)


def scans_in(clip: Path) -> list[tuple[float, Decoded]]:
    """Every scan event of a clip: decoded frame by frame, debounced on the clip's own time."""
    source = VideoFileSource(clip, pace=False)
    source.open()
    pipeline = DecodePipeline(budget_ms=10_000)  # about what is read, not how fast
    debouncer: Debouncer[Decoded] = Debouncer(1.5)
    events = []
    n = 0
    while True:
        try:
            image = source.read()
        except EndOfStream:
            break
        assert image is not None
        t = n / source.fps
        events += [(t, code) for code in debouncer.feed(pipeline.decode(image).codes, now=t)]
        n += 1
    source.close()
    return events


@pytest.fixture(scope="module")
def three_parcels(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict], int]:
    orders = demo_parcel_orders(3, today=TODAY)
    clip = tmp_path_factory.mktemp("clip") / "demo.avi"
    frames = write_demo_video(clip, [o["rma_no"] for o in orders], orders=orders)
    return clip, orders, frames


def test_the_clip_is_a_720p_30fps_mjpg_avi(three_parcels: tuple[Path, list[dict], int]) -> None:
    clip, _, frames = three_parcels
    cap = cv2.VideoCapture(str(clip))
    fourcc = int(cap.get(cv2.CAP_PROP_FOURCC)).to_bytes(4, "little").decode()
    size = (int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT)))
    assert (fourcc, size, cap.get(cv2.CAP_PROP_FPS)) == ("MJPG", (1280, 720), 30.0)
    assert int(cap.get(cv2.CAP_PROP_FRAME_COUNT)) == frames == 3 * round(2.6 * 30)
    cap.release()
    assert clip.stat().st_size < 3 * 4_000_000  # about 3.4 MB a parcel
    assert [p.name for p in clip.parent.iterdir()] == ["demo.avi"]  # no temporary left


def test_three_parcels_give_exactly_three_rma_scans(
    three_parcels: tuple[Path, list[dict], int],
) -> None:
    clip, orders, _ = three_parcels
    events = scans_in(clip)
    rmas = [c.text for _, c in events if classify(c.text, source="camera").kind is ScanKind.RMA]
    assert rmas == [o["rma_no"] for o in orders]  # one each, in the order they passed
    # The other codes on the parcels are scanned once each too.
    parcels = parcels_for([o["rma_no"] for o in orders], orders)
    expected = {text for p in parcels for _, text in p.codes()}
    texts = [c.text for _, c in events]
    assert sorted(texts) == sorted(expected)


def test_demo_parcels_are_demo_orders_still_on_their_way() -> None:
    orders = demo_parcel_orders(8, today=TODAY)
    known = {o["rma_no"]: o for o in generate_orders(2400, today=TODAY, seed=2026)}
    assert len(orders) == 8
    assert all(known[o["rma_no"]] == o and o["state"] == "in_transit" for o in orders)


def test_an_rma_unknown_to_the_manifest_still_gets_a_label() -> None:
    (parcel,) = parcels_for(["RMA20261120999999"], [])
    assert parcel.codes() == [("code128", "RMA20261120999999")]


@pytest.mark.parametrize(
    "rmas,kwargs,error",
    [
        ([], {}, "no parcels"),
        (["RMA1"] * 51, {}, "at most 50"),
        (["RMA1"], {"fps": 0}, "unsupported clip format"),
        (["RMA1"], {"size": (100_000, 720)}, "unsupported clip format"),
        (["RMA1"], {"hold_s": -1}, "between 0 and 30"),
    ],
)
def test_bad_requests_are_refused(
    tmp_path: Path, rmas: list[str], kwargs: dict, error: str
) -> None:
    with pytest.raises(ValueError, match=error):
        write_demo_video(tmp_path / "x.avi", rmas, **kwargs)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("rma", ["退货单号", "RMA\x00\x1b[2J", "", "R" * 41])
def test_a_code_that_cannot_be_printed_leaves_no_file(tmp_path: Path, rma: str) -> None:
    with pytest.raises(ValueError, match=r"not an RMA no\. a Code128 label can carry"):
        write_demo_video(tmp_path / "x.avi", ["RMA20261120000001", rma])
    assert list(tmp_path.iterdir()) == []


def test_a_waybill_that_cannot_be_drawn_is_a_clear_error(tmp_path: Path) -> None:
    order = {"rma_no": "RMA20261120000001", "tracking": [{"tracking_no": "顺丰123"}]}
    with pytest.raises(ValueError, match="cannot draw '顺丰123' as code128"):
        write_demo_video(tmp_path / "x.avi", ["RMA20261120000001"], orders=[order])
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_codec_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="cannot write"):
        write_demo_video(tmp_path / "x.avi", ["RMA20261120000001"], fourcc="ZZZZ")
    assert list(tmp_path.iterdir()) == []


def test_the_full_demo_clip_stays_under_30_mb(tmp_path: Path) -> None:
    orders = demo_parcel_orders(8, today=TODAY)
    clip = tmp_path / "demo.avi"
    frames = write_demo_video(clip, [o["rma_no"] for o in orders], orders=orders)
    assert frames == 8 * 78
    assert clip.stat().st_size < 30_000_000
