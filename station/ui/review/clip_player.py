"""The supervisor plays an inspection's unboxing clip with its chapters.

Decoding runs on the player's own worker thread (``clip-player``, a
:class:`~station.runtime.worker.Worker`), never on the GUI thread: the GUI asks for a frame by
its number and the size to show it at, and the worker decodes it, scales and converts it and
hands the QImage back through a queued signal. The newest request wins; one the worker had no
time for is dropped, never queued. A frame is found by jumping to the key frame before it (a
clip has one every second) and decoding forward; a frame a little ahead of the one shown is
decoded forward without a jump, so playing and stepping forward cost one frame each, while a
step back jumps again.

Playback is timed on the GUI thread by a QTimer against an elapsed-time clock: each tick asks
for the frame due at that moment of the clip (at 0.5×, 1×, 2× or 4×), and only once the frame
asked before has arrived, so a slow computer skips frames instead of falling behind.

Keys (while the focus is in the player): Space plays and pauses, comma and period (or the
left and right arrows) step one frame, Enter on a chapter jumps to it. The worker ends when
another clip is shown, when the player is closed and when it is destroyed.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
from pathlib import Path
from typing import Final

import av
import numpy as np
from PySide6.QtCore import QElapsedTimer, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QCloseEvent,
    QColor,
    QFont,
    QHideEvent,
    QImage,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QComboBox,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QSlider,
    QSplitter,
    QWidget,
)

from station.evidence.video.chapters import Chapter, ChapterKind
from station.evidence.video.reading import ClipDecoder, ClipIndex
from station.review.service import ClipState, ReviewClip
from station.runtime.worker import FINISHED, Finished, Worker
from station.ui.texts import arg
from station.ui.widgets import centred_fit, hbox, push_button, text_label, vbox

log = logging.getLogger(__name__)

THREAD_NAME: Final = "clip-player"
SPEEDS: Final = (0.5, 1.0, 2.0, 4.0)
MIN_TICK_MS: Final = 15
MIN_PICTURE_HEIGHT: Final = 160
MAX_PICTURE_HEIGHT: Final = 420
CURRENT_CHAPTER = QColor("#ffe8a3")


def clock_text(ms: int, *, tenths: bool = False) -> str:
    """mm:ss (and tenths) of a position in a clip."""
    ms = max(0, ms)
    minutes, rest = divmod(ms, 60_000)
    text = f"{minutes:02d}:{rest // 1000:02d}"
    return f"{text}.{rest % 1000 // 100}" if tenths else text


# -- the worker's side (no widget is touched here) ------------------------------------------


def to_qimage(frame: av.VideoFrame, box: QSize) -> QImage:
    """The frame scaled to fit ``box`` (never enlarged), as an RGB QImage of its own."""
    scale = min(1.0, box.width() / frame.width, box.height() / frame.height)
    w = max(2, round(frame.width * scale)) // 2 * 2
    h = max(2, round(frame.height * scale)) // 2 * 2
    scaled = frame.reformat(width=w, height=h, format="rgb24", interpolation="AREA")
    rgb = np.ascontiguousarray(scaled.to_ndarray())
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


class _Bridge(QObject):
    """Lives on the GUI thread; the worker's signals queue onto it."""

    opened = Signal(int, object)  # playback number, ClipIndex
    frame = Signal(int, int, int, QImage)  # playback number, request number, frame, image
    failed = Signal(int, str)  # playback number, what went wrong (the library's words)


