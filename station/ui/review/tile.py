"""A dashboard figure: a caption, a big number and a note, framed in the tone of its news."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from station.ui.review.tables import html
from station.ui.widgets import set_tone


class Tile(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashTile")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFrameShape(QFrame.Shape.StyledPanel)

    def show_figure(self, caption: str, value: str, note: str, tone: str = "") -> None:
        self.setText(
            f"<div style='font-size:10pt;color:#475467'>{html(caption)}</div>"
            f"<div style='font-size:20pt;font-weight:700'>{html(value)}</div>"
            f"<div style='font-size:9pt'>{html(note)}</div>"
        )
        set_tone(self, tone)
