"""Helpers for tests that drive inspections to completion."""

from __future__ import annotations

from collections.abc import Iterable

import cv2
import numpy as np

from station import app
from station.domain.records import UserView, Verdict
from station.protocol.enums import PhotoKind, Role
from station.protocol.template import QuestionKind
from station.qc.answers import good_answer
from station.qc.engine import decide
from station.workflow import Checklist, InspectionStarted


def good_answers(checklist: Checklist) -> dict[str, object]:
    """Every visible question answered "nothing wrong"; scan-matches with the expected code."""
    answers: dict[str, object] = {}
    for _ in range(3):  # answers can reveal conditional questions
        for q in checklist.evaluate(answers).visible:
            if q.kind is QuestionKind.SCAN_MATCH:
                assert q.match is not None
                answers[q.id] = checklist.expected.for_field(q.match)[0]
            elif (good := good_answer(q)) is not None:
                answers[q.id] = good
    return answers


def frame(seed: int, width: int = 640, height: int = 480) -> np.ndarray:
    """A sharp, well-exposed camera frame (textured, like fabric or a printed label)."""
    rng = np.random.default_rng(seed)
    base = rng.integers(40, 215, size=(height // 8, width // 8, 3), dtype=np.uint8)
    image = cv2.resize(base, (width, height), interpolation=cv2.INTER_NEAREST)
    cv2.putText(
        image, f"PHOTO {seed}", (20, height // 2), cv2.FONT_HERSHEY_SIMPLEX, 2, (255, 255, 255), 3
    )
    return image


def add_photos(
    station: app.Station, started: InspectionStarted, kinds: Iterable[PhotoKind]
) -> None:
    """Take the photos through the real evidence path (encode, hash, store, record)."""
    inspector = UserView(started.inspection.inspector_id, "", "", Role.INSPECTOR)
    for n, kind in enumerate(kinds):
        station.workflow.take_photo(
            frame(hash((started.inspection.id, n, kind.value)) % 100_000),
            kind,
            inspector,
            inspection_id=started.inspection.id,
        )


def clean_verdict(
    station: app.Station, started: InspectionStarted, answers: dict[str, object] | None = None
) -> Verdict:
    """Answer, photograph what the proposal asks for, and accept the proposal."""
    given = good_answers(started.checklist) if answers is None else answers
    first = started.checklist.evaluate(given, photos={})
    add_photos(station, started, first.missing_photos)
    photos = {kind: 1 for kind in first.missing_photos}
    evaluation = started.checklist.evaluate(given, photos=photos)
    assert evaluation.complete, (evaluation.unanswered, evaluation.missing_photos)
    return decide(evaluation, started.checklist.template, started.line.amount_fen)