class _Playback:
    """The worker that decodes one clip for the player, and the one-slot request it serves."""

    serials = itertools.count(1)

    def __init__(self, path: Path, bridge: _Bridge) -> None:
        self.number = next(self.serials)
        self._path = path
        self._bridge = bridge
        self._lock = threading.Lock()
        self._wanted: tuple[int, int, QSize] | None = None  # request, frame, box
        self._decoder: ClipDecoder | None = None
        self._opened = False
        self.worker = Worker(THREAD_NAME, self._round, on_exit=self._close)

    def start(self) -> None:
        self.worker.start()

    def ask(self, request: int, frame: int, box: QSize) -> None:
        with self._lock:
            self._wanted = (request, frame, QSize(box))
        self.worker.wake()

    def stop(self, timeout: float = 0) -> None:
        self.worker.stop(timeout)

    def _emit(self, signal: str, *args: object) -> None:
        with contextlib.suppress(RuntimeError):  # the player is gone: nobody to show it to
            getattr(self._bridge, signal).emit(self.number, *args)

    def _round(self) -> float | Finished | None:
        if not self._opened:
            self._opened = True
            try:
                self._decoder = ClipDecoder(self._path)
            except (av.FFmpegError, OSError, ValueError) as exc:
                log.warning("clip %s cannot be played: %s", self._path.name, exc)
                self._emit("failed", str(exc) or type(exc).__name__)
                return FINISHED
            self._emit("opened", self._decoder.index)
        with self._lock:
            wanted, self._wanted = self._wanted, None
        if wanted is None or self._decoder is None:
            return None  # until asked
        request, n, box = wanted
        decoder = self._decoder
        try:
            frame = decoder.frame(n)
        except av.FFmpegError as exc:  # the jump itself failed
            frame, decoder.problem = None, str(exc)
        if frame is not None:
            shown = decoder.position if decoder.position is not None else n
            self._emit("frame", request, shown, to_qimage(frame, box))
        if decoder.problem or frame is None:
            problem, decoder.problem = decoder.problem or "no frame", ""
            log.warning("clip %s: frame %d cannot be decoded: %s", self._path.name, n, problem)
            self._emit("failed", problem)
        return 0.0

    def _close(self) -> None:
        if self._decoder is not None:
            self._decoder.close()
            self._decoder = None


# -- the GUI's side ------------------------------------------------------------------------


