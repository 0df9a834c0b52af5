"""Exporting a clip for a platform: which platform (the whole take, or an excerpt within its
limits), around which chapters, and into which folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from station.evidence.video.chapters import ChapterKind
from station.evidence.video.export import PLATFORMS
from station.evidence.video.records import ClipView
from station.ui.review.clip_player import clock_text
from station.ui.texts import arg
from station.ui.widgets import STRETCH, hbox, holder, push_button, text_label, vbox


class ClipExportDialog(QDialog):
    def __init__(
        self,
        clip: ClipView,
        kind_text: Callable[[ChapterKind], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clipExportDialog")
        self.setWindowTitle(arg(self.tr("Export clip %1"), clip.id))
        self.clip = clip
        self.platform = QComboBox()
        self.platform.setObjectName("clipExportPlatform")
        for key, text in (
            ("original", self.tr("Original, the whole take (byte for byte)")),
            ("taobao", self.tr("Taobao: the whole continuous take")),
            ("shopee", self.tr("Shopee: excerpt, at most 30 MB and 60 s")),
            ("generic", self.tr("Other platforms: excerpt, at most 100 MB and 180 s")),
        ):
            assert key in PLATFORMS
            self.platform.addItem(text, key)
        self.platform.currentIndexChanged.connect(self._platform_changed)
        self.chapters = QListWidget()
        self.chapters.setObjectName("clipExportChapters")
        for chapter in clip.chapters:
            item = QListWidgetItem(
                f"{clock_text(chapter.at_ms)}  {kind_text(chapter.kind)}  {chapter.label}"
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.chapters.addItem(item)
        self.chapters_hint = text_label(
            self.tr(
                "An excerpt covers 5 s before to 10 s after each chapter ticked (the whole take "
                "if none is), cut to the platform's limits; a manifest of hashes ties it to the "
                "original."
            ),
            name="setupHint",
            wrap=True,
        )
        self.folder = QLineEdit(str(Path.home()))
        self.folder.setObjectName("clipExportFolder")
        browse = push_button(self.tr("Choose…"), name="secondaryButton", clicked=self._browse)
        self.export_button = push_button(self.tr("Export"), name="exportClip", clicked=self.accept)
        self.export_button.setDefault(True)
        cancel = push_button(self.tr("Cancel"), name="secondaryButton", clicked=self.reject)
        vbox(
            text_label(self.tr("For"), name="setupCaption"),
            self.platform,
            text_label(self.tr("Around the chapters"), name="setupCaption"),
            (self.chapters, 1),
            self.chapters_hint,
            text_label(self.tr("Into the folder"), name="setupCaption"),
            holder(hbox((self.folder, 1), browse, margins=0)),
            hbox(STRETCH, cancel, self.export_button),
            parent=self,
        )
        self.resize(620, 520)
        self._platform_changed()

    @property
    def chosen_platform(self) -> str:
        return str(self.platform.currentData())

    @property
    def chosen_chapters(self) -> list[int]:
        """The chapters ticked, as indexes into the clip's chapters."""
        return [
            n
            for n in range(self.chapters.count())
            if self.chapters.item(n).checkState() is Qt.CheckState.Checked
        ]

    @property
    def chosen_folder(self) -> Path:
        return Path(self.folder.text().strip() or ".")

    def _platform_changed(self) -> None:
        excerpt = not PLATFORMS[self.chosen_platform].whole
        self.chapters.setEnabled(excerpt)
        self.chapters_hint.setEnabled(excerpt)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Into the folder"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)
