"""The supervisor plays an inspection's unboxing clip with its chapters, beside the photos.

Clips are real: filmed frame by frame by the recorder on a test clock (1280×720, 10 frames a
second, a key frame every second) and filed in the station's clip library and store."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, Qt
from PySide6.QtGui import QImage
from sqlalchemy import update

from station import app
from station.domain.records import UserView
from station.evidence.video.chapters import ChapterKind
from station.evidence.video.export import verify_export
from station.evidence.video.overlay import parse_qr
from station.evidence.video.recorder import new_clip_id
from station.evidence.video.takes import ClipStart
from station.review.access import NotAllowed
from station.review.service import ClipState, ReviewClip, ReviewService
from station.store.models import Clip
from station.store.types import utcnow
from station.ui.review.clip_export_dialog import ClipExportDialog
from station.ui.review.clip_player import THREAD_NAME, ClipPlayer, clock_text
from station.ui.review.supervisor_panel import SupervisorPanel
from station.ui.tasks import TaskRunner
from tests.evidence.video.rig import Rig, band_codes
from tests.review.conftest import Clock
from tests.ui.review.conftest import Waiting
from tests.ui.review.test_supervisor_panel import choose


@dataclass(frozen=True)
class Filmed:
    inspection_id: str
    clip_id: str


def film(station: app.Station, inspection_id: str, inspector: UserView) -> Filmed:
    """A clip of an inspection: 3 s before the scan, then answers, a photo and the verdict,
    about 9 seconds in all, each step a chapter."""
    clock = [1000.0]
    rig = Rig(station.db, station.paths.clips, clock=clock)
    clip_id = new_clip_id()
    rig.film(4)
    rig.recorder.start(
        ClipStart(
            clip_id=clip_id,
            parcel="RMA-TEST-0001",
            at=clock[0],
            inspection_id=inspection_id,
            station="ST-TEST",
            inspector=inspector.display_name,
            inspector_id=inspector.id,
        )
    )
    rig.film(1.5)
    rig.recorder.chapter(ChapterKind.ANSWER, "外包装完好 Packaging intact")
    rig.film(2.2)
    rig.recorder.chapter(ChapterKind.PHOTO, "overview")
    rig.film(1.9)
    rig.recorder.chapter(ChapterKind.VERDICT, "A · refund")
    rig.film(1.0)
    rig.recorder.stop("completed")
    rig.film(0.3)
    rig.settle()
    rig.recorder.close()
    return Filmed(inspection_id, clip_id)


@pytest.fixture
def filmed(demo_station: app.Station, waiting: Waiting, inspector: UserView) -> Filmed:
    return film(demo_station, waiting.refused, inspector)


@pytest.fixture
def clips(service: ReviewService, supervisor: UserView, filmed: Filmed) -> list[ReviewClip]:
    return service.clips(supervisor, filmed.inspection_id)


def player_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == THREAD_NAME and t.is_alive()]


@pytest.fixture
def player(qtbot) -> Iterator[ClipPlayer]:
    widget = ClipPlayer()
    widget.resize(1800, 900)
    widget.split.setSizes([1400, 400])  # the picture at the clip's own size
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()
    qtbot.waitUntil(lambda: not player_threads(), timeout=5000)


def pixels(image: QImage) -> np.ndarray:
    """The shown picture as a BGR array (what a screenshot of the player holds)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    data = np.frombuffer(rgb.constBits(), np.uint8, count=stride * h).reshape(h, stride)
    return np.ascontiguousarray(data[:, : w * 3].reshape(h, w, 3)[:, :, ::-1])


def band_seconds(image: QImage | None) -> int:
    """The unix second the band's QR code on the shown frame says."""
    assert image is not None and not image.isNull()
    shown = pixels(image)
    # read as the project reads a re-encoded clip, else at the size on screen (the code of a
    # frame before the take's band is smaller than 480 lines leave readable)
    codes = band_codes(shown) or [
        found for r in zxingcpp.read_barcodes(shown) if (found := parse_qr(r.text)) is not None
    ]
    assert codes, "the band's code must read on the frame shown"
    return codes[0][1]


