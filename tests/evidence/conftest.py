"""Frames that look like bench photos (small, so tests stay fast), and open inspections."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp
from sqlalchemy import select

from station import app
from station.domain.records import UserView
from station.evidence.photos import (
    EvidenceStore,
    EvidenceView,
    photo_kinds_present,
    prepare_photo,
    record_photo,
)
from station.protocol.enums import OrderState, PhotoKind
from station.qc.engine import decide
from station.store.models import ReturnOrder
from station.workflow import Completion, InspectionStarted
from tests.helpers import good_answers

TAKEN = datetime(2026, 11, 20, 9, 45, tzinfo=UTC)
LABEL_CODE = "SF1308457729615"


def textured_frame(width: int = 640, height: int = 480, *, seed: int = 0) -> np.ndarray:
    """A well exposed photo-like frame: a textured surface, a box, a label with print and a
    Code128 barcode. Sizes scale with the frame, so it is the same scene at any size."""
    rng = np.random.default_rng(seed)
    coarse = cv2.resize(rng.random((9, 12), dtype=np.float32), (width, height))
    fine = cv2.resize(rng.random((height // 3, width // 3), dtype=np.float32), (width, height))
    shade = 0.6 + 0.3 * coarse + 0.25 * fine
    img = (shade[..., None] * np.array([80, 120, 170], np.float32)).clip(0, 255).astype(np.uint8)
    s = width / 640
    cv2.rectangle(img, (int(60 * s), int(50 * s)), (int(580 * s), int(430 * s)), (60, 90, 120), 3)
    x, y = int(180 * s), int(150 * s)
    cv2.rectangle(img, (x, y), (x + int(300 * s), y + int(190 * s)), (240, 240, 240), -1)
    for n, text in enumerate(["SF EXPRESS RETURN", "TO: HZ RETURNS BAY 07", "RMA2026112000017"]):
        org = (x + int(10 * s), y + int((25 + 22 * n) * s))
        cv2.putText(img, text, org, cv2.FONT_HERSHEY_SIMPLEX, 0.5 * s, (20, 20, 20), 1, cv2.LINE_AA)
    bars = np.array(
        zxingcpp.create_barcode(LABEL_CODE, zxingcpp.BarcodeFormat.Code128).to_image(
            scale=max(1, round(2 * s))
        )
    )
    bars = cv2.resize(bars, (bars.shape[1], int(60 * s)), interpolation=cv2.INTER_NEAREST)
    bx, by = x + int(10 * s), y + int(110 * s)
    bars = bars[: height - by, : width - bx]
    img[by : by + bars.shape[0], bx : bx + bars.shape[1]] = bars[..., None]
    noise = rng.normal(0, 2.0, img.shape)
    return (img.astype(np.float32) + noise).clip(0, 255).astype(np.uint8)


def close_up_frame(width: int = 640, height: int = 480, *, in_focus: bool = True) -> np.ndarray:
    """A macro shot: a sharp scratched patch in a far-out-of-focus surface."""
    sharp = textured_frame(width, height, seed=5)
    far = cv2.GaussianBlur(sharp, (0, 0), 8 * width / 640)
    if not in_focus:
        return far
    mask = np.zeros((height, width), np.float32)
    cv2.circle(mask, (width // 2, height // 2), width // 14, 1.0, -1)
    mask = cv2.GaussianBlur(mask, (0, 0), width / 60)[..., None]
    return (sharp * mask + far * (1 - mask)).astype(np.uint8)


def motion_blurred(frame: np.ndarray, length: int) -> np.ndarray:
    kernel = np.zeros((length, length), np.float32)
    kernel[:, length // 2] = 1.0 / length  # vertical shake
    return cv2.filter2D(frame, -1, kernel)


@pytest.fixture
def store(tmp_path: Path) -> EvidenceStore:
    return EvidenceStore.open(tmp_path / "photos")


@pytest.fixture
def station_store(demo_station: app.Station) -> EvidenceStore:
    return EvidenceStore.open(demo_station.paths.photos)


def start_inspection(station: app.Station, user: UserView, *, nth: int = 0) -> InspectionStarted:
    """Start the inspection of the ``nth`` received demo order with one item."""

    def pick(s):
        orders = s.scalars(
            select(ReturnOrder)
            .where(ReturnOrder.state == OrderState.RECEIVED.value)
            .order_by(ReturnOrder.id)
        )
        return [o.rma_no for o in orders if len(o.lines) == 1][nth]

    started = station.workflow.scan(station.db.run(pick), user)
    assert isinstance(started, InspectionStarted)
    return started


@pytest.fixture
def open_inspection(demo_station: app.Station, inspector: UserView) -> InspectionStarted:
    return start_inspection(demo_station, inspector)


def take_photo(
    station: app.Station,
    store: EvidenceStore,
    started: InspectionStarted,
    user: UserView,
    kind: PhotoKind,
    *,
    frame: np.ndarray | None = None,
    seed: int = 0,
) -> EvidenceView:
    """Take a real photo: prepared on this thread, recorded on the database thread."""
    prepared = prepare_photo(textured_frame(seed=seed) if frame is None else frame, kind, store)
    return station.db.run(
        lambda s: record_photo(
            s,
            prepared,
            inspection_id=started.inspection.id,
            station_id=station.settings.station_id,
            inspector_id=user.id,
            taken_at=TAKEN,
        )
    )


def complete_inspection(
    station: app.Station, store: EvidenceStore, started: InspectionStarted, user: UserView
) -> Completion:
    """Answer the checklist, take the photos it still asks for, accept its verdict."""
    answers = good_answers(started.checklist)
    have = station.db.run(lambda s: dict(photo_kinds_present(s, started.inspection.id)))
    missing = started.checklist.evaluate(answers, photos=have).missing_photos
    for n, kind in enumerate(missing):
        take_photo(station, store, started, user, kind, seed=1000 + n)
        have[kind] = have.get(kind, 0) + 1
    evaluation = started.checklist.evaluate(answers, photos=have)
    assert evaluation.complete, (evaluation.unanswered, evaluation.missing_photos)
    verdict = decide(evaluation, started.checklist.template, started.line.amount_fen)
    return station.workflow.complete(started.inspection.id, verdict, user)
