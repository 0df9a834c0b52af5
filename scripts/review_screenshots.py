"""Render the supervisor's screens with demo data into docs/screenshots/review.png,
docs/screenshots/review-clip.png (the case's unboxing clip playing beside its chapters) and
docs/screenshots/dashboard.png.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/review_screenshots.py [en|zh_CN]

Three days of a bench's work are inspected through the real workflow (with a clock that walks
through the working hours and photos of synthetic scenes), then the panel is shown as a
supervisor at the end of the third day sees it. The case shown is then filmed (a recorder fed
synthetic frames, the chapters from what the inspector did) and shown again with its clip.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["TZ"] = "Asia/Shanghai"  # the warehouse's clock, whatever this machine's is
time.tzset()

import cv2  # noqa: E402
import numpy as np  # noqa: E402
from PySide6.QtCore import QEventLoop, QPoint, QTimer, SignalInstance  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea, QSplitter  # noqa: E402
from sqlalchemy import select  # noqa: E402

from bench._photo_scenes import close_up, photo_scene  # noqa: E402
from station import app  # noqa: E402
from station.config import load_settings  # noqa: E402
from station.domain.labels import Language, label  # noqa: E402
from station.domain.records import UserView  # noqa: E402
from station.evidence.video.chapters import ChapterKind  # noqa: E402
from station.evidence.video.recorder import (  # noqa: E402
    ClipStart,
    RecordedClip,
    Recorder,
    RecordingSettings,
    new_clip_id,
)
from station.evidence.video.records import record_clip  # noqa: E402
from station.protocol.enums import (  # noqa: E402
    Disposition,
    Grade,
    OrderState,
    PhotoKind,
    RefundKind,
)
from station.protocol.template import QuestionKind  # noqa: E402
from station.qc.answers import good_answer  # noqa: E402
from station.qc.engine import Override, decide  # noqa: E402
from station.review.evidence import EvidenceDetail  # noqa: E402
from station.review.service import ReviewService  # noqa: E402
from station.store.models import ReturnOrder  # noqa: E402
from station.ui.application import apply_look, install_translation  # noqa: E402
from station.ui.review.supervisor_panel import SupervisorPanel  # noqa: E402
from station.ui.tasks import TaskRunner  # noqa: E402
from station.workflow import InspectionStarted, Workflow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
DEMO_DAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 10, 40, tzinfo=UTC)  # 18:40 in the warehouse
SIZE = (1440, 900)


class WalkingClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def wait_for(signal: SignalInstance, action: Callable[[], None], timeout_ms: int = 20_000) -> None:
    loop = QEventLoop()
    signal.connect(lambda *_: loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    action()
    loop.exec()


def settle(ms: int = 500) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def picture(kind: PhotoKind, seed: int, size: tuple[int, int]) -> np.ndarray:
    w, h = size
    if kind is PhotoKind.DEFECT:
        return close_up(w, h, seed=seed)
    if kind in (PhotoKind.ITEM_LABEL, PhotoKind.ACCESSORIES):
        return photo_scene(w, h, seed=seed, scene="fabric")[0]
    return photo_scene(w, h, seed=seed, scene="parcel")[0]


def inspect(
    workflow: Workflow,
    rma: str,
    who: UserView,
    *,
    override: Override | None = None,
    swap: bool = False,
    size: tuple[int, int] = (640, 480),
    extra: tuple[PhotoKind, ...] = (),
) -> str | None:
    started = workflow.scan(rma, who)
    if not isinstance(started, InspectionStarted):
        return None
    checklist = started.checklist
    answers: dict[str, object] = {}
    for _ in range(3):
        for q in checklist.evaluate(answers).visible:
            if q.kind is QuestionKind.SCAN_MATCH and q.match is not None:
                expected = checklist.expected.for_field(q.match)[0]
                answers[q.id] = "6900000000000" if swap else expected
            elif (good := good_answer(q)) is not None:
                answers[q.id] = good
    needed = checklist.evaluate(answers, photos={}).missing_photos
    for n, kind in enumerate((*needed, *extra)):
        # a seed of its own for every photo: the same picture twice is refused, as a frozen
        # camera's would be
        frame = picture(kind, zlib.crc32(f"{rma}/{n}".encode()), size)
        workflow.take_photo(frame, kind, who, inspection_id=started.inspection.id)
    evaluation = checklist.evaluate(answers, photos={k: 1 for k in needed})
    if not evaluation.complete:
        workflow.cancel(started.inspection.id, who, "screenshot data")
        return None
    verdict = decide(evaluation, checklist.template, started.line.amount_fen, override)
    return workflow.complete(started.inspection.id, verdict, who).inspection.id


def fill(station: app.Station) -> str:
    """Three working days of inspections by three inspectors; returns the one to show."""
    clock = WalkingClock(NOW)
    workflow = Workflow(
        station.db,
        station_id=station.settings.station_id,
        rulebook=station.workflow.rulebook,
        evidence=station.evidence,
        clock=clock,
    )
    people = [station.auth.login(b, "1234") for b in ("I1001", "I1002", "I1003")]
    open_states = [OrderState.RECEIVED.value, OrderState.IN_TRANSIT.value]
    rmas = station.db.run(
        lambda s: list(
            s.scalars(
                select(ReturnOrder.rma_no)
                .where(ReturnOrder.state.in_(open_states))
                .order_by(ReturnOrder.id)
            )
        )
    )
    rng = random.Random(7)
    rng.shuffle(rmas)
    stained = Override(
        reason="衣领有明显污渍，吊牌已剪",
        grade=Grade.C,
        disposition=Disposition.RETURN_TO_CUSTOMER,
        refund_kind=RefundKind.NONE,
    )
    shown = ""
    slots = []
    for day in (2, 1, 0):
        start = NOW - timedelta(days=day, hours=9, minutes=40)  # 09:00 local
        for minute in range(0, 9 * 60, 9):
            slots.append(start + timedelta(minutes=minute + rng.randint(0, 4)))
    slots = [s for s in slots if s < NOW - timedelta(minutes=20)]
    for n, at in enumerate(slots):
        clock.now = at
        who = people[n % 3] if rng.random() < 0.8 else people[0]
        rma = rmas[n]
        roll = rng.random()
        showcase = n == len(slots) - 30
        override = stained if roll < 0.07 or showcase else None
        done = inspect(
            workflow,
            rma,
            who,
            override=override,
            swap=0.07 <= roll < 0.1,
            size=(1600, 1200) if showcase else (640, 480),
            extra=(PhotoKind.DEFECT, PhotoKind.PACKAGING) if showcase else (),
        )
        if showcase and done:
            shown = done
    for n in range(4):
        clock.now = NOW - timedelta(hours=5 * n + 2)
        workflow.scan(f"SF13{n:011d}", people[n % 3])
    return shown


def film_case(station: app.Station, detail: EvidenceDetail, who: UserView) -> None:
    """The case's unboxing clip, filed as the bench files one: the sealed parcel before the
    scan, then a chapter for every answer, photo, the verdict, the override and the label."""
    fps = 10
    settings = RecordingSettings(width=1280, height=720, fps=fps, preroll_s=3.0)
    clock = [100.0]
    library = station.evidence.clips
    recorder = Recorder(
        library.recording,
        settings,
        clock=lambda: clock[0],
        wall=lambda: (detail.started_at - timedelta(seconds=4)).astimezone(),
    )
    finished: list[RecordedClip] = []
    recorder.finished.connect(finished.append)
    sealed = photo_scene(1280, 720, seed=11, scene="parcel")[0]
    opened = photo_scene(1280, 720, seed=12, scene="fabric")[0]
    frames = [0]

    def run(seconds: float) -> None:
        for _ in range(round(seconds * fps)):
            n = frames[0] = frames[0] + 1
            base = sealed if n < 90 else opened  # the box is opened after the first answers
            shift = np.float32([[1, 0, 6 * np.sin(n / 9)], [0, 1, 4 * np.cos(n / 13)]])
            frame = cv2.warpAffine(base, shift, (1280, 720), borderMode=cv2.BORDER_REFLECT)
            clock[0] += 1 / fps
            recorder.process((frame, clock[0]))

    def chapter(kind: ChapterKind, text: str, then: float) -> None:
        recorder.chapter(kind, text)
        run(then)

    run(4)
    recorder.start(
        ClipStart(
            clip_id=new_clip_id(),
            parcel=detail.rma_no,
            at=clock[0],
            order=detail.order_no,
            inspection_id=detail.inspection_id,
            station="ST-HZ01",
            inspector=detail.inspector,
            inspector_id=who.id,
        )
    )
    run(2.5)
    for answer in detail.answers:
        chapter(ChapterKind.ANSWER, f"{answer.question[0]}: {answer.answer[0]}", 1.6)
    for photo in detail.photos:
        chapter(ChapterKind.PHOTO, f"{label(photo.kind, 'zh_CN')} #{photo.id}", 1.2)
    verdict = detail.station_verdict or detail.verdict
    parts = [label(v, "zh_CN") for v in (verdict.grade, verdict.disposition, verdict.refund_kind)]
    chapter(ChapterKind.VERDICT, " · ".join(p for p in parts if p), 0.4)
    if detail.overridden:
        chapter(ChapterKind.OVERRIDE, detail.override_reason, 0.3)
    chapter(ChapterKind.LABEL, "disposition", 1.5)
    recorder.stop("completed")
    run(0.3)
    recorder.close()
    for take in finished:
        filed = library.file(take)
        station.db.run(lambda s, filed=filed: record_clip(s, filed, station_id="ST-HZ01"))
        library.forget(take)


def shoot(language: str, qapp: QApplication, data_dir: Path) -> None:
    settings = load_settings(
        Path("/nonexistent"), data_dir=data_dir, station_id="ST-HZ01", language=language
    )
    station = app.open_station(settings)
    app.load_demo_data(station, today=DEMO_DAY)
    showcase = fill(station)
    install_translation(qapp, "en" if language == "en" else "zh_CN")
    apply_look(qapp)
    supervisor = station.auth.login("S9001", "9999")
    service = ReviewService(
        station.db,
        station_id="ST-HZ01",
        rulebook=station.workflow.rulebook,
        evidence=station.evidence,
        clock=lambda: NOW,
        utc_offset_minutes=480,
    )
    runner = TaskRunner(workers=2)
    lang: Language = "en" if language == "en" else "zh_CN"
    panel = SupervisorPanel(service, station.workflow, runner, language=lang, user=supervisor)
    panel.resize(*SIZE)
    wait_for(panel.queue.loaded, panel.show)
    settle(800)
    row = panel.queue.model.row_of(showcase)
    wait_for(panel.evidence.shown, lambda: panel.queue.select_row(max(0, row)))
    settle(1200)  # thumbnails
    panel.evidence.form.reason.setText("照片显示污渍明显，维持拒绝退款")
    settle(200)
    panel.grab().save(str(OUT / "review.png"))
    shoot_clip(panel, station, service, supervisor, showcase)
    panel.show_tab(2)
    wait_for(panel.dashboard.loaded, lambda: panel.dashboard.period.setCurrentIndex(0))
    panel.dashboard.findChild(QScrollArea).verticalScrollBar().setValue(0)
    settle(800)
    panel.grab().save(str(OUT / "dashboard.png"))
    panel.close()
    runner.shutdown()
    station.close()


def shoot_clip(
    panel: SupervisorPanel,
    station: app.Station,
    service: ReviewService,
    supervisor: UserView,
    showcase: str,
) -> None:
    """The same case once it has its clip: the player beside the photos, playing from the
    first photo's chapter."""
    detail = service.evidence(supervisor, showcase)
    inspector = station.auth.login(detail.inspector.split()[-1], "1234")
    film_case(station, detail, inspector)
    evidence = panel.evidence
    split = panel.queue.parentWidget()
    if isinstance(split, QSplitter):
        split.setSizes([560, 880])  # the evidence pane wider: the clip is what is looked at
    row = panel.queue.model.rows[panel.queue.model.row_of(showcase)]
    wait_for(evidence.player.opened, lambda: evidence.show_row(row))
    settle(600)
    scroll = evidence.findChild(QScrollArea)
    scroll.verticalScrollBar().setValue(evidence.player.mapTo(scroll.widget(), QPoint(0, 0)).y())
    player = evidence.player
    clip = player.clip
    assert clip is not None
    first_photo = next(n for n, c in enumerate(clip.clip.chapters) if c.kind is ChapterKind.PHOTO)
    player.split.setSizes([500, 340])
    wait_for(player.frame_shown, lambda: player.jump_to_chapter(first_photo))
    player.picture.setFocus()
    player.play()
    settle(900)
    panel.grab().save(str(OUT / "review-clip.png"))
    player.pause()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    qapp = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qapp, QApplication)
    language = sys.argv[1] if len(sys.argv) > 1 else "en"
    with tempfile.TemporaryDirectory() as tmp:
        shoot(language, qapp, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