def load(qtbot, player: ClipPlayer, clips: list[ReviewClip]) -> None:
    with qtbot.waitSignals([player.opened, player.frame_shown], timeout=10_000):
        player.show_clips(clips)


# -- the review service ----------------------------------------------------------------------


def test_the_service_gives_an_inspection_s_clips_with_their_files(
    demo_station: app.Station,
    service: ReviewService,
    supervisor: UserView,
    inspector: UserView,
    filmed: Filmed,
    waiting: Waiting,
) -> None:
    (clip,) = service.clips(supervisor, filmed.inspection_id)
    assert clip.state is ClipState.PLAYABLE and clip.path is not None and clip.path.is_file()
    assert clip.clip.id == filmed.clip_id
    assert [c.kind for c in clip.clip.chapters] == [
        ChapterKind.SCAN,
        ChapterKind.ANSWER,
        ChapterKind.PHOTO,
        ChapterKind.VERDICT,
    ]
    assert service.clips(supervisor, waiting.swapped) == []  # not filmed
    with pytest.raises(NotAllowed):
        service.clips(inspector, filmed.inspection_id)  # an inspector may not review

    clip.path.unlink()  # a file gone from the disk
    (gone,) = service.clips(supervisor, filmed.inspection_id)
    assert gone.state is ClipState.MISSING and gone.path is None

    demo_station.db.run(
        lambda s: s.execute(
            update(Clip).where(Clip.id == filmed.clip_id).values(purged_at=utcnow())
        )
    )
    (purged,) = service.clips(supervisor, filmed.inspection_id)
    assert purged.state is ClipState.PURGED and purged.path is None


# -- the player ------------------------------------------------------------------------------