class ClipScreen(QWidget):
    """Paints the frame the worker made, or a message instead."""

    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clipScreen")
        self.image: QImage | None = None
        self.message = ""
        self.setMinimumSize(240, MIN_PICTURE_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    def _keep_proportions(self) -> None:
        """As tall as a 16:9 picture of its width wants, within bounds (the evidence pane
        scrolls; the controls and chapters stay in view beside and below it)."""
        wanted = min(MAX_PICTURE_HEIGHT, max(MIN_PICTURE_HEIGHT, self.width() * 9 // 16))
        if self.minimumHeight() != wanted:
            self.setMinimumHeight(wanted)

    def box(self) -> QSize:
        """The size of picture to ask for, in device pixels."""
        ratio = self.devicePixelRatioF()
        return QSize(round(self.width() * ratio), round(self.height() * ratio))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._keep_proportions()
        self.resized.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#1d2430"))
        if self.image is not None and not self.image.isNull() and not self.message:
            target = centred_fit(self.image.size(), self.size())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, self.image)
        if self.message:
            painter.setPen(QColor("#f4f6f8"))
            painter.drawText(
                self.rect().adjusted(16, 16, -16, -16),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.message,
            )
        painter.end()


class ClipPlayer(QWidget):
    frame_shown = Signal(int)  # the time of the frame now on screen (ms from the clip's start)
    opened = Signal()  # a clip is ready to play (its first frame follows)
    unavailable = Signal(str)  # the message shown instead of a clip

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clipPlayer")
        self.clips: list[ReviewClip] = []
        self.clip: ReviewClip | None = None
        self.index: ClipIndex | None = None
        self.frame = -1  # the frame on screen
        self._target = -1  # the frame asked for last
        self._requests = itertools.count(1)
        self._waiting: int | None = None  # the request no answer has come for yet
        self._playback: _Playback | None = None
        self._speed = 1.0
        self._playing = False
        self._origin_ms = 0  # where playing (re)started, and when
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._bridge = _Bridge(self)
        self._bridge.opened.connect(self._opened, Qt.ConnectionType.QueuedConnection)
        self._bridge.frame.connect(self._frame, Qt.ConnectionType.QueuedConnection)
        self._bridge.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)

        self.choice = QComboBox()
        self.choice.setObjectName("clipChoice")
        self.choice.currentIndexChanged.connect(self._chosen)
        self.picture = ClipScreen()
        self.picture.resized.connect(self._resized)
        self.play_button = push_button(self.tr("Play"), name="secondaryButton", clicked=self.toggle)
        self.play_button.setToolTip(self.tr("Space"))
        self.back_button = push_button("◀|", name="secondaryButton", clicked=lambda: self.step(-1))
        self.back_button.setToolTip(self.tr("One frame back (, or ←)"))
        self.forward_button = push_button(
            "|▶", name="secondaryButton", clicked=lambda: self.step(1)
        )
        self.forward_button.setToolTip(self.tr("One frame on (. or →)"))
        self.speed = QComboBox()
        self.speed.setObjectName("clipSpeed")
        for value in SPEEDS:
            self.speed.addItem(f"{value:g}×", value)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.setToolTip(self.tr("Playing speed"))
        self.speed.currentIndexChanged.connect(lambda n: self.set_speed(SPEEDS[n]))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("clipSlider")
        self.slider.setAccessibleName(self.tr("Position in the clip"))
        self.slider.valueChanged.connect(self._slid)
        self.time = text_label("00:00.0 / 00:00", name="clipTime")
        self.time.setMinimumWidth(110)
        self.now_chapter = text_label(name="clipChapter", wrap=True)
        self.chapters = QListWidget()
        self.chapters.setObjectName("clipChapters")
        self.chapters.setAccessibleName(self.tr("Chapters"))
        self.chapters.setMinimumWidth(200)
        self.chapters.itemActivated.connect(self._chapter_activated)
        self._controls = [
            self.play_button,
            self.back_button,
            self.forward_button,
            self.speed,
            self.slider,
            self.chapters,
        ]

        screen = QWidget()
        vbox(
            self.choice,
            (self.picture, 1),
            hbox(
                self.play_button,
                self.back_button,
                self.forward_button,
                self.speed,
                (self.slider, 1),
                self.time,
                spacing=6,
            ),
            self.now_chapter,
            margins=(0, 0, 0, 0),
            spacing=6,
            parent=screen,
        )
        # the chapters beside the picture; the supervisor can move the line between them
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("clipSplit")
        self.split.addWidget(screen)
        self.split.addWidget(self.chapters)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setChildrenCollapsible(False)
        vbox(self.split, margins=(0, 0, 0, 0), parent=self)
        shortcuts = (
            ("Space", self.toggle),
            (",", lambda: self.step(-1)),
            ("Left", lambda: self.step(-1)),
            (".", lambda: self.step(1)),
            ("Right", lambda: self.step(1)),
        )
        for key, action in shortcuts:
            shortcut = QShortcut(QKeySequence(key), self, action)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # the decoder's thread ends with the widget, whoever deletes it
        holder = self._holder = _Holder()
        self.destroyed.connect(lambda *_: holder.stop())
        self.show_clips([])

    # -- what is shown -------------------------------------------------------------------

    @property
    def image(self) -> QImage | None:
        return self.picture.image

    @property
    def message(self) -> str:
        return self.picture.message

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def speed_factor(self) -> float:
        return self._speed

    @property
    def position_ms(self) -> int:
        if self.index is None or self.frame < 0:
            return 0
        return self.index.times_ms[self.frame]

    @property
    def worker_running(self) -> bool:
        playback = self._playback
        return playback is not None and playback.worker.alive

    def current_chapter(self) -> int | None:
        """The chapter the frame on screen belongs to (the last one started by then)."""
        if self.clip is None or self.index is None or self.frame < 0:
            return None
        at = self.position_ms
        started = [n for n, c in enumerate(self.clip.clip.chapters) if c.at_ms <= at]
        return started[-1] if started else None

    def show_clips(self, clips: list[ReviewClip]) -> None:
        """The clips of the inspection shown (the first is loaded); none: nothing plays."""
        self.clips = list(clips)
        self.choice.blockSignals(True)
        self.choice.clear()
        for n, clip in enumerate(self.clips, 1):
            started = clip.clip.started_at.astimezone().strftime("%H:%M:%S")
            length = clock_text(clip.clip.duration_ms)
            self.choice.addItem(arg(self.tr("Clip %1 · %2 · %3"), n, started, length))
        self.choice.blockSignals(False)
        self.choice.setVisible(len(self.clips) > 1)
        self._load(self.clips[0] if self.clips else None)

    def _chosen(self, n: int) -> None:
        if 0 <= n < len(self.clips):
            self._load(self.clips[n])

    def _load(self, clip: ReviewClip | None) -> None:
        self.unload()
        self.clip = clip
        self._fill_chapters(clip.clip.chapters if clip else ())
        if clip is None:
            return
        if clip.path is None or clip.state is not ClipState.PLAYABLE:
            self._unavailable(self._state_text(clip.state))
            return
        self.picture.message = self.tr("Opening the clip…")
        self.picture.update()
        playback = _Playback(clip.path, self._bridge)
        self._playback = self._holder.playback = playback
        playback.start()

    def unload(self) -> None:
        """Stop playing and end the decoder's thread (it closes the file on its way out)."""
        self.pause()
        playback, self._playback = self._playback, None
        self._holder.playback = None
        if playback is not None:
            playback.stop(0)  # it only asks: the round in progress is one frame at most
        self.clip = None
        self.index = None
        self.frame = self._target = -1
        self._waiting = None
        self.picture.image = None
        self.picture.message = ""
        self.picture.update()
        self.slider.blockSignals(True)
        self.slider.setRange(0, 0)
        self.slider.blockSignals(False)
        self.time.setText("00:00.0 / 00:00")
        self.now_chapter.setText("")
        self._enable(False)

    def _state_text(self, state: ClipState) -> str:
        match state:
            case ClipState.PURGED:
                return self.tr(
                    "This clip was removed from the station after its retention time; "
                    "the central service keeps it."
                )
            case _:
                return self.tr("The clip's file is missing from this station.")

    def _unavailable(self, text: str) -> None:
        self.pause()
        self.picture.image = None
        self.picture.message = text
        self.picture.update()
        self._enable(False)
        self.chapters.setEnabled(bool(self.clip and self.clip.clip.chapters))
        self.unavailable.emit(text)

    def _enable(self, on: bool) -> None:
        for widget in self._controls:
            widget.setEnabled(on)

    def _fill_chapters(self, chapters: tuple[Chapter, ...]) -> None:
        self.chapters.clear()
        for chapter in chapters:
            text = f"{clock_text(chapter.at_ms)}   {self.kind_text(chapter.kind)}"
            if chapter.label:
                text += f"   {chapter.label}"
            item = QListWidgetItem(text)
            item.setToolTip(text)  # a long label is cut in the list
            item.setData(Qt.ItemDataRole.UserRole, chapter.at_ms)
            self.chapters.addItem(item)

    def kind_text(self, kind: ChapterKind) -> str:
        texts = {
            ChapterKind.SCAN: self.tr("Scan"),
            ChapterKind.ANSWER: self.tr("Answer"),
            ChapterKind.PHOTO: self.tr("Photo"),
            ChapterKind.VERDICT: self.tr("Verdict"),
            ChapterKind.OVERRIDE: self.tr("Override"),
            ChapterKind.LABEL: self.tr("Label"),
            ChapterKind.PARKED: self.tr("Parked"),
            ChapterKind.CAMERA_LOST: self.tr("Camera lost"),
            ChapterKind.CAMERA_BACK: self.tr("Camera back"),
        }
        return texts.get(kind, str(kind))

    # -- the worker's answers (queued onto the GUI thread) -------------------------------

    def _mine(self, number: int) -> bool:
        return self._playback is not None and self._playback.number == number

    def _opened(self, number: int, index: ClipIndex) -> None:
        if not self._mine(number):
            return
        self.index = index
        self.picture.message = ""
        self.slider.blockSignals(True)
        self.slider.setRange(0, index.duration_ms)
        self.slider.setSingleStep(max(1, index.duration_ms // max(1, index.frames - 1)))
        self.slider.setPageStep(5000)
        self.slider.blockSignals(False)
        self._enable(True)
        self.opened.emit()
        self._ask(0)

    def _frame(self, number: int, request: int, frame: int, image: QImage) -> None:
        if not self._mine(number) or self.index is None:
            return
        if request == self._waiting:
            self._waiting = None
        self.frame = frame
        self.picture.image = image
        self.picture.message = ""
        self.picture.update()
        at = self.index.times_ms[frame]
        self.slider.blockSignals(True)
        self.slider.setValue(at)
        self.slider.blockSignals(False)
        self.time.setText(
            f"{clock_text(at, tenths=True)} / {clock_text(self.index.duration_ms, tenths=True)}"
        )
        self._mark_chapter()
        self.frame_shown.emit(at)
        if self._playing and frame >= self.index.frames - 1 and self._waiting is None:
            self.pause()  # the end of the clip

    def _failed(self, number: int, detail: str) -> None:
        if not self._mine(number):
            return
        self._waiting = None
        if self.index is None:  # it never opened
            self._unavailable(arg(self.tr("This clip cannot be played: %1"), detail))
        else:
            self.now_chapter.setText(
                arg(self.tr("A part of this clip cannot be shown: %1"), detail)
            )

    def _mark_chapter(self) -> None:
        current = self.current_chapter()
        for n in range(self.chapters.count()):
            item = self.chapters.item(n)
            font = QFont(item.font())
            font.setBold(n == current)
            item.setFont(font)
            item.setBackground(QBrush(CURRENT_CHAPTER) if n == current else QBrush())
        if current is None or self.clip is None:
            self.now_chapter.setText("")
            return
        chapter = self.clip.clip.chapters[current]
        what = self.kind_text(chapter.kind)
        if chapter.label:
            what += f" — {chapter.label}"
        self.now_chapter.setText(arg(self.tr("Chapter %1: %2"), current + 1, what))

    # -- asking for frames ---------------------------------------------------------------

    def _ask(self, frame: int) -> None:
        if self._playback is None or self.index is None:
            return
        frame = max(0, min(self.index.frames - 1, frame))
        self._target = frame
        self._waiting = next(self._requests)
        self._playback.ask(self._waiting, frame, self.picture.box())

    def seek_ms(self, ms: int) -> None:
        """Show the frame on screen at ``ms`` (playing goes on from there)."""
        if self.index is None:
            return
        self._ask(self.index.frame_at(ms))
        if self._playing:
            self._restart_clock(self.index.times_ms[self._target])

    def step(self, frames: int) -> None:
        """Pause and move ``frames`` frames on (or back, when negative)."""
        if self.index is None:
            return
        self.pause()
        base = self._target if self._target >= 0 else max(0, self.frame)
        self._ask(base + frames)

    def jump_to_chapter(self, n: int) -> None:
        if self.clip is None or not 0 <= n < len(self.clip.clip.chapters):
            return
        self.seek_ms(self.clip.clip.chapters[n].at_ms)

    def _chapter_activated(self, item: QListWidgetItem) -> None:
        self.jump_to_chapter(self.chapters.row(item))

    def _slid(self, value: int) -> None:
        self.seek_ms(value)

    def _resized(self) -> None:
        if self.index is not None and self.frame >= 0 and not self._playing:
            self._ask(self._target if self._target >= 0 else self.frame)

    # -- playing -------------------------------------------------------------------------

    def toggle(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        if self.index is None or self._playing:
            return
        start = self.index.times_ms[max(0, self._target)]
        if self._target >= self.index.frames - 1:
            start = 0  # from the end: again from the start
            self._ask(0)
        self._playing = True
        self._restart_clock(start)
        self._timer.start(self._tick_ms())
        self.play_button.setText(self.tr("Pause"))

    def pause(self) -> None:
        self._timer.stop()
        if self._playing:
            self._playing = False
            self.play_button.setText(self.tr("Play"))

    def set_speed(self, speed: float) -> None:
        if speed not in SPEEDS:
            return
        if self.speed.currentData() != speed:
            self.speed.setCurrentIndex(SPEEDS.index(speed))  # comes back here
            return
        at = self._playing_at()
        self._speed = speed
        if self._playing and self.index is not None:
            self._restart_clock(at)
            self._timer.start(self._tick_ms())

    def _tick_ms(self) -> int:
        if self.index is None or self.index.frames < 2:
            return 100
        frame_ms = self.index.duration_ms / (self.index.frames - 1)
        return max(MIN_TICK_MS, round(frame_ms / self._speed / 2))

    def _restart_clock(self, at_ms: int) -> None:
        self._origin_ms = at_ms
        self._clock.restart()

    def _playing_at(self) -> int:
        return self._origin_ms + round(self._clock.elapsed() * self._speed)

    def _tick(self) -> None:
        if self.index is None or not self._playing:
            return
        if self._waiting is not None:
            return  # the frame asked for before is not here yet: skip, never queue
        due = self.index.frame_at(self._playing_at())
        if due > self._target:
            self._ask(due)
        elif self._target >= self.index.frames - 1:
            self.pause()

    # -- life ----------------------------------------------------------------------------

    def hideEvent(self, event: QHideEvent) -> None:
        self.pause()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.unload()
        super().closeEvent(event)


class _Holder:
    """What the player's ``destroyed`` handler needs, without the player itself."""

    def __init__(self) -> None:
        self.playback: _Playback | None = None

    def stop(self) -> None:
        playback, self.playback = self.playback, None
        if playback is not None:
            # the window is going (logout, exit): the thread ends before the interpreter
            playback.stop(2.0)
