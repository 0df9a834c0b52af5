"""Helpers for tests that drive inspections to completion."""

from __future__ import annotations

from collections.abc import Iterable

from station import app
from station.domain.enums import PhotoKind
from station.domain.records import Verdict
from station.qc.answers import good_answer
from station.qc.engine import decide
from station.qc.template import QuestionKind
from station.store.models import Photo
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


def add_photos(
    station: app.Station, started: InspectionStarted, kinds: Iterable[PhotoKind]
) -> None:
    """Photo rows as the evidence store records them (the blobs are not needed here)."""

    def work(session) -> None:
        for n, kind in enumerate(kinds):
            session.add(
                Photo(
                    sha256=f"{n:064x}",
                    inspection_id=started.inspection.id,
                    kind=kind.value,
                    size_bytes=1,
                    width=1,
                    height=1,
                    station_id="ST-TEST",
                    inspector_id=started.inspection.inspector_id,
                )
            )

    station.db.run(work)


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