def test_the_player_shows_the_first_frame_and_the_chapters(
    qtbot, player: ClipPlayer, clips: list[ReviewClip]
) -> None:
    load(qtbot, player, clips)
    assert player.position_ms == 0 and player.frame == 0
    assert player.image is not None and player.image.width() == 1280
    assert player.index is not None
    assert abs(player.index.frames - (clips[0].clip.duration_ms // 100 + 1)) <= 1  # 10 a second
    assert player_threads(), "decoding runs on the player's own thread"
    rows = [player.chapters.item(n).text() for n in range(player.chapters.count())]
    assert (
        rows[0].startswith(clock_text(clips[0].clip.preroll_ms))
        and "Scan" in rows[0]
        and "RMA-TEST-0001" in rows[0]
    )
    assert "Answer" in rows[1] and "外包装完好" in rows[1]
    assert rows[3].startswith(clock_text(clips[0].clip.chapters[3].at_ms)) and "Verdict" in rows[3]
    assert player.current_chapter() is None  # the pre-roll: before the scan
    assert player.time.text() == f"00:00.0 / 00:{player.index.duration_ms // 1000:02d}." + str(
        player.index.duration_ms % 1000 // 100
    )


def test_a_chapter_chosen_with_enter_shows_the_frame_filmed_at_that_moment(
    qtbot, player: ClipPlayer, clips: list[ReviewClip]
) -> None:
    load(qtbot, player, clips)
    chapters = clips[0].clip.chapters
    first = band_seconds(player.image)
    player.chapters.setFocus()
    for n in (2, 0, 3):
        player.chapters.setCurrentRow(n)
        with qtbot.waitSignal(player.frame_shown, timeout=10_000) as shown:
            qtbot.keyClick(player.chapters, Qt.Key.Key_Return)
        at = chapters[n].at_ms
        assert at - 100 < shown.args[0] <= at  # the frame on screen when the step was taken
        wall = int(datetime.fromisoformat(chapters[n].wall).timestamp())
        assert wall - band_seconds(player.image) in (0, 1)  # the band's clock agrees
        assert band_seconds(player.image) - first in range(at // 1000 - 1, at // 1000 + 2)
        assert player.current_chapter() == n
        assert player.chapters.item(n).font().bold()
        assert f"Chapter {n + 1}" in player.now_chapter.text()


def test_frame_steps_move_one_frame_each_way_and_back_across_a_key_frame(
    qtbot, player: ClipPlayer, clips: list[ReviewClip]
) -> None:
    load(qtbot, player, clips)
    player.picture.setFocus()
    with qtbot.waitSignal(player.frame_shown, timeout=10_000):
        player.seek_ms(2000)  # a key frame
    assert player.frame == 20
    for key, expected in [
        (Qt.Key.Key_Period, 21),
        (Qt.Key.Key_Right, 22),
        (Qt.Key.Key_Comma, 21),
        (Qt.Key.Key_Left, 20),
        (Qt.Key.Key_Left, 19),  # behind the key frame: decoded from the one before
    ]:
        with qtbot.waitSignal(player.frame_shown, timeout=10_000) as shown:
            qtbot.keyClick(player.picture, key)
        assert player.frame == expected and shown.args[0] == player.index.times_ms[expected]
    assert not player.playing


def test_space_plays_at_the_speed_chosen_and_pauses(
    qtbot, player: ClipPlayer, clips: list[ReviewClip]
) -> None:
    load(qtbot, player, clips)
    player.picture.setFocus()
    player.set_speed(4.0)
    assert player.speed.currentText() == "4×" and player.speed_factor == 4.0
    watch = QElapsedTimer()
    watch.start()
    qtbot.keyClick(player.picture, Qt.Key.Key_Space)
    assert player.playing and player.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: player.position_ms >= 4000, timeout=10_000)
    spent = watch.elapsed()
    assert spent < 3000, f"4 s of clip took {spent} ms at 4×"  # 1× would take 4 s
    shown: list[int] = []
    player.frame_shown.connect(shown.append)
    qtbot.keyClick(player.picture, Qt.Key.Key_Space)
    assert not player.playing and player.play_button.text() == "Play"
    qtbot.wait(300)  # nothing moves while paused
    # the one frame asked for before the pause may land (a busy decoder skips ahead, so it
    # may be more than one frame on); then nothing
    assert len(shown) <= 1
    paused_at = player.frame
    qtbot.wait(300)
    assert player.frame == paused_at and len(shown) <= 1

    player.speed.setCurrentIndex(0)
    assert player.speed_factor == 0.5
    player.play()
    qtbot.waitUntil(lambda: player.frame > paused_at + 2, timeout=10_000)
    player.pause()


def test_playing_stops_at_the_end_of_the_clip(
    qtbot, player: ClipPlayer, clips: list[ReviewClip]
) -> None:
    load(qtbot, player, clips)
    assert player.index is not None
    with qtbot.waitSignal(player.frame_shown, timeout=10_000):
        player.seek_ms(player.index.duration_ms - 600)
    player.set_speed(2.0)
    player.play()
    qtbot.waitUntil(lambda: not player.playing, timeout=10_000)
    assert player.frame == player.index.frames - 1
    assert player.current_chapter() == 3


def test_the_slider_seeks(qtbot, player: ClipPlayer, clips: list[ReviewClip]) -> None:
    load(qtbot, player, clips)
    with qtbot.waitSignal(player.frame_shown, timeout=10_000) as shown:
        player.slider.setValue(5050)
    assert shown.args[0] == 5000 and player.frame == 50


def test_a_missing_or_purged_file_is_said_and_nothing_decodes(
    qtbot, player: ClipPlayer, clips: list[ReviewClip]
) -> None:
    (clip,) = clips
    with qtbot.waitSignal(player.unavailable, timeout=5000) as said:
        player.show_clips([replace(clip, path=None, state=ClipState.MISSING)])
    assert said.args[0] == "The clip's file is missing from this station."
    assert player.message == said.args[0] and player.image is None
    assert not player.play_button.isEnabled() and not player_threads()
    assert player.chapters.count() == 4  # what the inspector did is still listed

    with qtbot.waitSignal(player.unavailable, timeout=5000) as said:
        player.show_clips([replace(clip, path=None, state=ClipState.PURGED)])
    assert "central service keeps it" in said.args[0]


def test_a_file_that_is_no_clip_is_said_not_crashed_on(
    qtbot, tmp_path: Path, player: ClipPlayer, clips: list[ReviewClip]
) -> None:
    (clip,) = clips
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"\x00\x00\x00\x18ftypisom" + bytes(range(256)) * 40)
    with qtbot.waitSignal(player.unavailable, timeout=10_000) as said:
        player.show_clips([replace(clip, path=junk)])
    assert said.args[0].startswith("This clip cannot be played:")
    qtbot.waitUntil(lambda: not player_threads(), timeout=5000)

    cut = tmp_path / "cut.mp4"  # a file cut off halfway (a disk that filled up)
    assert clip.path is not None
    cut.write_bytes(clip.path.read_bytes()[: clip.clip.size_bytes // 2])
    load(qtbot, player, [replace(clip, path=cut)])
    with qtbot.waitSignal(player.frame_shown, timeout=10_000):
        player.jump_to_chapter(3)  # beyond what is left: the last frame there is
    assert player.image is not None and not player.image.isNull()
    assert 0 < player.position_ms < clip.clip.chapters[3].at_ms
    qtbot.waitUntil(lambda: "cannot be shown" in player.now_chapter.text(), timeout=5000)


def test_two_takes_are_chosen_between(
    qtbot,
    demo_station: app.Station,
    service: ReviewService,
    supervisor: UserView,
    inspector: UserView,
    player: ClipPlayer,
    filmed: Filmed,
) -> None:
    second = film(demo_station, filmed.inspection_id, inspector)
    takes = service.clips(supervisor, filmed.inspection_id)
    assert [t.clip.id for t in takes] == [filmed.clip_id, second.clip_id]  # first take first
    load(qtbot, player, takes)
    assert player.choice.isVisibleTo(player) and player.choice.count() == 2
    with qtbot.waitSignal(player.opened, timeout=10_000):
        player.choice.setCurrentIndex(1)
    assert player.clip is not None and player.clip.clip.id == second.clip_id
    qtbot.waitUntil(lambda: len(player_threads()) == 1, timeout=5000)  # the first one ended


def test_the_decoding_thread_ends_when_the_player_is_closed_or_deleted(
    qtbot, clips: list[ReviewClip]
) -> None:
    closed = ClipPlayer()
    qtbot.addWidget(closed)
    load(qtbot, closed, clips)
    assert closed.worker_running
    closed.close()
    qtbot.waitUntil(lambda: not player_threads(), timeout=5000)

    deleted = ClipPlayer()
    load(qtbot, deleted, clips)
    deleted.play()
    deleted.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: not player_threads(), timeout=5000)


# -- on the supervisor's evidence screen -----------------------------------------------------


@pytest.fixture
def panel_with_clips(
    qtbot,
    demo_station: app.Station,
    service: ReviewService,
    clock: Clock,
    supervisor: UserView,
    filmed: Filmed,
) -> Iterator[SupervisorPanel]:
    clock.now = utcnow() + timedelta(minutes=1)
    runner = TaskRunner(workers=2)
    widget = SupervisorPanel(service, demo_station.workflow, runner, language="en", user=supervisor)
    widget.resize(1440, 900)
    with qtbot.waitSignal(widget.queue.loaded, timeout=20_000):
        widget.show()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=20_000)
    yield widget
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    runner.shutdown()
    qtbot.waitUntil(lambda: not player_threads(), timeout=5000)


def test_the_evidence_screen_plays_the_clip_only_for_a_filmed_case(
    qtbot, panel_with_clips: SupervisorPanel, filmed: Filmed, waiting: Waiting
) -> None:
    panel = panel_with_clips
    evidence = panel.evidence
    choose(qtbot, panel, filmed.inspection_id)
    qtbot.waitUntil(lambda: evidence.player.frame == 0, timeout=20_000)  # the first frame
    assert evidence.player.isVisibleTo(evidence) and evidence.clip_heading.isVisibleTo(evidence)
    assert evidence.player.chapters.count() == 4
    with qtbot.waitSignal(evidence.player.frame_shown, timeout=10_000) as shown:
        evidence.player.jump_to_chapter(3)
    assert shown.args[0] <= filmed_chapter(evidence.player, 3)

    choose(qtbot, panel, waiting.swapped)  # inspected without a camera
    assert not evidence.player.isVisibleTo(evidence)
    assert not evidence.clip_heading.isVisibleTo(evidence)
    qtbot.waitUntil(lambda: not player_threads(), timeout=5000)  # no clip: nothing decodes

    panel.drop()  # logout: nothing of the case stays, the clip neither
    assert evidence.player.clip is None


def filmed_chapter(player: ClipPlayer, n: int) -> int:
    assert player.clip is not None
    return player.clip.clip.chapters[n].at_ms


def test_the_supervisor_exports_an_excerpt_for_a_platform_from_the_evidence_screen(
    qtbot,
    panel_with_clips: SupervisorPanel,
    filmed: Filmed,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    evidence = panel_with_clips.evidence
    choose(qtbot, panel_with_clips, filmed.inspection_id)
    qtbot.waitUntil(lambda: evidence.player.frame == 0, timeout=20_000)
    assert evidence.clip_export.isVisibleTo(evidence)
    asked: list[ClipExportDialog] = []

    def choose_shopee(dialog: ClipExportDialog) -> bool:
        asked.append(dialog)
        assert not dialog.chapters.isEnabled()  # the original: no chapters to choose
        dialog.platform.setCurrentIndex(dialog.platform.findData("shopee"))
        assert dialog.chapters.isEnabled()
        dialog.chapters.item(1).setCheckState(Qt.CheckState.Checked)
        dialog.folder.setText(str(tmp_path))
        return True

    monkeypatch.setattr(evidence, "ask_clip_export", choose_shopee)
    progress: list[float] = []
    evidence.clip_export_progress.connect(progress.append)
    with qtbot.waitSignal(evidence.clip_exported, timeout=60_000) as exported:
        qtbot.mouseClick(evidence.clip_export, Qt.MouseButton.LeftButton)
    result = exported.args[0]
    assert asked and result.path.parent == tmp_path and result.kind == "excerpt"
    assert result.size_bytes <= 30_000_000 and result.duration_ms <= 60_000
    assert verify_export(result.manifest, evidence.player.clip.path) == []  # type: ignore[union-attr]
    assert progress and progress[-1] == pytest.approx(1.0)
    assert "Clip exported" in evidence.notice.text() and evidence.clip_export.isEnabled()


def test_an_export_into_a_folder_that_cannot_be_written_is_said_and_nothing_left(
    qtbot,
    panel_with_clips: SupervisorPanel,
    filmed: Filmed,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    evidence = panel_with_clips.evidence
    choose(qtbot, panel_with_clips, filmed.inspection_id)
    qtbot.waitUntil(lambda: evidence.player.frame == 0, timeout=20_000)
    exports = tmp_path / "exports"
    exports.mkdir()
    blocker = exports / "a-file"
    blocker.write_text("not a folder")

    def into_a_file(dialog: ClipExportDialog) -> bool:
        dialog.folder.setText(str(blocker))
        return True

    monkeypatch.setattr(evidence, "ask_clip_export", into_a_file)
    qtbot.mouseClick(evidence.clip_export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: evidence.clip_export.isEnabled(), timeout=20_000)
    assert "a-file" in evidence.notice.text()
    assert sorted(p.name for p in exports.iterdir()) == ["a-file"]
